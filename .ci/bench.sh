#!/usr/bin/env bash
# make bench: the figures of docs/performance.md. Numbers are for people to
# read; no test asserts them.
#
# For each module (testdata/bench-heavy, then the synthetic series written
# by testdata/synthgen) it prints the scan's wall time, peak RSS and -v
# phases, and go vet ./... on the same module in the same run, on a warm
# module cache. The scanner type-checks everything from source on every
# run, while go vet reuses the build cache: vet is timed on a copy of the
# module made after a first vet filled the cache, so that its dependencies
# are cached and its own packages are vetted afresh, as after an edit.
# BENCH_VET_COLD=1 also times vet with an empty build cache (every
# dependency compiled: minutes on the heavy fixture).
#
#   BENCH_SERIES="50/10 200/40 1000/200"  tools/packages of the synthetic modules
#   BENCH_TIMEOUT=30m                     per scan, then it is reported as a timeout
#   BENCH_GO='Scan$|PhasesSynthetic'      testing.B benchmarks to run ("" for none)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
series=${BENCH_SERIES:-"50/10 200/40 1000/200"}
timeout=${BENCH_TIMEOUT:-30m}
gobench=${BENCH_GO-'Scan$|PhasesSynthetic'}

work=$(mktemp -d)
# The module cache is read-only: make the copies removable.
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
bin=$work/blastradius
measure=$work/measure
# Built once, first, so that no timing includes a compile. measure reports
# wall time and peak RSS (wait4's ru_maxrss) with nothing but Go.
go build -o "$bin" ./cmd/blastradius
go -C testdata/synthgen build -o "$measure" ./measure

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3-), load $(cut -d' ' -f1-3 /proc/loadavg)"
cols='%-22s %5s %8s %8s %8s %8s %9s\n'
printf "$cols" module tools scan_s scan_MiB vet_s vet_MiB scan/vet

# stat FILE KEY prints one key of a measure stats line.
stat() { sed -n "s/.*$2=\([^ ]*\).*/\1/p" "$1"; }

# bench NAME DIR measures one module.
bench() {
	local name=$1 dir=$2
	local log=$work/${name//\//-}
	(cd "$dir" && go mod download)
	"$measure" -o "$log.scan" -timeout "$timeout" -- \
		"$bin" scan -v --format json -o "$log.json" "$dir" 2>"$log.err" >/dev/null || true
	# Fill the build cache, then vet a fresh copy of the module.
	(cd "$dir" && go vet ./... >/dev/null 2>&1) || true
	cp -r "$dir" "$log.copy"
	(cd "$log.copy" && "$measure" -o "$log.vet" -- go vet ./... >/dev/null 2>&1) || true
	local scan vet tools status
	scan=$(stat "$log.scan" wall_s)
	vet=$(stat "$log.vet" wall_s)
	status=$(stat "$log.scan" status)
	tools=$(sed -n 's/^blastradius: *entries .* \([0-9]*\) tools$/\1/p' "$log.err")
	printf "$cols" "$name" "${tools:--}" "$scan" "$(stat "$log.scan" maxrss_mib)" "$vet" "$(stat "$log.vet" maxrss_mib)" \
		"$(awk -v a="$scan" -v b="$vet" 'BEGIN { if (b > 0) printf "%.1fx", a / b }')"
	[ "$status" = ok ] || echo "    scan: $status after ${scan}s"
	# The phases on one line: "load 8.03s (809 packages); ssa ...".
	sed -n 's/^blastradius: *\([a-z]*\) *\([^ ]*\) *\(.*\)$/\1 \2 (\3)/p' "$log.err" | paste -sd';' - | sed 's/;/; /g; s/^/    phases: /'
	if [ "${BENCH_VET_COLD:-}" = 1 ]; then
		cp -r "$dir" "$log.cold"
		(cd "$log.cold" && GOCACHE=$work/gocache "$measure" -o "$log.vetcold" -- go vet ./... >/dev/null 2>&1) || true
		echo "    go vet with an empty build cache: $(stat "$log.vetcold" wall_s)s, $(stat "$log.vetcold" maxrss_mib) MiB"
		chmod -R u+w "$work/gocache" && rm -rf "$work/gocache"
	fi
}

bench bench-heavy "$root/testdata/bench-heavy"
for nm in $series; do
	n=${nm%/*} m=${nm#*/}
	dir=$work/synth-$n-$m
	go -C testdata/synthgen run . -tools "$n" -packages "$m" -out "$dir"
	bench "synthetic-$n/$m" "$dir"
done

if [ -n "$gobench" ]; then
	echo "== go test -bench '$gobench' ./analyzer"
	go test -run '^$' -bench "$gobench" -benchtime 1x -timeout 60m ./analyzer
fi
