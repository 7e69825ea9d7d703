#!/usr/bin/env bash
# Measures sockaudit against the grep floor on generated corpora, in one run per size: wall time,
# CPU time (user+sys), peak RSS and output bytes of grep and of sockaudit in text, json and sarif.
# Checks each corpus's JSON report against its plants (Benchmarks/check-report.py): the run FAILS
# when a planted finding is missed, when a file that was not planted broken is SA901, or when
# SA101 fires where nothing was planted. Corpora are generated deterministically into
# Benchmarks/corpus/ (git-ignored).
#
# usage: Benchmarks/run.sh [--large] [SIZES...]   default sizes: 2000 20000; --large adds 100000
#        JOBS=N passes --jobs N to sockaudit (default: all cores).
#        SOCKAUDIT=path measures that binary instead of a release build of this checkout.
#        CHECKOV=1 also runs Checkov on corpora of at most 5000 files (installed into Benchmarks/.venv).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=()
large=0
for argument in "$@"; do
    case "$argument" in
        --large) large=1 ;;
        *) sizes+=("$argument") ;;
    esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 20000)
[ "$large" = 0 ] || sizes+=(100000)

# SOCKAUDIT=path measures that binary instead of building this checkout (to compare two builds).
if [ -n "${SOCKAUDIT:-}" ]; then
    sockaudit="$SOCKAUDIT"
else
    swift build -c release -q
    sockaudit="$PWD/.build/release/sockaudit"
fi
jobs=()
[ -z "${JOBS:-}" ] || jobs=(--jobs "$JOBS")

checkov=""
if [ "${CHECKOV:-0}" = 1 ]; then
    venv="$PWD/Benchmarks/.venv"
    if [ ! -x "$venv/bin/checkov" ]; then
        python3 -m venv "$venv" && "$venv/bin/pip" install -q checkov >/dev/null 2>&1 || true
    fi
    [ -x "$venv/bin/checkov" ] && checkov="$venv/bin/checkov"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Runs a command with its standard output in $out/report; prints "wall cpu rss bytes"
# (seconds, seconds, MiB, bytes). sockaudit exits 1 on findings, which is expected here.
measure() {
    /usr/bin/time -o "$out/times" -f "%e %U %S %M" "$@" > "$out/report" 2>/dev/null || true
    awk -v bytes="$(stat -c %s "$out/report")" 'END { printf "%.2f %.2f %.0f %d", $1, $2 + $3, $4 / 1024, bytes }' "$out/times"
}

status=0
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; jobs: ${JOBS:-all}"
for size in "${sizes[@]}"; do
    corpus="Benchmarks/corpus/$size"
    if [ ! -f "$corpus/plants.tsv" ] || [ Benchmarks/generate-corpus.py -nt "$corpus/plants.tsv" ]; then
        rm -rf "$corpus"
        python3 Benchmarks/generate-corpus.py "$corpus" "$size" 2>/dev/null
    fi
    bytes=$(find "$corpus" -type f ! -name plants.tsv -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')
    # Warm the page cache so every tool reads the same bytes from memory.
    find "$corpus" -type f -exec cat {} + > /dev/null
    echo
    echo "== $size files, $bytes MiB, $(($(wc -l < "$corpus/plants.tsv") - 1)) plants"

    # The checks read the JSON report; the measured runs below write to standard output like a user's.
    "$sockaudit" scan "$corpus" --quiet --format json "${jobs[@]}" > "$out/check.json" 2>/dev/null || true
    python3 Benchmarks/check-report.py "$corpus" "$out/check.json" || status=1

    printf '  %-16s %8s %8s %9s %12s %8s\n' tool wall_s cpu_s rss_MiB out_bytes x_grep
    read -r gwall gcpu grss gbytes <<< "$(measure grep -rnE 'docker\.sock|privileged' "$corpus")"
    printf '  %-16s %8s %8s %9s %12s %8s\n' grep "$gwall" "$gcpu" "$grss" "$gbytes" 1.0
    for format in text json sarif; do
        read -r wall cpu rss bytes <<< "$(measure "$sockaudit" scan "$corpus" --quiet --format "$format" "${jobs[@]}")"
        ratio=$(awk -v a="$wall" -v b="$gwall" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }')
        printf '  %-16s %8s %8s %9s %12s %8s\n' "sockaudit $format" "$wall" "$cpu" "$rss" "$bytes" "$ratio"
    done

    if [ -n "$checkov" ] && [ "$size" -le 5000 ]; then
        read -r wall cpu rss bytes <<< "$(measure "$checkov" -d "$corpus" --framework kubernetes dockerfile github_actions gitlab_ci --quiet --compact -o json)"
        printf '  %-16s %8s %8s %9s %12s\n' checkov "$wall" "$cpu" "$rss" "$bytes"
    fi
done
echo
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
[ "$status" = 0 ] || echo "FAILED: a corpus check above failed" >&2
exit "$status"
