#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus shaped like an organisation's repositories: Kubernetes
manifests, Compose files, shell scripts, Makefiles, GitHub workflows, GitLab CI files, Dockerfiles
and daemon.json files (about three quarters of the files), plus source code and documents that are
out of scope. Containers carry the settings real trees carry, which is to say mostly no hardening,
so the "missing setting" rules fire as they do on real trees. Scripts and CI files hold functions
and several commands (1-2 KB each).

A few percent of the in-scope files carry a planted socket mount (SA101), and a few Kubernetes
files are planted broken (a duplicated key: SA901). Every plant is listed in plants.tsv (path,
line, rule); everything else is valid, and look-alikes (the socket path in an annotation, a
comment, a `test -S`, `privileged: false`) must stay silent. Benchmarks/run.sh checks both ways.

usage: generate-corpus.py OUT_DIR FILE_COUNT [SEED]
"""
import os
import random
import sys

PLANT_RATE = 0.04
BROKEN_RATE = 0.002
SOCKET = "/var/run/docker.sock"
IMAGES = ["nginx:1.27", "redis:7.2", "postgres:16", "python:3.12-slim", "node:20-alpine", "golang:1.22"]


def image(rng, name):
    return f"registry.example.com/{name}:{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"


def k8s(rng, name, plant, broken=False):
    """A workload and its Service. Returns (text, [(line, rule)])."""
    kind = rng.choice(["Deployment", "Deployment", "StatefulSet", "DaemonSet"])
    lines = ["apiVersion: apps/v1", f"kind: {kind}", "metadata:", f"  name: {name}",
             f"  namespace: team-{rng.randint(1, 40)}"]
    if not plant and rng.random() < 0.1:
        # A look-alike: the socket path in an annotation is no mount.
        lines.append(f"  annotations: {{note: \"never mount {SOCKET} here\"}}")
    lines += ["  labels:", f"    app: {name}", f"    tier: {rng.choice(['web', 'worker', 'batch'])}",
              "spec:"]
    if kind != "DaemonSet":
        lines.append(f"  replicas: {rng.randint(1, 5)}")
    if kind == "StatefulSet":
        lines.append(f"  serviceName: {name}")
    lines += ["  selector:", "    matchLabels:", f"      app: {name}", "  template:", "    metadata:",
              "      labels:", f"        app: {name}", "    spec:", f"      serviceAccountName: {name}"]
    hardened = rng.random() < 0.15
    if hardened:
        lines += ["      securityContext:", "        runAsNonRoot: true", "        runAsUser: 10001"]
    lines += ["      containers:", f"      - name: {name}", f"        image: {image(rng, name)}"]
    plants = []
    if broken:
        # A duplicated key: the file is invalid YAML for Kubernetes, and must be SA901 at this line.
        lines.append(f"        image: {image(rng, name)}")
        plants.append((len(lines), "SA901"))
    lines += ["        args:", "        - --port=8080", f"        - --log-level={rng.choice(['info', 'debug'])}",
              "        ports:", f"        - containerPort: {rng.choice([80, 8080, 9090, 3000])}", "          name: http",
              "        env:"]
    for index in range(rng.randint(2, 10)):
        lines += [f"        - name: SETTING_{index}", f"          value: \"{rng.random():.6f}\""]
    lines += ["        readinessProbe:", "          httpGet:", "            path: /healthz", "            port: http",
              "          periodSeconds: 10", "        resources:", "          requests:",
              f"            cpu: {rng.choice(['50m', '100m', '250m'])}", "            memory: 128Mi"]
    if hardened or rng.random() < 0.3:
        lines += ["          limits:", "            cpu: 500m", "            memory: 256Mi"]
    if hardened:
        lines += ["        securityContext:", "          allowPrivilegeEscalation: false",
                  "          readOnlyRootFilesystem: true", "          capabilities:", "            drop: [\"ALL\"]"]
    elif rng.random() < 0.2:
        lines += ["        securityContext:", "          privileged: false"]
    lines += ["        volumeMounts:", "        - name: data", "          mountPath: /data"]
    if rng.random() < 0.3:
        lines += ["      - name: log-shipper", f"        image: registry.example.com/fluent-bit:3.{rng.randint(0, 9)}",
                  "        volumeMounts:", "        - name: data", "          mountPath: /data", "          readOnly: true"]
    lines += ["      volumes:", "      - name: data"]
    if plant:
        lines += ["        hostPath:", f"          path: {SOCKET}"]
        plants.append((len(lines), "SA101"))
    elif rng.random() < 0.5:
        lines += ["        emptyDir: {}"]
    else:
        lines += ["        hostPath:", f"          path: {rng.choice(['/data', '/var/log/app', '/srv/cache'])}"]
    lines += ["---", "apiVersion: v1", "kind: Service", "metadata:", f"  name: {name}", "spec:", "  ports:",
              "  - port: 80", "    targetPort: http", "  selector:", f"    app: {name}"]
    return "\n".join(lines) + "\n", plants


def compose(rng, name, plant):
    lines = ["services:"]
    if not plant and rng.random() < 0.15:
        lines.append(f"  # the agent talks to a read-only proxy, not {SOCKET}")
    plants = []
    services = [name] + [f"{name}-{suffix}" for suffix in rng.sample(["db", "cache", "worker", "proxy"], rng.randint(1, 3))]
    for position, service in enumerate(services):
        lines += [f"  {service}:", f"    image: {image(rng, name) if position == 0 else rng.choice(IMAGES)}",
                  "    restart: unless-stopped"]
        if position == 0:
            lines += ["    build:", "      context: .", "      dockerfile: Dockerfile"]
        if rng.random() < 0.2:
            lines += ["    read_only: true", "    cap_drop: [ALL]", "    security_opt: [\"no-new-privileges:true\"]",
                      "    user: \"1000:1000\"", "    mem_limit: 256m", "    cpus: 0.5", "    pids_limit: 100"]
        lines += ["    ports:", f"      - \"127.0.0.1:{8000 + position}:{rng.choice([80, 8080, 6379, 5432])}\"",
                  "    environment:"]
        for index in range(rng.randint(1, 6)):
            lines.append(f"      SETTING_{index}: \"{rng.randint(0, 99999)}\"")
        if position == 0:
            lines += ["    depends_on:"] + [f"      - {other}" for other in services[1:]]
        lines += ["    volumes:", f"      - ./{service}-data:/data"]
        if plant and position == 0:
            lines.append(f"      - {SOCKET}:{SOCKET}:ro")
            plants.append((len(lines), "SA101"))
    return "\n".join(lines) + "\n", plants


SCRIPT_FUNCTIONS = [
    ["log() {", "  printf '%s %s\\n' \"$(date -u +%FT%TZ)\" \"$*\" >&2", "}"],
    ["die() {", "  log \"error: $*\"", "  exit 1", "}"],
    ["require() {", "  for tool in \"$@\"; do", "    command -v \"$tool\" >/dev/null 2>&1 || die \"$tool is missing\"",
     "  done", "}"],
    ["wait_healthy() {", "  attempts=0", "  until curl -fsS \"http://127.0.0.1:${PORT}/healthz\" >/dev/null; do",
     "    attempts=$((attempts + 1))", "    [ \"$attempts\" -lt 30 ] || die \"not healthy after $attempts tries\"",
     "    sleep 2", "  done", "}"],
    ["cleanup() {", "  docker rm -f \"$NAME\" >/dev/null 2>&1 || true", "  rm -rf \"$WORKDIR\"", "}"],
]


def script(rng, name, plant):
    lines = ["#!/usr/bin/env bash", "set -euo pipefail", f"# Builds and runs {name} on a build host.", "",
             f"NAME={name}", f"IMAGE=${{IMAGE:-{image(rng, name)}}}", f"PORT=${{PORT:-{rng.choice([8080, 9090, 3000])}}}",
             "WORKDIR=$(mktemp -d)", ""]
    for function in SCRIPT_FUNCTIONS:
        lines += function + [""]
    lines += ["trap cleanup EXIT", "require docker curl", "", "build() {",
              "  log \"building $IMAGE\"", "  docker build --pull -t \"$IMAGE\" -f Dockerfile .",
              "  docker tag \"$IMAGE\" \"${IMAGE%:*}:latest\"", "}", "", "start() {",
              "  docker rm -f \"$NAME\" >/dev/null 2>&1 || true"]
    plants = []
    if plant:
        lines.append(f"  docker run -d --name \"$NAME\" -p \"127.0.0.1:$PORT:8080\" -v {SOCKET}:{SOCKET} \"$IMAGE\"")
        plants.append((len(lines), "SA101"))
    else:
        lines.append("  docker run -d --name \"$NAME\" -p \"127.0.0.1:$PORT:8080\" -e LOG_LEVEL=info \\")
        lines.append(f"    -v \"$WORKDIR:/data\" --memory {rng.choice(['256m', '512m'])} \"$IMAGE\" serve --port 8080")
    lines += ["  wait_healthy", "}", ""]
    if not plant and rng.random() < 0.25:
        lines += [f"test -S {SOCKET} || die 'no docker daemon on this host'"]
    lines += ["case \"${1:-all}\" in", "  build) build ;;", "  start) start ;;", "  all)", "    build", "    start",
              "    ;;", "  *) die \"usage: $0 [build|start|all]\" ;;", "esac", f"log \"{name} is up on port $PORT\""]
    return "\n".join(lines) + "\n", plants


def makefile(rng, name, plant):
    lines = [f"IMAGE ?= {image(rng, name)}", "PORT ?= 8080", "", ".PHONY: build test run push clean", "",
             "build:", "\tdocker build -t $(IMAGE) .", "", "test: build",
             "\tdocker run --rm $(IMAGE) make -C /src check", "", "run: build"]
    plants = []
    if plant:
        lines.append(f"\tdocker run --rm -p 127.0.0.1:$(PORT):8080 -v {SOCKET}:{SOCKET} $(IMAGE)")
        plants.append((len(lines), "SA101"))
    else:
        lines.append("\tdocker run --rm -p 127.0.0.1:$(PORT):8080 -v $(CURDIR)/data:/data $(IMAGE)")
    lines += ["", "lint:", "\tdocker run --rm -v $(CURDIR):/src -w /src golangci/golangci-lint:v1.59 golangci-lint run ./...",
              "\tshellcheck scripts/*.sh", "", "integration: build",
              "\tdocker network create $(IMAGE)-net 2>/dev/null || true",
              "\tdocker run -d --name $(IMAGE)-db --network $(IMAGE)-net -e POSTGRES_PASSWORD=test postgres:16",
              "\tdocker run --rm --network $(IMAGE)-net -e DATABASE_URL=postgres://postgres:test@db/postgres $(IMAGE) make check",
              "\t-docker rm -f $(IMAGE)-db", "", "push: build", "\tdocker push $(IMAGE)", "",
              "clean:", "\t-docker rmi $(IMAGE)", "\trm -rf build/ dist/"]
    return "\n".join(lines) + "\n", plants


def workflow(rng, name, plant):
    lines = [f"name: {name}", "on:", "  push:", "    branches: [main]", "  pull_request:", "", "permissions:",
             "  contents: read", "", "env:", f"  IMAGE: ghcr.io/example/{name}", "", "jobs:", "  test:",
             "    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v4",
             "      - name: set up", "        run: |", "          sudo apt-get update",
             "          sudo apt-get install -y make jq", "      - name: unit tests", "        run: |",
             "          make build", "          docker run --rm \"$IMAGE:$GITHUB_SHA\" make test",
             "          docker run --rm -e CI=true \"$IMAGE:$GITHUB_SHA\" make lint", "  scan:", "    needs: test",
             "    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v4", "      - name: scan image",
             "        run: |", "          docker build -t \"$IMAGE:scan\" ."]
    plants = []
    if plant:
        lines.append(f"          docker run --rm -v {SOCKET}:{SOCKET} example/scanner:2 \"$IMAGE:scan\"")
        plants.append((len(lines), "SA101"))
    else:
        lines.append("          docker save \"$IMAGE:scan\" -o image.tar")
    lines += ["          docker run --rm -v \"$PWD:/scan\" example/scanner:2 --input /scan/image.tar",
              "  publish:", "    if: github.ref == 'refs/heads/main'", "    needs: [test, scan]",
              "    runs-on: ubuntu-latest", "    steps:", "      - uses: actions/checkout@v4",
              "      - name: push", "        run: |", "          echo \"$TOKEN\" | docker login ghcr.io -u example --password-stdin",
              "          docker build -t \"$IMAGE:$GITHUB_SHA\" .", "          docker push \"$IMAGE:$GITHUB_SHA\"",
              "        env:", "          TOKEN: ${{ secrets.GITHUB_TOKEN }}"]
    return "\n".join(lines) + "\n", plants


def gitlab(rng, name, plant):
    lines = ["stages: [build, test, deploy]", "", "variables:", f"  IMAGE: $CI_REGISTRY_IMAGE/{name}", "",
             "default:", "  image: docker:27", "  before_script:",
             "    - echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin $CI_REGISTRY",
             "", "build:", "  stage: build", "  script:", "    - docker build -t \"$IMAGE:$CI_COMMIT_SHA\" .",
             "    - docker push \"$IMAGE:$CI_COMMIT_SHA\"", "", "test:", "  stage: test", "  script:"]
    plants = []
    if plant:
        lines.append(f"    - docker run --rm -v {SOCKET}:{SOCKET} \"$IMAGE:$CI_COMMIT_SHA\" make integration")
        plants.append((len(lines), "SA101"))
    else:
        lines.append("    - docker run --rm \"$IMAGE:$CI_COMMIT_SHA\" make integration")
    lines += ["    - docker run --rm \"$IMAGE:$CI_COMMIT_SHA\" make lint", "", "deploy:", "  stage: deploy",
              "  rules:", "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "  script:",
              "    - docker pull \"$IMAGE:$CI_COMMIT_SHA\"", "    - docker tag \"$IMAGE:$CI_COMMIT_SHA\" \"$IMAGE:latest\"",
              "    - docker push \"$IMAGE:latest\""]
    if rng.random() < 0.5:
        # Docker-in-Docker as GitLab documents it for builds without TLS.
        lines += ["", "integration:", "  stage: test", "  services:", "    - docker:27-dind", "  variables:",
                  "    DOCKER_HOST: tcp://docker:2375", "    DOCKER_TLS_CERTDIR: \"\"", "  script:",
                  "    - docker info", "    - docker compose -f compose.test.yml up --abort-on-container-exit"]
    return "\n".join(lines) + "\n", plants


def dockerfile(rng, name, _plant):
    lines = [f"FROM {rng.choice(IMAGES)} AS build", "WORKDIR /src", "COPY . .", "RUN make build", "",
             f"FROM registry.example.com/base:{rng.randint(1, 9)}", "WORKDIR /app", "COPY --from=build /src/out/ /app/",
             "EXPOSE 8080", "USER 1000", "CMD [\"/app/server\"]"]
    return "\n".join(lines) + "\n", []


def daemon_json(rng, _name, _plant):
    lines = ["{", "  \"log-driver\": \"json-file\",", "  \"log-opts\": {\"max-size\": \"10m\", \"max-file\": \"3\"},",
             f"  \"storage-driver\": \"overlay2\",", f"  \"registry-mirrors\": [\"https://mirror{rng.randint(1, 9)}.example.com\"]",
             "}"]
    return "\n".join(lines) + "\n", []


def source(rng, name, _plant):
    body = [f"// {name}: application code, out of scope for sockaudit"]
    for index in range(rng.randint(10, 60)):
        body.append(f"func handler{index}(value: Int) -> Int {{ return value * {rng.randint(1, 9)} }}")
    return "\n".join(body) + "\n", []


def readme(rng, name, _plant):
    return f"# {name}\n\nRun it with docker compose up.\n" + "Lorem ipsum dolor sit amet.\n" * rng.randint(5, 40), []


KINDS = [
    # (weight, relative path pattern, writer, can carry a plant)
    (22, "deploy/{name}.yaml", k8s, True),
    (10, "compose/{name}/docker-compose.yml", compose, True),
    (12, "scripts/{name}.sh", script, True),
    (5, "build/{name}/Makefile", makefile, True),
    (8, ".github/workflows/{name}.yml", workflow, True),
    (4, "ci/{name}/.gitlab-ci.yml", gitlab, True),
    (12, "docker/{name}/Dockerfile", dockerfile, False),
    (2, "hosts/{name}/etc/docker/daemon.json", daemon_json, False),
    (17, "src/{name}.swift", source, False),
    (8, "docs/{name}.md", readme, False),
]


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    weights = [kind[0] for kind in KINDS]
    plants = []
    total_bytes = 0
    for index in range(count):
        repo = f"repo-{index // 250:03d}"
        weight, pattern, writer, can_plant = rng.choices(KINDS, weights)[0]
        name = f"svc{index:05d}"
        plant = can_plant and rng.random() < PLANT_RATE
        if writer is k8s and not plant and rng.random() < BROKEN_RATE * 2:
            text, planted = k8s(rng, name, False, broken=True)
        else:
            text, planted = writer(rng, name, plant)
        path = os.path.join(repo, pattern.format(name=name))
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(text)
        total_bytes += len(text.encode())
        plants += [(path, line, rule) for line, rule in planted]
    with open(os.path.join(out, "plants.tsv"), "w") as handle:
        handle.write("path\tline\trule\n")
        for path, line, rule in plants:
            handle.write(f"{path}\t{line}\t{rule}\n")
    print(f"{count} files, {total_bytes / 1048576:.1f} MiB, {len(plants)} plants", file=sys.stderr)


if __name__ == "__main__":
    main()
