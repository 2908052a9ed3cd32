"""Helpers that write the nextline test fixtures (VCF text, case files, expected files).

Run `python3 TestVCFs/tools/make_fixtures.py` from the repository root to regenerate every fixture.
Nothing here is clinical logic: it only formats records whose values are listed in make_fixtures.py.
"""

import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TESTVCFS = os.path.dirname(HERE)
REPO = os.path.dirname(TESTVCFS)
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
HOTSPOTS_TSV = os.path.join(SHARED, "data", "hotspots_reference.tsv")

GRCH38_LENGTHS = {
    "1": 248956422, "2": 242193529, "3": 198295559, "6": 170805979, "7": 159345973,
    "10": 133797422, "12": 133275309, "13": 114364328, "17": 83257441, "19": 58617616,
    "X": 156040895,
}
# GRCh37 lengths, as in ../shared/data/derived/hotspots.grch37.nochr.vcf and the GRCh37 panel FASTA index.
GRCH37_LENGTHS = {
    "1": 249250621, "2": 243199373, "3": 198022430, "6": 171115067, "7": 159138663,
    "10": 135534747, "12": 133851895, "17": 81195210, "19": 59128983, "X": 155270560,
}
CHROM_ORDER = [str(i) for i in range(1, 23)] + ["X", "Y"]

CSQ_FORMAT = ("Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|"
              "HGVSc|HGVSp|MANE_SELECT")


def load_hotspots():
    """(gene, protein_change, hgvs_c) -> row of hotspots_reference.tsv."""
    table = {}
    with open(HOTSPOTS_TSV) as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table[(row["gene"], row["protein_change"], row["hgvs_c_mane"])] = row
    return table


HOTSPOTS = load_hotspots()


def hotspot(gene, change, hgvs_c=None):
    matches = [row for (g, p, c), row in HOTSPOTS.items()
               if g == gene and p == change and (hgvs_c is None or c == hgvs_c)]
    if len(matches) != 1:
        raise SystemExit(f"hotspot {gene} {change} {hgvs_c}: {len(matches)} rows")
    return matches[0]


def fmt_af(alt, depth):
    if alt == 0:
        return "0"
    text = f"{round(alt / depth, 4):.4f}".rstrip("0").rstrip(".")
    return text


class Site:
    """One allele at one position: a hotspot row or a non-hotspot record with a VEP CSQ string."""

    def __init__(self, label, chrom38, pos38, ref, alt, chrom37=None, pos37=None, csq=None,
                 synthetic=False):
        self.label = label            # "GENE p.X" as used in expected.yaml
        self.chrom38, self.pos38, self.ref, self.alt = chrom38, pos38, ref, alt
        self.chrom37, self.pos37 = chrom37, pos37
        self.csq = csq
        self.synthetic = synthetic

    @classmethod
    def from_hotspot(cls, gene, change, hgvs_c=None, label=None):
        row = hotspot(gene, change, hgvs_c)
        return cls(label or f"{gene} p.{change}", row["grch38_chrom"], int(row["grch38_pos"]),
                   row["grch38_ref"], row["grch38_alt"], row["grch37_chrom"], int(row["grch37_pos"]))

    def coords(self, build):
        if build == "GRCh38":
            return self.chrom38, self.pos38
        if self.chrom37 is None:
            raise SystemExit(f"{self.label}: no GRCh37 coordinate")
        return self.chrom37, self.pos37


class Obs:
    """A sample's observation of a site: alt reads over depth (alt 0 = force-called, not detected)."""

    def __init__(self, site, alt, depth, info_extra=None):
        self.site, self.alt, self.depth = site, alt, depth
        self.info_extra = info_extra or []


def contig_name(chrom, build):
    return f"chr{chrom}" if build == "GRCh38" else chrom


def write_generic_vcf(path, sample, observations, build="GRCh38", source="nextline test fixture"):
    """FORMAT GT:AD:AF:DP, one sample column. Contigs: chr1 (for length-based build detection) plus
    every chromosome with a record."""
    lengths = GRCH38_LENGTHS if build == "GRCh38" else GRCH37_LENGTHS
    used = {"1"} | {o.site.coords(build)[0] for o in observations}
    contigs = sorted(used, key=CHROM_ORDER.index)
    any_csq = any(o.site.csq for o in observations)
    any_syn = any(o.site.synthetic for o in observations)
    any_forced = any(o.alt == 0 for o in observations)
    lines = ["##fileformat=VCFv4.2", f"##source={source}", f"##reference={build}"]
    for chrom in contigs:
        lines.append(f"##contig=<ID={contig_name(chrom, build)},length={lengths[chrom]}>")
    if any_forced:
        lines.append('##INFO=<ID=FORCED,Number=0,Type=Flag,Description="Site genotyped on request '
                     '(force-called); GT 0/0 with 0 alt reads is a not-detected observation with its depth">')
    if any_syn:
        lines.append('##INFO=<ID=SYNTHETIC,Number=0,Type=Flag,Description="Non-hotspot record placed '
                     'for testing; REF base not checked against the reference sequence (see TestVCFs/README.md)">')
    if any_csq:
        lines.append('##INFO=<ID=CSQ,Number=.,Type=String,Description="Consequence annotations from '
                     f'Ensembl VEP. Format: {CSQ_FORMAT}">')
    lines += [
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
        '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction of the alt allele (alt reads / depth)">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth at this position in this sample">',
        "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", sample]),
    ]
    records = []
    for o in observations:
        chrom, pos = o.site.coords(build)
        info = []
        if o.alt == 0:
            info.append("FORCED")
        if o.site.synthetic:
            info.append("SYNTHETIC")
        info += o.info_extra
        if o.site.csq:
            info.append("CSQ=" + o.site.csq)
        gt = "0/1" if o.alt > 0 else "0/0"
        fmt = f"{gt}:{o.depth - o.alt},{o.alt}:{fmt_af(o.alt, o.depth)}:{o.depth}"
        records.append(((CHROM_ORDER.index(chrom), pos),
                        "\t".join([contig_name(chrom, build), str(pos), ".", o.site.ref, o.site.alt, ".",
                                   "PASS", ";".join(info) or ".", "GT:AD:AF:DP", fmt])))
    records.sort(key=lambda r: r[0])
    lines += [r[1] for r in records]
    write(path, "\n".join(lines) + "\n")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def q(text):
    """YAML double-quoted scalar."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(items):
    return "[" + ", ".join(q(i) for i in items) + "]"


def case_yaml(case_id, tumor_type, lines, samples, candidates, patient=None, biomarkers=None,
              header_comment=None, genome_build="GRCh38"):
    out = []
    if header_comment:
        out += ["# " + l for l in header_comment.strip().split("\n")]
    out.append(f"case_id: {case_id}")
    out.append(f"tumor_type: {tumor_type}")
    if patient:
        out.append(f"patient: {{age: {patient[0]}, sex: {patient[1]}}}")
    out.append(f"genome_build: {genome_build}")
    if not lines:
        out.append("therapy_lines: []")
    else:
        out.append("therapy_lines:")
        for i, line in enumerate(lines, 1):
            out.append(f"  - line: {i}")
            out.append(f"    drugs: {flow(line['drugs'])}")
            for key in ("start", "end", "best_response"):
                if line.get(key):
                    out.append(f"    {key}: {line[key]}")
    out.append("samples:")
    for s in samples:
        out.append(f"  - id: {s['id']}")
        out.append(f"    role: {s['role']}")
        out.append(f"    kind: {s['kind']}")
        out.append(f"    vcf: {s['vcf']}")
        if s.get("sample"):
            out.append(f"    sample: {s['sample']}")
        if s.get("collected"):
            out.append(f"    collected: {s['collected']}")
        if s.get("tumor_fraction") is not None:
            out.append(f"    tumor_fraction: {s['tumor_fraction']}")
    if biomarkers:
        out.append("biomarkers:")
        for b in biomarkers:
            out.append(f"  - {{name: {q(b[0])}, method: {b[1]}, result: {q(b[2])}, sample: {b[3]}}}")
    out.append(f"candidates: {flow(candidates)}")
    return "\n".join(out) + "\n"


def expected_yaml(scenario_id, verdicts, origins=None, recommendations=None, primary=None, notes=None,
                  not_covered=None, not_detected=None, flags=None, not_used=None, case_files=None,
                  catalogue_dependencies=None):
    out = [f"scenario: {scenario_id}"]
    if case_files:
        out.append(f"case_files: {flow(case_files)}")
    out.append("verdicts:")
    for cand, verdict in verdicts.items():
        out.append(f"  {q(cand)}: {verdict}")
    if origins:
        out.append("origins:")
        for label, origin in origins.items():
            out.append(f"  {q(label)}: {origin}")
    else:
        out.append("origins: {}")
    if flags:
        out.append("flags:")
        for label, fl in flags.items():
            out.append(f"  {q(label)}: [{', '.join(fl)}]")
    if not_used:
        out.append("not_used:")
        for label, reason in not_used.items():
            out.append(f"  {q(label)}: {reason}")
    if not_detected is not None:
        out.append(f"not_detected: {flow(not_detected)}")
    out.append(f"recommendations: {flow(recommendations or [])}")
    out.append(f"primary: {flow(primary or [])}")
    if notes:
        out.append("notes:")
        for n in notes:
            out.append("  - " + yaml_block_item(n))
    if catalogue_dependencies:
        out.append("catalogue_dependencies:")
        for n in catalogue_dependencies:
            out.append("  - " + yaml_block_item(n))
    if not_covered:
        if isinstance(not_covered, str):
            out.append("not_covered: " + yaml_block_item(not_covered, indent=2))
        else:
            out.append("not_covered:")
            for n in not_covered:
                out.append("  - " + yaml_block_item(n))
    return "\n".join(out) + "\n"


def yaml_block_item(text, indent=4):
    """A folded scalar so long notes stay readable."""
    import textwrap
    body = textwrap.wrap(" ".join(text.split()), width=100, break_on_hyphens=False, break_long_words=False)
    pad = " " * indent
    return ">-\n" + "\n".join(pad + l for l in body)
