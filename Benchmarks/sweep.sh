#!/usr/bin/env bash
# Measures a sharded sweep against one scan on a generated corpus: the single scan in html and
# json, each shard's scan to JSON, and the merge in json, html and sarif. Prints wall time, CPU
# time (user+sys), peak RSS and output bytes of each run, and FAILS when a merged report is not
# byte for byte the single scan's.
#
# usage: Benchmarks/sweep.sh [FILES] [SHARDS]      default 20000 files, 4 shards
#        SOCKAUDIT=path measures that binary instead of a release build of this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-20000}
shards=${2:-4}

if [ -n "${SOCKAUDIT:-}" ]; then
    sockaudit="$SOCKAUDIT"
else
    swift build -c release -q --product sockaudit
    sockaudit="$PWD/.build/release/sockaudit"
fi
corpus="Benchmarks/corpus/$size"
if [ ! -f "$corpus/plants.tsv" ] || [ Benchmarks/generate-corpus.py -nt "$corpus/plants.tsv" ]; then
    rm -rf "$corpus"
    python3 Benchmarks/generate-corpus.py "$corpus" "$size" 2>/dev/null
fi
find "$corpus" -type f -exec cat {} + > /dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Runs a command, its report to $out/$1; prints "wall cpu rss bytes" (s, s, MiB, bytes).
measure() {
    local report=$1
    shift
    /usr/bin/time -o "$out/times" -f "%e %U %S %M" "$@" > "$out/$report" 2>/dev/null || true
    awk -v bytes="$(stat -c %s "$out/$report")" 'END { printf "%.2f %.2f %.0f %d", $1, $2 + $3, $4 / 1024, bytes }' "$out/times"
}
row() { printf '  %-26s %8s %8s %9s %12s\n' "$@"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
echo "== $size files in $(find "$corpus" -mindepth 1 -maxdepth 1 -type d | wc -l) repositories, $shards shards"
row run wall_s cpu_s rss_MiB out_bytes
for format in json html; do
    read -r wall cpu rss bytes <<< "$(measure "single.$format" "$sockaudit" scan "$corpus" --quiet --format "$format")"
    row "scan --format $format" "$wall" "$cpu" "$rss" "$bytes"
done
shard_files=()
for ((index = 0; index < shards; index++)); do
    read -r wall cpu rss bytes <<< "$(measure "shard-$index.json" "$sockaudit" scan "$corpus" --quiet --shard "$index/$shards" --format json)"
    row "scan --shard $index/$shards (json)" "$wall" "$cpu" "$rss" "$bytes"
    shard_files+=("$out/shard-$index.json")
done
status=0
for format in json html sarif; do
    read -r wall cpu rss bytes <<< "$(measure "merged.$format" "$sockaudit" merge "${shard_files[@]}" --format "$format")"
    row "merge --format $format" "$wall" "$cpu" "$rss" "$bytes"
    [ -f "$out/single.$format" ] || "$sockaudit" scan "$corpus" --quiet --format "$format" > "$out/single.$format" 2>/dev/null || true
    if cmp -s "$out/merged.$format" "$out/single.$format"; then
        echo "    merged $format = single scan's, byte for byte"
    else
        echo "    FAIL: merged $format differs from the single scan's"
        status=1
    fi
done
python3 - "$out/single.json" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
print(f"  findings: {summary['findings']} active, {summary['suppressed']} suppressed; by severity {summary['bySeverity']}")
PY
exit $status
