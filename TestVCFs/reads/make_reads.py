#!/usr/bin/env python3
"""Regenerates the read-level fixtures of TestVCFs/reads (issue 13): simulated paired-end reads over real
GRCh38 sequence, written as coordinate-sorted, indexed BAM and CRAM, plus expected.tsv (the truth of how
the reads were made), expected_errors.tsv and sites.vcf.

Usage (from the repository root):

    py=$(scripts/reads-venv.sh) && "$py" TestVCFs/reads/make_reads.py            # regenerate in place
    py=$(scripts/reads-venv.sh) && "$py" TestVCFs/reads/make_reads.py --verify   # regenerate into a
                                            # temporary folder and compare byte for byte with the files here

Needs: pysam (pinned by scripts/reads-venv.sh) to read the reference and build the alignment records;
samtools and bgzip 1.16 from Debian (samtools is installed with apt-get when absent) to write BAM/CRAM,
indexes and the reference subset; ../shared/data/derived/cancer_panel_real.grch38.fa.gz (real GRCh38
sequence; see SOURCES.md there) or --source-fasta.

Everything is seeded: the same pysam, samtools and zlib/libdeflate give the same bytes. All read names
start with a prefix that says what the read is for (see README.md).
"""

import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zlib

import pysam

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")
SOURCE_FASTA = os.path.join(SHARED, "derived", "cancer_panel_real.grch38.fa.gz")
HOTSPOTS = os.path.join(SHARED, "hotspots_reference.tsv")

SEED = 1307  # issue 13
READ_LEN = 100
MAPQ = 60
REF_NAME = "ref/panel_chr7_chr12.grch38.fa.gz"   # relative to TestVCFs/reads
CONTIGS = ("chr7", "chr12")                       # full length, sequence identical to the shared FASTA
FASTA_LINE = 65536                                # long lines: the N runs compress ~2x better than at 60
FILTER = dict(min_mapq=20, min_baseq=20)          # the settings; reads with MAPQ/BQ below are out

# Reads are written only inside these windows (1-based, inclusive): ~600 bp around each site, all real
# bases in the source FASTA (BRAF's real window there is only 158 bp: 140753256-140753413).
WINDOWS = {
    "egfr_ex20": ("chr7", 55181078, 55181698),
    "egfr_ex19": ("chr7", 55174480, 55175080),
    "braf_ex15": ("chr7", 140753256, 140753413),
    "kras_ex2": ("chr12", 25245050, 25245650),
}


class Site:
    def __init__(self, key, gene, protein, hgvs_c, chrom, pos, ref, alt):
        self.key, self.gene, self.protein, self.hgvs_c = key, gene, protein, hgvs_c
        self.chrom, self.pos, self.ref, self.alt = chrom, pos, ref, alt

    @property
    def is_del(self):
        return len(self.ref) > 1 and len(self.alt) == 1

    @property
    def del_len(self):
        return len(self.ref) - len(self.alt)


# The genotyped alleles (sites.vcf). KRAS G12D and G12V share one multi-allelic record there.
EX19 = Site("EGFR_E746_A750del", "EGFR", "E746_A750del", "c.2235_2249del", "chr7", 55174771,
            "AGGAATTAAGAGAAGC", "A")
T790M = Site("EGFR_T790M", "EGFR", "T790M", "c.2369C>T", "chr7", 55181378, "C", "T")
C797S = Site("EGFR_C797S", "EGFR", "C797S", "c.2389T>A", "chr7", 55181398, "T", "A")
V600E = Site("BRAF_V600E", "BRAF", "V600E", "c.1799T>A", "chr7", 140753336, "A", "T")
G12D = Site("KRAS_G12D", "KRAS", "G12D", "c.35G>A", "chr12", 25245350, "C", "T")
G12V = Site("KRAS_G12V", "KRAS", "G12V", "c.35G>T", "chr12", 25245350, "C", "A")
SITES = [EX19, T790M, C797S, V600E, G12D, G12V]
PAIRS = [(T790M, C797S)]  # phase-relevant pair: first = T790M, second = C797S

# Bases never given a random sequencing error or a low quality by chance (sites ± 5, the ex19 region ± 30).
PROTECTED = set()
for _s in SITES:
    lo, hi = (_s.pos - 30, _s.pos + _s.del_len + 31) if _s.is_del else (_s.pos - 5, _s.pos + 5)
    PROTECTED.update((_s.chrom, p) for p in range(lo, hi + 1))

COMP = str.maketrans("ACGT", "TGCA")
CODON = {}
for _i, _c in enumerate("FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG"):
    CODON["TCAG"[_i // 16] + "TCAG"[(_i // 4) % 4] + "TCAG"[_i % 4]] = _c


def log(msg):
    print("make_reads: " + msg, file=sys.stderr)


def run(cmd, cwd=None):
    subprocess.run(cmd, cwd=cwd, check=True)


def ensure_tools():
    if shutil.which("samtools") is None:
        log("samtools is absent; installing Debian's samtools with apt-get")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "samtools"], env=env).returncode != 0:
            subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env, check=True)
            subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "samtools"], env=env, check=True)
    for tool in ("samtools", "bgzip"):
        if shutil.which(tool) is None:
            sys.exit(f"make_reads: {tool} is not on PATH (Debian: apt-get install samtools tabix)")
    out = subprocess.run(["samtools", "--version"], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    log(out.splitlines()[0] + " / " + out.splitlines()[1])


# ---------------------------------------------------------------------------------------------
# Reference
# ---------------------------------------------------------------------------------------------
class Reference:
    def __init__(self, path):
        self.fa = pysam.FastaFile(path)
        self.cache = {}

    def base(self, chrom, pos):  # 1-based
        return self.seq(chrom, pos, pos)

    def seq(self, chrom, start, end):  # 1-based inclusive
        return self.fa.fetch(chrom, start - 1, end).upper()

    def whole(self, chrom):
        if chrom not in self.cache:
            self.cache[chrom] = self.fa.fetch(chrom).upper()
        return self.cache[chrom]


def translate(codon):
    return CODON[codon]


def verify_sites(ref):
    """Checks every allele against the FASTA and its codon (the hotspot table's coordinates are used
    as given only after this check)."""
    for s in SITES:
        got = ref.seq(s.chrom, s.pos, s.pos + len(s.ref) - 1)
        assert got == s.ref, f"{s.key}: REF {s.ref} but the FASTA has {got}"
    # EGFR (+ strand): T790 = ACG at 55181377-79 -> ATG; C797 = TGC at 55181398-400 -> AGC.
    c790 = ref.seq("chr7", 55181377, 55181379)
    assert translate(c790) == "T" and translate(c790[0] + "T" + c790[2]) == "M", c790
    c797 = ref.seq("chr7", 55181398, 55181400)
    assert translate(c797) == "C" and translate("A" + c797[1:]) == "S", c797
    # KRAS (- strand): codon 12 = reverse complement of 25245349-51 (GGT) -> GAT (G12D), GTT (G12V).
    k12 = ref.seq("chr12", 25245349, 25245351)[::-1].translate(COMP)
    assert translate(k12) == "G" and translate("GA" + k12[2]) == "D" and translate("GT" + k12[2]) == "V", k12
    # BRAF (- strand): codon 600 = reverse complement of 140753335-37 (GTG) -> GAG.
    b600 = ref.seq("chr7", 140753335, 140753337)[::-1].translate(COMP)
    assert translate(b600) == "V" and translate("GA" + b600[2]) == "E", b600
    # Exon 19: GGAATTAAGAGAAGC deleted at 55174772-55174786 (anchor A at 55174771). The deletion can
    # move neither left (anchor A != last deleted C) nor right (first deleted G != next base A at
    # 55174787): the left-aligned VCF form bcftools writes is POS 55174771 AGGAATTAAGAGAAGC>A.
    deleted = ref.seq("chr7", 55174772, 55174786)
    assert deleted == "GGAATTAAGAGAAGC", deleted
    assert ref.base("chr7", 55174771) != deleted[-1] and ref.base("chr7", 55174787) != deleted[0]
    # c.2235 is the 3rd base of K745 and c.2249 the 2nd base of A750 (codon n = c.3n-2..3n); the in-frame
    # protein consequence is E746_A750del (bcftools csq in ../shared/data/derived, SOURCES.md).
    for w, (chrom, lo, hi) in WINDOWS.items():
        assert "N" not in ref.seq(chrom, lo, hi), f"window {w} has N bases"
    # The same alleles in the shared hotspot table (grch38 columns), when it is there.
    if os.path.exists(HOTSPOTS):
        rows = {}
        with open(HOTSPOTS) as fh:
            head = fh.readline().rstrip("\n").split("\t")
            for line in fh:
                r = dict(zip(head, line.rstrip("\n").split("\t")))
                rows[(r["gene"], r["protein_change"], r["hgvs_c_mane"])] = r
        for s in SITES:
            r = rows[(s.gene, s.protein, s.hgvs_c)]
            assert ("chr" + r["grch38_chrom"], int(r["grch38_pos"]), r["grch38_ref"], r["grch38_alt"]) == \
                (s.chrom, s.pos, s.ref, s.alt), (s.key, r)
    log("sites, codons and the exon 19 deletion checked against the FASTA")


def write_reference_subset(ref, outdir, name=REF_NAME):
    """chr7 and chr12 at their full GRCh38 length, base for base as in the shared FASTA (so their MD5s,
    and CRAM decoding, agree with it; the lengths keep GRCh38 build detection working)."""
    path = os.path.join(outdir, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    plain = path[:-3]
    md5 = {}
    with open(plain, "w") as out:
        for chrom in CONTIGS:
            seq = ref.whole(chrom)
            md5[chrom] = hashlib.md5(seq.encode()).hexdigest()
            out.write(f">{chrom}\n")
            for i in range(0, len(seq), FASTA_LINE):
                out.write(seq[i:i + FASTA_LINE])
                out.write("\n")
    for ext in (".gz", ".gz.fai", ".gz.gzi"):
        if os.path.exists(plain + ext):
            os.remove(plain + ext)
    run(["bgzip", "-l", "9", "-i", plain])  # -> .gz + .gz.gzi, removes the plain file
    run(["samtools", "faidx", path])
    return path, md5


# ---------------------------------------------------------------------------------------------
# Reads
# ---------------------------------------------------------------------------------------------
F_PAIRED, F_PROPER, F_UNMAP, F_MUNMAP, F_REV, F_MREV, F_R1, F_R2 = 0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80
F_SECONDARY, F_QCFAIL, F_DUP, F_SUPP = 0x100, 0x200, 0x400, 0x800


class Read:
    __slots__ = ("name", "flag", "chrom", "pos", "mapq", "cigar", "seq", "qual", "mchrom", "mpos", "tlen",
                 "tags", "order")

    def __init__(self, name, flag, chrom, pos, mapq, cigar, seq, qual, tags=()):
        self.name, self.flag, self.chrom, self.pos, self.mapq = name, flag, chrom, pos, mapq
        self.cigar, self.seq, self.qual = cigar, seq, qual  # pos 1-based; cigar [(op, len)], op in MIDSH
        self.mchrom, self.mpos, self.tlen = "*", 0, 0
        self.tags = list(tags)
        self.order = 0

    def ref_end(self):
        return self.pos + sum(n for op, n in self.cigar if op in "MD=XN") - 1

    def cigar_str(self):
        return "".join(f"{n}{op}" for op, n in self.cigar) if self.cigar else "*"


class Haplotype:
    """The molecule's sequence over a window: list of (ref_pos, base); deleted ref positions are absent."""

    def __init__(self, ref, window, snvs=None, deletion=None):
        chrom, lo, hi = WINDOWS[window]
        self.chrom = chrom
        snvs = snvs or {}
        dels = set()
        if deletion is not None:
            dels = set(range(deletion.pos + 1, deletion.pos + 1 + deletion.del_len))
        seq = ref.seq(chrom, lo, hi)
        self.bases = [(p, snvs.get(p, seq[p - lo])) for p in range(lo, hi + 1) if p not in dels]
        self.index = {p: i for i, (p, _) in enumerate(self.bases)}

    def __len__(self):
        return len(self.bases)


class Fixture:
    def __init__(self, name, ref, description, sample=None):
        self.name, self.ref, self.description = name, ref, description
        self.rng = random.Random(SEED * 1000003 + zlib.crc32(name.encode()))
        self.reads = []
        self.samples = {}  # read group id -> sample
        self.add_read_group(name, sample or name)
        self.default_rg = name
        self.formats = ("bam", "cram")
        self.intent = {}   # designed counts checked against the computed truth
        self.counter = {}  # read-name prefix -> next number

    def add_read_group(self, rg, sample):
        self.samples[rg] = sample

    # -- qualities and errors ------------------------------------------------------------------
    def _quals_and_errors(self, chrom, refposes, seq, error_rate=0.002):
        """NovaSeq-like binned qualities (37 mostly, some 23/12); random substitutions at `error_rate`;
        none of either at protected positions."""
        out_seq, out_q = list(seq), []
        for i, p in enumerate(refposes):
            protected = p is not None and (chrom, p) in PROTECTED
            r = self.rng.random()
            q = 37 if protected or r < 0.90 else (23 if r < 0.97 else 12)
            out_q.append(q)
            if not protected and self.rng.random() < error_rate:
                out_seq[i] = self.rng.choice([b for b in "ACGT" if b != out_seq[i]])
        return "".join(out_seq), out_q

    # -- building blocks -----------------------------------------------------------------------
    def _segment(self, hap, h0, n):
        """n haplotype bases from index h0 as an aligned read: (pos, cigar, seq, refposes)."""
        part = hap.bases[h0:h0 + n]
        assert h0 >= 0 and len(part) == n, f"{self.name}: read outside its window"
        cigar, prev = [], None
        for p, _ in part:
            if prev is not None and p != prev + 1:
                cigar.append(("D", p - prev - 1))
            if cigar and cigar[-1][0] == "M":
                cigar[-1] = ("M", cigar[-1][1] + 1)
            else:
                cigar.append(("M", 1))
            prev = p
        return part[0][0], cigar, "".join(b for _, b in part), [p for p, _ in part]

    def pair(self, prefix, hap, h0, frag_len, read1_forward=True, mapq=MAPQ, extra_flag=0, site_quals=None,
             tags=(), rg=None, error_rate=0.002):
        """A properly paired FR fragment: the left (forward) read is hap[h0:h0+100], the right (reverse)
        read ends at h0+frag_len. `site_quals` = {(mate, ref_pos): q} with mate 'L'/'R'."""
        rg = rg or self.default_rg
        n = self.counter.get(prefix, 0)
        self.counter[prefix] = n + 1
        name = f"{prefix}{n:05d}"
        assert frag_len >= READ_LEN
        lp, lc, ls, lrp = self._segment(hap, h0, READ_LEN)
        rp, rc, rs, rrp = self._segment(hap, h0 + frag_len - READ_LEN, READ_LEN)
        ls, lq = self._quals_and_errors(hap.chrom, lrp, ls, error_rate)
        rs, rq = self._quals_and_errors(hap.chrom, rrp, rs, error_rate)
        for (mate, p), q in (site_quals or {}).items():
            quals, rps = (lq, lrp) if mate == "L" else (rq, rrp)
            quals[rps.index(p)] = q
        base = F_PAIRED | F_PROPER | extra_flag
        lflag = base | F_MREV | (F_R1 if read1_forward else F_R2)
        rflag = base | F_REV | (F_R2 if read1_forward else F_R1)
        alltags = [("RG", rg, "Z")] + list(tags)
        left = Read(name, lflag, hap.chrom, lp, mapq, lc, ls, lq, alltags)
        right = Read(name, rflag, hap.chrom, rp, mapq, rc, rs, rq, alltags)
        span = max(left.ref_end(), right.ref_end()) - lp + 1
        left.mchrom = right.mchrom = "="
        left.mpos, right.mpos = rp, lp
        left.tlen, right.tlen = span, -span
        left.tags.append(("MC", right.cigar_str(), "Z"))
        right.tags.append(("MC", left.cigar_str(), "Z"))
        self.reads += [left, right]
        return left, right

    def covering_pair(self, prefix, hap, site_pos, offset, mate, frag_len, **kw):
        """A fragment one of whose reads ('L' forward or 'R' reverse) has `site_pos` at read offset
        `offset` (0-based, in reference orientation)."""
        hi = hap.index[site_pos]
        h0 = hi - offset if mate == "L" else hi - offset + READ_LEN - frag_len
        return self.pair(prefix, hap, h0, frag_len, **kw)


# ---------------------------------------------------------------------------------------------
# Truth: counts computed from the records written (independent of htslib; the rules of the issue)
# ---------------------------------------------------------------------------------------------
def excluded(r):
    return (r.flag & (F_UNMAP | F_SECONDARY | F_SUPP | F_QCFAIL | F_DUP)) or r.mapq < FILTER["min_mapq"] \
        or not r.cigar


def observe(r, site):
    """What read r shows at the site: None (not covered / base quality too low), or (class, base) with
    class 'ref'/'alt'/'other'."""
    if r.chrom != site.chrom:
        return None
    rpos, qpos = r.pos, 0
    blocks = []  # (op, ref_start, query_start, len)
    for op, n in r.cigar:
        if op == "M":
            blocks.append(("M", rpos, qpos, n))
            rpos += n
            qpos += n
        elif op == "D":
            blocks.append(("D", rpos, qpos, n))
            rpos += n
        elif op in "IS":
            if op == "I":
                blocks.append(("I", rpos, qpos, n))
            qpos += n
        elif op == "H":
            pass
        else:
            raise ValueError(op)
    if not site.is_del:
        for op, rs, qs, n in blocks:
            if rs <= site.pos < rs + n:
                if op == "D":
                    raise AssertionError(f"{r.name}: deletion over SNV site {site.key}")
                q = qs + site.pos - rs
                if r.qual[q] < FILTER["min_baseq"]:
                    return None
                b = r.seq[q]
                return ("ref" if b == site.ref else "alt" if b == site.alt else "other", b)
        return None
    # deletion: anchor = site.pos; alt = an M block ending at the anchor followed by D of del_len;
    # ref = aligned without indel over [anchor, anchor + del_len + 1].
    a, dl = site.pos, site.del_len
    for i, (op, rs, qs, n) in enumerate(blocks):
        if op == "M" and rs <= a < rs + n:
            if r.qual[qs + a - rs] < FILTER["min_baseq"]:
                return None
            if a == rs + n - 1 and i + 1 < len(blocks) and blocks[i + 1][0] == "D":
                if blocks[i + 1][3] == dl:
                    return ("alt", "del")
                return ("other", f"del{blocks[i + 1][3]}")
            if a + dl + 1 <= rs + n - 1:
                return ("ref", "ref")
            raise AssertionError(f"{r.name}: read ends inside the deleted region of {site.key}")
        if op == "D" and rs <= a < rs + n:
            raise AssertionError(f"{r.name}: deletion over the anchor of {site.key}")
    # a read that starts inside the deleted span (after the anchor) would be ambiguous
    for op, rs, qs, n in blocks:
        if op == "M" and a < rs <= a + dl + 1 and r.pos <= a + dl + 1:
            raise AssertionError(f"{r.name}: read starts inside the deleted region of {site.key}")
    return None


def htslib_keeps_first_mate(qname):
    """Which mate htslib (>= 1.13, so 1.16) keeps when two overlapping mates show the same base:
    tweak_overlap_quality() in sam.c gives the summed quality to the first-seen mate ('a', the leftmost
    read) when __ac_Wang_hash(__ac_X31_hash_string(qname)) is odd, else to the second ('b'), and sets
    the other's quality to 0 (which -Q20 / min base quality 20 then drops)."""
    m = 0xFFFFFFFF
    h = 0
    b = qname.encode()
    if b:
        h = b[0]
        for c in b[1:]:
            h = ((h << 5) - h + c) & m
    k = h
    k = (k + (~(k << 15) & m)) & m
    k ^= k >> 10
    k = (k + (k << 3)) & m
    k ^= k >> 6
    k = (k + (~(k << 11) & m)) & m
    k ^= k >> 16
    return bool(k & 1)


def fragment_calls(fx, site, umi_families=False):
    """{(sample, fragment_key): (class, base, strand)} for reads that count. Overlapping mates count
    once; the strand is that of the mate htslib keeps (htslib_keeps_first_mate: by a hash of the read
    name, first = leftmost read, file order on a tie). Mates that disagree would be ambiguous: not
    generated."""
    seen = {}
    for r in fx.reads:  # already in file (sorted) order
        if excluded(r):
            continue
        o = observe(r, site)
        if o is None:
            continue
        sample = fx.samples[dict((t, v) for t, v, _ in r.tags)["RG"]]
        key = (sample, r.name)
        strand = "rev" if r.flag & F_REV else "fwd"
        if key in seen:
            assert seen[key][:2] == o, f"{fx.name}: mates of {r.name} disagree at {site.key}"
            if not htslib_keeps_first_mate(r.name):
                seen[key] = (o[0], o[1], strand)
            continue
        seen[key] = (o[0], o[1], strand)
    if not umi_families:
        return seen
    mi = {}
    for r in fx.reads:
        tags = dict((t, v) for t, v, _ in r.tags)
        if "MI" in tags:
            mi[(fx.samples[tags["RG"]], r.name)] = tags["MI"]
    fam = {}
    for key in sorted(seen, key=lambda k: fx.reads_order[k]):
        fkey = (key[0], "MI:" + mi[key]) if key in mi else key
        if fkey in fam:
            assert fam[fkey][:2] == seen[key][:2], f"{fx.name}: UMI family {fkey} disagrees"
            continue
        fam[fkey] = seen[key]
    return fam


def site_counts(fx, site, sample, umi_families=False):
    calls = fragment_calls(fx, site, umi_families)
    c = dict(alt=0, ref=0, other=0, alt_fwd=0, alt_rev=0, ref_fwd=0, ref_rev=0)
    for (smp, _), (cls, _, strand) in calls.items():
        if smp != sample:
            continue
        c[cls] += 1
        if cls in ("alt", "ref"):
            c[f"{cls}_{strand}"] += 1
    c["depth"] = c["alt"] + c["ref"] + c["other"]
    return c


def pair_counts(fx, first, second, sample):
    a = fragment_calls(fx, first)
    b = fragment_calls(fx, second)
    c = dict(both=0, first_only=0, second_only=0, neither=0)
    for key in a:
        if key[0] != sample or key not in b:
            continue
        fa, fb = a[key][0] == "alt", b[key][0] == "alt"
        c["both" if fa and fb else "first_only" if fa else "second_only" if fb else "neither"] += 1
    # Proposed rule (README): decided by the fragments that carry the second (later) allele.
    if c["both"] >= 2 and c["second_only"] == 0:
        call = "cis"
    elif c["second_only"] >= 2 and c["both"] == 0 and c["first_only"] >= 2:
        call = "trans"
    else:
        call = "unknown"
    c["call"] = call
    return c


# ---------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------
def spread(fx, n, site, hap_for, prefix, *, window="egfr_ex20", frag=(210, 300), offsets=(0, 99), **kw):
    """n fragments, each with one read over `site` (alternately the forward and the reverse read),
    offsets and lengths drawn from the fixture's seeded generator. hap_for(i) gives the molecule."""
    for i in range(n):
        mate = "L" if i % 2 == 0 else "R"
        off = fx.rng.randint(*offsets)
        L = fx.rng.randint(*frag)
        fx.covering_pair(prefix, hap_for(i), site.pos, off, mate, L, read1_forward=fx.rng.random() < 0.5, **kw)


def ex20_haps(ref):
    return {
        "ref": Haplotype(ref, "egfr_ex20"),
        "t790m": Haplotype(ref, "egfr_ex20", {T790M.pos: T790M.alt}),
        "c797s": Haplotype(ref, "egfr_ex20", {C797S.pos: C797S.alt}),
        "cis": Haplotype(ref, "egfr_ex20", {T790M.pos: T790M.alt, C797S.pos: C797S.alt}),
    }


def make_fixtures(ref):
    H = ex20_haps(ref)
    fixtures = []

    def new(name, description, **kw):
        fx = Fixture(name, ref, description, **kw)
        fixtures.append(fx)
        return fx

    # --- baselines and sub-threshold -------------------------------------------------------------
    fx = new("t790m_deep_negative", "deep baseline: 2000 fragments over EGFR T790M, no alt read")
    spread(fx, 2000, T790M, lambda i: H["ref"], "ref_")
    fx.intent[(T790M.key, "alt")], fx.intent[(T790M.key, "depth")] = 0, 2000

    fx = new("t790m_shallow_negative", "shallow baseline: 30 fragments over EGFR T790M, no alt read")
    spread(fx, 30, T790M, lambda i: H["ref"], "ref_")
    fx.intent[(T790M.key, "alt")], fx.intent[(T790M.key, "depth")] = 0, 30

    fx = new("t790m_subthreshold", "3 T790M fragments out of 1500 (2 on the forward, 1 on the reverse read)")
    spread(fx, 1497, T790M, lambda i: H["ref"], "ref_")
    spread(fx, 3, T790M, lambda i: H["t790m"], "alt_")  # i = 0, 2 forward read; 1 reverse
    fx.intent[(T790M.key, "alt")], fx.intent[(T790M.key, "depth")] = 3, 1500

    # --- phase ------------------------------------------------------------------------------------
    def phase(name, description, n_both, n_first, n_second, n_neither, split):
        fx = new(name, description)
        # one read covers both sites: T790M at offset 0..79 (C797S is 20 bp further)
        kinds = ["cis"] * n_both + ["t790m"] * n_first + ["c797s"] * n_second + ["ref"] * n_neither
        fx.rng.shuffle(kinds)
        for i, k in enumerate(kinds):
            prefix = {"cis": "both_", "t790m": "t790m_only_", "c797s": "c797s_only_", "ref": "neither_"}[k]
            fx.covering_pair(prefix, H[k], T790M.pos, fx.rng.randint(0, 79), "L" if i % 2 == 0 else "R",
                             fx.rng.randint(210, 300), read1_forward=fx.rng.random() < 0.5)
        # split fragments: T790M on the forward read (ends before C797S), C797S on the reverse read
        for k, n in split:
            for j in range(n):
                hap = H[k]
                start = T790M.pos - fx.rng.randint(85, 95)         # forward read ends at 55181382..92
                fwd_end = start + READ_LEN - 1
                rev_start = fx.rng.randint(fwd_end + 1, C797S.pos)  # reverse read starts after it, <= C797S
                L = rev_start + READ_LEN - start
                fx.pair("split_" + k + "_", hap, hap.index[start], L, read1_forward=j % 2 == 0)
        return fx

    fx = phase("t790m_c797s_cis", "T790M and C797S on the same molecules (cis), plus a T790M-only clone",
               40, 15, 0, 145, [("cis", 3), ("ref", 3)])
    fx.intent.update({("pair", "both"): 43, ("pair", "first_only"): 15, ("pair", "second_only"): 0,
                      ("pair", "neither"): 148, ("pair", "call"): "cis"})
    fx = phase("t790m_c797s_trans", "T790M and C797S on different molecules (trans)",
               0, 40, 30, 130, [("t790m", 3), ("c797s", 3)])
    fx.intent.update({("pair", "both"): 0, ("pair", "first_only"): 43, ("pair", "second_only"): 33,
                      ("pair", "neither"): 130, ("pair", "call"): "trans"})
    fx = phase("t790m_c797s_mixed", "C797S both with and without T790M (two clones): phase unknown",
               20, 20, 20, 140, [])
    fx.intent.update({("pair", "both"): 20, ("pair", "first_only"): 20, ("pair", "second_only"): 20,
                      ("pair", "call"): "unknown"})

    # --- reads that must not count -------------------------------------------------------------
    # Every excluded read carries T790M, and each kind has its own count, so a leak shows which kind.
    KINDS = [("dup", 3), ("mapq", 4), ("bq", 5), ("secondary", 6), ("supplementary", 7), ("qcfail", 8),
             ("softclip", 9)]

    def good(fx, edges):
        spread(fx, 50, T790M, lambda i: H["ref"], "ref_")
        spread(fx, 10, T790M, lambda i: H["t790m"], "alt_")
        if edges:  # on the boundary, counted: MAPQ exactly 20, base quality exactly 20 at the site
            spread(fx, 2, T790M, lambda i: H["t790m"], "edge_mapq20_", mapq=20)
            for i in range(2):
                off = fx.rng.randint(10, 89)
                mate = "L" if i == 0 else "R"
                fx.covering_pair("edge_bq20_", H["t790m"], T790M.pos, off, mate, fx.rng.randint(210, 300),
                                 site_quals={(mate, T790M.pos): 20})

    def bad(fx, kind, n):
        hap = H["t790m"]
        if kind == "dup":  # PCR duplicates of good alt fragments: same coordinates, both mates 0x400
            originals = {}
            for r in fx.reads:
                if r.name.startswith("alt_"):
                    originals.setdefault(r.name, []).append(r)
            for i, name in enumerate(sorted(originals)[:n]):
                for r in originals[name]:
                    d = Read(f"dup_{i:05d}", r.flag | F_DUP, r.chrom, r.pos, r.mapq, list(r.cigar), r.seq,
                             list(r.qual), r.tags)
                    d.mchrom, d.mpos, d.tlen = r.mchrom, r.mpos, r.tlen
                    fx.reads.append(d)
        elif kind == "mapq":
            for i, q in enumerate([0, 10, 15, 19][:n]):
                fx.covering_pair("lowmapq_", hap, T790M.pos, fx.rng.randint(10, 89), "L" if i % 2 == 0 else "R",
                                 fx.rng.randint(210, 300), mapq=q)
        elif kind == "bq":
            for i, q in enumerate([2, 10, 12, 15, 19][:n]):
                mate = "L" if i % 2 == 0 else "R"
                fx.covering_pair("lowbq_", hap, T790M.pos, fx.rng.randint(10, 89), mate,
                                 fx.rng.randint(210, 300), site_quals={(mate, T790M.pos): q})
        elif kind == "qcfail":
            for i in range(n):
                fx.covering_pair("qcfail_", hap, T790M.pos, fx.rng.randint(10, 89), "L" if i % 2 == 0 else "R",
                                 fx.rng.randint(210, 300), extra_flag=F_QCFAIL)
        elif kind == "secondary":
            # primary pair at 55181100.. (covers neither site); a secondary alignment of read 1, MAPQ 60
            # (so only the flag excludes it), over both sites, carrying T790M.
            for i in range(n):
                left, right = fx.pair("secondary_", H["ref"], H["ref"].index[55181100 + 2 * i], 220)
                pos = T790M.pos - fx.rng.randint(10, 70)
                p, cig, seq, rps = fx._segment(hap, hap.index[pos], READ_LEN)
                seq, q = fx._quals_and_errors(hap.chrom, rps, seq)
                s = Read(left.name, (left.flag | F_SECONDARY), hap.chrom, p, MAPQ, cig, seq, q,
                         [("RG", fx.default_rg, "Z")])
                s.mchrom, s.mpos, s.tlen = "=", right.pos, 0
                fx.reads.append(s)
        elif kind == "supplementary":
            # chimeric read 1: primary 50M50S at 55181100.. (its clipped half is the supplementary part),
            # supplementary 50H50M over both sites carrying T790M, MAPQ 60.
            for i in range(n):
                start = 55181100 + 3 * i
                sup_pos = T790M.pos - fx.rng.randint(5, 25)
                pri_p, pri_c, pri_s, pri_r = fx._segment(H["ref"], H["ref"].index[start], 50)
                sup_p, sup_c, sup_s, sup_r = fx._segment(hap, hap.index[sup_pos], 50)
                pri_s, pri_q = fx._quals_and_errors("chr7", pri_r, pri_s)
                sup_s, sup_q = fx._quals_and_errors("chr7", sup_r, sup_s)
                name = f"supplementary_{i:05d}"
                rp, rc, rs, rr = fx._segment(H["ref"], H["ref"].index[start + 120], READ_LEN)
                rs, rq = fx._quals_and_errors("chr7", rr, rs)
                rg = [("RG", fx.default_rg, "Z")]
                prim = Read(name, F_PAIRED | F_PROPER | F_MREV | F_R1, "chr7", pri_p, MAPQ,
                            [("M", 50), ("S", 50)], pri_s + sup_s, pri_q + sup_q,
                            rg + [("SA", f"chr7,{sup_p},+,50S50M,{MAPQ},0;", "Z")])
                mate = Read(name, F_PAIRED | F_PROPER | F_REV | F_R2, "chr7", rp, MAPQ, rc, rs, rq, rg)
                supp = Read(name, F_PAIRED | F_PROPER | F_MREV | F_R1 | F_SUPP, "chr7", sup_p, MAPQ,
                            [("H", 50), ("M", 50)], sup_s, sup_q,
                            rg + [("SA", f"chr7,{pri_p},+,50M50S,{MAPQ},0;", "Z")])
                span = mate.ref_end() - pri_p + 1
                prim.mchrom = mate.mchrom = supp.mchrom = "="
                prim.mpos, mate.mpos, supp.mpos = rp, pri_p, rp
                prim.tlen, mate.tlen, supp.tlen = span, -span, span
                fx.reads += [prim, mate, supp]
        elif kind == "softclip":
            # the site lies in a soft clip: right clips (80M20S ending 1..19 bp before T790M) and left
            # clips (20S80M starting 1..19 bp after T790M); the clipped bases carry T790M.
            for i in range(n):
                p = T790M.pos - (80 + fx.rng.randint(1, 19)) if i % 2 == 0 else T790M.pos + fx.rng.randint(1, 19)
                if i % 2 == 0:
                    h0 = hap.index[p]
                    fwd, L = True, fx.rng.randint(230, 290)
                else:
                    h0 = hap.index[p - 20]
                    fwd, L = False, fx.rng.randint(230, 290)
                if fwd:
                    left, right = fx.pair("softclip_", hap, h0, L)
                    left.cigar = [("M", 80), ("S", 20)]
                    right.tags = [t for t in right.tags if t[0] != "MC"] + [("MC", "80M20S", "Z")]
                else:
                    left, right = fx.pair("softclip_", hap, h0 + READ_LEN - L, L)
                    right.cigar = [("S", 20), ("M", 80)]
                    right.pos = p
                    left.tags = [t for t in left.tags if t[0] != "MC"] + [("MC", "20S80M", "Z")]
                    left.mpos = p
                    span = right.ref_end() - left.pos + 1
                    left.tlen, right.tlen = span, -span
        elif kind == "unmapped":
            # read 1 unmapped, placed at its mate (which covers neither site); the mapped mate is not a
            # proper pair (mpileup without -A would skip it anyway).
            for i in range(n):
                p, c, s, rr = fx._segment(H["ref"], H["ref"].index[55181150 + 5 * i], READ_LEN)
                s, q = fx._quals_and_errors("chr7", rr, s)
                u_s, u_q = fx._quals_and_errors("chr7", [None] * READ_LEN,
                                                ref.seq("chr7", T790M.pos - 50, T790M.pos + 49)[:50]
                                                + T790M.alt + ref.seq("chr7", T790M.pos + 1, T790M.pos + 49))
                name = f"unmapped_{i:05d}"
                rg = [("RG", fx.default_rg, "Z")]
                m = Read(name, F_PAIRED | F_MUNMAP | F_R2, "chr7", p, MAPQ, c, s, q, rg)
                u = Read(name, F_PAIRED | F_UNMAP | F_R1, "chr7", p, 0, [], u_s, u_q, rg)
                m.mchrom, m.mpos = "=", p
                u.mchrom, u.mpos = "=", p
                fx.reads += [m, u]
        else:
            raise ValueError(kind)

    for kind, n in KINDS:
        fx = new(f"exclude_{kind}", f"50 ref + 10 T790M fragments that count; {n} T790M reads that must not "
                                    f"count ({kind})" + ("; 2+2 boundary reads that count (MAPQ 20, BQ 20)"
                                                         if kind in ("mapq", "bq") else ""))
        good(fx, edges=kind in ("mapq", "bq"))
        bad(fx, kind, n)
        extra = 4 if kind in ("mapq", "bq") else 0
        fx.intent[(T790M.key, "alt")], fx.intent[(T790M.key, "ref")] = 10 + extra, 50
    fx = new("exclude_all", "all kinds of reads that must not count in one file (and 2 unmapped reads); "
                            "50 ref + 10 T790M + 4 boundary T790M fragments count")
    good(fx, edges=True)
    for kind, n in KINDS + [("unmapped", 2)]:
        bad(fx, kind, n)
    fx.intent[(T790M.key, "alt")], fx.intent[(T790M.key, "ref")] = 14, 50

    # --- overlapping mates -------------------------------------------------------------------------
    fx = new("t790m_overlapping_mates", "100 fragments (120-180 bp) whose two reads both cover T790M "
                                        "(20 T790M) + 50 fragments with one read over it (10 T790M)")
    for i in range(100):
        hap = H["t790m"] if i < 20 else H["ref"]
        L = fx.rng.randint(120, 180)
        # both reads cover the site: left read offset o, right read starts at L-100 after the left
        o = fx.rng.randint(L - READ_LEN, 99)
        fx.covering_pair("overlap_alt_" if i < 20 else "overlap_ref_", hap, T790M.pos, o, "L", L,
                         read1_forward=fx.rng.random() < 0.5)
    spread(fx, 10, T790M, lambda i: H["t790m"], "single_alt_")
    spread(fx, 40, T790M, lambda i: H["ref"], "single_ref_")
    fx.intent[(T790M.key, "alt")], fx.intent[(T790M.key, "ref")] = 30, 120

    fx = new("braf_v600e_overlap", "BRAF V600E in cfDNA-like 130-158 bp fragments inside BRAF's 158 bp "
                                   "real window: both reads cover the site in every fragment (8 alt of 40)")
    hb_ref, hb_alt = Haplotype(ref, "braf_ex15"), Haplotype(ref, "braf_ex15", {V600E.pos: V600E.alt})
    for i in range(40):
        hap = hb_alt if i < 8 else hb_ref
        L = fx.rng.randint(130, 158)
        h0 = fx.rng.randint(0, len(hap) - L)
        fx.pair("overlap_alt_" if i < 8 else "overlap_ref_", hap, h0, L, read1_forward=fx.rng.random() < 0.5)
    fx.intent[(V600E.key, "alt")], fx.intent[(V600E.key, "ref")] = 8, 32

    # --- indel -------------------------------------------------------------------------------------
    fx = new("egfr_ex19del", "EGFR exon 19 deletion E746_A750del (15 bp, CIGAR D): 60 of 150 fragments; "
                             "every read over the region spans it with >= 20 bp on both sides")
    hd_ref, hd_alt = Haplotype(ref, "egfr_ex19"), Haplotype(ref, "egfr_ex19", deletion=EX19)
    for i in range(150):
        alt = i % 5 < 2
        hap = hd_alt if alt else hd_ref
        mate = "L" if (i // 5) % 2 == 0 else "R"
        span = 1 if alt else EX19.del_len + 2  # haplotype bases from the anchor to the first base after
        off = fx.rng.randint(20, READ_LEN - 20 - span)
        L = fx.rng.randint(230, 300)
        for _ in range(100):  # the other read must not touch the region (±30 bp)
            hi = hap.index[EX19.pos]
            h0 = hi - off if mate == "L" else hi - off + READ_LEN - L
            other = (h0 + L - READ_LEN, h0 + L - 1) if mate == "L" else (h0, h0 + READ_LEN - 1)
            lo_r, hi_r = hap.bases[other[0]][0], hap.bases[other[1]][0]
            if hi_r < EX19.pos - 30 or lo_r > EX19.pos + EX19.del_len + 31:
                break
            L = fx.rng.randint(230, 300)
        else:
            raise AssertionError("no placement")
        fx.pair("del_" if alt else "ref_", hap, h0, L, read1_forward=fx.rng.random() < 0.5)
    fx.intent[(EX19.key, "alt")], fx.intent[(EX19.key, "ref")] = 60, 90

    # --- KRAS multi-allelic ----------------------------------------------------------------------
    fx = new("kras_g12", "KRAS codon 12: 80 ref, 15 G12D (C>T), 3 G12V (C>A) fragments; sites.vcf has "
                         "one multi-allelic record C>T,A, so each allele's 'other' is the other's alt")
    hk = {"C": Haplotype(ref, "kras_ex2"), "T": Haplotype(ref, "kras_ex2", {G12D.pos: "T"}),
          "A": Haplotype(ref, "kras_ex2", {G12D.pos: "A"})}
    kinds = ["C"] * 80 + ["T"] * 15 + ["A"] * 3
    fx.rng.shuffle(kinds)
    for i, k in enumerate(kinds):
        fx.covering_pair({"C": "ref_", "T": "g12d_", "A": "g12v_"}[k], hk[k], G12D.pos, fx.rng.randint(0, 99),
                         "L" if i % 2 == 0 else "R", fx.rng.randint(210, 300), read1_forward=fx.rng.random() < 0.5)
    fx.intent.update({(G12D.key, "alt"): 15, (G12D.key, "other"): 3, (G12V.key, "alt"): 3,
                      (G12V.key, "other"): 15})

    # --- UMI families -------------------------------------------------------------------------------
    fx = new("umi_families", "RX/MI-tagged fragments (fgbio GroupReadsByUmi style, no duplicate flag): "
                             "40 ref singletons, 2 ref families of 2, one T790M family of 3 (same MI, same "
                             "coordinates), 1 T790M singleton")
    umi_rng = random.Random(SEED + 13)

    def umi():
        return "".join(umi_rng.choice("ACGT") for _ in range(8))

    mi = 0
    plan = [("ref", 1)] * 40 + [("ref", 2)] * 2 + [("t790m", 3), ("t790m", 1)]
    for j, (k, size) in enumerate(plan):
        mi += 1
        off, L, mate, r1f = fx.rng.randint(5, 94), fx.rng.randint(210, 300), "L" if j % 2 == 0 else "R", \
            fx.rng.random() < 0.5
        rx = umi()
        for m in range(size):
            fx.covering_pair(f"umi{mi}_{'alt' if k == 't790m' else 'ref'}_", H[k], T790M.pos, off, mate, L,
                             read1_forward=r1f, tags=[("RX", rx, "Z"), ("MI", str(mi), "Z")], error_rate=0.0)
    fx.intent[(T790M.key, "alt")], fx.intent[(T790M.key, "ref")] = 4, 44
    fx.intent[("umi", T790M.key, "alt")], fx.intent[("umi", T790M.key, "ref")] = 2, 42

    # --- two samples in one file ------------------------------------------------------------------
    fx = new("two_samples", "two read groups naming different samples (SM tumour: 40 ref + 10 T790M; "
                            "SM normal: 50 ref): refused unless --sample picks one", sample="tumour")
    fx.samples = {"rg_tumour": "tumour", "rg_normal": "normal"}
    fx.default_rg = "rg_tumour"
    spread(fx, 40, T790M, lambda i: H["ref"], "tumour_ref_", rg="rg_tumour")
    spread(fx, 10, T790M, lambda i: H["t790m"], "tumour_alt_", rg="rg_tumour")
    spread(fx, 50, T790M, lambda i: H["ref"], "normal_ref_", rg="rg_normal")

    return fixtures


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------
def header(fx, md5, lengths):
    h = {"HD": {"VN": "1.6", "SO": "coordinate"},
         "SQ": [{"SN": c, "LN": lengths[c], "M5": md5[c], "AS": "GRCh38"} for c in CONTIGS],
         "RG": [{"ID": rg, "SM": sm, "PL": "ILLUMINA", "LB": f"lib_{sm}"} for rg, sm in sorted(fx.samples.items())],
         "PG": [{"ID": "make_reads", "PN": "make_reads.py", "VN": "1",
                 "CL": "TestVCFs/reads/make_reads.py (simulated reads, seed 1307)"}],
         "CO": [f"nextline test fixture {fx.name}: {fx.description}",
                "simulated reads over real GRCh38 sequence (not observed data); see TestVCFs/reads/README.md"]}
    return h


def sort_reads(fx):
    tid = {c: i for i, c in enumerate(CONTIGS)}
    for i, r in enumerate(fx.reads):
        r.order = i
    fx.reads.sort(key=lambda r: (tid[r.chrom], r.pos, r.name, r.flag, r.order))
    fx.reads_order = {}
    for i, r in enumerate(fx.reads):
        fx.reads_order.setdefault((fx.samples[dict((t, v) for t, v, _ in r.tags)["RG"]], r.name), i)


def write_sam(fx, path, md5, lengths):
    hdr = pysam.AlignmentHeader.from_dict(header(fx, md5, lengths))
    with pysam.AlignmentFile(path, "w", header=hdr) as out:
        for r in fx.reads:
            a = pysam.AlignedSegment(hdr)
            a.query_name = r.name
            a.flag = r.flag
            a.reference_name = r.chrom
            a.reference_start = r.pos - 1
            a.mapping_quality = r.mapq
            a.cigarstring = r.cigar_str() if r.cigar else None
            if r.mchrom == "=":
                a.next_reference_name = r.chrom
                a.next_reference_start = r.mpos - 1
            a.template_length = r.tlen
            a.query_sequence = r.seq
            a.query_qualities = pysam.qualitystring_to_array("".join(chr(q + 33) for q in r.qual))
            a.set_tags([(t, v, typ) for t, v, typ in r.tags])
            out.write(a)


def write_fixture(fx, outdir, cache, md5, lengths, tmp):
    sam = os.path.join(tmp, fx.name + ".sam")
    write_sam(fx, sam, md5, lengths)
    bam = fx.name + ".bam"
    run(["samtools", "view", "--no-PG", "-b", "-o", bam, sam], cwd=outdir)
    run(["samtools", "index", bam], cwd=outdir)
    if "cram" in fx.formats:
        write_cram(outdir, bam, fx.name + ".cram", cache)


def write_cram(outdir, bam, cram, cache, header_sam=None):
    """CRAM 3.0. The reference is found through REF_PATH=cache/%s (sequences named by their MD5, the
    @SQ M5 of the header), not -T: with -T htslib writes the reference's absolute path into every @SQ
    UR, which would make the bytes depend on where the checkout is. The file name is part of the CRAM
    file definition (its first 20 bytes), so the output is written under its final name from `outdir`."""
    src = bam
    if header_sam:  # replace the header (for @SQ UR/M5 edits)
        src = os.path.join(os.path.dirname(header_sam), os.path.basename(cram) + ".reheader.bam")
        with open(src, "wb") as out:
            subprocess.run(["samtools", "reheader", "--no-PG", header_sam, os.path.join(outdir, bam)],
                           stdout=out, check=True)
    env = dict(os.environ, REF_PATH=os.path.join(cache, "%s"), REF_CACHE=os.path.join(cache, "%s"))
    subprocess.run(["samtools", "view", "--no-PG", "-C", "--output-fmt-option", "version=3.0",
                    "-o", cram, src], cwd=outdir, env=env, check=True)
    subprocess.run(["samtools", "index", cram], cwd=outdir, env=env, check=True)


def write_md5_cache(ref, cache, altered=None):
    """htslib's REF_CACHE layout: one file per sequence, named by its MD5, the bases without newlines."""
    os.makedirs(cache, exist_ok=True)
    md5 = {}
    for chrom in CONTIGS:
        seq = ref.whole(chrom)
        for (c, p), b in (altered or {}).items():
            if c == chrom:
                seq = seq[:p - 1] + b + seq[p:]
        md5[chrom] = hashlib.md5(seq.encode()).hexdigest()
        path = os.path.join(cache, md5[chrom])
        if not os.path.exists(path):
            with open(path, "w") as fh:
                fh.write(seq)
    return md5


def write_sites_vcf(outdir, lengths):
    lines = ["##fileformat=VCFv4.2",
             "##source=nextline TestVCFs/reads/make_reads.py: the alleles genotyped in the read fixtures",
             "##reference=GRCh38",
             "##INFO=<ID=HOTSPOT,Number=A,Type=String,Description=\"gene:protein:hgvs_c (MANE Select), from "
             "shared/data/hotspots_reference.tsv\">"]
    lines += [f"##contig=<ID={c},length={lengths[c]}>" for c in CONTIGS]
    lines.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO")
    recs = {}
    for s in SITES:
        recs.setdefault((s.chrom, s.pos, s.ref), []).append(s)
    order = {c: i for i, c in enumerate(CONTIGS)}
    for (chrom, pos, r), ss in sorted(recs.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        ids = ";".join(s.key for s in ss)
        info = ",".join(f"{s.gene}:{s.protein}:{s.hgvs_c}" for s in ss)
        lines.append(f"{chrom}\t{pos}\t{ids}\t{r}\t{','.join(s.alt for s in ss)}\t.\t.\tHOTSPOT={info}")
    with open(os.path.join(outdir, "sites.vcf"), "w") as fh:
        fh.write("\n".join(lines) + "\n")


EXPECTED_HEAD = ["record", "fixture", "sample", "counting", "site", "chrom", "pos", "ref", "alt",
                 "alt_reads", "ref_reads", "other_reads", "depth", "alt_fwd", "alt_rev", "ref_fwd", "ref_rev",
                 "site2", "pos2", "ref2", "alt2", "both", "first_only", "second_only", "neither", "call"]


def expected_rows(fx):
    rows = []
    samples = sorted(set(fx.samples.values()))
    has_umi = any(t == "MI" for r in fx.reads for t, _, _ in r.tags)
    for sample in samples:
        for counting in (["fragment", "umi_family"] if has_umi else ["fragment"]):
            for s in SITES:
                c = site_counts(fx, s, sample, umi_families=counting == "umi_family")
                rows.append(dict(record="site", fixture=fx.name, sample=sample, counting=counting, site=s.key,
                                 chrom=s.chrom, pos=s.pos, ref=s.ref, alt=s.alt, alt_reads=c["alt"],
                                 ref_reads=c["ref"], other_reads=c["other"], depth=c["depth"],
                                 alt_fwd=c["alt_fwd"], alt_rev=c["alt_rev"], ref_fwd=c["ref_fwd"],
                                 ref_rev=c["ref_rev"]))
        for first, second in PAIRS:
            c = pair_counts(fx, first, second, sample)
            rows.append(dict(record="pair", fixture=fx.name, sample=sample, counting="fragment", site=first.key,
                             chrom=first.chrom, pos=first.pos, ref=first.ref, alt=first.alt, site2=second.key,
                             pos2=second.pos, ref2=second.ref, alt2=second.alt, **c))
    return rows


def check_intent(fx, rows):
    by = {(r["record"], r["site"], r["counting"]): r for r in rows if r["sample"] == sorted(set(fx.samples.values()))[0]}
    for key, want in fx.intent.items():
        if key[0] == "pair":
            got = by[("pair", T790M.key, "fragment")][key[1]]
        elif key[0] == "umi":
            got = by[("site", key[1], "umi_family")][{"alt": "alt_reads", "ref": "ref_reads"}[key[2]]]
        else:
            col = {"alt": "alt_reads", "ref": "ref_reads", "other": "other_reads", "depth": "depth"}[key[1]]
            got = by[("site", key[0], "fragment")][col]
        assert got == want, f"{fx.name}: {key} is {got}, designed {want}"


def write_expected(outdir, rows):
    with open(os.path.join(outdir, "expected.tsv"), "w") as fh:
        fh.write("\t".join(EXPECTED_HEAD) + "\n")
        for r in rows:
            fh.write("\t".join(str(r.get(k, ".")) for k in EXPECTED_HEAD) + "\n")


def generate(outdir, source_fasta):
    ensure_tools()
    ref = Reference(source_fasta)
    verify_sites(ref)
    os.makedirs(outdir, exist_ok=True)
    for name in os.listdir(outdir):  # generated files only (keep scripts and docs)
        if name.endswith((".bam", ".bai", ".cram", ".crai")):
            os.remove(os.path.join(outdir, name))
    ref_path, md5 = write_reference_subset(ref, outdir)
    lengths = {c: len(ref.whole(c)) for c in CONTIGS}
    write_sites_vcf(outdir, lengths)
    fixtures = make_fixtures(ref)
    rows = []
    with tempfile.TemporaryDirectory(prefix="make_reads.") as tmp:
        cache = os.path.join(tmp, "md5cache")
        assert write_md5_cache(ref, cache) == md5
        for fx in fixtures:
            sort_reads(fx)
            r = expected_rows(fx)
            check_intent(fx, r)
            rows += r
            write_fixture(fx, outdir, cache, md5, lengths, tmp)
            log(f"{fx.name}: {len(fx.reads)} records")
        write_expected(outdir, rows)
        errors = write_fault_fixtures(outdir, ref, md5, lengths, tmp, cache)
    write_errors(outdir, errors)
    log(f"wrote {len(fixtures)} fixtures, {len(rows)} expected rows into {outdir}")


def write_fault_fixtures(outdir, ref, md5, lengths, tmp, cache):
    errors = []
    # Truncated BAM: the deep baseline cut in the middle of a BGZF block, next to the intact file's index.
    src = os.path.join(outdir, "t790m_deep_negative.bam")
    data = open(src, "rb").read()
    with open(os.path.join(outdir, "truncated.bam"), "wb") as fh:
        fh.write(data[:len(data) // 2])
    shutil.copyfile(src + ".bai", os.path.join(outdir, "truncated.bam.bai"))
    errors.append(("truncated.bam", REF_NAME, "error", "truncated",
                   f"first {len(data) // 2} of {len(data)} bytes of t790m_deep_negative.bam (cut inside a BGZF "
                   "block; no EOF block) with that file's .bai: reading the T790M region must fail, never "
                   "report the reads before the cut"))
    # BAM without index.
    shutil.copyfile(os.path.join(outdir, "t790m_shallow_negative.bam"), os.path.join(outdir, "no_index.bam"))
    errors.append(("no_index.bam", REF_NAME, "error", "missing index",
                   "t790m_shallow_negative.bam without .bai: refused with how to make one (samtools index)"))
    # CRAM whose @SQ UR names a reference that does not exist (M5 is the right one).
    shallow = "t790m_shallow_negative.bam"
    hdr = subprocess.run(["samtools", "view", "-H", "--no-PG", os.path.join(outdir, shallow)],
                         capture_output=True, text=True, check=True).stdout
    missing_ur = "file:///nonexistent/nextline-reads-fixture/missing_reference.fa"
    hdr_missing = "".join(
        (line.rstrip("\n") + f"\tUR:{missing_ur}\n") if line.startswith("@SQ") else line
        for line in hdr.splitlines(keepends=True))
    hdr_missing = hdr_missing.replace("fixture t790m_shallow_negative:", "fixture cram_missing_reference "
                                      "(reads of t790m_shallow_negative, @SQ UR names a missing file):")
    hm = os.path.join(tmp, "missing.header.sam")
    open(hm, "w").write(hdr_missing)
    write_cram(outdir, shallow, "cram_missing_reference.cram", cache, header_sam=hm)
    errors.append(("cram_missing_reference.cram", "(none)", "error", "reference missing",
                   f"@SQ UR:{missing_ur}; with no --reference (and REF_PATH/REF_CACHE pointing nowhere remote) "
                   "the reads cannot be decoded: refused, no network lookup"))
    errors.append(("cram_missing_reference.cram", "/nonexistent/reference.fa", "error", "reference missing",
                   "--reference names a file that does not exist"))
    errors.append(("cram_missing_reference.cram", REF_NAME, "counts", "as t790m_shallow_negative",
                   "with the right reference it decodes like t790m_shallow_negative"))
    # CRAM written against a different reference: chr7 with T790M's C changed to T.
    alt_md5 = write_md5_cache(ref, cache, altered={("chr7", T790M.pos): "T"})
    hdr_alt = hdr.replace(f"M5:{md5['chr7']}", f"M5:{alt_md5['chr7']}").replace(
        "fixture t790m_shallow_negative:", "fixture cram_wrong_reference (reads of t790m_shallow_negative, "
        "encoded against chr7 with 55181378 C>T, M5 of that sequence):")
    ha = os.path.join(tmp, "altref.header.sam")
    open(ha, "w").write(hdr_alt)
    write_cram(outdir, shallow, "cram_wrong_reference.cram", cache, header_sam=ha)
    errors.append(("cram_wrong_reference.cram", REF_NAME, "error", "reference mismatch",
                   f"encoded against a reference whose chr7 has T at 55181378 (@SQ M5 {alt_md5['chr7']}, "
                   f"the right one is {md5['chr7']}); decoding with the right reference must be refused "
                   "(htslib checks the slice MD5), never yield altered bases"))
    return errors


def write_errors(outdir, errors):
    with open(os.path.join(outdir, "expected_errors.tsv"), "w") as fh:
        fh.write("file\treference\texpect\tkind\twhat\n")
        for e in errors:
            fh.write("\t".join(e) + "\n")


GENERATED_EXT = (".bam", ".bai", ".cram", ".crai")


def generated_files(d):
    out = []
    for name in sorted(os.listdir(d)):
        if name.endswith(GENERATED_EXT) or name in ("expected.tsv", "expected_errors.tsv", "sites.vcf"):
            out.append(name)
    for name in sorted(os.listdir(os.path.join(d, "ref"))):
        out.append("ref/" + name)
    return out


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=HERE, help="output folder (default: this folder)")
    ap.add_argument("--source-fasta", default=SOURCE_FASTA)
    ap.add_argument("--verify", action="store_true",
                    help="regenerate into a temporary folder and compare with the files in this folder")
    args = ap.parse_args()
    os.environ.setdefault("REF_PATH", "/nonexistent-no-remote-reference-lookup")
    os.environ.setdefault("REF_CACHE", "/nonexistent-no-remote-reference-lookup")
    if not os.path.exists(args.source_fasta):
        sys.exit(f"make_reads: {args.source_fasta} is absent (it is in the project's shared/data/derived)")
    if not args.verify:
        generate(args.out, args.source_fasta)
        return
    with tempfile.TemporaryDirectory(prefix="make_reads.verify.") as tmp:
        generate(tmp, args.source_fasta)
        here, there = generated_files(HERE), generated_files(tmp)
        bad = sorted(set(here) ^ set(there))
        for name in sorted(set(here) & set(there)):
            if sha(os.path.join(HERE, name)) != sha(os.path.join(tmp, name)):
                bad.append(name)
        for name in bad:
            print(f"differs: {name}")
        print(f"{len(there) - len(bad)} of {len(there)} generated files identical")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
