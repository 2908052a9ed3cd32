#!/usr/bin/env python3
"""Writes N generated panel cases and a sample sheet for the cohort workflow (workflow/Snakefile).

usage: make-cohort.py N OUTDIR [--records 2000] [--seed 2024]

OUTDIR/sheet.tsv           case_id <TAB> case_file (paths relative to the sheet)
OUTDIR/cases/<ID>/case.yaml
OUTDIR/cases/<ID>/baseline.vcf, progression.vcf
                           single-sample GRCh38 VCFs of --records records each, inside the watched
                           genes' spans (Annotations/gene_spans.tsv), plus the catalogue's hotspot
                           alleles (Annotations/hotspots.tsv) that the case's clinical picture draws

Each case is one of seven clinical pictures (EGFR-mutant lung cancer after a first-generation TKI or
after osimertinib, colorectal cancer after anti-EGFR therapy, BRAF-mutant melanoma after BRAF + MEK
inhibition, ER-positive and HER2-positive breast cancer, prostate cancer after an androgen-receptor
inhibitor), with a driver present at baseline and zero to two resistance hotspots that are acquired,
already present at baseline, or absent, so that the verdicts vary from case to case (sensitivity,
resistance, reduced efficacy, no known effect). Three panels in four force-call the picture's hotspots
(a 0/0 record with its depth where the allele is not seen), so acquisitions are proven in most cases
and left unproven (origin not proven) in the others. About one case in eight also carries a clonal
haematopoiesis hotspot (DNMT3A) in both samples.

Deterministic: the same arguments write the same bytes (fixed seed, no clock, no environment). Python 3
standard library only. The background records are random SNVs and short indels with random REF bases
(they measure reading, not annotation), as in bench/gen.py; most are shared by the two samples.
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
sys.path.insert(0, os.path.join(ROOT, "bench"))
sys.dont_write_bytecode = True
import gen  # noqa: E402  (bench/gen.py: GRCh38 contig lengths and gene spans)

# Clinical pictures: tumour type, therapy lines (oldest first), candidates, baseline drivers (one is
# drawn), resistance hotspots that may be acquired, optional biomarkers. Hotspots are (gene, protein).
PICTURES = [
    dict(name="luad_first_gen_tki", tumor_type="LUAD",
         lines=[["gefitinib"], ["erlotinib"], ["afatinib"]],
         candidates=["osimertinib", "erlotinib", "carboplatin + pemetrexed"],
         drivers=[("EGFR", "L858R"), ("EGFR", "E746_A750del")],
         resistance=[("EGFR", "T790M"), ("EGFR", "C797S"), ("KRAS", "G12C"), ("BRAF", "V600E")]),
    dict(name="luad_osimertinib", tumor_type="LUAD",
         lines=[["osimertinib"]],
         candidates=["osimertinib", "carboplatin + pemetrexed", "gefitinib"],
         drivers=[("EGFR", "L858R"), ("EGFR", "E746_A750del")],
         resistance=[("EGFR", "C797S"), ("KRAS", "G12C"), ("BRAF", "V600E"), ("KEAP1", "G333C")]),
    dict(name="crc_anti_egfr", tumor_type="COADREAD",
         lines=[["fluorouracil", "leucovorin", "oxaliplatin", "cetuximab"],
                ["fluorouracil", "leucovorin", "irinotecan", "panitumumab"]],
         candidates=["cetuximab", "panitumumab", "regorafenib"],
         drivers=[],
         resistance=[("KRAS", "G12D"), ("KRAS", "G13D"), ("KRAS", "Q61H"), ("NRAS", "Q61K"),
                     ("EGFR", "G465R"), ("EGFR", "S492R"), ("BRAF", "V600E")]),
    dict(name="skcm_braf_meki", tumor_type="SKCM",
         lines=[["encorafenib", "binimetinib"], ["dabrafenib", "trametinib"]],
         candidates=["nivolumab", "dabrafenib + trametinib", "vemurafenib"],
         drivers=[("BRAF", "V600E")],
         resistance=[("NRAS", "Q61K"), ("KRAS", "G12D")]),
    dict(name="brca_er_positive", tumor_type="BRCA",
         lines=[["letrozole", "palbociclib"], ["anastrozole", "ribociclib"]],
         candidates=["fulvestrant", "fulvestrant + alpelisib", "exemestane", "abemaciclib + fulvestrant"],
         drivers=[],
         resistance=[("ESR1", "D538G"), ("ESR1", "Y537S"), ("ESR1", "Y537N"), ("PIK3CA", "H1047R"),
                     ("PIK3CA", "E545K")]),
    dict(name="brca_her2_positive", tumor_type="BRCA",
         lines=[["docetaxel", "trastuzumab", "pertuzumab"]],
         candidates=["trastuzumab emtansine", "trastuzumab deruxtecan", "neratinib", "lapatinib"],
         drivers=[],
         resistance=[("ERBB2", "L755S"), ("ERBB2", "V777L"), ("ERBB2", "D769Y"), ("PIK3CA", "H1047R")],
         biomarkers=[("HER2", "IHC", "3+")]),
    dict(name="prad_arsi", tumor_type="PRAD",
         lines=[["enzalutamide"], ["abiraterone", "prednisone"]],
         candidates=["abiraterone", "enzalutamide", "docetaxel", "cabazitaxel"],
         drivers=[],
         resistance=[("AR", "L702H"), ("AR", "H875Y"), ("AR", "T878A")]),
]
CH_HOTSPOTS = [("DNMT3A", "R882H"), ("DNMT3A", "R882C")]


def hotspots():
    """(gene, protein) -> (chrom, pos, ref, alt) on GRCh38, the first row of each in Annotations/hotspots.tsv."""
    table, head = {}, None
    for line in open(os.path.join(ROOT, "Annotations", "hotspots.tsv")):
        f = line.rstrip("\n").split("\t")
        if head is None:
            head = {k: i for i, k in enumerate(f)}
            continue
        if f[head["variant_type"]] not in ("SNV", "DEL", "INS", "MNV"):
            continue
        key = (f[head["gene"]], f[head["protein_change"]])
        chrom = f[head["grch38_chrom"]]
        table.setdefault(key, ("chr" + chrom if not chrom.startswith("chr") else chrom,
                               int(f[head["grch38_pos"]]), f[head["grch38_ref"]], f[head["grch38_alt"]]))
    return table


HEADER = ("##fileformat=VCFv4.2\n##source=nextline workflow/make-cohort.py (seed {seed})\n"
          '##FILTER=<ID=PASS,Description="All filters passed">\n'
          '##FILTER=<ID=weak_evidence,Description="weak">\n'
          '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">\n'
          '##INFO=<ID=FORCED,Number=0,Type=Flag,Description="Site genotyped on request (force-called); '
          'GT 0/0 with 0 alt reads is a not-detected observation with its depth">\n'
          '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n'
          '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">\n'
          '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">\n'
          '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">\n')


def background(rng, spans, n, avoid):
    """n distinct random (chrom, pos, ref, alt) inside the gene spans, away from the hotspot positions."""
    out, seen = [], set(avoid)
    bases = "ACGT"
    while len(out) < n:
        c, s, e, _ = rng.choice(spans)
        p = rng.randint(s, e)
        if (c, p) in seen:
            continue
        seen.add((c, p))
        ref = rng.choice(bases)
        r = rng.random()
        if r < 0.86:
            alt = rng.choice([b for b in bases if b != ref])
        elif r < 0.93:
            ref = ref + "".join(rng.choice(bases) for _ in range(rng.randint(1, 5)))
            alt = ref[0]
        else:
            alt = ref + "".join(rng.choice(bases) for _ in range(rng.randint(1, 5)))
        out.append((c, p, ref, alt))
    return out


def write_vcf(path, rng, seed, sample, records, hot):
    """records: background (chrom, pos, ref, alt); hot: [(chrom, pos, ref, alt, vaf)] written PASS with that
    VAF; a VAF of 0 is a force-called site with no alt read (GT 0/0, INFO FORCED)."""
    order = {c: i for i, (c, _) in enumerate(gen.LENGTHS)}
    rows = [(c, p, r, a, None) for c, p, r, a in records] + list(hot)
    rows.sort(key=lambda x: (order[x[0]], x[1], x[2], x[3]))
    tmp = path + ".tmp"
    with open(tmp, "w") as w:
        w.write(HEADER.format(seed=seed))
        for c, l in gen.LENGTHS:
            w.write(f"##contig=<ID={c},length={l}>\n")
        w.write(f"#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t{sample}\n")
        for c, p, ref, alt, vaf in rows:
            dp = rng.randint(300, 3000)
            if vaf is None:
                altc = max(1, int(dp * rng.uniform(0.002, 0.5)))
                filt = "PASS" if rng.random() < 0.8 else "weak_evidence"
            elif vaf == 0:
                w.write(f"{c}\t{p}\t.\t{ref}\t{alt}\t.\tPASS\tDP={dp};FORCED\tGT:AD:AF:DP\t0/0:{dp},0:0:{dp}\n")
                continue
            else:
                altc = max(5, int(round(dp * vaf)))
                filt = "PASS"
            w.write(f"{c}\t{p}\t.\t{ref}\t{alt}\t.\t{filt}\tDP={dp}\tGT:AD:AF:DP\t0/1:{dp - altc},{altc}:{altc / dp:.4f}:{dp}\n")
    os.replace(tmp, path)


def yaml_list(xs):
    return "[" + ", ".join('"' + x + '"' for x in xs) + "]"


def make_case(i, case_id, folder, seed, n_records, spans, table):
    rng = random.Random(seed * 1_000_003 + i)
    pic = PICTURES[rng.randrange(len(PICTURES))]
    line = pic["lines"][rng.randrange(len(pic["lines"]))]
    hot_base, hot_prog = [], []
    driver = rng.choice(pic["drivers"]) if pic["drivers"] else None
    if driver:
        v = table[driver]
        hot_base.append(v + (round(rng.uniform(0.15, 0.45), 3),))
        hot_prog.append(v + (round(rng.uniform(0.05, 0.35), 3),))
    k = rng.choices([0, 1, 2], weights=[2, 5, 2])[0]
    for gene_prot in rng.sample(pic["resistance"], k):
        v = table[gene_prot]
        fate = rng.choices(["acquired", "pre-existing", "lost"], weights=[6, 2, 1])[0]
        if fate in ("pre-existing", "lost"):
            hot_base.append(v + (round(rng.uniform(0.03, 0.3), 3),))
        if fate in ("acquired", "pre-existing"):
            hot_prog.append(v + (round(rng.uniform(0.01, 0.25), 3),))
    if rng.random() < 0.125:
        v = table[rng.choice(CH_HOTSPOTS)]
        vaf = round(rng.uniform(0.02, 0.1), 3)
        hot_base.append(v + (vaf,))
        hot_prog.append(v + (vaf,))
    # Three panels in four force-call the picture's hotspots: a site not detected in a sample is then
    # written with its depth and no alt read, so absence at baseline proves an acquisition.
    if rng.random() < 0.75:
        for gene_prot in ([driver] if driver else []) + pic["resistance"]:
            v = table[gene_prot]
            for hot in (hot_base, hot_prog):
                if not any(h[:4] == v for h in hot) and not any(h[:2] == v[:2] for h in hot):
                    hot.append(v + (0,))
    avoid = {(c, p) for c, p, *_ in hot_base + hot_prog}
    # ~95% of the background is shared: the progression sample drops some records and gains as many.
    shared = background(rng, spans, n_records - len(hot_base), avoid)
    avoid |= {(c, p) for c, p, _, _ in shared}
    n_new = max(0, n_records // 20)
    prog_bg = shared[: len(shared) - n_new] + background(rng, spans, n_new, avoid)
    prog_bg = prog_bg[: max(0, n_records - len(hot_prog))]
    os.makedirs(folder, exist_ok=True)
    write_vcf(os.path.join(folder, "baseline.vcf"), rng, seed, "TISSUE", shared, hot_base)
    write_vcf(os.path.join(folder, "progression.vcf"), rng, seed, "PLASMA", prog_bg, hot_prog)
    tf = round(rng.uniform(0.05, 0.4), 2)
    age = rng.randint(35, 85)
    sex = {"BRCA": "F", "PRAD": "M"}.get(pic["tumor_type"]) or rng.choice("FM")
    bio = ""
    for name, method, result in pic.get("biomarkers", []):
        bio += f"  - {{name: \"{name}\", method: {method}, result: \"{result}\", sample: baseline}}\n"
    text = (f"# Generated by workflow/make-cohort.py (seed {seed}, case {i}): {pic['name']}.\n"
            f"case_id: {case_id}\n"
            f"tumor_type: {pic['tumor_type']}\n"
            f"patient: {{age: {age}, sex: {sex}}}\n"
            "genome_build: GRCh38\n"
            "therapy_lines:\n"
            f"  - line: 1\n    drugs: {yaml_list(line)}\n    start: 2022-02-07\n    end: 2023-08-14\n"
            f"    best_response: {rng.choice(['PR', 'PR', 'SD', 'CR'])}\n"
            "samples:\n"
            "  - id: baseline\n    role: baseline\n    kind: tissue\n    vcf: baseline.vcf\n    collected: 2022-01-24\n"
            "  - id: progression\n    role: progression\n    kind: plasma\n    vcf: progression.vcf\n"
            f"    collected: 2023-08-21\n    tumor_fraction: {tf}\n"
            + ("biomarkers:\n" + bio if bio else "")
            + f"candidates: {yaml_list(pic['candidates'])}\n")
    tmp = os.path.join(folder, "case.yaml.tmp")
    with open(tmp, "w") as w:
        w.write(text)
    os.replace(tmp, os.path.join(folder, "case.yaml"))


def main(argv):
    args = [a for a in argv]
    if len(args) < 2 or args[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if args and args[0] in ("-h", "--help") else 64

    def opt(name, default):
        if name in args:
            j = args.index(name)
            v = int(args[j + 1])
            del args[j:j + 2]
            return v
        return default
    n_records = opt("--records", 2000)
    seed = opt("--seed", 2024)
    n, out = int(args[0]), args[1]
    if n < 1 or n_records < 10:
        print("make-cohort.py: N must be >= 1 and --records >= 10", file=sys.stderr)
        return 64
    spans = gen.gene_spans()
    table = hotspots()
    width = max(4, len(str(n)))
    os.makedirs(out, exist_ok=True)
    rows = []
    for i in range(1, n + 1):
        case_id = f"GEN-{i:0{width}d}"
        make_case(i, case_id, os.path.join(out, "cases", case_id), seed, n_records, spans, table)
        rows.append(f"{case_id}\tcases/{case_id}/case.yaml\n")
    tmp = os.path.join(out, "sheet.tsv.tmp")
    with open(tmp, "w") as w:
        w.write(f"# {n} generated panel cases (workflow/make-cohort.py, seed {seed}, {n_records} records per VCF)\n")
        w.write("case_id\tcase_file\n")
        w.writelines(rows)
    os.replace(tmp, os.path.join(out, "sheet.tsv"))
    print(os.path.join(out, "sheet.tsv"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
