#!/usr/bin/env python3
"""Runs the fault matrix (matrix.tsv) against a nextline binary and checks every row.

usage: run_matrix.py [--bin PATH] [--shared DIR] [--rows 1,5,36] [--timeout S] [--results FILE]

  --bin      the binary (default: $NEXTLINE_BIN, else ../../.build/debug/nextline)
  --shared   shared test data (default: $NEXTLINE_SHARED_DATA, else <repo>/../shared/data); rows whose
             command uses {shared} are skipped when it is absent
  --results  write row, fixture, command, actual exit, verdict and the first stderr line as TSV

matrix.tsv columns: row (1-50 of shared/reliability.md §3; a row may have several lines), fixture
(path relative to this folder, `generated:<name>` for a file make_faults.py writes into the run's
temporary directory, or `-`), command (nextline arguments, or `-` when the row is an environment
fault covered by a Swift test named in note), expect_exit (one code or alternatives `0|65`),
expect_stderr / expect_stdout (`-`, or checks joined by ` && `; `!` negates; `re:` is a Python
regex, anything else a plain substring), note, status (passes-now | fails-now).

Placeholders in command: {f} the fixture, {faults} this folder, {tmp} the run's temporary directory,
{shared} the shared data directory, {out} a fresh output path in its own empty directory. A trailing
`< {f}` feeds the fixture on standard input. When a command has {out} and the expected exit is not 0,
the run must leave neither {out} nor any other file in that directory (no partial output).
stderr is checked with the fixture path replaced by the text {f} (so a file name never satisfies a
check, and `{f}:18` in expect_stderr asserts that the message names the file and line 18).

The exit status is a ratchet, like htsjdk's known-failure lists: 0 when every row behaves as its
status says; 1 when a passes-now row fails (regression) or a fails-now row passes (fixed: change
its status to passes-now).
"""
import argparse, csv, os, re, shlex, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def check(text, spec):
    """(ok, failed term) for a ` && `-joined spec."""
    if spec == "-":
        return True, None
    for term in spec.split(" && "):
        neg = term.startswith("!")
        t = term[1:] if neg else term
        hit = re.search(t[3:], text) is not None if t.startswith("re:") else t in text
        if hit == neg:
            return False, term
    return True, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("NEXTLINE_BIN", os.path.join(ROOT, ".build/debug/nextline")))
    ap.add_argument("--shared", default=os.environ.get("NEXTLINE_SHARED_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data")))
    ap.add_argument("--rows", default="")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--results", default="")
    a = ap.parse_args()
    wanted = {int(x) for x in a.rows.split(",") if x}

    tmp = tempfile.mkdtemp(prefix="nextline-faults-")
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "make_faults.py"), "generated", tmp], check=True,
                       stdout=subprocess.DEVNULL)
        rows = list(csv.DictReader(open(os.path.join(HERE, "matrix.tsv"), encoding="utf-8"), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
        results, surprises = [], []
        for n, r in enumerate(rows, start=2):
            if wanted and int(r["row"]) not in wanted:
                continue
            status = r["status"]
            if r["command"] == "-":
                results.append((r, "", "covered_by", "", "")); continue
            fx = r["fixture"]
            if fx.startswith("generated:"):
                f = os.path.join(tmp, fx[len("generated:"):])
                if not os.path.lexists(f):
                    results.append((r, "", "skipped (not generated)", "", "")); continue
            elif fx != "-":
                f = os.path.join(HERE, fx)
            else:
                f = ""
            if "{shared}" in r["command"] and not os.path.isdir(a.shared):
                results.append((r, "", "skipped (no shared data)", "", "")); continue
            outdir = tempfile.mkdtemp(prefix=f"out-{n}-", dir=tmp)
            out = os.path.join(outdir, "out.doc")
            subst = {"{f}": f, "{faults}": HERE, "{tmp}": tmp, "{shared}": a.shared, "{out}": out}
            tokens = shlex.split(r["command"])
            stdin_path = None
            if len(tokens) >= 2 and tokens[-2] == "<":
                stdin_path, tokens = tokens[-1], tokens[:-2]
            args = []
            for t in tokens:
                for k, v in subst.items():
                    t = t.replace(k, v)
                args.append(t)
            if stdin_path:
                for k, v in subst.items():
                    stdin_path = stdin_path.replace(k, v)
            t0 = time.monotonic()
            try:
                with open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb") as stdin:
                    p = subprocess.run([a.bin] + args, stdin=stdin, capture_output=True, timeout=a.timeout)
                code, so, se = p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                code, so, se = "timeout", "", ""
            secs = time.monotonic() - t0
            problems = []
            if str(code) not in r["expect_exit"].split("|"):
                problems.append(f"exit {code}, expected {r['expect_exit']}")
            # The fixture's own name must not satisfy a check ("r01_truncated..." contains "truncated").
            ok, term = check(se.replace(f, "{f}") if f else se, r["expect_stderr"])
            if not ok:
                problems.append(f"stderr fails {term!r}")
            ok, term = check(so, r["expect_stdout"])
            if not ok:
                problems.append(f"stdout fails {term!r}")
            if "{out}" in r["command"] and r["expect_exit"] != "0" and os.listdir(outdir):
                problems.append(f"left behind: {os.listdir(outdir)}")
            verdict = "pass" if not problems else "FAIL: " + "; ".join(problems)
            first = se.strip().splitlines()[0] if se.strip() else ""
            results.append((r, str(code), verdict, first, f"{secs:.2f}"))
            if (status == "passes-now") != (not problems):
                surprises.append((n, r, verdict, first, secs))
        for r, code, verdict, first, _ in results:
            print(f"row {r['row']:>2} [{r['status']}] {r['fixture']}: {verdict}" + (f"  | {first[:160]}" if first and verdict != 'pass' else ""))
        if a.results:
            with open(a.results, "w", encoding="utf-8") as fh:
                fh.write("row\tfixture\tcommand\tactual_exit\tseconds\tverdict\tstatus\tfirst_stderr_line\n")
                for r, code, verdict, first, secs in results:
                    fh.write("\t".join([r["row"], r["fixture"], r["command"], code, secs, verdict, r["status"], first.replace("\t", " ")]) + "\n")
        if surprises:
            print("\nrows that do not behave as their status says:")
            for n, r, verdict, first, secs in surprises:
                what = "REGRESSION" if r["status"] == "passes-now" else "FIXED (set status to passes-now)"
                print(f"  matrix.tsv line {n} (row {r['row']}, {r['fixture']}): {what}: {verdict}")
            return 1
        return 0
    finally:
        for dirpath, dirnames, _ in os.walk(tmp):   # mode-000 fixtures and read-only dirs
            for d in dirnames:
                os.chmod(os.path.join(dirpath, d), 0o755)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
