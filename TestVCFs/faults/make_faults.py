#!/usr/bin/env python3
"""Fixtures for the fault matrix (shared/reliability.md §3, rows 1-50), described by matrix.tsv.

usage:
  make_faults.py static [DIR]      (re)write the small text fixtures that are committed in this folder
  make_faults.py generated DIR     write the fixtures matrix.tsv names as `generated:<name>` into DIR

Generated fixtures are not committed: they are binary (BGZF/BCF/CRAM/BAM/bz2/zip/xz, cut or corrupted
at chosen offsets), big (a 4 MiB INFO value, a 300 kb allele, 300 ALTs - generated so that no file in
git is larger than a few kB), depend on file times (stale and foreign indexes) or are special files
(FIFO, symlink loop, a mode-000 file, a directory). They need python3, bgzip, tabix and bcftools; a
fixture whose tool is missing is not written and run_matrix.py reports its row as skipped. Everything
is written fresh into DIR (a temporary directory at test time), never into git.

The header is Tests/TestSupport/Fixtures.swift's vcfHeader(): GRCh38 contigs chr1/chr7/chr12/chr17
with their real lengths. EGFR T790M is chr7:55181378 C>T (GRCh38), chr7:55249071 (GRCh37).
"""
import gzip, io, os, shutil, struct, subprocess, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))

CONTIGS38 = ["##contig=<ID=chr1,length=248956422>", "##contig=<ID=chr7,length=159345973>",
             "##contig=<ID=chr12,length=133275309>", "##contig=<ID=chr17,length=83257441>"]
CONTIGS37 = ["##contig=<ID=chr1,length=249250621>", "##contig=<ID=chr7,length=159138663>",
             "##contig=<ID=chr12,length=133851895>", "##contig=<ID=chr17,length=81195210>"]


def header(samples=("TUMOR",), extra=(), contigs=None, fileformat="VCFv4.2", replace=None):
    lines = ["##fileformat=" + fileformat,
             '##FILTER=<ID=PASS,Description="All filters passed">',
             '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">',
             '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele fraction in the tumour">',
             '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
             '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="SV type">',
             '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
             '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
             '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">',
             '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">']
    lines += CONTIGS38 if contigs is None else list(contigs)
    lines += list(extra)
    chrom = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO"
    if samples:
        chrom += "\tFORMAT\t" + "\t".join(samples)
    text = "\n".join(lines + [chrom]) + "\n"
    for a, b in (replace or []):
        assert a in text, a
        text = text.replace(a, b)
    return text


T790M = "chr7\t55181378\t.\tC\tT\t.\tPASS\tDP=1000\tGT:AD:AF:DP\t0/1:969,31:0.031:1000\n"
H = header()


def rec(chrom="chr7", pos="55181378", ref="C", alt="T", filt="PASS", info="DP=1000", fmt="GT:AD:AF:DP",
        samples=("0/1:969,31:0.031:1000",), qual="."):
    cols = [chrom, str(pos), ".", ref, alt, qual, filt, info]
    if fmt is not None:
        cols += [fmt] + list(samples)
    return "\t".join(cols) + "\n"


RULE = """schema: nextline/catalogue-rules/v1
rules:
  - id: {id}
    title: Test rule
    tumor_types: [NSCLC]
    prior_therapies: [gefitinib]
    biomarkers:
      - {{gene: {gene}, kind: protein_change, changes: [{change}], role: required}}
    requires_origin: acquired
    therapies: [erlotinib]
    effect: resistance
{extra}    direction: one_way
    mechanism: A test mechanism written for a fixture.
    evidence: {{study_types: [patient_samples], level: clinical_other}}
    references:
      - {{doi: "10.1158/1078-0432.CCR-12-2246", first_author: Yu HA, year: 2013, checked_in: lookup}}
    source: {{kind: outside_review}}
"""


def rule(id="fault_rule", gene="EGFR", change="T790M", extra="", header_lines=True):
    text = RULE.format(id=id, gene=gene, change=change, extra=extra)
    return text if header_lines else text.split("rules:\n", 1)[1]


def static_fixtures():
    """name -> bytes. Small, reviewable text fixtures committed in TestVCFs/faults/."""
    f = {}
    b = lambda s: s.encode("utf-8")
    # -- Row 0: the control every mutation below starts from.
    f["control_t790m.vcf"] = b(H + T790M)
    # -- Container and compression
    f["r05_empty.vcf"] = b""
    f["r05_not_vcf.vcf"] = b("Patient 0042, plasma draw 2024-04-15\nEGFR T790M detected\n")
    f["r05_json.vcf"] = b('{"chrom": "chr7", "pos": 55181378, "ref": "C", "alt": "T"}\n')
    f["r06_vcf_text_named.bcf"] = b(H + T790M)
    f["r06_sam.sam"] = b("@HD\tVN:1.6\tSO:coordinate\n@SQ\tSN:chr7\tLN:159345973\n"
                         "r1\t0\tchr7\t55181370\t60\t10M\t*\t0\t0\tGCTCATCACG\tIIIIIIIIII\n")
    # -- Header
    f["r08_no_chrom_line.vcf"] = b(H.rsplit("#CHROM", 1)[0] + T790M)
    f["r08_chrom_spaces.vcf"] = b(H.replace("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUMOR",
                                            "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT TUMOR") + T790M)
    f["r08_header_after_chrom.vcf"] = b(H + '##INFO=<ID=LATE,Number=1,Type=String,Description="late">\n' + T790M)
    f["r08_cr_only.vcf"] = b((H + T790M).replace("\n", "\r"))
    f["r09_crlf.vcf"] = b((H + T790M).replace("\n", "\r\n"))
    f["r10_bom.vcf"] = b"\xef\xbb\xbf" + b(H + T790M)
    f["r10_no_fileformat.vcf"] = b(H.split("\n", 1)[1] + T790M)
    f["r11_duplicate_samples.vcf"] = b(header(samples=("S1", "S1")) + rec(samples=("0/1:969,31:0.031:1000", "0/0:1000,0:0:1000")))
    f["r11_empty_sample_name.vcf"] = b(header(samples=("TUMOR", "")) + rec(samples=("0/1:969,31:0.031:1000", "0/0:1000,0:0:1000")))
    f["r12_contig_not_declared.vcf"] = b(header(contigs=["##contig=<ID=chr1,length=248956422>"]) + T790M)
    f["r12_no_contigs.vcf"] = b(header(contigs=[]) + T790M)
    f["r13_format_af_integer.vcf"] = b(header(replace=[('##FORMAT=<ID=AF,Number=A,Type=Float,', '##FORMAT=<ID=AF,Number=A,Type=Integer,')])
                                       + rec(fmt="GT:AF", samples=("0/1:0.35",)))
    f["r13_info_af_integer_sites.vcf"] = b(header(samples=(), replace=[('##INFO=<ID=AF,Number=A,Type=Float,', '##INFO=<ID=AF,Number=A,Type=Integer,')])
                                           + rec(info="AF=0.35", fmt=None))
    f["r13_format_af_undeclared.vcf"] = b(header(replace=[('##FORMAT=<ID=AF,', '##FORMAT=<ID=XAF,')]) + rec(fmt="GT:AF", samples=("0/1:0.35",)))
    f["r13_format_af_string.vcf"] = b(header(replace=[('##FORMAT=<ID=AF,Number=A,Type=Float,', '##FORMAT=<ID=AF,Number=A,Type=String,')])
                                      + rec(fmt="GT:AF", samples=("0/1:0.35",)))
    f["r14_header_only.vcf"] = b(H)
    f["r15_vcf_v99.vcf"] = b(header(fileformat="VCFv9.9") + T790M)
    f["r15_vcf_v45.vcf"] = b(header(fileformat="VCFv4.5") + T790M)
    # -- Record values (sites-only files put the VAF in INFO/AF, described as a tumour fraction)
    sites = header(samples=())
    f["r16_info_af_abc.vcf"] = b(sites + rec(info="AF=abc", fmt=None))
    f["r16_info_af_junk_suffix.vcf"] = b(sites + rec(info="AF=0.25abc", fmt=None))
    f["r16_info_af_decimal_comma.vcf"] = b(sites + rec(info="AF=0,12", fmt=None))
    f["r16_info_dp_decimal.vcf"] = b(sites + rec(info="AF=0.031;DP=800.9", fmt=None))
    f["r16_format_af_decimal_comma.vcf"] = b(H + rec(fmt="GT:AF:DP", samples=("0/1:0,031:1000",)))
    f["r17_format_af_gt1.vcf"] = b(H + rec(samples=("0/1:969,31:1.7:1000",)))
    f["r17_format_af_negative.vcf"] = b(H + rec(fmt="GT:AF:DP", samples=("0/1:-0.031:1000",)))
    f["r17_format_af_nan.vcf"] = b(H + rec(fmt="GT:AF:DP", samples=("0/1:nan:1000",)))
    f["r17_format_af_inf.vcf"] = b(H + rec(fmt="GT:AF:DP", samples=("0/1:inf:1000",)))
    f["r17_info_af_percent_scale.vcf"] = b(sites + rec(info="AF=12.0", fmt=None))
    f["r17_varscan_freq_percent.vcf"] = b(header(extra=['##FORMAT=<ID=FREQ,Number=1,Type=String,Description="Variant allele frequency">',
                                                        '##FORMAT=<ID=RD,Number=1,Type=Integer,Description="Depth of reference-supporting bases">'],
                                                 replace=[('##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
                                                           '##FORMAT=<ID=AD,Number=1,Type=Integer,Description="Depth of variant-supporting bases">')])
                                          + rec(fmt="GT:DP:RD:AD:FREQ", samples=("0/1:320:280:40:12.5%",)))
    f["r18_missing_values.vcf"] = b(H + rec(info=".", samples=("0/1:.:.:.",)))
    f["r19_af_disagrees_with_ad.vcf"] = b(H + rec(samples=("0/1:969,31:0.31:1000",)))
    f["r19_ad_wrong_length.vcf"] = b(H + rec(samples=("0/1:969:0.031:1000",)))
    f["r19_dp0_af_positive.vcf"] = b(H + rec(fmt="GT:AF:DP", samples=("0/1:0.04:0",)))
    f["r19_negative_dp.vcf"] = b(H + rec(samples=("0/1:969,31:0.031:-5",)))
    f["r19_ad_integer_overflow.vcf"] = b(H + rec(fmt="GT:AD:DP", samples=("0/1:969,4294967327:1000",)))
    f["r19_dp_integer_overflow.vcf"] = b(H + rec(fmt="GT:AD:DP", samples=("0/1:969,31:4294968296",)))
    f["r20_alt_dot.vcf"] = b(H + rec(alt=".", samples=("0/0:1000:.:1000",)))
    f["r20_ref_equals_alt.vcf"] = b(H + rec(alt="C"))
    f["r20_lowercase_alleles.vcf"] = b(H + rec(ref="c", alt="t"))
    f["r20_ref_n.vcf"] = b(H + rec(ref="N", alt="T"))
    f["r20_ref_iupac.vcf"] = b(H + rec(ref="Y", alt="T"))
    gvcf_extra = ['##ALT=<ID=NON_REF,Description="Any other allele">']
    f["r21_gvcf_non_ref.vcf"] = b(header(extra=gvcf_extra) + rec(alt="T,<NON_REF>", samples=("0/1:969,31,0:0.031,0:1000",))
                                  + rec(pos="55181379", ref="G", alt="<NON_REF>", samples=("0/0:1000,0:0:1000",)))
    f["r21_non_ref_only_at_hotspot.vcf"] = b(header(extra=gvcf_extra) + rec(alt="<NON_REF>", samples=("0/0:990,10:0.01:1000",)))
    f["r21_unspecified_allele.vcf"] = b(H + rec(alt="<*>", samples=("0/0:990,10:0.01:1000",)))
    f["r21_inv_in_egfr.vcf"] = b(header(extra=['##ALT=<ID=INV,Description="Inversion">']) + rec(ref="C", alt="<INV>", info="SVTYPE=INV;END=55181500", fmt="GT", samples=("0/1",)))
    f["r21_breakend_in_egfr.vcf"] = b(H + rec(ref="C", alt="C[chr12:25245350[", info="SVTYPE=BND", fmt="GT", samples=("0/1",)))
    f["r21_star_allele.vcf"] = b(H + rec(alt="*", samples=("0/1:969,31:0.031:1000",)))
    f["r22_multiallelic_kras.vcf"] = b(H + rec(chrom="chr12", pos="25245350", alt="T,A", samples=("0/1/2:910,60,30:0.06,0.03:1000",)))
    f["r22_af_count_mismatch.vcf"] = b(H + rec(chrom="chr12", pos="25245350", alt="T,A", samples=("0/1:910,60,30:0.06:1000",)))
    f["r23_duplicate_conflicting.vcf"] = b(H + T790M + rec(samples=("0/1:690,310:0.31:1000",)))
    f["r24_unsorted.vcf"] = b(H + rec(chrom="chr12", pos="25245350", samples=("0/1:950,50:0.05:1000",)) + T790M
                              + rec(chrom="chr1", pos="1000000", ref="A", alt="G", samples=("0/1:90,10:0.1:100",)))
    f["r25_pos_zero.vcf"] = b(H + rec(pos="0"))
    f["r25_pos_negative.vcf"] = b(H + rec(pos="-5"))
    f["r25_pos_decimal.vcf"] = b(H + rec(pos="55181378.0"))
    f["r25_pos_beyond_contig.vcf"] = b(H + rec(pos="200000000"))
    f["r25_end_before_pos.vcf"] = b(header(extra=['##ALT=<ID=DEL,Description="Deletion">']) + rec(ref="C", alt="<DEL>", info="SVTYPE=DEL;END=55100000", fmt="GT", samples=("0/1",)))
    f["r27_latin1_sample_name.vcf"] = H.replace("\tTUMOR\n", "\tTUMEUR_").encode() + b"\xc9\xe9\n" + b(T790M)
    f["r27_nul_in_info.vcf"] = b(H + T790M.replace("DP=1000", "DP=10\x0000"))
    f["r27_nul_in_sample_name.vcf"] = b(H.replace("\tTUMOR\n", "\tTUM\x00OR\n") + T790M)
    f["r28_extra_sample_column.vcf"] = b(H + T790M.rstrip("\n") + "\t0/1\n")
    f["r28_missing_sample_column.vcf"] = b(header(samples=("TUMOR", "NORMAL")) + T790M)
    f["r29_filter_not_pass.vcf"] = b(header(extra=['##FILTER=<ID=weak_evidence,Description="Weak evidence">']) + rec(filt="weak_evidence"))
    f["r29_filter_undeclared.vcf"] = b(H + rec(filt="strand_bias"))
    f["r29_filter_missing.vcf"] = b(H + rec(filt="."))
    # -- Sample, semantics, build
    tn = ("0/0:1000,0:0:1000", "0/1:969,31:0.031:1000")   # NORMAL first, TUMOR second
    f["r30_normal_first.vcf"] = b(header(samples=("NORMAL", "TUMOR")) + rec(samples=tn))
    f["r30_tumor_sample_header.vcf"] = b(header(samples=("PT42_N", "PT42_T"), extra=["##tumor_sample=PT42_T", "##normal_sample=PT42_N"]) + rec(samples=tn))
    f["r30_two_unnamed.vcf"] = b(header(samples=("PT42_A", "PT42_B")) + rec(samples=tn))
    popaf = [('##INFO=<ID=AF,Number=A,Type=Float,Description="Allele fraction in the tumour">',
              '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency in gnomAD v4 (population)">')]
    f["r31_info_af_population_sites.vcf"] = b(header(samples=(), replace=popaf) + rec(info="AF=0.42", fmt=None))
    f["r31_info_af_population_with_format.vcf"] = b(header(replace=popaf) + rec(info="AF=0.42"))
    f["r32_grch37_lengths_grch38_reference.vcf"] = b(header(contigs=CONTIGS37, extra=["##reference=GRCh38"]) + rec(pos="55249071"))
    f["r32_grch37_file.vcf"] = b(header(contigs=CONTIGS37) + rec(pos="55249071"))
    f["r32_grch37_header_grch38_positions.vcf"] = b(header(contigs=CONTIGS37) + T790M)
    f["r33_no_chr_prefix.vcf"] = b(header(contigs=[c.replace("ID=chr", "ID=") for c in CONTIGS38]) + T790M.replace("chr7", "7"))
    f["r33_refseq_accession.vcf"] = b(header(contigs=["##contig=<ID=NC_000007.14,length=159345973>", "##contig=<ID=NC_000012.12,length=133275309>"])
                                      + T790M.replace("chr7", "NC_000007.14"))
    f["r33_chrM_and_MT.vcf"] = b(header(contigs=CONTIGS38 + ["##contig=<ID=chrM,length=16569>", "##contig=<ID=MT,length=16569>"])
                                 + T790M + rec(chrom="chrM", pos="3243", ref="A", alt="G", samples=("0/1:90,10:0.1:100",))
                                 + rec(chrom="MT", pos="3243", ref="A", alt="G", samples=("0/1:90,10:0.1:100",)))
    f["r34_padded_snv.vcf"] = b(H + rec(ref="CG", alt="TG"))
    f["r34_padded_ex19del.vcf"] = b(H + rec(pos="55174771", ref="AGGAATTAAGAGAAGCA", alt="AA", samples=("0/1:1800,200:0.1:2000",)))
    f["r34_left_and_right_ex19del.vcf"] = b(H + rec(pos="55174771", ref="AGGAATTAAGAGAAGC", alt="A", samples=("0/1:1800,200:0.1:2000",))
                                            + rec(pos="55174772", ref="GGAATTAAGAGAAGCA", alt="G", samples=("0/1:1800,200:0.1:2000",)))
    f["r35_ref_mismatch.vcf"] = b(H + rec(ref="G", alt="T"))
    # -- Catalogue (YAML)
    f["r37_duplicate_key.yaml"] = b(rule(id="fault_dupkey", extra="    effect: sensitivity\n"))
    f["r38_duplicate_id.yaml"] = b(rule(id="fault_dup") + rule(id="fault_dup", header_lines=False))
    f["r39_unknown_gene.yaml"] = b(rule(gene="EGRF"))
    f["r39_previous_symbol.yaml"] = b(rule(gene="ERBB1"))
    f["r39_alias_her2.yaml"] = b(rule(gene="HER2", change="L755S"))
    f["r39_erbb2_l755s.vcf"] = b(H + rec(chrom="chr17", pos="39723967", ref="T", alt="C"))
    f["r40_malformed_hgvs.yaml"] = b(rule(change="T790"))
    f["r40_ref_aa_mismatch.yaml"] = b(rule(change="A790M"))
    f["r40_three_letter.yaml"] = b(rule(change="Thr790Met"))
    f["r40_position_beyond_protein.yaml"] = b(rule(change="T9790M"))
    f["r41_misspelt_key.yaml"] = b(rule().replace("    effect: resistance\n", "    efect: resistance\n"))
    f["r41_missing_required.yaml"] = b(rule().replace("    effect: resistance\n", ""))
    f["r41_yaml11_off.yaml"] = b(rule().replace("    effect: resistance\n", "    effect: retest\n    retest_biomarker: EGFR\n    gates_therapy: off\n"))
    f["r41_yaml11_norway.yaml"] = b(rule().replace("tumor_types: [NSCLC]", "tumor_types: [NO]"))
    f["r42_alias_bomb.yaml"] = b("schema: nextline/catalogue-rules/v1\n"
                                 "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
                                 "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi")) +
                                 "rules: [*i]\n")
    f["r42_tabs.yaml"] = b(rule().replace("    title: Test rule\n", "\ttitle: Test rule\n"))
    f["r42_non_utf8.yaml"] = rule().replace("A test mechanism", "A test m\x00ecanism").encode().replace(b"\x00", b"\xe9")
    f["r42_zero_byte.yaml"] = b""
    f["r42_unparsable.yaml"] = b("schema: nextline/catalogue-rules/v1\nrules:\n  - id: [unclosed\n    title: x\n")
    f["r43_empty_rules.yaml"] = b("schema: nextline/catalogue-rules/v1\nrules: []\n")
    f["r43_comments_only.yaml"] = b("# a rule file whose rules were all deleted\nschema: nextline/catalogue-rules/v1\n")
    # -- Case files (paths in a case file are relative to its folder)
    f["r30_case_sample_by_name.yaml"] = b("case_id: FAULT-30\ntumor_type: LUAD\ngenome_build: GRCh38\n"
                                          "therapy_lines:\n  - {line: 1, drugs: [gefitinib], best_response: PR}\n"
                                          "samples:\n  - {id: prog, role: progression, kind: plasma, vcf: r30_normal_first.vcf, sample: TUMOR}\n"
                                          "candidates: [osimertinib]\n")
    f["r48_case_windows_path.yaml"] = b("case_id: FAULT-48\ntumor_type: LUAD\n"
                                        "therapy_lines:\n  - {line: 1, drugs: [gefitinib]}\n"
                                        "samples:\n  - {id: prog, role: progression, kind: plasma, vcf: 'C:\\Users\\onc\\prog plasma.vcf'}\n")
    # -- Output and environment
    f["r44_hostile_sample.vcf"] = b(header(samples=('"><img src=x onerror=alert(2)>',)) + T790M)
    return f


# ---------------------------------------------------------------- generated (binary, big, timed)

def sh(*args, **kw):
    return subprocess.run(list(args), check=True, **kw)


def have(tool):
    return shutil.which(tool) is not None


def big_vcf(n_filler=6000):
    """T790M first (block 1), then filler records on chr1 so the BGZF file has several blocks."""
    import random
    rng = random.Random(7)
    lines = [H, T790M]
    for i in range(n_filler):
        lines.append(rec(chrom="chr1", pos=str(2_000_000 + i * 37), ref="ACGT"[i % 4], alt="ACGT"[(i + 1) % 4],
                         info=f"DP={rng.randint(100, 999)};AF=0.0{rng.randint(100, 999)}", samples=("0/1:90,10:0.1:100",)))
    lines.append(rec(chrom="chr12", pos="25245350", samples=("0/1:950,50:0.05:1000",)))   # KRAS G12D, last record
    return "".join(lines)


def bgzf_blocks(data):
    """Offsets and sizes of BGZF blocks."""
    out, i = [], 0
    while i < len(data):
        assert data[i:i + 4] == b"\x1f\x8b\x08\x04", "not BGZF"
        bsize = struct.unpack("<H", data[i + 16:i + 18])[0] + 1
        out.append((i, bsize))
        i += bsize
    return out


def generated(d):
    os.makedirs(d, exist_ok=True)
    w = lambda name, data: open(os.path.join(d, name), "wb").write(data if isinstance(data, bytes) else data.encode())
    p = lambda name: os.path.join(d, name)
    made = []

    # Plain text bases.
    w("t790m.vcf", H + T790M)
    w("big.vcf", big_vcf())
    if have("bgzip"):
        sh("bgzip", "-f", "-k", p("big.vcf"))
        sh("bgzip", "-f", "-k", p("t790m.vcf"))
        data = open(p("big.vcf.gz"), "rb").read()
        blocks = bgzf_blocks(data)
        assert len(blocks) >= 4, blocks
        # 1: cut in the middle of the second-to-last data block.
        off, size = blocks[-3]
        w("r01_truncated_mid_block.vcf.gz", data[:off + size // 2]); made.append("r01_truncated_mid_block.vcf.gz")
        # 2: cut at a block boundary (last data block and EOF marker gone), and EOF marker only removed.
        w("r02_truncated_block_boundary.vcf.gz", data[:blocks[-2][0]]); made.append("r02_truncated_block_boundary.vcf.gz")
        w("r02_no_eof_marker.vcf.gz", data[:blocks[-1][0]]); made.append("r02_no_eof_marker.vcf.gz")
        # 3: a flipped byte inside the deflate stream of a middle block (CRC fails), and trailing garbage.
        off, size = blocks[len(blocks) // 2]
        flipped = bytearray(data)
        flipped[off + size // 2] ^= 0xFF
        w("r03_corrupt_block.vcf.gz", bytes(flipped)); made.append("r03_corrupt_block.vcf.gz")
        w("r03_trailing_garbage.vcf.gz", data + b"this is not BGZF\n" * 4); made.append("r03_trailing_garbage.vcf.gz")
        # 3: a block whose stored CRC32 is wrong but whose deflate stream is intact.
        off, size = blocks[0]
        crc_bad = bytearray(data)
        crc_bad[off + size - 8] ^= 0x01
        w("r03_bad_crc_first_block.vcf.gz", bytes(crc_bad)); made.append("r03_bad_crc_first_block.vcf.gz")
        # 5: BGZF of nothing (an EOF block only).
        w("r05_bgzf_of_nothing.vcf.gz", data[blocks[-1][0]:]); made.append("r05_bgzf_of_nothing.vcf.gz")
        # 36: stale index (older than the data).
        shutil.copy(p("t790m.vcf.gz"), p("r36_stale_index.vcf.gz"))
        if have("tabix"):
            sh("tabix", "-f", "-p", "vcf", p("r36_stale_index.vcf.gz"))
            os.utime(p("r36_stale_index.vcf.gz.tbi"), (978307200, 978307200))   # 2001-01-01
            made.append("r36_stale_index.vcf.gz")
            # 36: a newer index that belongs to another file.
            other = H + "".join(rec(pos=str(55_000_000 + i * 1000), ref="G", alt="A", fmt="GT", samples=("0/1",)) for i in range(1, 51))
            w("other.vcf", other)
            sh("bgzip", "-f", p("other.vcf"))
            sh("tabix", "-f", "-p", "vcf", p("other.vcf.gz"))
            shutil.copy(p("t790m.vcf.gz"), p("r36_foreign_index.vcf.gz"))
            shutil.copy(p("other.vcf.gz.tbi"), p("r36_foreign_index.vcf.gz.tbi"))
            made.append("r36_foreign_index.vcf.gz")
            # 4: a plain-gzip file with a .tbi beside it (copied from a BGZF twin).
            w("r04_plain_gzip_with_tbi.vcf.gz", gzip.compress((H + T790M).encode(), mtime=0))
            shutil.copy(p("r36_stale_index.vcf.gz.tbi"), p("r04_plain_gzip_with_tbi.vcf.gz.tbi"))   # copy: a fresh mtime
            made.append("r04_plain_gzip_with_tbi.vcf.gz")
    # 3: a data block whose stored CRC32 no longer matches, with text that still parses (AF 0.031 -> 0.310).
    w("r03_crc_mismatch_valid_text.vcf.gz", bgzf_block(H.encode()) + bgzf_block(T790M.encode(), level=0, tamper=(b"0.031:1000", b"0.310:1000"))
      + bgzf_block(rec(chrom="chr12", pos="25245350", samples=("0/1:950,50:0.05:1000",)).encode()) + BGZF_EOF)
    made.append("r03_crc_mismatch_valid_text.vcf.gz")
    if have("bgzip") and have("tabix"):
        # 36: a newer index from another file whose FIRST record is the same as this file's (so a
        # first-record check passes), but whose chr7 records sit at other offsets.
        first = rec(chrom="chr1", pos="1000000", ref="A", alt="G", samples=("0/1:90,10:0.1:100",))
        w("r36_foreign_index_same_first_record.vcf", H + first + T790M)
        w("other_same_first.vcf", H + first
          + "".join(rec(chrom="chr1", pos=str(1_000_000 + i * 100), ref="A", alt="G", samples=("0/1:90,10:0.1:100",)) for i in range(1, 40))
          + "".join(rec(pos=str(55_100_000 + i * 1000), ref="G", alt="A", samples=("0/1:90,10:0.1:100",)) for i in range(1, 200)))
        sh("bgzip", "-f", p("r36_foreign_index_same_first_record.vcf"))
        sh("bgzip", "-f", p("other_same_first.vcf"))
        sh("tabix", "-f", "-p", "vcf", p("other_same_first.vcf.gz"))
        shutil.copy(p("other_same_first.vcf.gz.tbi"), p("r36_foreign_index_same_first_record.vcf.gz.tbi"))
        t = os.path.getmtime(p("r36_foreign_index_same_first_record.vcf.gz")) + 60
        os.utime(p("r36_foreign_index_same_first_record.vcf.gz.tbi"), (t, t))   # newer than the data
        made.append("r36_foreign_index_same_first_record.vcf.gz")
    # 43: a copy of Annotations/ whose rules/ folder is empty (an empty catalogue).
    ann = os.path.join(HERE, "..", "..", "Annotations")
    if os.path.isdir(ann):
        dst = p("r43_annotations_no_rules")
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(ann, dst)
        for n in os.listdir(os.path.join(dst, "rules")):
            os.remove(os.path.join(dst, "rules", n))
        made.append("r43_annotations_no_rules")
    w("r04_plain_gzip.vcf.gz", gzip.compress((H + T790M).encode(), mtime=0)); made.append("r04_plain_gzip.vcf.gz")
    w("r04_plain_gzip_big.vcf.gz", gzip.compress(big_vcf().encode(), mtime=0)); made.append("r04_plain_gzip_big.vcf.gz")
    # 5: gzip of nothing, double gzip, bz2, zip, xz.
    w("r05_gzip_of_nothing.vcf.gz", gzip.compress(b"", mtime=0)); made.append("r05_gzip_of_nothing.vcf.gz")
    w("r05_double_gzip.vcf.gz", gzip.compress(gzip.compress((H + T790M).encode(), mtime=0), mtime=0)); made.append("r05_double_gzip.vcf.gz")
    import bz2, lzma, zipfile
    w("r05_bzip2.vcf.bz2", bz2.compress((H + T790M).encode())); made.append("r05_bzip2.vcf.bz2")
    w("r05_xz.vcf.xz", lzma.compress((H + T790M).encode())); made.append("r05_xz.vcf.xz")
    zb = io.BytesIO()
    with zipfile.ZipFile(zb, "w") as z:
        z.writestr(zipfile.ZipInfo("t790m.vcf", date_time=(2024, 1, 1, 0, 0, 0)), H + T790M)
    w("r05_zip.vcf.zip", zb.getvalue()); made.append("r05_zip.vcf.zip")
    # 6: a 90-byte file that starts like CRAM 3.0 with a huge container length, and a BAM.
    cram = b"CRAM\x03\x00" + b"fault-matrix-cram-id\x00".ljust(20, b"\x00") + struct.pack("<i", 0x7FFFFFF0) + b"\xff" * 60
    w("r06_hostile_cram.cram", cram[:90]); made.append("r06_hostile_cram.cram")
    bam_raw = b"BAM\x01" + struct.pack("<i", 0) + struct.pack("<i", 1) + struct.pack("<i", 5) + b"chr7\x00" + struct.pack("<i", 159345973)
    w("r06_bam.bam", bgzf_compress(bam_raw)); made.append("r06_bam.bam")
    # 7: truncated BCF, and a 113-byte BCF whose header length is 0xFFFFFFB2.
    if have("bcftools"):
        sh("bcftools", "view", "-Ob", "-o", p("big.bcf"), p("big.vcf"))
        bcf = open(p("big.bcf"), "rb").read()
        bl = bgzf_blocks(bcf)
        off, size = bl[len(bl) // 2]
        w("r07_truncated.bcf", bcf[:off + size // 2]); made.append("r07_truncated.bcf")
        sh("bcftools", "view", "-Ob", "-o", p("t790m.bcf"), p("t790m.vcf"))   # bcftools picks the format from -o's extension
        shutil.copy(p("t790m.bcf"), p("r06_bcf_named.vcf")); made.append("r06_bcf_named.vcf")
    hostile = b"BCF\x02\x02" + struct.pack("<I", 0xFFFFFFB2) + b"##fileformat=VCFv4.2\n" + b"\x00" * 80
    w("r07_hostile_header_length.bcf", bgzf_compress(hostile[:104])); made.append("r07_hostile_header_length.bcf")
    # 26: 4 MiB INFO value, a 300 kb deletion allele, 300 ALTs, at T790M.
    note = ['##INFO=<ID=NOTE,Number=1,Type=String,Description="free text">']
    w("r26_info_4mib.vcf", header(extra=note) + rec(info="DP=1000;NOTE=" + "A" * (4 << 20))); made.append("r26_info_4mib.vcf")
    w("r26_allele_300kb.vcf", header() + rec(pos="55181378", ref="C" + "A" * 300_000, alt="C", samples=("0/1:969,31:0.031:1000",)) + T790M)
    made.append("r26_allele_300kb.vcf")
    import itertools
    alts = ["".join(t) for t in itertools.product("ACGT", repeat=5)][:300]
    ad = ",".join(["700"] + ["1"] * 300)
    af = ",".join(["0.001"] * 300)
    w("r26_300_alts.vcf", header() + rec(chrom="chr7", pos="55181378", ref="C", alt=",".join(["T"] + [a for a in alts if a != "T"][:299]),
                                         samples=(f"0/1:{ad}:{af}:1000",)))
    made.append("r26_300_alts.vcf")
    # 47: symlink loop, FIFO; 48: a path with spaces and Unicode.
    for n in ("r47_loop_a.vcf", "r47_loop_b.vcf", "r47_fifo.vcf"):
        if os.path.lexists(p(n)):
            os.remove(p(n))
    os.symlink("r47_loop_b.vcf", p("r47_loop_a.vcf")); os.symlink("r47_loop_a.vcf", p("r47_loop_b.vcf")); made.append("r47_loop_a.vcf")
    os.mkfifo(p("r47_fifo.vcf")); made.append("r47_fifo.vcf")
    shutil.copy(p("t790m.vcf"), p("r47_unreadable.vcf")); os.chmod(p("r47_unreadable.vcf"), 0); made.append("r47_unreadable.vcf")
    os.makedirs(p("r47_directory.vcf"), exist_ok=True); made.append("r47_directory.vcf")
    w("r48 plasma Ünïcödé tumour.vcf", H + T790M); made.append("r48 plasma Ünïcödé tumour.vcf")
    # 50: the same file as VCF, VCF.gz and BCF.
    if have("bcftools") and have("bgzip"):
        shutil.copy(p("t790m.vcf.gz"), p("r50_t790m.vcf.gz")); made.append("r50_t790m.vcf.gz")
        sh("bcftools", "view", "-Ob", "-o", p("r50_t790m.bcf"), p("t790m.vcf")); made.append("r50_t790m.bcf")
    return made


BGZF_EOF = bytes.fromhex("1f8b08040000000000ff0600424302001b0003000000000000000000")


def bgzf_block(raw, level=6, tamper=None):
    """One BGZF block of raw (< 64 KiB). tamper=(old, new) edits the deflate payload after the CRC32
    of the original text was taken (with level=0 the payload is stored, so the edit stays readable)."""
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    cdata = c.compress(raw) + c.flush()
    if tamper:
        assert tamper[0] in cdata
        cdata = cdata.replace(*tamper)
    bsize = 18 + len(cdata) + 8 - 1
    return (b"\x1f\x8b\x08\x04" + b"\x00" * 4 + b"\x00\xff" + struct.pack("<H", 6) + b"BC" + struct.pack("<H", 2)
            + struct.pack("<H", bsize) + cdata + struct.pack("<I", zlib.crc32(raw)) + struct.pack("<I", len(raw)))


def bgzf_compress(raw):
    """One BGZF block of raw (< 64 KiB) plus the EOF block."""
    return bgzf_block(raw) + BGZF_EOF


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("static", "generated"):
        sys.exit(__doc__)
    if sys.argv[1] == "static":
        d = sys.argv[2] if len(sys.argv) > 2 else HERE
        for name, data in static_fixtures().items():
            open(os.path.join(d, name), "wb").write(data)
        print(f"{len(static_fixtures())} static fixtures in {d}")
    else:
        made = generated(sys.argv[2])
        print(f"{len(made)} generated fixtures in {sys.argv[2]}")


if __name__ == "__main__":
    main()
