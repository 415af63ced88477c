#!/usr/bin/env bash
# Benchmarks: the analyzer's Benchmark functions once each, then one timed
# scan of the ops-assistant fixture with its -v phase timings. Numbers are
# for people to read; no test asserts them.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== go test -bench ./analyzer"
go test -run '^$' -bench . -benchtime 1x ./analyzer

echo "== blastradius scan -v ./testdata/ops-assistant"
bin=$(mktemp -d)/blastradius
trap 'rm -rf "$(dirname "$bin")"' EXIT
# Built first so that the timing is the scan, not the compile.
go build -o "$bin" ./cmd/blastradius
if [ -x /usr/bin/time ]; then
	log=$(dirname "$bin")/time.log
	/usr/bin/time -v -o "$log" "$bin" scan -v ./testdata/ops-assistant >/dev/null
	grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$log" | sed 's/^[[:space:]]*/time: /'
else
	start=$(date +%s%N)
	"$bin" scan -v ./testdata/ops-assistant >/dev/null
	echo "time: wall $((($(date +%s%N) - start) / 1000000)) ms (no /usr/bin/time: peak RSS not measured)"
fi
