#!/usr/bin/env python3
"""Writes a deterministic, Mutect2-like single-sample GRCh38 VCF for benchmarks.

usage: gen-bench-vcf.py N_RECORDS OUT.vcf [--panel-fraction F] [--sample NAME]
Records are spread over chr1..22, X, Y by chromosome length; a fraction (default 0.001) falls inside
the watched gene spans of Annotations/gene_spans.tsv so the tool has real work to do. REF bases are
random, not the reference sequence (the benchmark measures reading, not annotation).
"""
import random, sys, os

LENGTHS = [("chr1",248956422),("chr2",242193529),("chr3",198295559),("chr4",190214555),("chr5",181538259),
           ("chr6",170805979),("chr7",159345973),("chr8",145138636),("chr9",138394717),("chr10",133797422),
           ("chr11",135086622),("chr12",133275309),("chr13",114364328),("chr14",107043718),("chr15",101991189),
           ("chr16",90338345),("chr17",83257441),("chr18",80373285),("chr19",58617616),("chr20",64444167),
           ("chr21",46709983),("chr22",50818468),("chrX",156040895),("chrY",57227415)]

def main():
    n = int(sys.argv[1]); out = sys.argv[2]
    frac = float(sys.argv[sys.argv.index("--panel-fraction") + 1]) if "--panel-fraction" in sys.argv else 0.001
    sample = sys.argv[sys.argv.index("--sample") + 1] if "--sample" in sys.argv else "TUMOR"
    rng = random.Random(42)
    here = os.path.dirname(os.path.abspath(__file__))
    spans = []
    for line in open(os.path.join(here, "..", "Annotations", "gene_spans.tsv")):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or f[0] == "gene" or len(f) < 5 or f[1] != "GRCh38":
            continue
        spans.append(("chr" + f[2], int(f[3]), int(f[4])))
    total = sum(l for _, l in LENGTHS)
    per = {c: max(1, int(n * (1 - frac) * l / total)) for c, l in LENGTHS}
    records = []
    for c, l in LENGTHS:
        for p in sorted(rng.sample(range(1, l), per[c])):
            records.append((c, p))
    for _ in range(int(n * frac)):
        c, s, e = rng.choice(spans)
        records.append((c, rng.randint(s, e)))
    order = {c: i for i, (c, _) in enumerate(LENGTHS)}
    records.sort(key=lambda r: (order[r[0]], r[1]))
    bases = "ACGT"
    with open(out, "w") as w:
        w.write("##fileformat=VCFv4.2\n##source=Mutect2-like benchmark generator (nextline scripts/gen-bench-vcf.py, seed 42)\n")
        w.write('##FILTER=<ID=PASS,Description="All filters passed">\n##FILTER=<ID=weak_evidence,Description="weak">\n')
        w.write('##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">\n##INFO=<ID=TLOD,Number=A,Type=Float,Description="Tumour LOD">\n')
        w.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">\n')
        w.write('##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">\n##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">\n')
        for c, l in LENGTHS:
            w.write(f"##contig=<ID={c},length={l}>\n")
        w.write(f"#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t{sample}\n")
        last = None
        for c, p in records:
            if (c, p) == last:
                continue
            last = (c, p)
            ref = rng.choice(bases)
            r = rng.random()
            if r < 0.86:
                alt = rng.choice([b for b in bases if b != ref])
            elif r < 0.92:
                ref = ref + "".join(rng.choice(bases) for _ in range(rng.randint(1, 5))); alt = ref[0]
            else:
                alt = ref + "".join(rng.choice(bases) for _ in range(rng.randint(1, 5)))
            dp = rng.randint(30, 3000)
            altc = max(1, int(dp * rng.uniform(0.002, 0.5)))
            filt = "PASS" if rng.random() < 0.8 else "weak_evidence"
            w.write(f"{c}\t{p}\t.\t{ref}\t{alt}\t.\t{filt}\tDP={dp};TLOD={rng.uniform(3, 300):.2f}\tGT:AD:AF:DP\t0/1:{dp-altc},{altc}:{altc/dp:.4f}:{dp}\n")

if __name__ == "__main__":
    main()
