#!/usr/bin/env bash
# Opens the HTML report in a real headless browser (Debian's chromium): it must render, hold no
# script (a finding's evidence here carries one), and show the numbers of the JSON report: both
# merged from the same three shards. A screenshot is kept in ci-artifacts/ for people to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)"; exit 1; }
start=$(date +%s)
mkdir -p ci-artifacts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The bundled examples plus a manifest whose container name and image try to inject markup, a
# suppressed finding and a file that cannot be parsed.
cp -r examples "$work/tree"
cat > "$work/tree/hostile.yaml" <<'YAML'
apiVersion: v1
kind: Pod
metadata: {name: "<script>document.title='pwned'</script>"}
spec:
  containers:
  - name: "<img src=x onerror=document.title='pwned'>"
    image: "<script>alert(1)</script>"
    volumeMounts: [{name: s, mountPath: /var/run/docker.sock}]
  volumes:
  - {name: s, hostPath: {path: /var/run/docker.sock}}
YAML
mkdir -p "$work/tree/legacy"
cat > "$work/tree/legacy/run.sh" <<'SH'
#!/bin/sh
# sockaudit:ignore SA101 -- the legacy agent is being retired (OPS-12)
docker run -v /var/run/docker.sock:/var/run/docker.sock alpine:3.20 true
SH
printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n' > "$work/tree/legacy/broken.yaml"

swift build -q --product sockaudit
binary="$PWD/.build/debug/sockaudit"
# As an auditor gets it: the sweep scanned in three shards, each its own process, merged into one
# HTML page and one JSON report; the page's numbers must be the merged JSON's.
for index in 0 1 2; do
    status=0
    (cd "$work" && "$binary" scan tree --shard "$index/3" --format json --output "shard-$index.json" 2>/dev/null) || status=$?
    [ "$status" -ne 2 ] || { echo "sockaudit scan --shard $index/3 exited 2"; exit 1; }
done
for format in html json; do
    status=0
    (cd "$work" && "$binary" merge shard-0.json shard-1.json shard-2.json --format "$format" --output "merged.$format" 2>/dev/null) || status=$?
    [ "$status" -ne 2 ] || { echo "sockaudit merge --format $format exited 2"; exit 1; }
done
cp "$work/merged.html" ci-artifacts/report.html
cp "$work/merged.json" "$work/report.json"

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --user-data-dir="$work/profile")
url="file://$PWD/ci-artifacts/report.html"
"$browser" "${flags[@]}" --dump-dom "$url" > "$work/dom.html" 2>"$work/browser.log"
"$browser" "${flags[@]}" --window-size=1280,1600 --screenshot="$PWD/ci-artifacts/report.png" "$url" 2>>"$work/browser.log" >/dev/null

python3 - "$work/dom.html" "$work/report.json" ci-artifacts/report.png <<'PY'
import json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
summary = json.load(open(sys.argv[2]))["summary"]
problems = []
def count(element_id):
    match = re.search(r'id="%s"[^>]*data-count="(\d+)"' % element_id, dom)
    return int(match.group(1)) if match else None
for severity, expected in summary["bySeverity"].items():
    if count("total-" + severity) != expected:
        problems.append(f"{severity}: page shows {count('total-' + severity)}, JSON says {expected}")
if count("active-findings") != summary["findings"]:
    problems.append(f"active findings: page {count('active-findings')}, JSON {summary['findings']}")
if count("files-scanned") != sum(summary["filesScanned"].values()):
    problems.append("files scanned differ")
if count("suppressed") != summary["suppressed"]:
    problems.append(f"suppressed: page {count('suppressed')}, JSON {summary['suppressed']}")
baselined = re.search(r'id="baselined"[^>]*>\s*<h3 data-count="(\d+)"', dom)
if not baselined or int(baselined.group(1)) != summary["baselined"]:
    problems.append(f"baselined: page {baselined and baselined.group(1)}, JSON {summary['baselined']}")
findings = json.load(open(sys.argv[2]))["findings"]
unscanned = sum(1 for f in findings if f["ruleId"] == "SA901" and not f["suppression"] and not f["baselined"])
if count("unscanned") != unscanned or unscanned == 0:
    problems.append(f"files not scanned: page {count('unscanned')}, JSON {unscanned} (the tree holds a broken file)")
if "<script" in dom.lower() or "<img" in dom.lower():
    problems.append("the rendered page holds a script or img element")
if "pwned" in (re.search(r"<title>(.*?)</title>", dom) or [None, "pwned"])[1]:
    problems.append("the page title was changed")
if 'id="severity-chart"' not in dom or 'id="repositories"' not in dom:
    problems.append("the chart or the repository table did not render")
png = open(sys.argv[3], "rb").read()
if not png.startswith(b"\x89PNG") or len(png) < 10000:
    problems.append(f"no real screenshot ({len(png)} bytes)")
for problem in problems:
    print("HTML report:", problem)
print(f"HTML report of a 3-shard sweep in chromium: totals {summary['bySeverity']}, {summary['suppressed']} suppressed, "
      f"{unscanned} not scanned, as the merged JSON says; screenshot {len(png)} bytes")
sys.exit(1 if problems else 0)
PY
echo "HTML browser check took $(( $(date +%s) - start )) s"
