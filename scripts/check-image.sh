#!/usr/bin/env bash
# Builds the container image from dist/rootfs (scripts/build-release.sh first) on a real daemon and
# uses it as the docs say: a scan of a mounted folder, standard input, and a host audit with the
# daemon's socket mounted read-only and the host's files under --root /host. The image holds no
# Swift toolchain, so this is also the check that dist/sockaudit runs without one.
#   scripts/check-image.sh SOCKET     (the daemon's unix socket, e.g. scripts/test-daemon.sh's)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 DOCKER_SOCKET" >&2; exit 2; }
socket=$1
docker_cli=/usr/bin/docker  # Debian's client; another may be first on PATH
cli() { "$docker_cli" -H "unix://$socket" "$@"; }
image=sockaudit:check
fail() { echo "check-image: $*" >&2; exit 1; }

[ -x dist/rootfs/usr/local/bin/sockaudit ] || fail "no dist/rootfs: run scripts/build-release.sh first"
if find dist/rootfs -name '*swift*' -o -name '*Foundation*' | grep -q .; then fail "the image would hold Swift libraries"; fi
cli build --quiet --tag "$image" . >/dev/null
cli image inspect --format 'image {{.Id}}: {{.Size}} bytes, user {{.Config.User}}' "$image"

# A scan of the bundled examples, mounted read-only: findings (exit 1), none of them SA901.
status=0
out=$(cli run --rm --network none -v "$PWD/examples:/src:ro" "$image" scan /src --format json) || status=$?
[ "$status" -eq 1 ] || [ "$status" -eq 3 ] || fail "scan in the image exited $status"
python3 - "$out" <<'EOF'
import json, sys
report = json.loads(sys.argv[1])
rules = {f["ruleId"] for f in report["findings"]}
paths = {f["location"]["path"] for f in report["findings"]}
assert "SA101" in rules and "SA107" in rules, rules
assert any(p.startswith("/src/compose/") for p in paths), paths
# The image has no Helm or Kustomize engine: the chart and the overlay say so (SA901); nothing else
# may be SA901.
unscanned = [f for f in report["findings"] if f["ruleId"] == "SA901"]
assert all("engine was found" in f["message"] for f in unscanned), [f["message"] for f in unscanned]
print(f"check-image: scan in the image: {len(report['findings'])} findings in {len(paths)} files")
EOF

# Standard input with a name, as a rendered chart is piped in.
status=0
out=$(cli run --rm -i --network none "$image" scan - --stdin-filename deploy/compose.yaml <examples/compose/docker-compose.yml) || status=$?
[ "$status" -eq 1 ] || fail "standard-input scan in the image exited $status"
grep -q '^deploy/compose.yaml:[0-9]*:[0-9]*: critical SA107' <<<"$out" || fail "standard input not reported under its name: $out"

# A host audit: the daemon's socket read-only at the standard place, the host's files under /host.
status=0
out=$(cli run --rm --network none -v /:/host:ro -v "$socket:/var/run/docker.sock:ro" \
    --group-add "$(stat -c %g "$socket")" "$image" host --root /host --socket /var/run/docker.sock --format json) || status=$?
[ "$status" -eq 1 ] || [ "$status" -eq 3 ] || fail "host audit in the image exited $status"
python3 - "$out" <<'EOF'
import json, sys
report = json.loads(sys.argv[1])
messages = [f["message"] for f in report["findings"]]
assert any("sa-socket" in m for m in messages), "the container with the socket bound in is not reported"
assert not any(f["ruleId"] == "SA901" and "engine" in f["message"].lower() for f in report["findings"]), messages
print(f"check-image: host audit in the image: {len(messages)} findings")
EOF
cli rmi "$image" >/dev/null
echo "check-image: passed"
