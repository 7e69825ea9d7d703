#!/usr/bin/env bash
# Time per Kustomize overlay: N copies of examples/kustomize (a base, a component, an overlay with
# strategic-merge, JSON 6902 and inline patches) are scanned with the engine and with building
# switched off; the difference divided by N is the cost of building one overlay, moving its
# findings back to the files and judging it. Usage: Benchmarks/kustomize-overlays.sh [N] [ENGINE]
# (ENGINE: a kustomize or kubectl path; default: what sockaudit discovers). SOCKAUDIT picks the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20}
engine=${2:-}
binary=${SOCKAUDIT:-.build/release/sockaudit}
[ -x "$binary" ] || swift build -c release --product sockaudit
corpus=$(mktemp -d /tmp/sockaudit-kustomize-bench.XXXXXX)
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 "$count"); do cp -r examples/kustomize "$corpus/app-$i"; done
time_of() { /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null 2>"$corpus/time.txt" || true; tail -1 "$corpus/time.txt"; }
args=(scan "$corpus" --quiet --format json --output /dev/null)
[ -n "$engine" ] && built=("${args[@]}" --kustomize-engine "$engine") || built=("${args[@]}")
"$binary" "${built[@]}" 2>&1 >/dev/null | tail -1 || true
read -r wall user sys rss < <(time_of "$binary" "${built[@]}")
read -r wall0 user0 sys0 _ < <(time_of "$binary" "${args[@]}" --kustomize-engine none)
echo "overlays: $count  built: wall ${wall}s cpu $(echo "$user + $sys" | bc)s rss $((rss / 1024)) MiB  not built: wall ${wall0}s"
echo "per overlay: wall $(echo "scale=1; ($wall - $wall0) * 1000 / $count" | bc) ms, cpu in sockaudit $(echo "scale=1; ($user + $sys - $user0 - $sys0) * 1000 / $count" | bc) ms"
