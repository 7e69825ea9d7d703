#!/usr/bin/env bash
# Compares two or more sockaudit builds on one generated corpus: each build's JSON report is checked
# against the corpus's plants (Benchmarks/check-report.py, so a figure on files that were never
# parsed fails the run), then the builds are run in turns, ROUNDS times each per format, and the
# smallest CPU time (user+sys), wall time and peak RSS of each are printed side by side. Taking
# turns and the minimum keeps a busy machine's noise out of the comparison as far as it can be.
#
# usage: Benchmarks/compare-builds.sh SIZE ROUNDS NAME=BINARY NAME=BINARY...
#   e.g. Benchmarks/compare-builds.sh 20000 3 before=/tmp/a/sockaudit after=.build/release/sockaudit
#   JOBS=N passes --jobs N to every scan (default: all cores; --jobs 1 is the steadier figure on a
#   busy machine, where two threads' CPU time swings with what else runs).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 4 ] || { sed -n 2,8p "$0" >&2; exit 2; }
size=$1
rounds=$2
shift 2
names=()
binaries=()
for pair in "$@"; do
    names+=("${pair%%=*}")
    binaries+=("${pair#*=}")
done

corpus="Benchmarks/corpus/$size"
if [ ! -f "$corpus/plants.tsv" ] || [ Benchmarks/generate-corpus.py -nt "$corpus/plants.tsv" ]; then
    rm -rf "$corpus"
    python3 Benchmarks/generate-corpus.py "$corpus" "$size" 2>/dev/null
fi
find "$corpus" -type f -exec cat {} + > /dev/null

jobs=()
[ -z "${JOBS:-}" ] || jobs=(--jobs "$JOBS")

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $size files, $rounds rounds, jobs: ${JOBS:-all}"
status=0
for index in "${!names[@]}"; do
    echo "== ${names[$index]}: checking its report against the plants"
    "${binaries[$index]}" scan "$corpus" --quiet --format json > "$out/check-$index.json" 2>/dev/null || true
    python3 Benchmarks/check-report.py "$corpus" "$out/check-$index.json" || status=1
    # Same findings, same bytes: builds that read these files alike print the same text report.
    { "${binaries[$index]}" scan "$corpus" --quiet --format text 2>/dev/null || true; } > "$out/text-$index"
    echo "  text report: $(wc -l < "$out/text-$index") lines, sha256 $(sha256sum < "$out/text-$index" | cut -c1-16)"
done
[ "$status" = 0 ] || { echo "FAILED: a corpus check above failed" >&2; exit 1; }

for format in text sarif; do
    for index in "${!names[@]}"; do echo "inf inf inf" > "$out/best-$format-$index"; done
    for _ in $(seq "$rounds"); do
        for index in "${!names[@]}"; do
            /usr/bin/time -o "$out/times" -f "%e %U %S %M" \
                "${binaries[$index]}" scan "$corpus" --quiet --format "$format" "${jobs[@]}" > /dev/null 2>&1 || true
            read -r wall user system rss < <(tail -n 1 "$out/times")
            read -r bwall bcpu brss < "$out/best-$format-$index"
            awk -v w="$wall" -v c="$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')" -v r="$rss" \
                -v bw="$bwall" -v bc="$bcpu" -v br="$brss" \
                'BEGIN { print (w < bw ? w : bw), (c < bc ? c : bc), (r / 1024 < br ? r / 1024 : br) }' \
                > "$out/best-$format-$index"
        done
    done
done

printf '  %-12s %-6s %8s %8s %9s\n' build format wall_s cpu_s rss_MiB
for format in text sarif; do
    for index in "${!names[@]}"; do
        read -r wall cpu rss < "$out/best-$format-$index"
        printf '  %-12s %-6s %8.2f %8.2f %9.0f\n' "${names[$index]}" "$format" "$wall" "$cpu" "$rss"
    done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
