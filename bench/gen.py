#!/usr/bin/env python3
"""Deterministic inputs for the benchmark suite (bench/run); Python 3 standard library only.

    gen.py wgs N OUT [--panel-fraction F] [--sample NAME] [--seed 42]
                                       Mutect2-like single-sample GRCh38 VCF
    gen.py cohort N OUT [--samples 100]  joint-called germline-like cohort VCF (seed 11)
    gen.py csq N FASTA WINDOWS.bed OUT   sites-only SNVs/indels, REF from the FASTA (seed 7)
    gen.py regions OUT.bed               GRCh38 gene spans + hotspots of Annotations/, merged

Every generator writes the same bytes for the same arguments (fixed seeds, no clock, no environment);
OUT may be "-" for standard output.
REF bases of `wgs` and `cohort` are random, not the reference (those rows measure reading, not
annotation); `csq` takes REF from the FASTA so that REF checks pass and the consequence engine works.
`wgs` is byte-identical to the former scripts/gen-bench-vcf.py (still a shim over this file).
"""
import os
import random
import struct
import sys
import zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

LENGTHS = [("chr1", 248956422), ("chr2", 242193529), ("chr3", 198295559), ("chr4", 190214555), ("chr5", 181538259),
           ("chr6", 170805979), ("chr7", 159345973), ("chr8", 145138636), ("chr9", 138394717), ("chr10", 133797422),
           ("chr11", 135086622), ("chr12", 133275309), ("chr13", 114364328), ("chr14", 107043718), ("chr15", 101991189),
           ("chr16", 90338345), ("chr17", 83257441), ("chr18", 80373285), ("chr19", 58617616), ("chr20", 64444167),
           ("chr21", 46709983), ("chr22", 50818468), ("chrX", 156040895), ("chrY", 57227415)]


def _open(out):
    """OUT for writing; '-' is standard output (kept open after the `with`)."""
    if out == "-":
        return open(sys.stdout.fileno(), "w", buffering=1 << 20, closefd=False)
    return open(out, "w", buffering=1 << 20)


def gene_spans(build="GRCh38"):
    """(chrom with 'chr', start, end, gene) of Annotations/gene_spans.tsv for one build, 1-based inclusive."""
    spans = []
    for line in open(os.path.join(ROOT, "Annotations", "gene_spans.tsv")):
        f = line.rstrip("\n").split("\t")
        if line.startswith("#") or f[0] == "gene" or len(f) < 5 or f[1] != build:
            continue
        spans.append(("chr" + f[2], int(f[3]), int(f[4]), f[0]))
    return spans


def positions(rng, n, frac):
    """Sorted (chrom, pos): n*(1-frac) spread by chromosome length, n*frac inside the gene spans."""
    spans = [(c, s, e) for c, s, e, _ in gene_spans()]
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
    return records


# --- wgs: the Mutect2-like single-sample file (the RNG call sequence is that of gen-bench-vcf.py) -------------
def wgs(n, out, frac=0.001, sample="TUMOR", seed=42):
    rng = random.Random(seed)
    records = positions(rng, n, frac)
    bases = "ACGT"
    with _open(out) as w:
        w.write(f"##fileformat=VCFv4.2\n##source=Mutect2-like benchmark generator (nextline scripts/gen-bench-vcf.py, seed {seed})\n")
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


# --- cohort: many samples, HWE genotypes, 1% missing ----------------------------------------------------------
def cohort(n, out, samples=100):
    rng = random.Random(11)
    records = positions(rng, n, 0.001)
    bases = "ACGT"
    # Pools of ready-made sample columns per genotype class; per record one weighted draw of `samples`
    # columns (random.choices, C-speed bisect) with the weights of the record's allele-frequency bin.
    pool = 64

    def column(gt):
        dp = rng.randint(15, 60)
        if gt == "./.":
            return "./.:.:.:."
        alt = 0 if gt == "0/0" else dp if gt == "1/1" else rng.randint(max(1, dp // 5), dp - max(1, dp // 5))
        return f"{gt}:{dp - alt},{alt}:{alt / dp:.3f}:{dp}"
    cols = [column(g) for g in ("0/0", "0/1", "1/1", "./.") for _ in range(pool)]
    bins = []
    for b in range(50):
        p = (b + 0.5) / 100.0            # allele frequency 0.005 .. 0.495
        probs = [0.99 * (1 - p) ** 2, 0.99 * 2 * p * (1 - p), 0.99 * p * p, 0.01]
        cw, acc = [], 0.0
        for q in probs:
            for _ in range(pool):
                acc += q / pool
                cw.append(acc)
        bins.append(cw)
    names = [f"S{i:03d}" for i in range(1, samples + 1)]
    with _open(out) as w:
        w.write("##fileformat=VCFv4.2\n##source=nextline bench/gen.py cohort (seed 11)\n")
        w.write('##FILTER=<ID=PASS,Description="All filters passed">\n##FILTER=<ID=LowQual,Description="Low quality">\n')
        w.write('##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count">\n##INFO=<ID=AN,Number=1,Type=Integer,Description="Allele number">\n')
        w.write('##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency">\n##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">\n')
        w.write('##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">\n')
        w.write('##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">\n##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">\n')
        for c, l in LENGTHS:
            w.write(f"##contig=<ID={c},length={l}>\n")
        w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + "\t".join(names) + "\n")
        last = None
        for c, p in records:
            if (c, p) == last:
                continue
            last = (c, p)
            ref = rng.choice(bases)
            r = rng.random()
            if r < 0.9:
                alt = rng.choice([b for b in bases if b != ref])
            elif r < 0.95:
                ref = ref + "".join(rng.choice(bases) for _ in range(rng.randint(1, 4))); alt = ref[0]
            else:
                alt = ref + "".join(rng.choice(bases) for _ in range(rng.randint(1, 4)))
            b = min(49, int(rng.random() ** 2 * 50))
            row = "\t".join(rng.choices(cols, cum_weights=bins[b], k=samples))
            het, hom, miss = row.count("0/1"), row.count("1/1"), row.count("./.")
            an = 2 * (samples - miss)
            ac = het + 2 * hom
            if ac == 0:                      # keep every record polymorphic
                row = "0/1:20,10:0.333:30" + row[row.index("\t"):]
                ac = 1
            filt = "PASS" if rng.random() < 0.9 else "LowQual"
            w.write(f"{c}\t{p}\t.\t{ref}\t{alt}\t{rng.randint(30, 5000)}\t{filt}\tAC={ac};AN={an};AF={ac / an:.4f};DP={rng.randint(1500, 6000)}"
                    f"\tGT:AD:AF:DP\t{row}\n")


# --- csq: records inside the real-sequence windows of a bgzipped FASTA ----------------------------------------
class FastaBGZF:
    """Random access to a bgzipped, faidx-indexed FASTA through its .fai and .gzi (what `samtools faidx` does)."""

    def __init__(self, path):
        self.path = path
        self.fai = {}
        for line in open(path + ".fai"):
            f = line.rstrip("\n").split("\t")
            self.fai[f[0]] = (int(f[1]), int(f[2]), int(f[3]), int(f[4]))
        self.gzi = [(0, 0)]
        with open(path + ".gzi", "rb") as g:
            (count,) = struct.unpack("<Q", g.read(8))
            for _ in range(count):
                self.gzi.append(struct.unpack("<QQ", g.read(16)))

    def _bytes(self, u0, u1):
        """Uncompressed bytes [u0, u1) of the file."""
        lo = 0
        for i, (_, u) in enumerate(self.gzi):
            if u <= u0:
                lo = i
            else:
                break
        coff, upos = self.gzi[lo]
        out = bytearray()
        with open(self.path, "rb") as f:
            f.seek(coff)
            buf = b""
            while upos + len(out) < u1:
                d = zlib.decompressobj(31)
                data = b""
                while not d.eof:
                    if not buf:
                        buf = f.read(1 << 16)
                        if not buf:
                            raise ValueError(f"{self.path}: ends before byte {u1}")
                    data += d.decompress(buf)
                    buf = d.unused_data
                out += data
        start = u0 - upos
        return bytes(out[start:start + (u1 - u0)])

    def fetch(self, chrom, start, end):
        """Bases start..end (1-based, inclusive), upper case."""
        length, offset, linebases, linewidth = self.fai[chrom]
        end = min(end, length)

        def at(p0):
            return offset + (p0 // linebases) * linewidth + p0 % linebases
        raw = self._bytes(at(start - 1), at(end - 1) + 1)
        return raw.decode("ascii").replace("\n", "").replace("\r", "").upper()


def csq(n, fasta, bed, out):
    """The records of the former scripts/gen-csq-vcf.py (same seed and draws), without samtools."""
    windows = []
    for line in open(bed):
        f = line.split()
        if len(f) >= 3:
            windows.append((f[0], int(f[1]) + 1, int(f[2])))
    fa = FastaBGZF(fasta)
    seqs = {w: fa.fetch(*w) for w in windows}
    lengths = {c: v[0] for c, v in fa.fai.items()}
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
    with _open(out) as w:
        w.write("##fileformat=VCFv4.2\n##source=nextline bench/gen.py csq (seed 7)\n")
        for c, l in lengths.items():
            w.write(f"##contig=<ID={c},length={l}>\n")
        w.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
        for c, p, r, a in recs:
            w.write(f"{c}\t{p}\t.\t{r}\t{a}\t.\tPASS\t.\n")


# --- regions: what nextline's indexed scan reads, as a BED for bcftools -R -------------------------------------
def regions(out):
    """GRCh38 spans of Annotations/gene_spans.tsv plus the hotspot positions of Annotations/hotspots.tsv,
    merged and sorted (BED, 0-based half-open). nextline reads the watched genes' spans and hotspot
    regions (Identifier.regions); the catalogue's genes all have a span here."""
    iv = [(c, s - 1, e) for c, s, e, _ in gene_spans()]
    head = None
    for line in open(os.path.join(ROOT, "Annotations", "hotspots.tsv")):
        f = line.rstrip("\n").split("\t")
        if head is None:
            head = {k: i for i, k in enumerate(f)}
            continue
        try:
            c, s, e = f[head["grch38_chrom"]], int(f[head["grch38_pos"]]), int(f[head["grch38_end"]])
        except (ValueError, IndexError, KeyError):
            continue
        iv.append(("chr" + c if not c.startswith("chr") else c, s - 1, e))
    order = {c: i for i, (c, _) in enumerate(LENGTHS)}
    iv.sort(key=lambda r: (order.get(r[0], 99), r[1], r[2]))
    merged = []
    for c, s, e in iv:
        if merged and merged[-1][0] == c and s <= merged[-1][2]:
            merged[-1][2] = max(merged[-1][2], e)
        else:
            merged.append([c, s, e])
    with open(out, "w") as w:
        for c, s, e in merged:
            w.write(f"{c}\t{s}\t{e}\n")


def _opt(args, name, default, conv=str):
    return conv(args[args.index(name) + 1]) if name in args else default


def main(argv):
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv and argv[0] in ("-h", "--help") else 64
    kind, args = argv[0], argv[1:]
    if kind == "wgs":
        wgs(int(args[0]), args[1], _opt(args, "--panel-fraction", 0.001, float), _opt(args, "--sample", "TUMOR"),
            _opt(args, "--seed", 42, int))
    elif kind == "cohort":
        cohort(int(args[0]), args[1], _opt(args, "--samples", 100, int))
    elif kind == "csq":
        csq(int(args[0]), args[1], args[2], args[3])
    elif kind == "regions":
        regions(args[0])
    else:
        print(f"gen.py: unknown kind {kind!r}", file=sys.stderr)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
