#!/usr/bin/env python3
"""Writes a deterministic benchmark corpus: a tree of repositories holding Kubernetes manifests,
Compose files, shell scripts, GitHub workflows, Dockerfiles, daemon.json files and source files
that are out of scope. A few percent of the in-scope files carry a planted socket exposure; every
plant is listed in plants.tsv (path, line, rule) so a run can be checked for recall.

usage: generate-corpus.py OUT_DIR FILE_COUNT [SEED]
"""
import os
import random
import sys

PLANT_RATE = 0.04


def k8s(rng, name, plant):
    volume = "/var/run/docker.sock" if plant else rng.choice(["/data", "/var/log/app", "/srv/cache"])
    lines = [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        f"  name: {name}",
        f"  namespace: team-{rng.randint(1, 40)}",
        "  labels:",
        f"    app: {name}",
        "spec:",
        f"  replicas: {rng.randint(1, 5)}",
        "  selector:",
        f"    matchLabels: {{app: {name}}}",
        "  template:",
        "    metadata:",
        f"      labels: {{app: {name}}}",
        "    spec:",
        "      securityContext:",
        "        runAsNonRoot: true",
        "      containers:",
        f"      - name: {name}",
        f"        image: registry.example.com/{name}:{rng.randint(1, 9)}.{rng.randint(0, 20)}",
        "        ports:",
        f"        - containerPort: {rng.choice([80, 8080, 9090, 3000])}",
        "        env:",
    ]
    for index in range(rng.randint(2, 12)):
        lines.append(f"        - {{name: SETTING_{index}, value: \"{rng.random():.6f}\"}}")
    lines += [
        "        securityContext:",
        *(["          privileged: false"] if not plant and rng.random() < 0.3 else []),
        "          allowPrivilegeEscalation: false",
        "          readOnlyRootFilesystem: true",
        "          capabilities: {drop: [\"ALL\"]}",
        "        resources:",
        "          limits: {cpu: 500m, memory: 256Mi}",
        "        volumeMounts:",
        "        - {name: data, mountPath: /data}",
        "      volumes:",
        "      - name: data",
        "        hostPath:",
        f"          path: {volume}",
    ]
    plant_line = len(lines)
    if not plant and rng.random() < 0.1:
        # A look-alike: the socket path in an annotation is no mount.
        lines.insert(6, "  annotations: {note: \"never mount /var/run/docker.sock here\"}")
        plant_line += 1
    lines += ["---", "apiVersion: v1", "kind: Service", "metadata:", f"  name: {name}", "spec:",
              "  ports:", "  - port: 80", f"  selector: {{app: {name}}}"]
    return "\n".join(lines) + "\n", [(plant_line, "SA101")] if plant else []


def compose(rng, name, plant):
    volume = "/var/run/docker.sock:/var/run/docker.sock:ro" if plant else "./data:/data"
    lines = ["services:", f"  {name}:", f"    image: registry.example.com/{name}:latest",
             "    read_only: true", "    cap_drop: [ALL]", "    security_opt: [\"no-new-privileges:true\"]",
             "    user: \"1000:1000\"", "    mem_limit: 256m", "    cpus: 0.5", "    pids_limit: 100",
             "    environment:"]
    for index in range(rng.randint(1, 8)):
        lines.append(f"      SETTING_{index}: \"{rng.randint(0, 99999)}\"")
    if not plant and rng.random() < 0.15:
        lines.insert(1, "  # the agent talks to a read-only proxy, not /var/run/docker.sock")
    lines += ["    volumes:", f"      - {volume}"]
    return "\n".join(lines) + "\n", [(len(lines), "SA101")] if plant else []


def script(rng, name, plant):
    lines = ["#!/bin/sh", "set -eu", f"# deploy {name}", f"IMAGE=registry.example.com/{name}:1.0",
             "docker pull \"$IMAGE\""]
    if plant:
        lines.append("docker run -d --name agent -v /var/run/docker.sock:/var/run/docker.sock \"$IMAGE\"")
    elif rng.random() < 0.25:
        lines.append("test -S /var/run/docker.sock || { echo 'no docker daemon' >&2; exit 1; }")
    else:
        lines.append("docker ps --format '{{.Names}}'")
    lines += [f"echo deployed {name}"] * rng.randint(1, 5)
    return "\n".join(lines) + "\n", [(6, "SA101")] if plant else []


def workflow(rng, name, plant):
    step = ("docker run --rm -v /var/run/docker.sock:/var/run/docker.sock example/scan"
            if plant else "make test")
    lines = [f"name: {name}", "on: [push, pull_request]", "jobs:", "  build:", "    runs-on: ubuntu-latest",
             "    steps:", "      - uses: actions/checkout@v4", "      - name: test", "        run: |",
             "          make build", f"          {step}"]
    return "\n".join(lines) + "\n", [(11, "SA101")] if plant else []


def dockerfile(rng, name, plant):
    lines = [f"FROM registry.example.com/base:{rng.randint(1, 9)}", "WORKDIR /app", "COPY . .",
             "RUN make build", "USER 1000", "CMD [\"/app/server\"]"]
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
    (14, "deploy/{name}.yaml", k8s, True),
    (6, "compose/{name}/docker-compose.yml", compose, True),
    (6, "scripts/{name}.sh", script, True),
    (4, ".github/workflows/{name}.yml", workflow, True),
    (4, "docker/{name}/Dockerfile", dockerfile, False),
    (50, "src/{name}.swift", source, False),
    (16, "docs/{name}.md", readme, False),
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
