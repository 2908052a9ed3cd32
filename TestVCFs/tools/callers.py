"""Cross-caller fixtures: one EGFR L858R + T790M patient written the way different variant callers write it.

(a)/(b) Mutect2-style baseline and VarDict-style progression, GRCh38 (chr7) and GRCh37 (7), same read counts,
so the same verdicts must come out in both builds; (c) single-record T790M files in Strelka2, VarScan2,
FreeBayes and Ion Torrent layouts with known VAF / alt reads / depth (expected.tsv).
"""

import os
import shutil

from fixturelib import (GRCH37_LENGTHS, GRCH38_LENGTHS, TESTVCFS, Site, case_yaml, expected_yaml,
                        fmt_af, write)

T790M = Site.from_hotspot("EGFR", "T790M")
L858R = Site.from_hotspot("EGFR", "L858R")
FOLDER = os.path.join(TESTVCFS, "callers")


def contigs(build):
    if build == "GRCh38":
        return [f"##contig=<ID=chr1,length={GRCH38_LENGTHS['1']}>",
                f"##contig=<ID=chr7,length={GRCH38_LENGTHS['7']}>"]
    return [f"##contig=<ID=1,length={GRCH37_LENGTHS['1']}>",
            f"##contig=<ID=7,length={GRCH37_LENGTHS['7']}>"]


def where(site, build):
    chrom, pos = site.coords(build)
    return (f"chr{chrom}" if build == "GRCh38" else chrom), pos


def sort_records(records):
    return [r for _, r in sorted(records)]


# ---------------------------------------------------------------- (a) Mutect2-style baseline tissue
MUTECT2_DX = "EGFR01_dx"
MUTECT2_OBS = [  # site, alt, depth, TLOD
    (L858R, 212, 600, "612.45"),
    (T790M, 0, 640, "0.00"),   # force-called (--alleles): not detected, depth 640
]


def mutect2(build):
    ref_line = "##reference=GRCh38" if build == "GRCh38" else "##reference=GRCh37"
    lines = ["##fileformat=VCFv4.2", "##source=Mutect2", ref_line] + contigs(build) + [
        '##FILTER=<ID=PASS,Description="All filters passed">',
        '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">',
        '##INFO=<ID=TLOD,Number=A,Type=Float,Description="Log 10 likelihood ratio score of variant existing versus not existing">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
        '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions of alternate alleles in the tumor">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
        f"##tumor_sample={MUTECT2_DX}",
        "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", MUTECT2_DX]),
    ]
    recs = []
    for site, alt, depth, tlod in MUTECT2_OBS:
        chrom, pos = where(site, build)
        gt = "0/1" if alt else "0/0"
        recs.append(((pos,), "\t".join([chrom, str(pos), ".", site.ref, site.alt, ".", "PASS",
                                        f"DP={depth};TLOD={tlod}", "GT:AD:AF:DP",
                                        f"{gt}:{depth - alt},{alt}:{fmt_af(alt, depth)}:{depth}"])))
    return "\n".join(lines + sort_records(recs)) + "\n"


# ---------------------------------------------------------------- (b) VarDict-style progression plasma
VARDICT_PROG = "EGFR01_prog"
VARDICT_OBS = [  # site, alt (VD), depth (DP)
    (L858R, 174, 2410),
    (T790M, 77, 2480),
]


def vardict(build):
    ref_line = "##reference=GRCh38" if build == "GRCh38" else "##reference=GRCh37"
    lines = ["##fileformat=VCFv4.2", "##source=VarDict", ref_line] + contigs(build) + [
        '##INFO=<ID=SAMPLE,Number=1,Type=String,Description="Sample name (with whitespace translated to underscores)">',
        '##INFO=<ID=TYPE,Number=1,Type=String,Description="Variant Type: SNV Insertion Deletion Complex">',
        '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total Depth">',
        '##INFO=<ID=VD,Number=1,Type=Integer,Description="Variant Depth">',
        '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele Frequency">',
        '##INFO=<ID=BIAS,Number=1,Type=String,Description="Strand Bias Info">',
        '##INFO=<ID=QUAL,Number=1,Type=Float,Description="Mean quality score in reads">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Total Depth">',
        '##FORMAT=<ID=VD,Number=1,Type=Integer,Description="Variant Depth">',
        '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
        '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele Frequency">',
        "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", VARDICT_PROG]),
    ]
    recs = []
    for site, vd, dp in VARDICT_OBS:
        chrom, pos = where(site, build)
        af = fmt_af(vd, dp)
        info = f"SAMPLE={VARDICT_PROG};TYPE=SNV;DP={dp};VD={vd};AF={af};BIAS=2:2;QUAL=36.8"
        recs.append(((pos,), "\t".join([chrom, str(pos), ".", site.ref, site.alt, "142", "PASS", info,
                                        "GT:DP:VD:AD:AF", f"0/1:{dp}:{vd}:{dp - vd},{vd}:{af}"])))
    return "\n".join(lines + sort_records(recs)) + "\n"


# ---------------------------------------------------------------- (c) single-record T790M files, GRCh38
def header38(source_lines):
    return ["##fileformat=VCFv4.2"] + source_lines + ["##reference=GRCh38"] + contigs("GRCh38")


def strelka2():
    # Tier-1 counts: tumour C 364 (ref), T 36 (alt) -> VAF 36/400 = 0.09; DP 400, nothing filtered.
    lines = header38(["##source=strelka", "##source_version=2.9.10"]) + [
        '##content=strelka somatic snv calls',
        '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Somatic mutation">',
        '##INFO=<ID=QSS,Number=1,Type=Integer,Description="Quality score for any somatic snv, ie. for the ALT allele to be present at a significantly different frequency in the tumor and normal">',
        '##INFO=<ID=TQSS,Number=1,Type=Integer,Description="Data tier used to compute QSS">',
        '##INFO=<ID=NT,Number=1,Type=String,Description="Genotype of the normal in all data tiers, as used to classify somatic variants. One of {ref,het,hom,conflict}.">',
        '##INFO=<ID=QSS_NT,Number=1,Type=Integer,Description="Quality score reflecting the joint probability of a somatic variant and NT">',
        '##INFO=<ID=TQSS_NT,Number=1,Type=Integer,Description="Data tier used to compute QSS_NT">',
        '##INFO=<ID=SGT,Number=1,Type=String,Description="Most likely somatic genotype excluding normal noise states">',
        '##INFO=<ID=DP,Number=1,Type=Integer,Description="Combined depth across samples">',
        '##INFO=<ID=MQ,Number=1,Type=Float,Description="RMS Mapping Quality">',
        '##INFO=<ID=MQ0,Number=1,Type=Integer,Description="Total Mapping Quality Zero Reads">',
        '##INFO=<ID=SomaticEVS,Number=1,Type=Float,Description="Somatic Empirical Variant Score (EVS) expressing the phred-scaled probability of the call being a false positive observation.">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth for tier1 (used+filtered)">',
        '##FORMAT=<ID=FDP,Number=1,Type=Integer,Description="Number of basecalls filtered from original read depth for tier1">',
        '##FORMAT=<ID=SDP,Number=1,Type=Integer,Description="Number of reads with deletions spanning this site at tier1">',
        '##FORMAT=<ID=SUBDP,Number=1,Type=Integer,Description="Number of reads below tier1 mapping quality threshold aligned across this site">',
        '##FORMAT=<ID=AU,Number=2,Type=Integer,Description="Number of \'A\' alleles used in tiers 1,2">',
        '##FORMAT=<ID=CU,Number=2,Type=Integer,Description="Number of \'C\' alleles used in tiers 1,2">',
        '##FORMAT=<ID=GU,Number=2,Type=Integer,Description="Number of \'G\' alleles used in tiers 1,2">',
        '##FORMAT=<ID=TU,Number=2,Type=Integer,Description="Number of \'T\' alleles used in tiers 1,2">',
        "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "NORMAL", "TUMOR"]),
        "\t".join(["chr7", str(T790M.pos38), ".", "C", "T", ".", "PASS",
                   "SOMATIC;QSS=112;TQSS=1;NT=ref;QSS_NT=112;TQSS_NT=1;SGT=CC->CT;DP=782;MQ=60.00;MQ0=0;SomaticEVS=17.84",
                   "DP:FDP:SDP:SUBDP:AU:CU:GU:TU",
                   "382:0:0:0:0,0:382,384:0,0:0,0",
                   "400:0:0:0:0,0:364,367:0,0:36,36"]),
    ]
    return "\n".join(lines) + "\n"


def varscan2():
    # Tumour RD 280, AD 40, DP 320 -> FREQ 12.5%; normal RD 318, AD 0.
    lines = header38(["##source=VarScan2"]) + [
        '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth of quality bases">',
        '##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description="Indicates if record is a somatic mutation">',
        '##INFO=<ID=SS,Number=1,Type=String,Description="Somatic status of variant (0=Reference,1=Germline,2=Somatic,3=LOH, or 5=Unknown)">',
        '##INFO=<ID=SSC,Number=1,Type=String,Description="Somatic score in Phred scale (0-255) derived from somatic p-value">',
        '##INFO=<ID=GPV,Number=1,Type=Float,Description="Fisher\'s Exact Test P-value of tumor+normal versus no variant for Germline calls">',
        '##INFO=<ID=SPV,Number=1,Type=Float,Description="Fisher\'s Exact Test P-value of tumor versus normal for Somatic/LOH calls">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read Depth">',
        '##FORMAT=<ID=RD,Number=1,Type=Integer,Description="Depth of reference-supporting bases (reads1)">',
        '##FORMAT=<ID=AD,Number=1,Type=Integer,Description="Depth of variant-supporting bases (reads2)">',
        '##FORMAT=<ID=FREQ,Number=1,Type=String,Description="Variant allele frequency">',
        "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "NORMAL", "TUMOR"]),
        "\t".join(["chr7", str(T790M.pos38), ".", "C", "T", ".", "PASS",
                   "DP=638;SOMATIC;SS=2;SSC=34;GPV=1;SPV=0.00036",
                   "GT:GQ:DP:RD:AD:FREQ", "0/0:.:318:318:0:0%", "0/1:.:320:280:40:12.5%"]),
    ]
    return "\n".join(lines) + "\n"


def freebayes():
    # FORMAT without AD (freebayes 0.9.x layout): RO 470, AO 30 -> VAF 0.06 over DP 500.
    # INFO/AF = 0.5 is freebayes' genotype-based allele frequency, NOT the VAF (a trap for INFO/AF fallbacks).
    lines = header38(["##source=freeBayes v0.9.21"]) + [
        '##INFO=<ID=NS,Number=1,Type=Integer,Description="Number of samples with data">',
        '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total read depth at the locus">',
        '##INFO=<ID=AC,Number=A,Type=Integer,Description="Total number of alternate alleles in called genotypes">',
        '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
        '##INFO=<ID=AF,Number=A,Type=Float,Description="Estimated allele frequency in the range (0,1]">',
        '##INFO=<ID=RO,Number=1,Type=Integer,Description="Reference allele observation count, with partial observations recorded fractionally">',
        '##INFO=<ID=AO,Number=A,Type=Integer,Description="Alternate allele observations, with partial observations recorded fractionally">',
        '##INFO=<ID=AB,Number=A,Type=Float,Description="Allele balance at heterozygous sites: a number between 0 and 1 representing the ratio of reads showing the reference allele to all reads, considering only reads from individuals called as heterozygous">',
        '##INFO=<ID=TYPE,Number=A,Type=String,Description="The type of allele, either snp, mnp, ins, del, or complex.">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read Depth">',
        '##FORMAT=<ID=RO,Number=1,Type=Integer,Description="Reference allele observation count">',
        '##FORMAT=<ID=QR,Number=1,Type=Integer,Description="Sum of quality of the reference observations">',
        '##FORMAT=<ID=AO,Number=A,Type=Integer,Description="Alternate allele observation count">',
        '##FORMAT=<ID=QA,Number=A,Type=Integer,Description="Sum of quality of the alternate observations">',
        '##FORMAT=<ID=GL,Number=G,Type=Float,Description="Genotype Likelihood, log10-scaled likelihoods of the data given the called genotype for each possible genotype generated from the reference and alternate alleles given the sample ploidy">',
        "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "TUMOR"]),
        "\t".join(["chr7", str(T790M.pos38), ".", "C", "T", "512.3", ".",
                   "AB=0.06;AC=1;AF=0.5;AN=2;AO=30;DP=500;NS=1;RO=470;TYPE=snp",
                   "GT:DP:RO:QR:AO:QA:GL", "0/1:500:470:17860:30:1140:-80.1,0,-1500.2"]),
    ]
    return "\n".join(lines) + "\n"


def iontorrent():
    # Flow-corrected FRO 1425, FAO 75, FDP 1500 -> VAF 0.05; raw RO 1450, AO 70, DP 1520 (0.046) must NOT be used.
    lines = header38(['##source="tvc 5.12-9 (6ed5e7d) - Torrent Variant Caller"']) + [
        '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency based on Flow Evaluator observation counts">',
        '##INFO=<ID=AO,Number=A,Type=Integer,Description="Alternate allele observations">',
        '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total read depth at the locus">',
        '##INFO=<ID=FAO,Number=A,Type=Integer,Description="Flow Evaluator Alternate allele observations">',
        '##INFO=<ID=FDP,Number=1,Type=Integer,Description="Flow Evaluator read depth at the locus">',
        '##INFO=<ID=FRO,Number=1,Type=Integer,Description="Flow Evaluator Reference allele observations">',
        '##INFO=<ID=RO,Number=1,Type=Integer,Description="Reference allele observations">',
        '##INFO=<ID=HRUN,Number=A,Type=Integer,Description="Run length: the number of consecutive repeats of the alternate allele in the reference genome">',
        '##INFO=<ID=TYPE,Number=A,Type=String,Description="The type of allele, either snp, mnp, ins, del, or complex.">',
        '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
        '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality, the Phred-scaled marginal (or unconditional) probability of the called genotype">',
        '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read Depth">',
        '##FORMAT=<ID=FDP,Number=1,Type=Integer,Description="Flow Evaluator Read Depth">',
        '##FORMAT=<ID=RO,Number=1,Type=Integer,Description="Reference allele observation count">',
        '##FORMAT=<ID=FRO,Number=1,Type=Integer,Description="Flow Evaluator Reference allele observation count">',
        '##FORMAT=<ID=AO,Number=A,Type=Integer,Description="Alternate allele observation count">',
        '##FORMAT=<ID=FAO,Number=A,Type=Integer,Description="Flow Evaluator Alternate allele observation count">',
        '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele frequency based on Flow Evaluator observation counts">',
        "\t".join(["#CHROM", "POS", "ID", "REF", "ALT", "QUAL", "FILTER", "INFO", "FORMAT", "TUMOR"]),
        "\t".join(["chr7", str(T790M.pos38), ".", "C", "T", "330.5", "PASS",
                   "AF=0.05;AO=70;DP=1520;FAO=75;FDP=1500;FRO=1425;HRUN=1;RO=1450;TYPE=snp",
                   "GT:GQ:DP:FDP:RO:FRO:AO:FAO:AF", "0/1:99:1520:1500:1450:1425:70:75:0.05"]),
    ]
    return "\n".join(lines) + "\n"


EXPECTED_TSV_COLUMNS = ["file", "sample", "gene", "hgvsp", "chrom", "pos", "ref", "alt", "expected_vaf",
                        "alt_reads", "depth", "source_field", "note"]


def expected_rows():
    rows = []
    for build, suffix in (("GRCh38", "grch38"), ("GRCh37", "grch37")):
        for site, alt, depth, _ in MUTECT2_OBS:
            chrom, pos = where(site, build)
            rows.append([f"mutect2_baseline.{suffix}.vcf", MUTECT2_DX, "EGFR", "p." + site.label.split("p.")[1],
                         chrom, pos, site.ref, site.alt, fmt_af(alt, depth), alt, depth, "FORMAT/AD+DP",
                         "FORMAT/AF equals AD alt/DP" if alt else
                         "force-called GT 0/0: a not-detected observation with depth, never a finding"])
        for site, vd, dp in VARDICT_OBS:
            chrom, pos = where(site, build)
            rows.append([f"vardict_progression.{suffix}.vcf", VARDICT_PROG, "EGFR", "p." + site.label.split("p.")[1],
                         chrom, pos, site.ref, site.alt, fmt_af(vd, dp), vd, dp, "FORMAT/VD+DP",
                         "FORMAT/AD, FORMAT/AF and INFO/AF agree"])
    p = T790M.pos38
    rows += [
        ["strelka2_somatic.snvs.grch38.vcf", "TUMOR", "EGFR", "p.T790M", "chr7", p, "C", "T", "0.09", 36, 400,
         "FORMAT/TU+CU (tier 1)", "VAF = TU[0]/(CU[0]+TU[0]); depth = tier-1 ref+alt = DP-FDP"],
        ["strelka2_somatic.snvs.grch38.vcf", "NORMAL", "EGFR", "p.T790M", "chr7", p, "C", "T", "0", 0, 382,
         "FORMAT/TU+CU (tier 1)", "normal column: not detected"],
        ["varscan2_somatic.snp.grch38.vcf", "TUMOR", "EGFR", "p.T790M", "chr7", p, "C", "T", "0.125", 40, 320,
         "FORMAT/FREQ (AD, RD)", "FREQ '12.5%' is a percent string; AD is Number=1 (alt reads only); depth = RD+AD"],
        ["varscan2_somatic.snp.grch38.vcf", "NORMAL", "EGFR", "p.T790M", "chr7", p, "C", "T", "0", 0, 318,
         "FORMAT/FREQ (AD, RD)", "normal column: FREQ '0%'"],
        ["freebayes.grch38.vcf", "TUMOR", "EGFR", "p.T790M", "chr7", p, "C", "T", "0.06", 30, 500,
         "FORMAT/AO+RO", "INFO/AF=0.5 is the genotype allele frequency, not the VAF; no FORMAT/AD"],
        ["iontorrent_tvc.grch38.vcf", "TUMOR", "EGFR", "p.T790M", "chr7", p, "C", "T", "0.05", 75, 1500,
         "FORMAT/FAO+FDP", "flow-corrected counts; raw AO 70 / DP 1520 (0.0461) must not be used"],
    ]
    return rows


def build():
    if os.path.isdir(FOLDER):
        shutil.rmtree(FOLDER)
    for build_name, suffix in (("GRCh38", "grch38"), ("GRCh37", "grch37")):
        write(os.path.join(FOLDER, f"mutect2_baseline.{suffix}.vcf"), mutect2(build_name))
        write(os.path.join(FOLDER, f"vardict_progression.{suffix}.vcf"), vardict(build_name))
        samples = [
            {"id": "dx", "role": "baseline", "kind": "tissue", "vcf": f"mutect2_baseline.{suffix}.vcf",
             "sample": MUTECT2_DX, "collected": "2022-01-10"},
            {"id": "prog", "role": "progression", "kind": "plasma", "vcf": f"vardict_progression.{suffix}.vcf",
             "sample": VARDICT_PROG, "collected": "2023-10-23", "tumor_fraction": 0.15},
        ]
        write(os.path.join(FOLDER, f"case.{suffix}.yaml"), case_yaml(
            "CALLERS-EGFR01", "LUAD", [{"drugs": ["gefitinib"], "start": "2022-01-24", "end": "2023-10-16",
                                        "best_response": "PR"}],
            samples, ["osimertinib", "erlotinib"], patient=(64, "F"), genome_build=build_name,
            header_comment=(f"Cross-caller / cross-build case ({build_name}): EGFR L858R lung adenocarcinoma after "
                            "gefitinib.\nBaseline called by Mutect2, progression plasma by VarDict; the GRCh37 and "
                            "GRCh38 case files\nmust give identical findings (apart from coordinates) and verdicts.")))
    write(os.path.join(FOLDER, "expected.yaml"),
          "# Expected interpretation of case.grch38.yaml AND case.grch37.yaml (identical apart from coordinates).\n"
          "# Semantics: TestVCFs/README.md, section 'expected.yaml'.\n" + expected_yaml(
              "CALLERS-EGFR01", case_files=["case.grch38.yaml", "case.grch37.yaml"],
              verdicts={"osimertinib": "sensitivity", "erlotinib": "resistance"},
              origins={"EGFR p.L858R": "persistent", "EGFR p.T790M": "acquired"},
              recommendations=[], primary=[],
              notes=[
                  "osimertinib -> sensitivity: acquired T790M after a first-generation EGFR TKI (gefitinib); "
                  "egfr_osimertinib_active_after_t790m and AURA3 (Mok 2017, outside-references.yaml).",
                  "erlotinib -> resistance: acquired T790M after gefitinib (Kobayashi 2005, Pao 2005 in "
                  "outside-references.yaml; rule requires_origin acquired, patient data).",
                  "T790M origin acquired: Mutect2 baseline force-called it GT 0/0 with AD 640,0; L858R is in both.",
                  "VAF sources: Mutect2 FORMAT/AD+DP (AF agrees); VarDict FORMAT/VD over FORMAT/DP (AD and AF "
                  "agree). See expected.tsv.",
                  "GRCh37 files: contigs '1' and '7' without chr, GRCh37 lengths, ##reference=GRCh37; the build "
                  "must be detected as GRCh37 from the chr1/chr7 lengths and agree with genome_build.",
              ],
              catalogue_dependencies=[
                  "If the catalogue adds an EGFR-sensitising-mutation -> first-generation TKI sensitivity rule, it "
                  "must not fire against an acquired T790M (otherwise erlotinib becomes reduced_efficacy).",
              ]))
    for name, text in (("strelka2_somatic.snvs.grch38.vcf", strelka2()),
                       ("varscan2_somatic.snp.grch38.vcf", varscan2()),
                       ("freebayes.grch38.vcf", freebayes()),
                       ("iontorrent_tvc.grch38.vcf", iontorrent())):
        write(os.path.join(FOLDER, name), text)
    rows = [EXPECTED_TSV_COLUMNS] + expected_rows()
    write(os.path.join(FOLDER, "expected.tsv"), "\n".join("\t".join(str(c) for c in r) for r in rows) + "\n")
