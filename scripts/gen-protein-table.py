#!/usr/bin/env python3
"""Writes Annotations/proteins.tsv: the reference protein of each watched gene whose whole coding sequence
is real in ../shared/data/derived/cancer_panel_real.grch38.fa.gz, translated from the CDS features of the
MANE Select (or canonical) transcript in cancer_panel_real.grch38.gff3.

The catalogue loader checks every protein change of every rule against these sequences (a reference amino
acid that contradicts the protein, or a position beyond its end, is a rule that can never fire).
Usage: scripts/gen-protein-table.py [SHARED_DERIVED_DIR] > Annotations/proteins.tsv
"""
import gzip, sys, os

DERIVED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "derived")
# gene -> transcript (MANE Select where the file carries it; PIK3CA has NM_006218.3, MANE is .4 with the same protein)
TRANSCRIPTS = {
    "EGFR": "ENST00000275493",   # = NM_005228.5, MANE Select
    "KRAS": "NM_004985.5",       # MANE Select (KRAS4B)
    "TP53": "NM_000546.5",       # MANE Select
    "PIK3CA": "NM_006218.3",
    "PTEN": "NM_000314.6",       # MANE Select
}
CODE = {}
bases = "TCAG"
aas = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"
for i, a in enumerate(bases):
    for j, b in enumerate(bases):
        for k, c in enumerate(bases):
            CODE[a + b + c] = aas[16 * i + 4 * j + k]


def cds_segments(gff):
    segs = {}
    for line in open(gff):
        if line.startswith("#"):
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 9 or f[2] != "CDS":
            continue
        parent = [x for x in f[8].split(";") if x.startswith("Parent=")][0].split(":", 1)[1]
        segs.setdefault(parent, []).append((f[0], int(f[3]), int(f[4]), f[6]))
    return segs


def fetch(fa, fai, windows):
    """windows: list of (contig, start, end) 1-based inclusive -> dict of sequences (forward strand)."""
    index = {}
    for line in open(fai):
        name, length, offset, lb, lbytes = line.split("\t")[:5]
        index[name] = (int(offset), int(lb), int(lbytes))
    def off(contig, p):
        o, lb, lbytes = index[contig]
        return o + (p - 1) // lb * lbytes + (p - 1) % lb
    out = {}
    with gzip.open(fa, "rb") as f:
        for w in sorted(windows, key=lambda w: off(w[0], w[1])):
            contig, s, e = w
            f.seek(off(contig, s))
            raw = f.read(off(contig, e) - off(contig, s) + 1)
            out[w] = raw.replace(b"\n", b"").decode().upper()
    return out


def revcomp(s):
    return s[::-1].translate(str.maketrans("ACGTN", "TGCAN"))


def main():
    gff = os.path.join(DERIVED, "cancer_panel_real.grch38.gff3")
    fa = os.path.join(DERIVED, "cancer_panel_real.grch38.fa.gz")
    segs = cds_segments(gff)
    windows = [(c, s, e) for t in TRANSCRIPTS.values() for (c, s, e, _) in segs[t]]
    seq = fetch(fa, fa + ".fai", windows)
    print("# Reference proteins of watched genes, translated by scripts/gen-protein-table.py from the CDS of the named")
    print("# transcript in shared/data/derived/cancer_panel_real.grch38.gff3 over cancer_panel_real.grch38.fa.gz (real")
    print("# GRCh38 sequence; see that folder's SOURCES.md). X = a codon with N bases. The stop codon is not listed.")
    print("gene\ttranscript\tlength\tsequence")
    for gene, t in sorted(TRANSCRIPTS.items()):
        parts = sorted(segs[t], key=lambda x: x[1])
        strand = parts[0][3]
        dna = "".join(seq[(c, s, e)] for (c, s, e, _) in parts)
        if strand == "-":
            dna = revcomp(dna)
        protein = "".join(CODE.get(dna[i:i + 3], "X") for i in range(0, len(dna) - 2, 3))
        if not protein.endswith("*") or "*" in protein[:-1] or not protein.startswith("M"):
            sys.exit(f"{gene} {t}: the CDS does not translate M...stop without an internal stop")
        protein = protein[:-1]
        print(f"{gene}\t{t}\t{len(protein)}\t{protein}")


main()
