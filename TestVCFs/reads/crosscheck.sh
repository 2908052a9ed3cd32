#!/usr/bin/env bash
# Cross-checks TestVCFs/reads/expected.tsv (the truth of how the reads were generated) against htslib's
# own pileup, through bcftools mpileup 1.16 (site counts) and samtools mpileup 1.16 (read names, for the
# T790M/C797S phase counts), on every BAM and CRAM fixture; then shows, with predicted numbers, what
# other mpileup settings would count instead; then checks that the faulty files fail.
#
#   TestVCFs/reads/crosscheck.sh            # prints the tables; exit 0 = every difference explained
#
# The counting command (the issue's, with supplementary alignments excluded):
#   bcftools mpileup -B -d 100000 -q20 -Q20 -a AD,ADF,ADR \
#       --ns UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY -f ref/panel_chr7_chr12.grch38.fa.gz -R sites.vcf FILE
# (--ns is bcftools 1.16's short name of --skip-any-set; its default is UNMAP,SECONDARY,QCFAIL,DUP.)
# Needs: bcftools, samtools (Debian 1.16; installed with apt-get when absent), python3 (standard library).
# No network: REF_PATH/REF_CACHE point at a folder that does not exist, so htslib never looks a CRAM
# reference up by MD5 on a server.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v bcftools >/dev/null 2>&1 || need+=(bcftools)
command -v samtools >/dev/null 2>&1 || need+=(samtools)
if [ ${#need[@]} -gt 0 ]; then
  echo "crosscheck: installing ${need[*]} with apt-get" >&2
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2 || {
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >&2
  }
fi
command -v python3 >/dev/null 2>&1 || { echo "crosscheck: python3 is not on PATH" >&2; exit 1; }

export REF_PATH=/nonexistent-nextline-no-remote-reference/%s
export REF_CACHE=/nonexistent-nextline-no-remote-reference/%s

exec python3 - "$@" <<'PY'
import csv
import subprocess
import sys

REF = "ref/panel_chr7_chr12.grch38.fa.gz"
SITES = "sites.vcf"
NS = "UNMAP,SECONDARY,QCFAIL,DUP,SUPPLEMENTARY"
COUNTING = ["bcftools", "mpileup", "-B", "-d", "100000", "-q20", "-Q20", "-a", "AD,ADF,ADR", "--ns", NS]
QUERY = ["bcftools", "query", "-f", "%CHROM\t%POS\t%REF\t%ALT\t%INFO/INDEL[\t%SAMPLE\t%AD\t%ADF\t%ADR]\n"]
COLS = ["alt_reads", "ref_reads", "other_reads", "depth", "alt_fwd", "alt_rev", "ref_fwd", "ref_rev"]

failures = []


def sh(cmd, input=None):
    p = subprocess.run(cmd, input=input, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode(errors="replace")


def htslib_errors(stderr):
    return [l for l in stderr.splitlines() if l.startswith("[E::") or "fail" in l.lower()]


def mpileup(path, args, ref=REF):
    """bcftools mpileup | bcftools query -> (rc, errors, {(sample, pos, indel): (ref, alts, AD, ADF, ADR)})."""
    cmd = args + (["-f", ref] if ref else ["--no-reference"]) + ["-R", SITES, path]
    rc, vcf, err = sh(cmd)
    recs = {}
    if rc == 0 and vcf:
        qrc, out, qerr = sh(QUERY, input=vcf.encode())
        if qrc != 0:
            return 1, [qerr.strip()], recs
        for line in out.splitlines():
            f = line.split("\t")
            chrom, pos, r, alts, indel = f[0], int(f[1]), f[2], f[3].split(","), f[4] == "1"
            for i in range(5, len(f), 4):
                ints = lambda s: [int(x) for x in s.split(",")]
                recs[(f[i], chrom, pos, indel)] = (r, alts, ints(f[i + 1]), ints(f[i + 2]), ints(f[i + 3]))
    return rc, htslib_errors(err), recs


def trim(ref, alt):
    while len(ref) > 1 and len(alt) > 1 and ref[-1] == alt[-1]:
        ref, alt = ref[:-1], alt[:-1]
    return ref, alt


def observed(recs, row):
    indel = len(row["ref"]) != len(row["alt"])
    rec = recs.get((row["sample"], row["chrom"], int(row["pos"]), indel))
    zero = dict.fromkeys(COLS, 0)
    if rec is None:
        return zero
    r, alts, ad, adf, adr = rec
    alleles = [r] + alts
    want = trim(row["ref"], row["alt"])
    idx = next((i for i, a in enumerate(alleles) if i > 0 and trim(r, a) == want), None)
    if indel is False:
        assert r == row["ref"], (row, r)
    o = dict(ref_reads=ad[0], ref_fwd=adf[0], ref_rev=adr[0], depth=sum(ad))
    o["alt_reads"] = ad[idx] if idx is not None else 0
    o["alt_fwd"] = adf[idx] if idx is not None else 0
    o["alt_rev"] = adr[idx] if idx is not None else 0
    o["other_reads"] = sum(ad[1:]) - o["alt_reads"]
    return o


def read_tsv(path):
    with open(path) as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


expected = read_tsv("expected.tsv")
fixtures = sorted({r["fixture"] for r in expected})
import os
files = [(fx, ext) for fx in fixtures for ext in ("bam", "cram") if os.path.exists(f"{fx}.{ext}")]

# ------------------------------------------------------------------------------------------------
print("== 1. expected.tsv against bcftools mpileup " + " ".join(COUNTING[2:]) + f" -f {REF} -R {SITES}")
print("   (fragment rows must match exactly, BAM and CRAM; rows with zero everywhere are counted, not listed)")
hdr = f"{'fixture':26} {'sample':22} {'site':18} {'counting':10} {'fmt':4} " \
      f"{'expected alt/ref/oth/dp fwd,rev':32} {'mpileup alt/ref/oth/dp fwd,rev':32} status"
print(hdr)
print("-" * len(hdr))
results = {}
for fx, ext in files:
    rc, errs, recs = mpileup(f"{fx}.{ext}", COUNTING)
    if rc != 0 or errs:
        failures.append(f"{fx}.{ext}: bcftools mpileup failed: rc={rc} {errs[:2]}")
    results[(fx, ext)] = recs

zero_rows = 0
matched = 0
explained = 0
for row in expected:
    if row["record"] != "site":
        continue
    for ext in ("bam", "cram"):
        if (row["fixture"], ext) not in results:
            continue
        obs = observed(results[(row["fixture"], ext)], row)
        exp = {c: int(row[c]) for c in COLS}
        fmt = lambda d: f"{d['alt_reads']}/{d['ref_reads']}/{d['other_reads']}/{d['depth']} " \
                        f"{d['alt_fwd']},{d['alt_rev']}"
        if row["counting"] == "fragment":
            if obs == exp:
                status = "match"
                matched += 1
            else:
                diff = ",".join(c for c in COLS if obs[c] != exp[c])
                status = f"MISMATCH ({diff})"
                failures.append(f"{row['fixture']}.{ext} {row['sample']} {row['site']}: expected {exp}, mpileup {obs}")
        else:  # umi_family: mpileup knows no UMI families; it must equal the fragment row of the same site
            frag = next(r for r in expected if r["record"] == "site" and r["fixture"] == row["fixture"]
                        and r["sample"] == row["sample"] and r["site"] == row["site"] and r["counting"] == "fragment")
            if obs == {c: int(frag[c]) for c in COLS}:
                status = "explained (a)" if obs != exp else "match"
                explained += obs != exp
                matched += obs == exp
            else:
                status = "MISMATCH (umi)"
                failures.append(f"{row['fixture']}.{ext} {row['site']} umi_family row: mpileup {obs} != fragment row")
        if exp["depth"] == 0 and obs["depth"] == 0 and status == "match":
            zero_rows += 1
            continue
        print(f"{row['fixture']:26} {row['sample']:22} {row['site']:18} {row['counting']:10} {ext:4} "
              f"{fmt(exp):32} {fmt(obs):32} {status}")
print(f"-- {matched} rows match exactly ({zero_rows} of them zero coverage, not listed); {explained} explained:")
print("   (a) umi_family rows: mpileup does not collapse UMI (RX/MI) families; it counts each fragment of the")
print("       T790M family of 3 (and of the two ref families of 2), so it equals the 'fragment' row, as checked.")
print("   Overlapping mates count once in mpileup too: its overlap detection (on unless -x) gives one mate's")
print("   base the sum of both qualities and sets the other's to 0, which -Q20 then drops. Which mate keeps it")
print("   (hence ADF vs ADR) is chosen by a hash of the read name since htslib 1.13 (tweak_overlap_quality);")
print("   expected.tsv applies the same rule (make_reads.py: htslib_keeps_first_mate), so strands match too.")

# ------------------------------------------------------------------------------------------------
print()
print("== 2. T790M/C797S phase: expected.tsv against read names from samtools mpileup --output-extra QNAME,RG")
print("   (samtools mpileup -B -d 100000 -q 20 -Q 20 --ff " + NS + "; overlap removal on)")


def qname_bases(path, chrom, pos, ref):
    cmd = ["samtools", "mpileup", "-B", "-d", "100000", "-q", "20", "-Q", "20", "--ff", NS,
           "--output-extra", "QNAME,RG", "-f", REF, "-r", f"{chrom}:{pos}-{pos}", path]
    rc, out, err = sh(cmd)
    if rc != 0 or htslib_errors(err):
        failures.append(f"{path}: samtools mpileup failed: {htslib_errors(err)[:2]}")
    res = {}
    for line in out.splitlines():
        f = line.split("\t")
        if int(f[1]) != pos:
            continue
        bases, names, rgs = f[4], f[6].split(","), f[7].split(",")
        calls, i = [], 0
        while i < len(bases):
            c = bases[i]
            if c == "^":
                i += 2
                continue
            if c == "$":
                i += 1
                continue
            if c in "+-":
                j = i + 1
                while bases[j].isdigit():
                    j += 1
                i = j + int(bases[i + 1:j])
                continue
            calls.append(ref if c in ".," else c.upper())
            i += 1
        assert len(calls) == len(names) == len(rgs), (path, pos)
        for n, g, b in zip(names, rgs, calls):
            res.setdefault((g, n), b)  # a fragment once (overlap removal already keeps one mate)
    return res


def samples_of(path):
    rc, out, _ = sh(["samtools", "view", "-H", path])
    m = {}
    for line in out.splitlines():
        if line.startswith("@RG"):
            kv = dict(x.split(":", 1) for x in line.split("\t")[1:])
            m[kv["ID"]] = kv["SM"]
    return m


print(f"{'fixture':26} {'sample':22} {'fmt':4} {'expected both/1st/2nd/neither call':38} "
      f"{'samtools mpileup':38} status")
pair_ok = 0
for row in expected:
    if row["record"] != "pair":
        continue
    for ext in ("bam", "cram"):
        path = f"{row['fixture']}.{ext}"
        if not os.path.exists(path):
            continue
        rg2sm = samples_of(path)
        a = qname_bases(path, row["chrom"], int(row["pos"]), row["ref"])
        b = qname_bases(path, row["chrom"], int(row["pos2"]), row["ref2"])
        c = dict(both=0, first_only=0, second_only=0, neither=0)
        for key in a:
            if key not in b or rg2sm.get(key[0]) != row["sample"]:
                continue
            fa, fb = a[key] == row["alt"], b[key] == row["alt2"]
            c["both" if fa and fb else "first_only" if fa else "second_only" if fb else "neither"] += 1
        if c["both"] >= 2 and c["second_only"] == 0:
            call = "cis"
        elif c["second_only"] >= 2 and c["both"] == 0 and c["first_only"] >= 2:
            call = "trans"
        else:
            call = "unknown"
        exp = f"{row['both']}/{row['first_only']}/{row['second_only']}/{row['neither']} {row['call']}"
        got = f"{c['both']}/{c['first_only']}/{c['second_only']}/{c['neither']} {call}"
        ok = exp == got
        pair_ok += ok
        if not ok:
            failures.append(f"{path} pair: expected {exp}, samtools mpileup {got}")
        if row["neither"] == "0" and c["neither"] == 0 and ok:
            continue
        print(f"{row['fixture']:26} {row['sample']:22} {ext:4} {exp:38} {got:38} {'match' if ok else 'MISMATCH'}")
print(f"-- {pair_ok} pair rows match (fixtures without reads over both sites not listed)")

# ------------------------------------------------------------------------------------------------
print()
print("== 3. Other settings, with the difference each must make (predicted from how the reads were made)")
by = {(r["fixture"], r["sample"], r["site"]): r for r in expected if r["record"] == "site" and r["counting"] == "fragment"}


def exp_of(fx, site="EGFR_T790M"):
    r = by[(fx, fx, site)]
    return int(r["alt_reads"]), int(r["ref_reads"])


DEFAULTS = ["bcftools", "mpileup", "-a", "AD,ADF,ADR"]
ISSUE = ["bcftools", "mpileup", "-B", "-d", "100000", "-q20", "-Q20", "-a", "AD,ADF,ADR"]
NOOVERLAP = COUNTING + ["-x"]
variants = [
    # (label, command, fixture, site, predicted (alt, ref) or callable(obs) -> bool, why)
    ("issue text (default --ns)", ISSUE, "exclude_supplementary", "EGFR_T790M",
     (exp_of("exclude_supplementary")[0] + 7, exp_of("exclude_supplementary")[1]),
     "the default --ns lacks SUPPLEMENTARY: the 7 supplementary T790M alignments count"),
    ("issue text (default --ns)", ISSUE, "exclude_all", "EGFR_T790M",
     (exp_of("exclude_all")[0] + 7, exp_of("exclude_all")[1]), "same: +7 supplementary"),
    ("bcftools defaults", DEFAULTS, "exclude_all", "EGFR_T790M",
     (exp_of("exclude_all")[0] + 7 + 4 + 5, exp_of("exclude_all")[1]),
     "defaults -q0 -Q1, supplementary counted: +7 supplementary +4 MAPQ<20 +5 BQ<20 (dup/secondary/"
     "QC-fail/unmapped/soft-clipped still out)"),
    ("bcftools defaults", DEFAULTS, "t790m_deep_negative", "EGFR_T790M",
     lambda o: o["depth"] < 500, "-d 250 (per-file read cap) leaves a few hundred of the 2000 fragments"),
    ("overlap detection off (-x)", NOOVERLAP, "t790m_overlapping_mates", "EGFR_T790M", (20 * 2 + 10, 80 * 2 + 40),
     "both mates of the 100 overlapping fragments count: alt 20x2+10, ref 80x2+40"),
    ("overlap detection off (-x)", NOOVERLAP, "braf_v600e_overlap", "BRAF_V600E", (8 * 2, 32 * 2),
     "every BRAF fragment has both mates over V600E: each counts twice"),
]
print(f"{'setting':28} {'fixture':24} {'site':12} {'expected.tsv alt/ref':20} {'mpileup alt/ref/dp':20} "
      f"{'predicted':10} status")
for label, cmd, fx, site, pred, why in variants:
    rc, errs, recs = mpileup(f"{fx}.bam", cmd)
    row = by[(fx, fx, site)]
    o = observed(recs, row)
    if callable(pred):
        ok, ptxt = pred(o), "see why"
    else:
        ok, ptxt = (o["alt_reads"], o["ref_reads"]) == pred, f"{pred[0]}/{pred[1]}"
    if not ok:
        failures.append(f"{label} on {fx}: mpileup {o}, predicted {ptxt}")
    print(f"{label:28} {fx:24} {site[5:]:12} {row['alt_reads'] + '/' + row['ref_reads']:20} "
          f"{str(o['alt_reads']) + '/' + str(o['ref_reads']) + '/' + str(o['depth']):20} {ptxt:10} "
          f"{'as predicted' if ok else 'UNEXPECTED'}: {why}")

# ------------------------------------------------------------------------------------------------
print()
print("== 4. Files that must be refused (expected_errors.tsv); bcftools mpileup as in 1, samtools view -c")
print(f"{'file':30} {'reference':34} {'expect':7} {'bcftools rc':11} {'samtools rc':11} first htslib error")
for e in read_tsv("expected_errors.tsv"):
    ref = None if e["reference"] == "(none)" else e["reference"]
    rc, errs, recs = mpileup(e["file"], COUNTING, ref=ref)
    scmd = ["samtools", "view", "-c"] + (["-T", ref] if ref else []) + [e["file"], "chr7:55181378-55181378"]
    src, sout, serr = sh(scmd)
    serrs = htslib_errors(serr)
    failed = rc != 0 or bool(errs)
    sfailed = src != 0 or bool(serrs)
    if e["expect"] == "error":
        ok = failed and sfailed
    else:  # counts as t790m_shallow_negative
        want = by[("t790m_shallow_negative", "t790m_shallow_negative", "EGFR_T790M")]
        o = observed({(want["sample"], *k[1:]): v for k, v in recs.items()}, want)
        ok = not failed and not sfailed and o == {c: int(want[c]) for c in COLS}
    if not ok:
        failures.append(f"{e['file']} with {e['reference']}: expected {e['expect']}, bcftools rc={rc} {errs[:1]}, "
                        f"samtools rc={src} {serrs[:1]}")
    first = (errs or serrs or ["-"])[0]
    print(f"{e['file']:30} {e['reference']:34} {e['expect']:7} {rc:<11} {src:<11} {first[:110]}"
          f"{'' if ok else '   <-- UNEXPECTED'}")
print("-- note: bcftools mpileup 1.16 exits 0 on the truncated BAM, on the CRAM with the wrong reference and")
print("   on the CRAM whose reference is missing (--no-reference): it prints htslib's error and stops reading,")
print("   so a caller must treat an iterator/decoding error as a failure; samtools view -c exits 1 on all.")

print()
if failures:
    print(f"FAILED: {len(failures)} unexplained difference(s):")
    for f in failures:
        print("  " + f)
    sys.exit(1)
print("crosscheck: every count matches bcftools/samtools mpileup or differs as explained above")
PY
