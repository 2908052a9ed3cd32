#!/usr/bin/env python3
"""Writes a deterministic sites-only VCF of N SNVs/indels inside the real-sequence windows of a panel
FASTA (REF bases from the FASTA, so REF checks pass), for the consequence benchmark.

usage: gen-csq-vcf.py N FASTA WINDOWS.bed OUT.vcf      (needs samtools for faidx)
"""
import random, subprocess, sys

def main():
    n, fasta, bed, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    windows = []
    for line in open(bed):
        f = line.split()
        if len(f) >= 3:
            windows.append((f[0], int(f[1]) + 1, int(f[2])))
    seqs = {}
    for c, s, e in windows:
        text = subprocess.run(["samtools", "faidx", fasta, f"{c}:{s}-{e}"], check=True, capture_output=True, text=True).stdout
        seqs[(c, s, e)] = "".join(text.split("\n")[1:]).upper()
    lengths = {}
    for line in open(fasta + ".fai"):
        f = line.split("\t")
        lengths[f[0]] = int(f[1])
    rng = random.Random(7)
    total = sum(e - s + 1 for _, s, e in windows)
    recs = []
    for w in windows:
        c, s, e = w
        k = max(1, n * (e - s + 1) // total)
        seq = seqs[w]
        for _ in range(k):
            i = rng.randrange(0, len(seq) - 8)
            ref = seq[i]
            if ref not in "ACGT":
                continue
            r = rng.random()
            if r < 0.9:
                alt = rng.choice([b for b in "ACGT" if b != ref]); r_ = ref
            elif r < 0.95:
                r_ = seq[i:i + rng.randint(2, 7)]; alt = ref
            else:
                r_ = ref; alt = ref + "".join(rng.choice("ACGT") for _ in range(rng.randint(1, 6)))
            if "N" in r_:
                continue
            recs.append((c, s + i, r_, alt))
    order = {c: i for i, c in enumerate(lengths)}
    recs.sort(key=lambda x: (order.get(x[0], 99), x[1]))
    with open(out, "w") as w:
        w.write("##fileformat=VCFv4.2\n##source=nextline scripts/gen-csq-vcf.py (seed 7)\n")
        for c, l in lengths.items():
            w.write(f"##contig=<ID={c},length={l}>\n")
        w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
        for c, p, r, a in recs:
            w.write(f"{c}\t{p}\t.\t{r}\t{a}\t.\tPASS\t.\n")

if __name__ == "__main__":
    main()
