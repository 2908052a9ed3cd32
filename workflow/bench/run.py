#!/usr/bin/env python3
"""Benchmark of the cohort workflow on generated panel cases (the numbers in workflow/README.md).

usage: workflow/bench/run.py [--cases 1000] [--ungrouped-cases 100] [--group-size 100] [--jobs 2]
                             [--nextline PATH] [--snakemake PATH] [--work DIR] [--only STEP,...]

Steps (all by default; --only picks some: direct, local, ungrouped, grouped):
  direct     nextline alone, one case after the other: interpret + render per case, wall and CPU time
             of the two processes (nextline's own time per case, no workflow engine)
  local      snakemake --profile workflow/profiles/local --cores JOBS on all cases: wall time, and the
             sum of the jobs' benchmark records (benchmarks/*/*.tsv) per case
  ungrouped  the same through a job submitter (snakemake-executor-plugin-cluster-generic with
             workflow/bench/submit-local.sh, which starts each job script on this machine as a
             scheduler would on a node): one submitted job per interpret or render, --jobs JOBS at once,
             status checked every second. Each job starts its own Snakemake process, so this costs
             ~2,000 jobs x ~1.5 s per 1,000 cases; it runs on --ungrouped-cases cases and is scaled
  grouped    the same with --group-components case=GROUP_SIZE (GROUP_SIZE cases per submitted job)
             and --cores 1 per group job, on all cases

Inputs are made by workflow/make-cohort.py (fixed seed) under WORK/cohort-N/ and reused. Runs under
`nice -n 10` are advised on a shared machine; the load average before and after each step is printed.
Local execution ignores groups, so "grouped" needs a submitter; on a real cluster the per-job cost is
larger (queue wait, status polling every 40 s or more), and grouping matters more.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKFLOW = os.path.dirname(HERE)
ROOT = os.path.dirname(WORKFLOW)


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def load():
    return open("/proc/loadavg").read().split()[0]


def cohort(n, work):
    d = os.path.join(work, f"cohort-{n}")
    sheet = os.path.join(d, "sheet.tsv")
    if not os.path.exists(sheet):
        log(f"generating {n} cases in {d}")
        subprocess.run([sys.executable, os.path.join(WORKFLOW, "make-cohort.py"), str(n), d], check=True,
                       stdout=subprocess.DEVNULL)
    return sheet


def cases_of(sheet):
    base = os.path.dirname(sheet)
    rows = [l.rstrip("\n").split("\t") for l in open(sheet) if l.strip() and not l.startswith("#")]
    return [(cid, os.path.join(base, f)) for cid, f in rows[1:]]


def timed(argv):
    """(wall seconds, CPU seconds user+sys) of one child process, which must exit 0."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited {p.returncode}")
    return wall, ru.ru_utime + ru.ru_stime


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else float("nan")


def direct(nextline, sheet, work):
    out = os.path.join(work, "direct")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    iw, ic, rw, rc = [], [], [], []
    t0 = time.perf_counter()
    for cid, case in cases_of(sheet):
        doc = os.path.join(out, cid + ".json")
        w, c = timed([nextline, "interpret", "--case", case, "--format", "json", "--output", doc])
        iw.append(w), ic.append(c)
        w, c = timed([nextline, "render", doc, "--format", "html", "--output", os.path.join(out, cid + ".html")])
        rw.append(w), rc.append(c)
    wall = time.perf_counter() - t0
    n = len(iw)
    return {"cases": n, "wall": wall,
            "interpret_wall_median_ms": 1000 * median(iw), "interpret_cpu_median_ms": 1000 * median(ic),
            "render_wall_median_ms": 1000 * median(rw), "render_cpu_median_ms": 1000 * median(rc),
            "per_case_wall_ms": 1000 * (sum(iw) + sum(rw)) / n, "per_case_cpu_ms": 1000 * (sum(ic) + sum(rc)) / n}


def snakemake_run(snakemake, nextline, sheet, work, name, extra):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    argv = [snakemake, "-s", os.path.join(WORKFLOW, "Snakefile"), "--directory", d] + extra + \
           ["--config", f"sheet={sheet}", f"nextline={nextline}"]
    log(f"{name}: {' '.join(argv)}")
    t0 = time.perf_counter()
    with open(os.path.join(work, name + ".log"), "w") as f:
        r = subprocess.run(argv, stdout=f, stderr=subprocess.STDOUT)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"bench: {name} failed (exit {r.returncode}); see {os.path.join(work, name + '.log')}")
    # Snakemake's benchmark records: the wall time `s` of each job (its shell included). Their cpu_time
    # is sampled by psutil and misses most of a sub-second process, so it is not used.
    s = 0.0
    records = 0
    for path in glob.glob(os.path.join(d, "benchmarks", "*", "*.tsv")):
        lines = open(path).read().splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            f = dict(zip(head, line.split("\t")))
            s += float(f["s"])
            records += 1
    n = len(cases_of(sheet))
    return {"cases": n, "wall": wall, "jobs_benchmarked": records,
            "bench_s_per_case_ms": 1000 * s / n}


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--ungrouped-cases", type=int, default=100)
    ap.add_argument("--group-size", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--nextline", default=shutil.which("nextline") or os.path.join(ROOT, ".build/release/nextline"))
    ap.add_argument("--snakemake", default=os.path.join(ROOT, ".build/workflow-venv/bin/snakemake"))
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "nextline-workflow-bench"))
    ap.add_argument("--only", default="direct,local,ungrouped,grouped")
    a = ap.parse_args(argv)
    steps = set(a.only.split(","))
    nextline = os.path.abspath(a.nextline)
    os.makedirs(a.work, exist_ok=True)
    sheet = cohort(a.cases, a.work)
    submit = os.path.join(HERE, "submit-local.sh")
    cluster = ["--executor", "cluster-generic", "--cluster-generic-submit-cmd", submit, "--jobs", str(a.jobs),
               "--seconds-between-status-checks", "1", "--latency-wait", "5", "--scheduler", "greedy"]
    results = {}
    print(f"| step | cases | wall (s) | per case (ms) | notes |\n|---|---|---|---|---|", flush=True)
    if "direct" in steps:
        l0 = load()
        r = direct(nextline, sheet, a.work)
        results["direct"] = r
        print(f"| nextline alone, sequential | {r['cases']} | {r['wall']:.1f} | {r['per_case_wall_ms']:.0f} wall, "
              f"{r['per_case_cpu_ms']:.0f} CPU | interpret median {r['interpret_wall_median_ms']:.0f} ms wall / "
              f"{r['interpret_cpu_median_ms']:.0f} ms CPU, render {r['render_wall_median_ms']:.0f} / "
              f"{r['render_cpu_median_ms']:.0f} ms; load {l0} → {load()} |", flush=True)
    if "local" in steps:
        l0 = load()
        r = snakemake_run(a.snakemake, nextline, sheet, a.work, "local",
                          ["--profile", os.path.join(WORKFLOW, "profiles", "local"), "--cores", str(a.jobs)])
        results["local"] = r
        print(f"| snakemake local, --cores {a.jobs} | {r['cases']} | {r['wall']:.1f} | {1000 * r['wall'] / r['cases']:.0f} wall | "
              f"jobs' benchmark records (interpret + render, wall): {r['bench_s_per_case_ms']:.0f} ms per case; "
              f"load {l0} → {load()} |", flush=True)
    if "ungrouped" in steps:
        sub = cohort(a.ungrouped_cases, a.work)
        l0 = load()
        r = snakemake_run(a.snakemake, nextline, sub, a.work, "ungrouped", cluster + ["--cores", "1"])
        results["ungrouped"] = r
        print(f"| submitter, one job per rule, --jobs {a.jobs} | {r['cases']} | {r['wall']:.1f} (× {a.cases / r['cases']:.0f} ≈ "
              f"{r['wall'] * a.cases / r['cases']:.0f} for {a.cases}) | {1000 * r['wall'] / r['cases']:.0f} wall | "
              f"{2 * r['cases']} submitted jobs; load {l0} → {load()} |", flush=True)
    if "grouped" in steps:
        l0 = load()
        r = snakemake_run(a.snakemake, nextline, sheet, a.work, "grouped",
                          cluster + ["--cores", "1", "--group-components", f"case={a.group_size}"])
        results["grouped"] = r
        groups = -(-r["cases"] // a.group_size)
        print(f"| submitter, --group-components case={a.group_size}, --jobs {a.jobs} | {r['cases']} | {r['wall']:.1f} | "
              f"{1000 * r['wall'] / r['cases']:.0f} wall | {groups} submitted group jobs; load {l0} → {load()} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
