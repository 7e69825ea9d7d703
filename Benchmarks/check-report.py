#!/usr/bin/env python3
"""Checks a sockaudit JSON report against the corpus's plants.tsv and prints what the corpus held.

Fails (exit 1) when a planted finding is not reported at its line, when an SA901 is reported that
was not planted (a valid file must never be "unscannable"), or when SA101 fires anywhere but at a
plant (the look-alikes must stay silent).

usage: check-report.py CORPUS_DIR REPORT.json
"""
import collections
import json
import sys


def main():
    corpus, report_path = sys.argv[1], sys.argv[2]
    with open(report_path) as handle:
        report = json.load(handle)
    with open(corpus + "/plants.tsv") as handle:
        rows = [line.split("\t") for line in handle.read().splitlines()[1:]]
    planted = {(corpus + "/" + path, int(line), rule) for path, line, rule in rows}
    findings = report["findings"]
    found = {(f["location"]["path"], f["location"]["line"], f["ruleId"]) for f in findings}

    kinds = report["summary"]["filesScanned"]
    by_rule = collections.Counter(f["ruleId"] for f in findings)
    print("  files per kind: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
          + f"; not in scope {report['summary']['filesSkipped']}")
    print("  findings per rule: " + ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items()))
          + f"; total {len(findings)}")

    missed = sorted(planted - found)
    unplanted_901 = sorted(f for f in found if f[2] == "SA901" and f not in planted)
    false_101 = sorted(f for f in found if f[2] == "SA101" and f not in planted)
    plants_901 = sum(1 for p in planted if p[2] == "SA901")
    print(f"  SA901: {by_rule.get('SA901', 0)} reported, {plants_901} planted; "
          f"plants found at their line: {len(planted) - len(missed)}/{len(planted)}; "
          f"SA101 elsewhere (false alarms): {len(false_101)}")
    failures = [("planted finding missed", missed), ("SA901 on a file not planted broken", unplanted_901),
                ("SA101 where nothing was planted", false_101)]
    failed = False
    for what, items in failures:
        for path, line, rule in items[:10]:
            print(f"  FAIL {what}: {path}:{line} {rule}", file=sys.stderr)
        if items:
            failed = True
            print(f"  FAIL {what}: {len(items)} in all", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
