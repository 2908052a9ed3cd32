#!/usr/bin/env python3
"""Runs `nextline interpret --format json` on every case file under TestVCFs/ and compares the result
with the fixture's expected.yaml (semantics: TestVCFs/README.md, section 'expected.yaml').

Checked keys:
  verdicts         candidate -> verdict, exact, for every candidate (an implication the fixture does not
                   list is reported too)
  origins          "GENE p.X" -> origin of the finding with that gene and one-letter hgvsp
  flags            "GENE p.X" -> flags that must be set (a subset of the finding's flags)
  not_used         "GENE p.X" -> reason; an unexpected CH/germline/filtered not_used entry is reported
  not_detected     "GENE p.X" must not be a detected, used finding (a sub-threshold record may be listed, unused)
  recommendations  set of "KIND BIOMARKER" (e.g. "retest HER2"), exact
  primary          set of candidates whose implication has primary: true, exact

Case files: TestVCFs/scenarios/*/case.yaml, TestVCFs/demo/case.yaml and the case files named by
TestVCFs/callers/expected.yaml (`case_files`).

Usage:
  scripts/check-scenarios.py [--bin PATH] [--only SUBSTRING ...] [--explain] [--json] [--wait SECONDS]
  --bin       the nextline binary (default: $NEXTLINE_BIN, else .build/debug/nextline)
  --wait      seconds to wait for a missing binary, e.g. during a rebuild (default 60)
  --only      run only case files whose path contains one of the substrings
  --explain   for each verdict mismatch, print the rules behind the actual verdict
  --json      print the mismatches as JSON instead of a table
Exit status: 0 when everything matches, 1 when there is a mismatch, 2 when a run failed.
Needs Python 3.8+ and PyYAML.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import time

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("check-scenarios: PyYAML is needed (pip install pyyaml / apt-get install python3-yaml)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "TestVCFs")
BLOCKING_REASONS = {"possible_clonal_hematopoiesis", "possible_germline", "filtered"}


def case_files(only):
    """(case path, expected path) pairs."""
    pairs = []
    for suite in ("scenarios", "clinical"):
        for case in sorted(glob.glob(os.path.join(FIXTURES, suite, "*", "case.yaml"))):
            pairs.append((case, os.path.join(os.path.dirname(case), "expected.yaml")))
    demo = os.path.join(FIXTURES, "demo", "case.yaml")
    if os.path.exists(demo):
        pairs.append((demo, os.path.join(FIXTURES, "demo", "expected.yaml")))
    callers_expected = os.path.join(FIXTURES, "callers", "expected.yaml")
    if os.path.exists(callers_expected):
        with open(callers_expected, encoding="utf-8") as f:
            names = (yaml.safe_load(f) or {}).get("case_files") or []
        for name in names:
            pairs.append((os.path.join(FIXTURES, "callers", name), callers_expected))
    if only:
        pairs = [p for p in pairs if any(o in p[0] for o in only)]
    return pairs


def label(path):
    rel = os.path.relpath(path, FIXTURES)
    parts = rel.split(os.sep)
    if parts[0] in ("scenarios", "clinical"):
        return parts[1].split("_")[0]
    if parts[0] == "callers":
        return "callers/" + parts[-1].replace("case.", "").replace(".yaml", "")
    return parts[0]


def norm_hgvsp(p):
    p = (p or "").strip()
    return p if p.startswith("p.") or not p else "p." + p


def finding_name(f):
    return "%s %s" % (f.get("gene"), norm_hgvsp(f.get("hgvsp")) if f.get("hgvsp") else "(no p.)")


CN_STATES = {"amplification", "gain", "neutral", "shallow_deletion", "deep_deletion", "fusion"}


def parse_name(name):
    gene, _, p = name.strip().partition(" ")
    return (gene, p) if p in CN_STATES else (gene, norm_hgvsp(p))


def run(binary, case):
    proc = subprocess.run([binary, "interpret", "--case", case, "--format", "json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        return None, "exit %d: %s" % (proc.returncode, proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else "")
    try:
        return json.loads(proc.stdout), None
    except json.JSONDecodeError as e:
        return None, "output is not JSON (%s)" % e


def compare(expected, doc, explain):
    """List of (key, item, expected, actual, detail)."""
    out = []
    imps = {i["therapy"]: i for i in doc.get("implications", [])}
    findings = doc.get("findings", [])
    by_name = {}
    for f in findings:
        if f.get("fusion"):
            by_name.setdefault((f["fusion"]["name"], "fusion"), f)
        elif f.get("cn_state"):
            by_name.setdefault((f.get("gene"), f["cn_state"]), f)
        by_name.setdefault((f.get("gene"), norm_hgvsp(f.get("hgvsp"))), f)

    def detail(imp):
        if not explain or imp is None:
            return ""
        parts = []
        for r in imp.get("rule_details", []):
            parts.append("%s=%s%s" % (r["id"], r["effect"], "(P)" if r.get("primary") else ""))
        if imp.get("overridden"):
            parts.append("overridden: " + ",".join(imp["overridden"]))
        return "; ".join(parts)

    # verdicts
    want = expected.get("verdicts") or {}
    for cand, v in want.items():
        imp = imps.get(cand)
        got = imp["verdict"] if imp else "(no implication)"
        if got != v:
            out.append(("verdict", cand, v, got, detail(imp)))
    for cand, imp in imps.items():
        if cand not in want:
            out.append(("verdict", cand, "(not in expected)", imp["verdict"], detail(imp)))

    # origins
    for name, origin in (expected.get("origins") or {}).items():
        f = by_name.get(parse_name(name))
        got = f["origin"] if f else "(no finding)"
        if got != origin:
            out.append(("origin", name, origin, got, (f or {}).get("origin_reason", "") if explain else ""))

    # flags (must be set)
    for name, flags in (expected.get("flags") or {}).items():
        f = by_name.get(parse_name(name))
        got = sorted(f.get("flags", [])) if f else None
        missing = [x for x in flags if got is None or x not in got]
        if missing:
            out.append(("flags", name, ",".join(sorted(flags)), "(no finding)" if got is None else ",".join(got) or "-", ""))

    # not_used
    actual_nu = {}
    for n in doc.get("not_used", []):
        actual_nu[(n.get("gene"), norm_hgvsp(n.get("hgvsp")))] = n.get("reason", "")
    want_nu = {parse_name(k): v for k, v in (expected.get("not_used") or {}).items()}
    for key, reason in want_nu.items():
        got = actual_nu.get(key)
        if got is None or reason not in got.split(","):
            out.append(("not_used", "%s %s" % key, reason, got or "(used)", ""))
    for key, reason in actual_nu.items():
        if key not in want_nu and BLOCKING_REASONS.intersection(reason.split(",")):
            out.append(("not_used", "%s %s" % key, "(used)", reason, ""))

    # not_detected
    for name in expected.get("not_detected") or []:
        f = by_name.get(parse_name(name))
        if f is not None and f.get("used", True):
            out.append(("not_detected", name, "not a detected finding", "listed as a used finding", ""))

    # classification, copy-number state, origin_uncertain, preclinical_only
    for name, cls in (expected.get("classification") or {}).items():
        f = by_name.get(parse_name(name))
        got = f.get("classification") if f else "(no finding)"
        if got != cls:
            out.append(("classification", name, cls, got, (f or {}).get("classification_reason", "") if explain else ""))
    for gene, state in (expected.get("cn_state") or {}).items():
        got = sorted({f.get("cn_state") for f in findings if f.get("gene") == gene and f.get("cn_state")})
        if state not in got:
            out.append(("cn_state", gene, state, ",".join(got) or "(none)", ""))
    for key in ("origin_uncertain", "preclinical_only"):
        if key in expected:
            want_k = sorted(expected.get(key) or [])
            got_k = sorted(t for t, i in imps.items() if i.get(key))
            if want_k != got_k:
                out.append((key, "", ", ".join(want_k) or "-", ", ".join(got_k) or "-", ""))

    # recommendations
    if "recommendations" in expected:
        want_rec = sorted(set(expected.get("recommendations") or []))
        got_rec = sorted({("%s %s" % (r.get("kind"), r.get("biomarker") or "")).strip()
                          for r in doc.get("recommendations", [])})
        if want_rec != got_rec:
            det = "; ".join("%s %s: %s" % (r.get("kind"), r.get("biomarker") or "", ",".join(r.get("rules") or []) or "(engine)")
                            for r in doc.get("recommendations", [])) if explain else ""
            out.append(("recommendations", "", ", ".join(want_rec) or "-", ", ".join(got_rec) or "-", det))

    # primary
    if "primary" in expected:
        want_p = sorted(expected.get("primary") or [])
        got_p = sorted(t for t, i in imps.items() if i.get("primary"))
        if want_p != got_p:
            out.append(("primary", "", ", ".join(want_p) or "-", ", ".join(got_p) or "-", ""))
    return out


def table(rows, headers):
    widths = [max(len(str(r[i])) for r in rows + [headers]) for i in range(len(headers))]
    widths[-1] = 0
    line = lambda r: "  ".join(str(c).ljust(w) if w else str(c) for c, w in zip(r, widths)).rstrip()
    print(line(headers))
    print(line(["-" * max(w, len(h)) for w, h in zip(widths, headers)]))
    for r in rows:
        print(line(r))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.environ.get("NEXTLINE_BIN", os.path.join(ROOT, ".build", "debug", "nextline")))
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--wait", type=float, default=60,
                    help="seconds to wait for a missing binary (e.g. during a rebuild); default 60")
    args = ap.parse_args()
    # The binary may be replaced by a rebuild while we look for it: wait up to --wait seconds.
    deadline = time.time() + args.wait
    while not os.access(args.bin, os.X_OK) and time.time() < deadline:
        time.sleep(5)
    if not os.access(args.bin, os.X_OK):
        sys.exit("check-scenarios: no executable nextline at %s (build it or pass --bin)" % args.bin)

    rows, failures, cases = [], [], 0
    for case, exp_path in case_files(args.only):
        cases += 1
        with open(exp_path, encoding="utf-8") as f:
            expected = yaml.safe_load(f) or {}
        doc, err = run(args.bin, case)
        if err:
            failures.append((label(case), err))
            continue
        for key, item, want, got, det in compare(expected, doc, args.explain):
            rows.append((label(case), key, item, want, got, det))

    if args.json:
        print(json.dumps({"cases": cases, "failures": [{"case": c, "error": e} for c, e in failures],
                          "mismatches": [dict(zip(["case", "key", "item", "expected", "actual", "detail"], r))
                                         for r in rows]}, indent=1))
    else:
        if rows:
            headers = ["case", "key", "item", "expected", "actual"] + (["rules behind actual"] if args.explain else [])
            table([r if args.explain else r[:5] for r in rows], headers)
        for c, e in failures:
            print("RUN FAILED %s: %s" % (c, e))
        ncases = len({r[0] for r in rows})
        print("\n%d case files, %d mismatches in %d of them, %d runs failed"
              % (cases, len(rows), ncases, len(failures)))
    return 2 if failures else (1 if rows else 0)


if __name__ == "__main__":
    sys.exit(main())
