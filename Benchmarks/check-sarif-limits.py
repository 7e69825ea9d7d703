#!/usr/bin/env python3
"""Checks a sockaudit SARIF report against what GitHub code scanning accepts, and that what it left
out is never more severe than what it kept, using the JSON report of the same scan (every finding).

GitHub's hard limits (docs.github.com, "SARIF results exceed one or more limits" and "SARIF file is
too large"): 10 MB gzip-compressed per upload, 20 runs per file, 25,000 results per run, 25,000
rules per run, 100 tool extensions per run, 1,000 locations per result, 20 tags per rule; it shows
the 5,000 most severe results of a run.

usage: check-sarif-limits.py REPORT.sarif REPORT.json
Prints the figures; exits 1 naming every limit that is broken.
"""
import collections
import gzip
import json
import sys

RANK = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
LIMITS = {"gzip bytes": 10 * 1000 * 1000, "runs": 20, "results per run": 25_000, "rules per run": 25_000,
          "extensions per run": 100, "locations per result": 1_000, "tags per rule": 20}


def key(rule, fingerprint, path, line, column):
    return (rule, fingerprint, path, line, column)


def main(sarif_path, json_path):
    raw = open(sarif_path, "rb").read()
    sarif = json.loads(raw)
    report = json.load(open(json_path))
    problems = []
    figures = {"bytes": len(raw), "gzip bytes": len(gzip.compress(raw, 6)), "runs": len(sarif["runs"])}
    for limit in ("gzip bytes", "runs"):
        if figures[limit] > LIMITS[limit]:
            problems.append(f"{limit}: {figures[limit]} > {LIMITS[limit]}")

    run = sarif["runs"][0]
    results = run["results"]
    rules = run["tool"]["driver"].get("rules", [])
    figures.update({"results per run": len(results), "rules per run": len(rules),
                    "extensions per run": len(run["tool"].get("extensions", [])),
                    "locations per result": max((len(r.get("locations", [])) for r in results), default=0),
                    "tags per rule": max((len(r.get("properties", {}).get("tags", [])) for r in rules), default=0)})
    for limit in LIMITS:
        if limit not in ("gzip bytes", "runs") and figures[limit] > LIMITS[limit]:
            problems.append(f"{limit}: {figures[limit]} > {LIMITS[limit]}")

    # What the SARIF kept, matched to the JSON report's findings; the rest was left out.
    everything = collections.Counter()
    severity = {}
    active = {}
    for finding in report["findings"]:
        location = finding["location"]
        k = key(finding["ruleId"], finding["fingerprint"], location["path"], location["line"], location["column"])
        everything[k] += 1
        severity[k] = finding["severity"]
        active[k] = finding["suppression"] is None and not finding["baselined"]
    kept = collections.Counter()
    for result in results:
        location = result["locations"][0]["physicalLocation"]
        k = key(result["ruleId"], result["partialFingerprints"]["sockaudit/v1"],
                location["artifactLocation"]["uri"], location["region"]["startLine"],
                location["region"].get("startColumn", 1))
        kept[k] += 1
    unknown = kept - everything
    if unknown:
        problems.append(f"{sum(unknown.values())} SARIF results are not findings of the JSON report")
    left_out = everything - kept
    figures["findings"] = sum(everything.values())
    figures["left out"] = sum(left_out.values())

    # Most severe kept: no active finding left out is more severe than an active one kept, and no
    # active finding is left out while a suppressed or baselined one is kept.
    def order(k):
        return (1 if active[k] else 0, RANK[severity[k]])
    if left_out and kept:
        weakest_kept = min(order(k) for k in kept)
        strongest_left = max(order(k) for k in left_out)
        if strongest_left > weakest_kept:
            problems.append(f"a finding left out ranks {strongest_left} above one kept at {weakest_kept}")
    by_severity = collections.Counter(severity[k] for k in kept.elements())
    figures["kept by severity"] = dict(sorted(by_severity.items(), key=lambda item: -RANK[item[0]]))
    left_by_severity = collections.Counter(severity[k] for k in left_out.elements())
    figures["left out by severity"] = dict(sorted(left_by_severity.items(), key=lambda item: -RANK[item[0]]))
    notifications = [n["message"]["text"] for inv in run.get("invocations", []) for n in inv.get("toolExecutionNotifications", [])]
    if left_out and not any(f"of {figures['findings']:,}" in text or f"of {figures['findings']}" in text for text in notifications):
        problems.append("the run does not say how many findings it left out")

    for name, value in figures.items():
        print(f"{name}: {value}")
    for problem in problems:
        print(f"LIMIT BROKEN: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
