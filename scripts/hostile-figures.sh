#!/usr/bin/env bash
# Peak memory and time of the heaviest hostile inputs, each scanned alone by the CLI, against an
# empty folder as the base. Usage: scripts/hostile-figures.sh [path/to/sockaudit]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/sockaudit}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/base" "$work/sparse" "$work/dense" "$work/bomb" "$work/deep-yaml" "$work/deep-json" "$work/limit"
truncate -s 200M "$work/sparse/huge.yaml"
head -c 209715200 /dev/zero | tr '\0' 'a' > "$work/dense/huge.yaml"
{
    printf 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
    for level in 1 2 3 4 5 6 7 8 9; do
        printf '  a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' $level $level \
            $((level-1)) $((level-1)) $((level-1)) $((level-1)) $((level-1)) $((level-1)) $((level-1)) $((level-1)) $((level-1))
    done
} > "$work/bomb/bomb.yaml"
python3 -c "print('apiVersion: v1\nkind: Pod\nspec: ' + '['*10000 + ']'*10000)" > "$work/deep-yaml/deep.yaml"
python3 -c "print('{\"HostConfig\": ' + '['*10000 + ']'*10000 + '}')" > "$work/deep-json/deep.json"
python3 -c "print('apiVersion: v1\nkind: Pod\nspec:\n' + '  # padding\n'*1000000)" > "$work/limit/big.yaml"

printf '| case | exit | wall | peak RSS | over base |\n|---|---|---|---|---|\n'
base=0
for case in base sparse dense bomb deep-yaml deep-json limit; do
    extra=()
    [ "$case" = limit ] && extra=(--max-file-size 20000000)
    set +e
    /usr/bin/time -f "%e %M" -o "$work/time" "$binary" scan "$work/$case" --quiet "${extra[@]}" >/dev/null 2>&1
    status=$?
    set -e
    read -r wall peak < <(tail -n 1 "$work/time")
    [ "$case" = base ] && base=$peak
    printf '| %s | %s | %s s | %s MiB | %s MiB |\n' "$case" "$status" "$wall" $((peak / 1024)) $(((peak - base) / 1024))
done
