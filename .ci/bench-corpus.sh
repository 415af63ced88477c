#!/usr/bin/env bash
# The real-world figures of docs/performance.md: for each repository of the
# corpus (../shared/realworld/corpus.tsv, laid out by its setup.sh under
# EVAL_ROOT), a scan with blastradius next to two peers measured in the same
# run on the same tree: go vet ./... on a warm build cache, and govulncheck
# (which also loads every package and builds SSA and a call graph).
# Numbers are for people to read; no test asserts them. CI cannot fetch the
# corpus, so this runs on a developer's machine only.
#
#   .ci/bench-corpus.sh EVAL_ROOT [dir,dir]
#
# govulncheck needs a vulnerability database and this machine reaches the
# Go module proxy only: the script builds a local one from the module
# golang.org/x/vulndb (its OSV reports, indexed by its own cmd/indexdb) and
# runs govulncheck -db file://... against it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
eval_root=$(cd "${1:?usage: bench-corpus.sh EVAL_ROOT [dir,dir]}" && pwd)
only=${2:-}
corpus=${CORPUS:-$root/../shared/realworld/corpus.tsv}
vulndb_version=v0.0.0-20261105234957-e22db6528018
vuln_version=v1.10.0

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
bin=$work/blastradius
measure=$work/measure
go build -o "$bin" ./cmd/blastradius
go -C testdata/synthgen build -o "$measure" ./measure
GOBIN=$work go install "golang.org/x/vuln/cmd/govulncheck@$vuln_version"

# The local vulnerability database.
db=$work/vulndb
(
	mkdir -p "$work/indexdb" && cd "$work/indexdb"
	go mod init indexdb >/dev/null 2>&1
	go get "golang.org/x/vulndb/cmd/indexdb@$vulndb_version" >/dev/null 2>&1
	osv=$(go list -m -f '{{.Dir}}' golang.org/x/vulndb)/data/osv
	go run golang.org/x/vulndb/cmd/indexdb -vulns "$osv" -out "$db"
)

stat() { sed -n "s/.*$2=\([^ ]*\).*/\1/p" "$1"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3-), load $(cut -d' ' -f1-3 /proc/loadavg)"
cols='%-22s %5s %5s %6s %7s %8s %7s %8s %7s %8s\n'
printf "$cols" repository tools caps finds scan_s scan_MiB vet_s vet_MiB vuln_s vuln_MiB
grep -v '^#' "$corpus" | while IFS=$'\t' read -r dir repo commit flags gowork loc; do
	if [ -n "$only" ] && [[ ",$only," != *",$dir,"* ]]; then continue; fi
	[ -d "$eval_root/$dir" ] || { echo "$dir: no checkout under $eval_root" >&2; continue; }
	gw=off
	[ "$gowork" != - ] && gw="$eval_root/_deps/$gowork"
	[ "$flags" = - ] && flags=
	log=$work/$dir
	(
		cd "$eval_root/$dir"
		export GOWORK=$gw
		# shellcheck disable=SC2086 # flags are words
		"$measure" -o "$log.scan" -timeout 30m -- "$bin" scan --format json -o "$log.json" $flags ./... 2>"$log.err" >/dev/null || true
		# go vet on a warm cache: one run fills it, the second is timed.
		# shellcheck disable=SC2086
		go vet $flags ./... >/dev/null 2>&1 || true
		# shellcheck disable=SC2086
		"$measure" -o "$log.vet" -- go vet $flags ./... >/dev/null 2>&1 || true
		# shellcheck disable=SC2086
		"$measure" -o "$log.vuln" -timeout 30m -- "$work/govulncheck" -db "file://$db" $flags ./... >/dev/null 2>&1 || true
	)
	counts=$(python3 -c '
import json, sys
try:
    d = json.load(open(sys.argv[1]))
    print(len(d["tools"]), sum(len(t["capabilities"]) for t in d["tools"]), len(d["findings"]))
except Exception:
    print("- - -")' "$log.json")
	read -r tools caps finds <<<"$counts"
	printf "$cols" "$dir" "$tools" "$caps" "$finds" \
		"$(stat "$log.scan" wall_s)" "$(stat "$log.scan" maxrss_mib)" \
		"$(stat "$log.vet" wall_s)" "$(stat "$log.vet" maxrss_mib)" \
		"$(stat "$log.vuln" wall_s)" "$(stat "$log.vuln" maxrss_mib)"
	[ "$(stat "$log.scan" status)" = ok ] || echo "    scan: $(stat "$log.scan" status)"
done
