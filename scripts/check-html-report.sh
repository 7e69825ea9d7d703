#!/usr/bin/env bash
# Opens the HTML report in a real headless browser (Debian's chromium): it must render, hold no
# script (a finding's evidence here carries one), and show the totals of the JSON report of the
# same scan. A screenshot is kept in ci-artifacts/ for people to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (apt-get install chromium)"; exit 1; }
start=$(date +%s)
mkdir -p ci-artifacts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The bundled examples plus a manifest whose container name and image try to inject markup.
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

swift build -q --product sockaudit
binary=.build/debug/sockaudit
status=0
"$binary" scan "$work/tree" --format html --output ci-artifacts/report.html 2>/dev/null || status=$?
[ "$status" -le 3 ] && [ "$status" -ne 2 ] || { echo "sockaudit scan exited $status"; exit 1; }
"$binary" scan "$work/tree" --format json --output "$work/report.json" 2>/dev/null || true

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
print(f"HTML report in chromium: totals {summary['bySeverity']} match the JSON report; screenshot {len(png)} bytes")
sys.exit(1 if problems else 0)
PY
echo "HTML browser check took $(( $(date +%s) - start )) s"
