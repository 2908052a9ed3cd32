#!/usr/bin/env python3
"""Deterministic aligned reads for the read-level rows of the benchmark suite (issue 13); Python 3 standard
library only. bench/run pipes the output into samtools (BAM, CRAM, indexes) and caches it.

    gen_reads.py reference OUT.fa      the reference: chr1-22, chrX at their GRCh38 lengths, N except a
                                       2,001-bp window of random bases around every target
    gen_reads.py sam OUT.sam [--tenth] coordinate-sorted SAM (header and reads) of every target, or with
                                       --tenth of the 500 site targets plus every 25th other target (1/10)
    gen_reads.py sites OUT.vcf OUT.bed the 500 genotyped SNVs (REF from the reference), as a sites VCF and
                                       as a BED (0-based) for `bcftools mpileup -R`
    gen_reads.py layout                the targets, one a line (for looking at)

OUT may be "-" for standard output. Every output is the same bytes for the same arguments (fixed seeds,
no clock, no environment).

The layout is a hybrid-capture panel over the whole genome: TARGETS targets of 400 bp at random positions
(at least 4 kb apart, one per 4,096-bp cell), each sequenced to its own depth (log-uniform 200-2,000x).
500 of them carry one genotyped site each. Reads are 2x150 bp proper pairs (insert 280 +- 80, 160-550),
Illumina-like names (unique per fragment), HiSeq-like full-resolution base qualities (phred 2-41, 3' decline, dips, a 2-tail on
5% of reads), 0.3% substitution errors, MAPQ 60 (1% of fragments 0-19), 8% of fragments duplicates
(flag 1024, same positions as an earlier fragment), 1.5% of reads soft-clipped at the 3' end, 0.3% with a
1-3 bp deletion, and BWA-like tags NM, MD, MC, MQ, AS, XS, RG. At a site, a fragment carries the ALT with
the site's allele fraction (35% of sites 0, 30% 0.1-1%, 20% 1-10%, 15% 10-50%). No unmapped, secondary or
supplementary records and no off-target reads.
"""
import math
import os
import random
import sys

SEED = 13
TARGETS = 8000          # ~18M reads, ~2.2 GB of BAM at samtools' default compression
SITES = 500
READ = 150
HALF_WINDOW = 1000      # reference bases around a target centre (fragments reach at most +-478)
CELL = 4096             # one target per cell: targets are at least 4 kb apart, windows never overlap
TARGET_HALF = 200       # fragment centres are uniform over centre +- 200
SITE_SPREAD = 120       # a site lies within centre +- 120
DEPTH = (200.0, 2000.0)
FRAGMENTS_PER_DEPTH = 1.45   # fragments per target = depth x this (a site is covered by ~70% of them)
DUP_RATE, LOW_MAPQ_RATE, CLIP_RATE, DEL_RATE, ERROR_RATE = 0.08, 0.01, 0.015, 0.003, 0.003
SAMPLE = "BENCH_TUMOUR"
PREFIX = "A00297:158:HT275DSXX"

# GRCh38 primary chromosomes (the lengths nextline's build detection knows), chrY left out.
CONTIGS = [("chr1", 248956422), ("chr2", 242193529), ("chr3", 198295559), ("chr4", 190214555), ("chr5", 181538259),
           ("chr6", 170805979), ("chr7", 159345973), ("chr8", 145138636), ("chr9", 138394717), ("chr10", 133797422),
           ("chr11", 135086622), ("chr12", 133275309), ("chr13", 114364328), ("chr14", 107043718), ("chr15", 101991189),
           ("chr16", 90338345), ("chr17", 83257441), ("chr18", 80373285), ("chr19", 58617616), ("chr20", 64444167),
           ("chr21", 46709983), ("chr22", 50818468), ("chrX", 156040895)]

TO_BASE = bytes(b"ACGT"[i & 3] for i in range(256))
OTHER = {"A": "CGT", "C": "AGT", "G": "ACT", "T": "ACG"}


def _open(out):
    if out == "-":
        return open(sys.stdout.fileno(), "w", buffering=1 << 22, closefd=False)
    return open(out, "w", buffering=1 << 22)


# --- layout ---------------------------------------------------------------------------------------------------
def layout():
    """[(index, contig, centre (0-based), depth, site)] in genome order; site = (pos0, ref, alt, vaf) or None."""
    rng = random.Random(SEED)
    cells = [(c, k) for c, l in CONTIGS for k in range(1, l // CELL - 1)]
    chosen = sorted(rng.sample(range(len(cells)), TARGETS))
    targets = []
    for i, ci in enumerate(chosen):
        c, k = cells[ci]
        depth = math.exp(rng.uniform(math.log(DEPTH[0]), math.log(DEPTH[1])))
        targets.append([i, c, k * CELL + CELL // 2, round(depth), None])
    for i in sorted(rng.sample(range(TARGETS), SITES)):
        t = targets[i]
        off = rng.randint(-SITE_SPREAD, SITE_SPREAD)
        ref = window(i)[HALF_WINDOW + off]
        alt = rng.choice(OTHER[ref])
        r = rng.random()
        vaf = 0.0 if r < 0.35 else 10 ** rng.uniform(-3, -2) if r < 0.65 else 10 ** rng.uniform(-2, -1) if r < 0.85 \
            else rng.uniform(0.1, 0.5)
        t[4] = (t[2] + off, ref, alt, vaf)
    return [tuple(t) for t in targets]


def window(i):
    """The reference bases centre-HALF_WINDOW .. centre+HALF_WINDOW of target i (random, its own seed)."""
    return random.Random(1_000_003 * i + 1).randbytes(2 * HALF_WINDOW + 1).translate(TO_BASE).decode()


def tenth(targets):
    """The 1/10 file: every site target and every 25th other target (the same reads at every site)."""
    return [t for t in targets if t[4] is not None or t[0] % 25 == 0]


# --- reference ------------------------------------------------------------------------------------------------
def reference(out):
    by_contig = {}
    for t in layout():
        by_contig.setdefault(t[1], []).append(t)
    width, block = 60, 60 * 1024
    n_block = ("N" * width + "\n") * (block // width)
    with _open(out) as w:
        for c, length in CONTIGS:
            w.write(f">{c}\n")
            wins = [(t[2] - HALF_WINDOW, window(t[0])) for t in by_contig.get(c, [])]
            wi = 0
            for a in range(0, length, block):
                b = min(length, a + block)
                while wi < len(wins) and wins[wi][0] + len(wins[wi][1]) <= a:
                    wi += 1
                if b == a + block and (wi == len(wins) or wins[wi][0] >= b):
                    w.write(n_block)
                    continue
                seq = bytearray(b"N" * (b - a))
                j = wi
                while j < len(wins) and wins[j][0] < b:
                    s, bases = wins[j]
                    lo, hi = max(a, s), min(b, s + len(bases))
                    seq[lo - a:hi - a] = bases[lo - s:hi - s].encode()
                    j += 1
                text = seq.decode()
                w.write("\n".join(text[k:k + width] for k in range(0, len(text), width)) + "\n")


# --- reads ----------------------------------------------------------------------------------------------------
def quality_pools(rng, n=4096):
    """Halves of HiSeq-like quality strings (phred+33): 5' halves high and steady, 3' halves declining, with
    dips below 20 and, on 5% of 3' halves, a tail of Q2 ('#')."""
    def half(first):
        q = []
        for k in range(READ // 2):
            x = k / (READ // 2) if not first else 0.0
            if rng.random() < (0.02 if first else 0.045):
                v = rng.gauss(14, 5)
            else:
                v = rng.gauss(38 - 8 * x * x, 2 + 3 * x)
            q.append(min(41, max(2, round(v))))
        if not first and rng.random() < 0.05:
            t = rng.randint(5, 40)
            q[-t:] = [2] * t
        return "".join(chr(33 + v) for v in q)
    return [half(True) for _ in range(n)], [half(False) for _ in range(n)]


class Reads:
    def __init__(self):
        rng = random.Random(SEED + 1)
        self.q5, self.q3 = quality_pools(rng)
        self.nq = len(self.q5)
        self.full = f"{READ}M"
        self.perfect = f"NM:i:0\tMD:Z:{READ}\tAS:i:{READ}"

    def target(self, t):
        """SAM lines of one target, sorted by position. (Integers are drawn as int(random() * n): randint and
        randrange cost 4x more, and this loop makes ~18M reads.)"""
        i, chrom, centre, depth, site = t
        rnd = random.Random(1_000_003 * i + 2).random
        gauss = random.Random(1_000_003 * i + 3).gauss
        ref = window(i)
        ws = centre - HALF_WINDOW
        spos, salt, vaf = (site[0], site[2], site[3]) if site else (-1, "", 0.0)
        read = self.read
        out = []
        earlier = []
        for k in range(int(depth * FRAGMENTS_PER_DEPTH)):
            if earlier and rnd() < DUP_RATE:
                s, e = earlier[-1 - int(rnd() * min(64, len(earlier)))]
                dup = 1024
            else:
                f = min(550, max(160, round(gauss(280, 80))))
                s = centre - TARGET_HALF + int(rnd() * (2 * TARGET_HALF + 1)) - f // 2
                e = s + f - 1
                earlier.append((s, e))
                dup = 0
            alt = salt if vaf and rnd() < vaf else ""
            mq = int(rnd() * 20) if rnd() < LOW_MAPQ_RATE else 60
            # lane:tile:x from a per-file serial number (so every fragment's name is unique), y random
            u = i * 4096 + k
            name = f"{PREFIX}:{1 + u // 31000 % 4}:{1101 + u // 124000}:{1000 + u % 31000}:{1000 + int(rnd() * 36000)}"
            fp, fc, fs, fq, ft, _ = read(rnd, ref, ws, s, True, spos, alt)
            rp, rc, rs, rq, rt, rspan = read(rnd, ref, ws, e, False, spos, alt)
            ff, fr = (99 | dup, 147 | dup) if rnd() < 0.5 else (163 | dup, 83 | dup)
            tlen = rp + rspan - fp
            out.append((fp, f"{name}\t{ff}\t{chrom}\t{fp + 1}\t{mq}\t{fc}\t=\t{rp + 1}\t{tlen}\t{fs}\t{fq}\t{ft}"
                            f"\tMC:Z:{rc}\tMQ:i:{mq}\tXS:i:{int(rnd() * 41)}\tRG:Z:rg1\n"))
            out.append((rp, f"{name}\t{fr}\t{chrom}\t{rp + 1}\t{mq}\t{rc}\t=\t{fp + 1}\t{-tlen}\t{rs}\t{rq}\t{rt}"
                            f"\tMC:Z:{fc}\tMQ:i:{mq}\tXS:i:{int(rnd() * 41)}\tRG:Z:rg1\n"))
        out.sort(key=lambda x: x[0])
        return "".join([line for _, line in out])

    def read(self, rnd, ref, ws, anchor, forward, spos, alt):
        """(pos0, cigar, seq, qual, tags NM MD AS, reference span) of the forward read starting at `anchor` or
        the reverse read ending at it. AS is BWA-like (matches - 5 x edits; never read by the rows)."""
        nq = self.nq
        qual = self.q5[int(rnd() * nq)] + self.q3[int(rnd() * nq)]
        if not forward:
            qual = qual[::-1]
        r = rnd()
        if r < DEL_RATE and not alt:
            d = 1 + int(rnd() * 3)
            a = 30 + int(rnd() * 91)
            pos = anchor if forward else anchor - (READ + d) + 1
            o = pos - ws
            seq = ref[o:o + a] + ref[o + a + d:o + READ + d]
            return (pos, f"{a}M{d}D{READ - a}M", seq, qual,
                    f"NM:i:{d}\tMD:Z:{a}^{ref[o + a:o + a + d]}{READ - a}\tAS:i:{READ - 6 - d}", READ + d)
        clip = 3 + int(rnd() * 28) if r < DEL_RATE + CLIP_RATE else 0
        m = READ - clip
        pos = anchor if forward else anchor - m + 1
        o = pos - ws
        seq = ref[o:o + m]
        # substitution errors (Poisson, mean 0.45 per read), then the site's ALT on an ALT fragment
        x = rnd()
        edits = None
        if x >= 0.638:
            edits = {}
            for _ in range(1 if x < 0.925 else 2 if x < 0.990 else 3):
                p = int(rnd() * m)
                edits[p] = OTHER[seq[p]][int(rnd() * 3)]
        if alt and 0 <= spos - pos < m:
            if edits is None:
                edits = {}
            edits[spos - pos] = alt
        if edits:
            md, last = [], 0
            for p in sorted(edits):
                md.append(f"{p - last}{seq[p]}")
                last = p + 1
            md.append(str(m - last))
            for p, b in edits.items():
                seq = seq[:p] + b + seq[p + 1:]
            tags = f"NM:i:{len(edits)}\tMD:Z:{''.join(md)}\tAS:i:{m - 5 * len(edits)}"
        else:
            tags = self.perfect if m == READ else f"NM:i:0\tMD:Z:{m}\tAS:i:{m}"
        if clip:
            soft = bytes(b"ACGT"[int(rnd() * 4)] for _ in range(clip)).decode()
            return (pos, f"{m}M{clip}S", seq + soft, qual, tags, m) if forward else \
                   (pos, f"{clip}S{m}M", soft + seq, qual, tags, m)
        return pos, self.full, seq, qual, tags, m


def sam(out, tenth_only=False):
    targets = layout()
    if tenth_only:
        targets = tenth(targets)
    gen = Reads()
    with _open(out) as w:
        w.write("@HD\tVN:1.6\tSO:coordinate\n")
        for c, l in CONTIGS:
            w.write(f"@SQ\tSN:{c}\tLN:{l}\tAS:GRCh38\n")
        w.write(f"@RG\tID:rg1\tSM:{SAMPLE}\tLB:lib1\tPL:ILLUMINA\tPU:HT275DSXX.1\n")
        w.write(f"@PG\tID:gen_reads\tPN:nextline-bench-gen_reads\tCL:bench/gen_reads.py sam{' --tenth' if tenth_only else ''}\n")
        buf, size = [], 0
        for t in targets:
            chunk = gen.target(t)
            buf.append(chunk)
            size += len(chunk)
            if size > 1 << 24:
                w.write("".join(buf))
                buf, size = [], 0
        w.write("".join(buf))


# --- sites ----------------------------------------------------------------------------------------------------
def sites(vcf_out, bed_out):
    sel = [t for t in layout() if t[4] is not None]
    with _open(vcf_out) as v, _open(bed_out) as b:
        v.write("##fileformat=VCFv4.2\n##source=nextline bench/gen_reads.py sites (seed 13)\n##reference=GRCh38\n")
        v.write('##INFO=<ID=VAF,Number=1,Type=Float,Description="Allele fraction the reads were generated with">\n')
        for c, l in CONTIGS:
            v.write(f"##contig=<ID={c},length={l}>\n")
        v.write("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n")
        for n, (i, c, centre, depth, (pos0, ref, alt, vaf)) in enumerate(sel, 1):
            v.write(f"{c}\t{pos0 + 1}\tsite{n:03d}\t{ref}\t{alt}\t.\t.\tVAF={vaf:.5f}\n")
            b.write(f"{c}\t{pos0}\t{pos0 + 1}\n")


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 64
    kind, args = argv[0], argv[1:]
    if kind == "reference" and len(args) == 1:
        reference(args[0])
    elif kind == "sam" and args:
        sam(args[0], "--tenth" in args[1:])
    elif kind == "sites" and len(args) == 2:
        sites(args[0], args[1])
    elif kind == "layout":
        for t in layout():
            print("\t".join(str(x) for x in t))
    else:
        print(f"gen_reads.py: bad arguments {' '.join(argv)!r} (see --help)", file=sys.stderr)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
