#!/usr/bin/env bash
# Time per Helm chart: N copies of a node-agent chart (helpers, with/toYaml, range, a subchart) are
# scanned with Helm's engine and with rendering switched off; the difference divided by N is the
# cost of rendering and mapping one chart. Usage: Benchmarks/helm-charts.sh [N] [ENGINE]
# (ENGINE: a libhelm_c or helm path; default: what sockaudit discovers). SOCKAUDIT picks the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-50}
engine=${2:-}
binary=${SOCKAUDIT:-.build/release/sockaudit}
[ -x "$binary" ] || swift build -c release --product sockaudit
corpus=$(mktemp -d /tmp/sockaudit-helm-bench.XXXXXX)
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 "$count"); do
    chart="$corpus/agent-$i"
    mkdir -p "$chart/templates" "$chart/charts/metrics/templates"
    printf 'apiVersion: v2\nname: agent-%s\nversion: 1.0.%s\ndependencies:\n  - name: metrics\n    version: 0.1.0\n' "$i" "$i" > "$chart/Chart.yaml"
    printf 'docker:\n  enabled: true\n  socket: /var/run/docker.sock\nsecurityContext:\n  privileged: true\nhostMounts:\n  - name: proc\n    path: /proc\n  - name: sys\n    path: /sys\n' > "$chart/values.yaml"
    cat > "$chart/templates/_helpers.tpl" <<'TPL'
{{- define "agent.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
TPL
    cat > "$chart/templates/daemonset.yaml" <<'TPL'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: {{ .Release.Name }}-{{ .Chart.Name }}
  labels:
    {{- include "agent.labels" . | nindent 4 }}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: registry.example.com/agent:1.0
          {{- with .Values.securityContext }}
          securityContext:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          volumeMounts:
            {{- range .Values.hostMounts }}
            - name: {{ .name }}
              mountPath: /host{{ .path }}
            {{- end }}
      volumes:
        {{- if .Values.docker.enabled }}
        - name: docker-sock
          hostPath:
            path: {{ .Values.docker.socket }}
        {{- end }}
        {{- range .Values.hostMounts }}
        - name: {{ .name }}
          hostPath:
            path: {{ .path }}
        {{- end }}
TPL
    printf 'apiVersion: v2\nname: metrics\nversion: 0.1.0\n' > "$chart/charts/metrics/Chart.yaml"
    printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: metrics\nspec:\n  hostPID: true\n  containers:\n    - name: m\n      image: metrics:1\n' > "$chart/charts/metrics/templates/pod.yaml"
done
time_of() { /usr/bin/time -f "%e %U %S %M" "$@" >/dev/null 2>"$corpus/time.txt" || true; tail -1 "$corpus/time.txt"; }
args=(scan "$corpus" --quiet --format json --output /dev/null)
[ -n "$engine" ] && rendered=("${args[@]}" --helm-engine "$engine") || rendered=("${args[@]}")
"$binary" "${rendered[@]}" 2>&1 >/dev/null | tail -1 || true
"$binary" scan "$corpus" --quiet 2>&1 >/dev/null | tail -1 || true
read -r wall user sys rss < <(time_of "$binary" "${rendered[@]}")
read -r wall0 user0 sys0 rss0 < <(time_of "$binary" "${args[@]}" --helm-engine none)
echo "charts: $count  rendered: wall ${wall}s cpu $(echo "$user + $sys" | bc)s rss $((rss / 1024)) MiB  not rendered: wall ${wall0}s"
echo "per chart: wall $(echo "scale=1; ($wall - $wall0) * 1000 / $count" | bc) ms, cpu $(echo "scale=1; ($user + $sys - $user0 - $sys0) * 1000 / $count" | bc) ms"
