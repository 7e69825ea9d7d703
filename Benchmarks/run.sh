#!/usr/bin/env bash
# Measures sockaudit against the grep floor and Checkov on generated corpora, side by side:
# wall time, CPU time (user+sys) and peak RSS of each, plus sockaudit's recall of the planted
# findings. Corpora are generated deterministically into Benchmarks/corpus/ (git-ignored).
#
# usage: Benchmarks/run.sh [SIZES...]      default: 2000 5000 20000
#        CHECKOV=0 skips Checkov; Checkov runs on corpora of at most 5000 files (it does not
#        finish 20,000 on these machines).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-2000 5000 20000}")
read -r -a sizes <<< "${sizes[*]}"

swift build -c release -q
sockaudit="$PWD/.build/release/sockaudit"

checkov=""
if [ "${CHECKOV:-1}" != 0 ]; then
    venv="$PWD/Benchmarks/.venv"
    if [ ! -x "$venv/bin/checkov" ]; then
        python3 -m venv "$venv" && "$venv/bin/pip" install -q checkov >/dev/null 2>&1 || true
    fi
    [ -x "$venv/bin/checkov" ] && checkov="$venv/bin/checkov"
fi

# Runs a command, prints "wall cpu rss" (seconds, seconds, MiB).
measure() {
    local times
    times=$(mktemp)
    /usr/bin/time -o "$times" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || true
    awk 'END { printf "%.2f %.2f %.0f", $1, $2 + $3, $4 / 1024 }' "$times"
    rm -f "$times"
}

printf '%-8s %-10s %8s %8s %9s  %s\n' files tool wall_s cpu_s rss_MiB notes
for size in "${sizes[@]}"; do
    corpus="Benchmarks/corpus/$size"
    if [ ! -f "$corpus/plants.tsv" ]; then
        rm -rf "$corpus"
        python3 Benchmarks/generate-corpus.py "$corpus" "$size" 2>/dev/null
    fi
    # Warm the page cache so every tool reads the same bytes from memory.
    cat $(find "$corpus" -type f) > /dev/null 2>&1 || true

    report=$(mktemp)
    read -r wall cpu rss <<< "$(measure "$sockaudit" scan "$corpus" --quiet --format json --output "$report")"
    recall=$(python3 - "$corpus" "$report" <<'PY'
import json, sys
corpus, report = sys.argv[1], sys.argv[2]
plants = [line.split("\t") for line in open(corpus + "/plants.tsv").read().splitlines()[1:]]
found = {(f["location"]["path"], f["location"]["line"], f["ruleId"]) for f in json.load(open(report))["findings"]}
planted = {(corpus + "/" + path, int(line), rule) for path, line, rule in plants}
hit = len(planted & found)
extra = len({f for f in found if f[2] == "SA101"} - planted)
print(f"plants found at their line: {hit}/{len(plants)}; SA101 elsewhere (false alarms): {extra}")
PY
)
    rm -f "$report"
    printf '%-8s %-10s %8s %8s %9s  %s\n' "$size" sockaudit "$wall" "$cpu" "$rss" "$recall"

    read -r wall cpu rss <<< "$(measure grep -rnE 'docker\.sock|privileged' "$corpus")"
    lines=$(grep -rnE 'docker\.sock|privileged' "$corpus" | wc -l)
    printf '%-8s %-10s %8s %8s %9s  %s\n' "$size" grep "$wall" "$cpu" "$rss" "the floor: prints $lines lines for $(tail -n +2 "$corpus/plants.tsv" | wc -l) plants"

    if [ -n "$checkov" ] && [ "$size" -le 5000 ]; then
        read -r wall cpu rss <<< "$(measure "$checkov" -d "$corpus" --framework kubernetes dockerfile github_actions gitlab_ci --quiet --compact -o json)"
        printf '%-8s %-10s %8s %8s %9s  %s\n' "$size" checkov "$wall" "$cpu" "$rss" "frameworks kubernetes, dockerfile, github_actions, gitlab_ci"
    fi
done
