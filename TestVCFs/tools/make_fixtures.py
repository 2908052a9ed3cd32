#!/usr/bin/env python3
"""Regenerates TestVCFs/scenarios/*, TestVCFs/demo and TestVCFs/callers.

Usage (from the repository root): python3 TestVCFs/tools/make_fixtures.py
Every value written to a fixture is listed here; see TestVCFs/README.md for what is synthetic.
"""

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixturelib import (TESTVCFS, Obs, Site, case_yaml, expected_yaml, write,  # noqa: E402
                        write_generic_vcf)
import callers  # noqa: E402

# ---------------------------------------------------------------------------------------------
# Sites. Hotspots come from ../shared/data/hotspots_reference.tsv (grch38_* and grch37_* columns).
# ---------------------------------------------------------------------------------------------
T790M = Site.from_hotspot("EGFR", "T790M")
L858R = Site.from_hotspot("EGFR", "L858R")
C797S_A = Site.from_hotspot("EGFR", "C797S", "c.2389T>A")
C797S_C = Site.from_hotspot("EGFR", "C797S", "c.2390G>C")
EX19DEL = Site.from_hotspot("EGFR", "E746_A750del", "c.2235_2249del")
G465R = Site.from_hotspot("EGFR", "G465R", "c.1393G>A")
I491M = Site.from_hotspot("EGFR", "I491M")
L755S = Site.from_hotspot("ERBB2", "L755S")
KRAS_G12D = Site.from_hotspot("KRAS", "G12D")
NRAS_Q61K = Site.from_hotspot("NRAS", "Q61K")
BRAF_V600E = Site.from_hotspot("BRAF", "V600E")
H1047R = Site.from_hotspot("PIK3CA", "H1047R")
E545K = Site.from_hotspot("PIK3CA", "E545K")
AR_L702H = Site.from_hotspot("AR", "L702H")
AR_H875Y = Site.from_hotspot("AR", "H875Y")
AR_T878A = Site.from_hotspot("AR", "T878A")
DNMT3A_R882H = Site.from_hotspot("DNMT3A", "R882H")

# Non-hotspot records (not in hotspots_reference.tsv), identified through a VEP CSQ annotation.
# TP53 R175H: position, alleles and CSQ fields as in the real VEP 105 GRCh38 file
#   ../shared/data/real/pvactools-hcc1395-vep/HCC1395.tumor_normal.vep105.grch38.vcf.gz (chr17:7675088 C>T);
#   REF also matches ../shared/data/derived/cancer_panel_real.grch38.fa.gz.
TP53_R175H = Site(
    "TP53 p.R175H", "17", 7675088, "C", "T",
    csq="T|missense_variant|MODERATE|TP53|ENSG00000141510|Transcript|ENST00000269305.9|protein_coding|5/11||"
        "ENST00000269305.9:c.524G>A|ENSP00000269305.4:p.Arg175His|NM_000546.6",
    synthetic=True)
# RB1 R320*: GRCh37 13:48941648 C>T from ../shared/data/real/msk-cancer-hotspots-grch37 (MSK hotspot list),
#   lifted to GRCh38 13:48367512 with ../shared/data/real/hmftools-hg37-38-mapping (block 13:48575208-52718050 +).
#   c./p. computed from codon 320 of NM_000321.3 (c.958 is the first base of codon 320); exon not filled in.
RB1_R320X = Site(
    "RB1 p.R320*", "13", 48367512, "C", "T", "13", 48941648,
    csq="T|stop_gained|HIGH|RB1|ENSG00000139687|Transcript|ENST00000267163.6|protein_coding|||"
        "ENST00000267163.6:c.958C>T|ENSP00000267163.4:p.Arg320Ter|NM_000321.3",
    synthetic=True)
# KEAP1 R260*: GRCh37 19:10602800 G>A (minus-strand gene, c.778C>T) from the same MSK list, lifted to
#   GRCh38 19:10492124 (same block that lifts KEAP1 G333C 10602581 -> 10491905 in hotspots_reference.tsv).
KEAP1_R260X = Site(
    "KEAP1 p.R260*", "19", 10492124, "G", "A", "19", 10602800,
    csq="A|stop_gained|HIGH|KEAP1|ENSG00000079999|Transcript|ENST00000171111.10|protein_coding|||"
        "ENST00000171111.10:c.778C>T|ENSP00000171111.4:p.Arg260Ter|NM_203500.2",
    synthetic=True)

EXPECTED_HEADER = ("# Expected interpretation of case.yaml in this folder. Semantics of every key:\n"
                   "# TestVCFs/README.md, section 'expected.yaml'. Fact ids refer to ../shared/review/facts.yaml.\n")


def sample(id_, role, kind, collected, obs=(), tf=None):
    return {"id": id_, "role": role, "kind": kind, "vcf": f"{id_}.vcf", "collected": collected,
            "tumor_fraction": tf, "obs": list(obs)}


def line(drugs, start=None, end=None, best=None):
    return {"drugs": drugs, "start": start, "end": end, "best_response": best}


def build_scenario(sc):
    folder = os.path.join(TESTVCFS, "scenarios", sc["id"])
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    for s in sc["samples"]:
        write_generic_vcf(os.path.join(folder, s["vcf"]), s["id"], s["obs"],
                          source=f"nextline test fixture {sc['id']} (synthetic read counts)")
    write(os.path.join(folder, "case.yaml"),
          case_yaml(sc["id"], sc["tumor_type"], sc["lines"], sc["samples"], sc["candidates"],
                    patient=sc.get("patient"), biomarkers=sc.get("biomarkers"),
                    header_comment=sc.get("comment")))
    exp = sc["expected"]
    write(os.path.join(folder, "expected.yaml"),
          EXPECTED_HEADER + expected_yaml(sc["id"], **exp))


RETEST = ["retest HER2"]

SCENARIOS = []

# --------------------------------------------------------------------------------------------- breast
SCENARIOS.append(dict(
    id="SC01_breast_her2_TP_then_TDM1", tumor_type="BRCA", patient=(54, "F"),
    comment="HER2+ metastatic breast cancer after docetaxel + trastuzumab + pertuzumab; no new alteration;\n"
            "HER2 not re-tested at progression. TP53 R175H is a truncal passenger present in both samples.",
    lines=[line(["docetaxel", "trastuzumab", "pertuzumab"], "2023-02-06", "2024-05-13", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2023-01-18", [Obs(TP53_R175H, 198, 620)]),
             sample("prog", "progression", "plasma", "2024-05-20",
                    [Obs(TP53_R175H, 101, 2150), Obs(L755S, 0, 2300)], tf=0.10)],
    biomarkers=[("HER2", "IHC", "3+", "dx")],
    candidates=["T-DM1", "T-DXd"],
    expected=dict(
        verdicts={"T-DM1": "reduced_efficacy", "T-DXd": "sensitivity"},
        origins={"TP53 p.R175H": "persistent"},
        not_detected=["ERBB2 p.L755S"],
        recommendations=RETEST, primary=[],
        notes=[
            "T-DM1 -> reduced_efficacy: therapy-history rule her2_tdm1_after_trastuzumab_pertuzumab "
            "(trastuzumab + pertuzumab given together in line 1, docetaxel backbone allowed; retrospective/"
            "patient data, effect reduced efficacy, no rule says resistance) with "
            "gen_overlapping_mechanism_example; rwd_tdm1_registration_trials_no_prior_pertuzumab is context "
            "(EMILIA/TH3RESA had no pertuzumab-pretreated patients). No S rule for T-DM1, so only r.",
            "T-DXd -> sensitivity: her2_tdxd_superior_to_tdm1_second_line (retained sensitivity after prior "
            "HER2 therapy). Nothing points the other way.",
            "recommendations: 'HER2 re-test' is a scenario candidate but not a therapy; it is expected as a "
            "non-gating re-test recommendation (strat_retest_her2_at_progression, "
            "her2_change_after_trastuzumab_pertuzumab_63_2pct): HER2-targeted therapy was given and there is "
            "no HER2 result at progression. It must not turn the T-DM1/T-DXd verdicts into retest.",
            "TP53 p.R175H is persistent and matches no rule; ERBB2 L755S is a force-called not-detected "
            "observation in the progression plasma and must not be listed as a finding.",
        ])))

SCENARIOS.append(dict(
    id="SC03_breast_her2_trastuzumab_only_then_TDM1", tumor_type="BRCA", patient=(61, "F"),
    comment="HER2+ metastatic breast cancer after docetaxel + trastuzumab WITHOUT pertuzumab.\n"
            "Both VCFs are header-only: no reportable alteration at diagnosis or progression.",
    lines=[line(["docetaxel", "trastuzumab"], "2022-09-12", "2024-01-22", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2022-08-30"),
             sample("prog", "progression", "tissue", "2024-02-05")],
    biomarkers=[("HER2", "IHC", "3+", "dx")],
    candidates=["T-DM1"],
    expected=dict(
        verdicts={"T-DM1": "no_known_effect"},
        recommendations=RETEST, primary=[],
        notes=[
            "T-DM1 -> no_known_effect: her2_tdm1_after_trastuzumab_pertuzumab must NOT fire (its prior "
            "combination trastuzumab + pertuzumab is not within one line here); "
            "rwd_tdm1_registration_trials_no_prior_pertuzumab is context only. No other rule about T-DM1 "
            "after trastuzumab alone exists in the review, so nothing -> no_known_effect.",
            "recommendations: her2_change_after_trastuzumab_47_3pct + strat_retest_her2_at_progression -> a "
            "non-gating HER2 re-test recommendation (HER2-targeted therapy given, no HER2 result at progression).",
        ])))

SCENARIOS.append(dict(
    id="SC05_breast_her2_L755S_present_at_baseline", tumor_type="BRCA", patient=(47, "F"),
    comment="HER2-amplified metastatic breast cancer; ERBB2 L755S already in the diagnostic primary\n"
            "(before any HER2 therapy) and again at progression: persistent, NOT acquired.",
    lines=[line(["docetaxel", "trastuzumab", "pertuzumab"], "2022-05-02", "2023-11-20", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2022-04-19", [Obs(L755S, 121, 640)]),
             sample("prog", "progression", "tissue", "2023-12-04", [Obs(L755S, 163, 700)])],
    biomarkers=[("HER2", "ISH", "amplified", "dx")],
    candidates=["T-DM1", "neratinib"],
    expected=dict(
        verdicts={"T-DM1": "reduced_efficacy", "neratinib": "sensitivity"},
        origins={"ERBB2 p.L755S": "persistent"},
        recommendations=RETEST, primary=["neratinib"],
        notes=[
            "classification: ERBB2 p.L755S is persistent (present before any HER2 therapy). "
            "her2_l755s_cross_resistance_her2_agents concerns emergence under lapatinib/trastuzumab, so its "
            "rule is requires_origin: acquired and must NOT fire; her2_mutation_no_trastuzumab_response and "
            "her2_mutation_enriched_after_trastuzumab concern trastuzumab itself (not a candidate).",
            "T-DM1 -> reduced_efficacy: her2_tdm1_after_trastuzumab_pertuzumab (therapy history, independent "
            "of L755S). Not primary: the rule has no biomarker trigger.",
            "neratinib -> sensitivity: S from cs_her2_mutation_neratinib_pyrotinib_amplified (ERBB2 mutation "
            "incl. L755S, HER2-amplified; fires on persistent findings, labelled primary), "
            "cs_summit_neratinib_fulvestrant_her2_mutant_hr_pos and cs_neratinib_most_effective_her2_mutant_cell_lines. "
            "The therapy-history r from her2_trastuzumab_lapatinib_to_neratinib (drug-naive patients responded "
            "better than trastuzumab-pretreated ones) is deliberately NOT applied when an activating ERBB2 "
            "mutation is present: the review reports irreversible HER2 TKIs as comparatively effective exactly in "
            "HER2-mutant tumours after trastuzumab/lapatinib (collateral sensitivity), so the catalogue rule "
            "her2_neratinib_after_trastuzumab_or_lapatinib has ERBB2 activating_mutation excluded_if_present. "
            "This matches the scenario, which names only the sensitivity side. (Fixture written before the "
            "catalogue said reduced_efficacy; changed to follow that catalogue design choice.)",
            "primary: neratinib (its sensitivity is triggered by L755S, present before the therapy).",
            "recommendations: non-gating HER2 re-test (strat_retest_her2_at_progression): HER2-targeted therapy "
            "given, no HER2 result at progression.",
        ])))

SCENARIOS.append(dict(
    id="SC07_breast_her2_prior_trastuzumab_lapatinib_then_neratinib", tumor_type="BRCA", patient=(58, "F"),
    comment="HER2+ metastatic breast cancer after paclitaxel + trastuzumab, then lapatinib + capecitabine.\n"
            "No HER2 mutation at progression: ERBB2 L755S force-called and not detected in plasma.",
    lines=[line(["paclitaxel", "trastuzumab"], "2020-03-09", "2021-10-18", "PR"),
           line(["lapatinib", "capecitabine"], "2021-11-02", "2023-02-13", "SD")],
    samples=[sample("dx", "baseline", "tissue", "2020-02-20"),
             sample("prog", "progression", "plasma", "2023-02-27", [Obs(L755S, 0, 2450)], tf=0.12)],
    biomarkers=[("HER2", "IHC", "3+", "dx")],
    candidates=["neratinib + capecitabine"],
    expected=dict(
        verdicts={"neratinib + capecitabine": "reduced_efficacy"},
        not_detected=["ERBB2 p.L755S"],
        recommendations=RETEST, primary=[],
        notes=[
            "neratinib + capecitabine -> reduced_efficacy: her2_trastuzumab_lapatinib_to_neratinib (phase II: "
            "poorer response after prior trastuzumab or lapatinib; in vitro cross-resistance) is an r rule; "
            "her2_neratinib_indications (approved after >=2 prior anti-HER2 regimens, met here) is an S if "
            "encoded. r alone or r with S both give reduced_efficacy; not resistance (no R rule on patient data). "
            "The capecitabine component has no rule.",
            "ERBB2 L755S is a not-detected observation (GT 0/0, depth 2450) and must not appear as a finding.",
            "recommendations: non-gating HER2 re-test (HER2-targeted therapy given, no HER2 result at progression).",
        ])))

SCENARIOS.append(dict(
    id="SC09_breast_ERpos_acquired_RB1_loss", tumor_type="BRCA", patient=(66, "F"),
    comment="ER+/HER2- metastatic breast cancer after letrozole + palbociclib; RB1 truncating variant acquired\n"
            "(force-called absent in the diagnostic tissue at depth 610, present in progression plasma).\n"
            "RB1 p.R320* replaces the curator's example p.R358*: it has a published genomic allele (README).",
    lines=[line(["letrozole", "palbociclib"], "2021-10-04", "2023-08-28", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2021-09-15", [Obs(RB1_R320X, 0, 610)]),
             sample("prog", "progression", "plasma", "2023-09-05", [Obs(RB1_R320X, 133, 1900)], tf=0.18)],
    candidates=["abemaciclib + fulvestrant", "palbociclib + fulvestrant", "capecitabine"],
    expected=dict(
        verdicts={"abemaciclib + fulvestrant": "resistance", "palbociclib + fulvestrant": "resistance",
                  "capecitabine": "sensitivity"},
        origins={"RB1 p.R320*": "acquired"},
        recommendations=[], primary=[],
        notes=[
            "RB1 p.R320* is a truncating (stop_gained) RB1 variant identified from its CSQ annotation; "
            "origin acquired (baseline tissue force-called 0/610; expected baseline VAF = 0.07 x TF(dx)/0.18, "
            "far above 0).",
            "abemaciclib + fulvestrant -> resistance: cdk_rb1_loss_under_cdk46i (RB1 loss emerging under CDK4/6i; "
            "ref 77 Condorelli 2018 is patient data) plus cdk_cdk46i_intraclass_cross_resistance (in vitro). "
            "Only R rules, one resting on patient data. The fulvestrant component has no rule.",
            "palbociclib + fulvestrant (= palbociclib continued beyond progression with a new endocrine partner) "
            "-> resistance: cdk_rb1_loss_under_cdk46i; cdk_cdk46i_beyond_progression_trials is context "
            "(unproven, MAINTAIN/PACE/TRINITI-1).",
            "capecitabine -> sensitivity: cdk_cdk46i_chemo_no_cross_resistance (retained sensitivity, in vitro, "
            "not RB1-stratified); preclinical_only true.",
        ],
        catalogue_dependencies=[
            "cdk_rb1_loss_under_cdk46i must carry patient-sample evidence (ref 77) for 'resistance'; if encoded "
            "as preclinical/expert statement only, both CDK4/6i candidates become reduced_efficacy.",
        ])))

SCENARIOS.append(dict(
    id="SC11_breast_ERpos_PIK3CA_no_PTEN_loss", tumor_type="BRCA", patient=(59, "F"),
    comment="ER+/HER2- metastatic breast cancer after letrozole + palbociclib; PIK3CA E545K at diagnosis and at\n"
            "progression; no PTEN alteration and no acquired variant.",
    lines=[line(["letrozole", "palbociclib"], "2021-06-14", "2023-05-08", "SD")],
    samples=[sample("dx", "baseline", "tissue", "2021-05-27", [Obs(E545K, 167, 610)]),
             sample("prog", "progression", "plasma", "2023-05-15", [Obs(E545K, 134, 2050)], tf=0.14)],
    candidates=["fulvestrant + alpelisib", "abemaciclib + fulvestrant", "capecitabine"],
    expected=dict(
        verdicts={"fulvestrant + alpelisib": "sensitivity", "abemaciclib + fulvestrant": "reduced_efficacy",
                  "capecitabine": "sensitivity"},
        origins={"PIK3CA p.E545K": "persistent"},
        recommendations=[], primary=["fulvestrant + alpelisib"],
        notes=[
            "fulvestrant + alpelisib -> sensitivity: no cross-resistance flag, because "
            "cdk_pten_loss_cdk46i_alpelisib requires PTEN loss (absent). The PIK3CA-mutation indication "
            "(cdk_alpelisib_indication; SOLAR-1 in outside-references.yaml) gives S on the persistent E545K "
            "after endocrine therapy (letrozole) -> primary. The review has no data on alpelisib after CDK4/6i "
            "without PTEN loss (review_support indirect).",
            "abemaciclib + fulvestrant -> reduced_efficacy: cdk_cdk46i_intraclass_cross_resistance is an R rule "
            "resting on in vitro data only (biomarker-independent) -> preclinical-only R = reduced_efficacy; "
            "preclinical_only true.",
            "capecitabine -> sensitivity: cdk_cdk46i_chemo_no_cross_resistance (in vitro); preclinical_only true.",
        ],
        catalogue_dependencies=[
            "fulvestrant + alpelisib = sensitivity assumes the catalogue encodes the PIK3CA -> alpelisib "
            "indication (cdk_alpelisib_indication / SOLAR-1) as a sensitivity rule; without it the verdict is "
            "no_known_effect and primary is empty.",
        ])))

SCENARIOS.append(dict(
    id="SC13_breast_ERpos_tamoxifen_SULT1A1_high", tumor_type="BRCA", patient=(52, "F"),
    comment="ER+ breast cancer progressing on tamoxifen; SULT1A1 high expression in the progression biopsy.\n"
            "The VCF is header-only (no reportable alteration); the case turns on the expression result.",
    lines=[line(["tamoxifen"], "2019-01-21", "2023-03-06", "SD")],
    samples=[sample("prog", "progression", "tissue", "2023-03-20")],
    biomarkers=[("SULT1A1", "IHC", "high", "prog")],
    candidates=["tamoxifen", "RITA", "aminoflavone", "oncrasin-1"],
    expected=dict(
        verdicts={"tamoxifen": "reduced_efficacy", "RITA": "sensitivity", "aminoflavone": "sensitivity",
                  "oncrasin-1": "sensitivity"},
        recommendations=[], primary=[],
        notes=[
            "All four verdicts come from cs_sult1a1_tamoxifen_rita_af_onc1 (Singh 2020, cell and 3D ex vivo "
            "models = preclinical).",
            "tamoxifen (continuation) -> reduced_efficacy: SULT1A1-high confers tamoxifen resistance, but the "
            "only R rule is preclinical -> reduced_efficacy, preclinical_only true.",
            "RITA, aminoflavone, oncrasin-1 -> sensitivity (collateral sensitivity, preclinical_only true). "
            "They are investigational compounds named in the review (drug kind investigational), not approved "
            "therapies; the report must say so.",
            "primary: none (SULT1A1 was measured only at progression).",
        ])))

# --------------------------------------------------------------------------------------------- gastric
SCENARIOS.append(dict(
    id="SC15_gastric_HER2_trastuzumab_then_beyond_progression_HER2_lost", tumor_type="STAD", patient=(64, "M"),
    comment="HER2 IHC 3+ gastric adenocarcinoma after cisplatin + capecitabine + trastuzumab (ToGA);\n"
            "HER2 IHC 0 on re-biopsy at progression. Both VCFs header-only.",
    lines=[line(["cisplatin", "capecitabine", "trastuzumab"], "2022-07-11", "2023-06-12", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2022-06-20"),
             sample("prog", "progression", "tissue", "2023-06-26")],
    biomarkers=[("HER2", "IHC", "3+", "dx"), ("HER2", "IHC", "0", "prog")],
    candidates=["paclitaxel + trastuzumab", "paclitaxel", "T-DXd", "ramucirumab + paclitaxel"],
    expected=dict(
        verdicts={"paclitaxel + trastuzumab": "reduced_efficacy", "paclitaxel": "sensitivity",
                  "T-DXd": "reduced_efficacy", "ramucirumab + paclitaxel": "sensitivity"},
        recommendations=RETEST, primary=[],
        notes=[
            "paclitaxel + trastuzumab -> reduced_efficacy (R/r with S, both sides listed): R for the trastuzumab "
            "component from strat_tact_trastuzumab_beyond_progression_gastric (T-ACT phase II, patients: no PFS/OS "
            "benefit of continuing trastuzumab), with strat_tact_her2_loss_69pct and "
            "her2_gastric_loss_after_trastuzumab explaining it (HER2 3+ -> 0 here; r from the HER2-loss rule); S for "
            "the paclitaxel component from cs_cisplatin_paclitaxel (see next note). DESIGN 4a: a regimen combines "
            "its components' rules, and R with S gives reduced_efficacy. The report must still show that "
            "trastuzumab itself is expected to add nothing.",
            "paclitaxel (alone) -> sensitivity: cs_cisplatin_paclitaxel (cisplatin resistance -> paclitaxel "
            "sensitivity, preclinical + patient analysis; facts.yaml lists it as pan-cancer). Line 1 contained "
            "cisplatin and no taxane, and the disease progressed on it. The scenario gives no implication for this "
            "candidate; the fixture first said no_known_effect ('no implication in the review'), which overlooked "
            "this pan-cancer collateral-sensitivity fact.",
            "T-DXd -> reduced_efficacy: her2_gastric_tdxd_after_trastuzumab_approval (S, approved after a "
            "trastuzumab-based regimen; HER2-positive archival tissue) against HER2 loss at progression "
            "(her2_gastric_loss_after_trastuzumab; her2_gastric_tdxd_orr_ihc3_58_vs_ihc2ish_29: benefit depends on "
            "HER2 level). The gating re-test (strat_destiny_gastric02_retest_required, "
            "her2_gastric_dg01_archival_tissue_caveat) is satisfied because HER2 WAS re-tested at progression, so "
            "the verdict is not retest. The review gives no efficacy data for IHC 0 (review_support indirect).",
            "ramucirumab + paclitaxel -> sensitivity: ramucirumab is not in the review (no rule); the paclitaxel "
            "component carries cs_cisplatin_paclitaxel as above.",
            "recommendations: HER2 changed from 3+ to 0 after HER2-targeted therapy -> a non-gating 'retest HER2' "
            "recommendation to confirm the loss (same convention as the demo, README).",
        ])))

SCENARIOS.append(dict(
    id="SC17_gastric_HER2_retained_on_retest", tumor_type="STAD", patient=(57, "M"),
    comment="HER2 IHC 3+ gastric adenocarcinoma after FOLFOX + trastuzumab; HER2 IHC 3+ retained on re-biopsy.",
    lines=[line(["fluorouracil", "leucovorin", "oxaliplatin", "trastuzumab"], "2022-11-07", "2024-01-15", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2022-10-24"),
             sample("prog", "progression", "tissue", "2024-01-29")],
    biomarkers=[("HER2", "IHC", "3+", "dx"), ("HER2", "IHC", "3+", "prog")],
    candidates=["T-DXd"],
    expected=dict(
        verdicts={"T-DXd": "sensitivity"},
        recommendations=[], primary=[],
        notes=[
            "T-DXd -> sensitivity: her2_gastric_tdxd_after_trastuzumab_approval and "
            "her2_gastric_tdxd_orr_ihc3_58_vs_ihc2ish_29 (IHC 3+ subgroup 58% response). The HER2-loss rules "
            "must NOT fire (3+ at baseline and at progression); the gating re-test is satisfied by the "
            "progression result, so no retest verdict and no re-test recommendation.",
        ])))

# --------------------------------------------------------------------------------------------- lung
SCENARIOS.append(dict(
    id="SC19_NSCLC_afatinib_acquired_T790M", tumor_type="LUAD", patient=(63, "F"),
    comment="EGFR exon 19 deletion lung adenocarcinoma after afatinib; T790M absent in the diagnostic tissue\n"
            "(force-called, depth 700) and present in progression plasma.",
    lines=[line(["afatinib"], "2022-03-14", "2024-01-15", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2022-03-01", [Obs(EX19DEL, 247, 650), Obs(T790M, 0, 700)]),
             sample("prog", "progression", "plasma", "2024-01-22",
                    [Obs(EX19DEL, 228, 2400), Obs(T790M, 103, 2500)], tf=0.20)],
    candidates=["osimertinib"],
    expected=dict(
        verdicts={"osimertinib": "sensitivity"},
        origins={"EGFR p.E746_A750del": "persistent", "EGFR p.T790M": "acquired"},
        recommendations=[], primary=[],
        notes=[
            "osimertinib -> sensitivity: egfr_afatinib_then_osimertinib_t790m_rwd (preferred sequence afatinib -> "
            "osimertinib with acquired T790M, real-world) and egfr_osimertinib_active_after_t790m (retained "
            "sensitivity). Both are triggered by the acquired T790M -> not primary.",
            "The exon 19 deletion (c.2235_2249del, VCF anchor base at chr7:55174771) is persistent.",
        ])))

SCENARIOS.append(dict(
    id="SC21_NSCLC_KEAP1_present_at_diagnosis_first_line_osimertinib", tumor_type="LUAD", patient=(68, "M"),
    comment="Treatment-naive EGFR L858R lung adenocarcinoma with a KEAP1 truncating variant at diagnosis.\n"
            "One pre-treatment tissue sample only; no therapy line yet.",
    lines=[],
    samples=[sample("dx", "baseline", "tissue", "2024-02-12", [Obs(L858R, 216, 600), Obs(KEAP1_R260X, 185, 560)])],
    candidates=["osimertinib"],
    expected=dict(
        verdicts={"osimertinib": "reduced_efficacy"},
        origins={},
        recommendations=[], primary=["osimertinib"],
        notes=[
            "osimertinib (first line) -> reduced_efficacy, both sides listed: S from egfr_flaura_upfront_osimertinib "
            "(standard of care, EGFR activating mutation L858R); r/R from egfr_keap1_shorter_recurrence_free_on_tki "
            "(patients: shorter recurrence-free interval on EGFR TKI with KEAP1/NFE2L2 mutation) and "
            "egfr_keap1_inactivation_osimertinib_mouse (in vivo). egfr_keap1_nfe2l2_23pct_lac is context.",
            "primary: osimertinib - every triggering finding (L858R, KEAP1 p.R260*) was present before therapy. "
            "The KEAP1 finding must be labelled a baseline modifier and never therapy-acquired.",
            "KEAP1 p.R260* is a stop_gained record identified from its CSQ annotation (class truncating).",
            "origins: none asserted - with a single pre-treatment sample and no therapy there is no serial "
            "comparison; the only requirement is that no finding is labelled acquired.",
        ],
        not_covered="Origin of findings in a case whose only sample is a pre-treatment baseline is not defined by "
                    "DESIGN 1/4 (the origin enum assumes a progression sample); this fixture asserts the verdict "
                    "and the primary flag only.")))

SCENARIOS.append(dict(
    id="SC23_NSCLC_first_line_osimertinib_progression_no_new_driver", tumor_type="LUAD", patient=(71, "F"),
    comment="EGFR exon 19 deletion lung adenocarcinoma progressing on first-line osimertinib; the deletion\n"
            "persists; T790M and both C797S alleles force-called and not detected in progression plasma.",
    lines=[line(["osimertinib"], "2021-06-07", "2024-02-19", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2021-05-24", [Obs(EX19DEL, 254, 620)]),
             sample("prog", "progression", "plasma", "2024-02-26",
                    [Obs(EX19DEL, 312, 2600), Obs(T790M, 0, 2700), Obs(C797S_A, 0, 2650), Obs(C797S_C, 0, 2650)],
                    tf=0.25)],
    candidates=["alisertib", "carboplatin + pemetrexed"],
    expected=dict(
        verdicts={"alisertib": "sensitivity", "carboplatin + pemetrexed": "no_known_effect"},
        origins={"EGFR p.E746_A750del": "persistent"},
        not_detected=["EGFR p.T790M", "EGFR p.C797S"],
        recommendations=[], primary=[],
        notes=[
            "alisertib stands for the scenario's 'Aurora kinase inhibitor (investigational)'; the review names no "
            "compound, alisertib is an Aurora kinase A inhibitor chosen here as the example (outside the review). "
            "-> sensitivity from cs_egfr_aurora_kinase_a (acquired resistance to (third-generation) EGFR inhibitors "
            "requires Aurora kinase A; in vitro) -> preclinical_only true. Therapy-history rule, not primary.",
            "carboplatin + pemetrexed ('platinum-pemetrexed') -> no_known_effect (not in review).",
            "The persistent exon 19 deletion triggers no rule for these candidates; T790M and C797S are "
            "not-detected observations (force-called GT 0/0) and must not be listed as findings.",
            "Sequence note (egfr_keap1_overcome_by_first_line_osimertinib, "
            "egfr_post_osimertinib_options_investigational) is context for the report, not a verdict.",
        ],
        catalogue_dependencies=[
            "drugs.yaml must list alisertib (kind investigational, class aurora_kinase_inhibitor or similar) so "
            "the case file's candidate resolves, and the cs_egfr_aurora_kinase_a rule must name that class.",
        ],
        not_covered="'low-dose multi-drug vertical EGFR-pathway inhibition' (strat_multiple_low_dose_egfr) is a "
                    "strategy of 3-4 unnamed drugs at 20% dose, not a drug or regimen a case file can name; it is "
                    "left out of candidates.")))

SCENARIOS.append(dict(
    id="SC25_NSCLC_ALK_TKI_resistant_chemo_collateral", tumor_type="NSCLC", patient=(49, "M"),
    comment="ALK-positive NSCLC (EML4-ALK, baseline) progressing on first-line crizotinib (the review names no\n"
            "ALK TKI); no ALK resistance mutation. Both VCFs header-only; the fusion is a case biomarker.",
    lines=[line(["crizotinib"], "2021-04-12", "2023-01-16", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2021-03-29"),
             sample("prog", "progression", "tissue", "2023-01-30")],
    biomarkers=[("EML4-ALK", "NGS", "detected", "dx")],
    candidates=["etoposide", "carboplatin + pemetrexed", "alectinib"],
    expected=dict(
        verdicts={"etoposide": "sensitivity", "carboplatin + pemetrexed": "sensitivity",
                  "alectinib": "no_known_effect"},
        recommendations=[], primary=[],
        notes=[
            "etoposide and carboplatin + pemetrexed ('pemetrexed-based chemotherapy') -> sensitivity: "
            "cs_alk_tki_resistance_etoposide_pemetrexed (Dhawan 2017, cell lines resistant to first-line ALK "
            "TKIs are sensitised) -> preclinical_only true; the carboplatin component has no rule.",
            "alectinib ('next-generation ALK TKI') -> no_known_effect (not in review).",
            "primary: none - the collateral sensitivity follows ALK-TKI resistance (therapy history); the "
            "baseline fusion is context, not the trigger.",
        ])))

# --------------------------------------------------------------------------------------------- colorectal
SCENARIOS.append(dict(
    id="SC27_CRC_cetuximab_acquired_EGFR_G465R_I491M", tumor_type="COADREAD", patient=(62, "M"),
    comment="RAS wild-type metastatic CRC after FOLFOX + cetuximab, then cetuximab alone; EGFR ectodomain\n"
            "G465R and I491M absent in the diagnostic tissue (force-called) and present in progression plasma.",
    lines=[line(["fluorouracil", "leucovorin", "oxaliplatin", "cetuximab"], "2021-09-06", "2022-12-12", "PR"),
           line(["cetuximab"], "2023-01-09", "2023-10-02", "SD")],
    samples=[sample("dx", "baseline", "tissue", "2021-08-25",
                    [Obs(G465R, 0, 610), Obs(I491M, 0, 610), Obs(KRAS_G12D, 0, 640), Obs(NRAS_Q61K, 0, 600)]),
             sample("prog", "progression", "plasma", "2023-10-16",
                    [Obs(G465R, 68, 2200), Obs(I491M, 41, 2300), Obs(KRAS_G12D, 0, 2350), Obs(NRAS_Q61K, 0, 2280)],
                    tf=0.16)],
    candidates=["panitumumab"],
    expected=dict(
        verdicts={"panitumumab": "resistance"},
        origins={"EGFR p.G465R": "acquired", "EGFR p.I491M": "acquired"},
        not_detected=["KRAS p.G12D", "NRAS p.Q61K"],
        recommendations=[], primary=[],
        notes=[
            "panitumumab -> resistance: crc_egfr_s464l_g465r_i491m_cetuximab_panitumumab (Arena 2015: in vitro + "
            "patient analysis; acquired EGFR ectodomain G465R/I491M after cetuximab cross-resist panitumumab). "
            "R on patient data, no S.",
            "G465R is the c.1393G>A allele of hotspots_reference.tsv; both variants acquired (baseline force-called "
            "0/610).",
            "KRAS G12D / NRAS Q61K are force-called not-detected observations (RAS wild type at both times).",
        ])))

SCENARIOS.append(dict(
    id="SC29_CRC_panitumumab_acquired_KRAS_G12D", tumor_type="COADREAD", patient=(58, "F"),
    comment="RAS wild-type metastatic CRC after FOLFOX + panitumumab; KRAS G12D absent in pre-treatment tissue\n"
            "(force-called, depth 650) and present in progression ctDNA.",
    lines=[line(["fluorouracil", "leucovorin", "oxaliplatin", "panitumumab"], "2022-01-17", "2023-04-03", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2022-01-05", [Obs(KRAS_G12D, 0, 650)]),
             sample("prog", "progression", "plasma", "2023-04-11", [Obs(KRAS_G12D, 108, 2400)], tf=0.12)],
    candidates=["cetuximab", "panitumumab", "regorafenib"],
    expected=dict(
        verdicts={"cetuximab": "resistance", "panitumumab": "resistance", "regorafenib": "no_known_effect"},
        origins={"KRAS p.G12D": "acquired"},
        recommendations=[], primary=[],
        notes=[
            "cetuximab -> resistance: crc_kras_cetuximab_panitumumab_bidirectional (acquired KRAS after "
            "panitumumab, presumably bidirectional; patient analysis + phase III) and crc_ras_emergence_50pct.",
            "panitumumab (rechallenge) -> resistance: crc_ras_constitutive_activation_predictive and "
            "crc_kras_cetuximab_panitumumab_bidirectional.",
            "regorafenib -> no_known_effect (not in review).",
        ])))

SCENARIOS.append(dict(
    id="SC31_CRC_cetuximab_acquired_NRAS_Q61K", tumor_type="COADREAD", patient=(55, "M"),
    comment="RAS wild-type metastatic CRC after FOLFIRI + cetuximab; NRAS Q61K acquired (absent in the\n"
            "diagnostic tissue at depth 600, present in progression plasma).",
    lines=[line(["fluorouracil", "leucovorin", "irinotecan", "cetuximab"], "2022-04-04", "2023-07-10", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2022-03-21", [Obs(NRAS_Q61K, 0, 600), Obs(KRAS_G12D, 0, 620)]),
             sample("prog", "progression", "plasma", "2023-07-17", [Obs(NRAS_Q61K, 70, 2500)], tf=0.10)],
    candidates=["panitumumab"],
    expected=dict(
        verdicts={"panitumumab": "resistance"},
        origins={"NRAS p.Q61K": "acquired"},
        recommendations=[], primary=[],
        notes=[
            "panitumumab -> resistance: crc_egfr_ras_mutations_resistance_mechanisms (acquired RAS mutations after "
            "cetuximab/panitumumab, patient analysis) and crc_ras_emergence_50pct; "
            "crc_kras_cetuximab_panitumumab_bidirectional names KRAS only, so extending to NRAS rests on the "
            "review's generic 'RAS' wording (review_support indirect; outside-references.yaml: PRIME/FOLFOX4 RAS "
            "analysis, De Roock 2010).",
        ],
        catalogue_dependencies=[
            "the acquired-RAS anti-EGFR rule must cover NRAS (gene list KRAS+NRAS or a RAS codon rule); a "
            "KRAS-only rule leaves panitumumab at no_known_effect.",
        ])))

# --------------------------------------------------------------------------------------------- prostate
SCENARIOS.append(dict(
    id="SC33_prostate_abiraterone_ARV7_positive", tumor_type="PRAD", patient=(72, "M"),
    comment="mCRPC after ADT (leuprolide) and abiraterone + prednisone; AR-V7 positive by CTC mRNA at\n"
            "progression (blood drawn with the plasma sample). VCFs header-only.",
    lines=[line(["leuprolide"], "2019-05-13", None, None),
           line(["abiraterone", "prednisone"], "2021-08-02", "2023-09-11", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2019-04-22"),
             sample("prog", "progression", "plasma", "2023-09-18", tf=0.20)],
    biomarkers=[("AR-V7", "CTC-mRNA", "positive", "prog")],
    candidates=["enzalutamide", "docetaxel", "cabazitaxel"],
    expected=dict(
        verdicts={"enzalutamide": "resistance", "docetaxel": "reduced_efficacy", "cabazitaxel": "sensitivity"},
        recommendations=[], primary=[],
        notes=[
            "enzalutamide -> resistance: pc_arv7_positive_inferior_outcome_arsi (patients; Antonarakis 2014, also in "
            "outside-references.yaml) plus pc_arv7_splice_variant_mechanism, pc_akr1c3_arv7_axis, "
            "pc_preclinical_arsi_cross_resistance (preclinical). R on patient data.",
            "docetaxel -> reduced_efficacy: pc_docetaxel_reduced_after_arsi_clinical (retrospective, r) and "
            "pc_preclinical_arsi_docetaxel_cross_resistance (preclinical R) against pc_arv7_no_effect_taxanes "
            "(AR-V7 status does not change taxane outcome, S). The report must attribute the reduction to prior "
            "ARSI (abiraterone), not to AR-V7.",
            "cabazitaxel -> sensitivity: pc_cabazitaxel_not_affected_by_prior_arsi, "
            "pc_preclinical_arsi_cabazitaxel_no_cross_resistance, pc_card_taxane_after_arsi_failure (preferred "
            "sequence), pc_arv7_no_effect_taxanes.",
            "primary: none (AR-V7 measured at progression only).",
        ],
        catalogue_dependencies=[
            "pc_enzalutamide_after_abiraterone_preferred (abiraterone -> enzalutamide preferred, unselected "
            "patients) matches this history too; it must carry AR-V7 positive as excluded_if_present, otherwise "
            "DESIGN 4a turns enzalutamide into reduced_efficacy (R with S).",
        ])))

SCENARIOS.append(dict(
    id="SC35_prostate_enzalutamide_then_abiraterone", tumor_type="PRAD", patient=(69, "M"),
    comment="mCRPC after ADT and enzalutamide; AR-V7 negative (CTC mRNA); AR hotspots L702H, H875Y and T878A\n"
            "force-called and not detected in progression plasma.",
    lines=[line(["leuprolide"], "2018-11-05", None, None),
           line(["enzalutamide"], "2021-03-01", "2023-06-05", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2018-10-15"),
             sample("prog", "progression", "plasma", "2023-06-12",
                    [Obs(AR_L702H, 0, 2100), Obs(AR_H875Y, 0, 2100), Obs(AR_T878A, 0, 2100)], tf=0.15)],
    biomarkers=[("AR-V7", "CTC-mRNA", "negative", "prog")],
    candidates=["abiraterone", "docetaxel", "cabazitaxel"],
    expected=dict(
        verdicts={"abiraterone": "resistance", "docetaxel": "reduced_efficacy", "cabazitaxel": "sensitivity"},
        not_detected=["AR p.L702H", "AR p.H875Y", "AR p.T878A"],
        recommendations=[], primary=[],
        notes=[
            "abiraterone -> resistance: pc_rwd_enzalutamide_abiraterone_cross_resistance (real-world patient data, "
            "effect resistance) and pc_enzalutamide_after_abiraterone_preferred read in reverse (abiraterone after "
            "enzalutamide dispreferred, r); pc_preclinical_arsi_cross_resistance is suppressed/untested-context "
            "because AR-V7 is negative. Only R/r with an R on patient data -> resistance ('less benefit than the "
            "reverse order').",
            "docetaxel -> reduced_efficacy: pc_preclinical_arsi_docetaxel_cross_resistance (preclinical R) and "
            "pc_docetaxel_reduced_after_arsi_clinical (retrospective r); no S (pc_arv7_no_effect_taxanes needs "
            "AR-V7 positive).",
            "cabazitaxel -> sensitivity: pc_preclinical_arsi_cabazitaxel_no_cross_resistance, "
            "pc_cabazitaxel_not_affected_by_prior_arsi.",
            "AR L702H/H875Y/T878A are not-detected observations (force-called GT 0/0).",
        ],
        catalogue_dependencies=[
            "resistance (not reduced_efficacy) requires pc_rwd_enzalutamide_abiraterone_cross_resistance to be an "
            "effect: resistance rule with patient-level (retrospective) evidence.",
        ])))

SCENARIOS.append(dict(
    id="SC37_prostate_enzalutamide_AKR1C3_high", tumor_type="PRAD", patient=(74, "M"),
    comment="mCRPC after ADT and enzalutamide; AKR1C3 high and AR-V7 positive by CTC mRNA at progression.",
    lines=[line(["leuprolide"], "2019-02-11", None, None),
           line(["enzalutamide"], "2021-07-05", "2023-10-09", "SD")],
    samples=[sample("prog", "progression", "plasma", "2023-10-16", tf=0.20)],
    biomarkers=[("AKR1C3", "CTC-mRNA", "high", "prog"), ("AR-V7", "CTC-mRNA", "positive", "prog")],
    candidates=["abiraterone"],
    expected=dict(
        verdicts={"abiraterone": "resistance"},
        recommendations=[], primary=[],
        notes=[
            "abiraterone -> resistance: pc_akr1c3_arv7_axis and pc_arv7_splice_variant_mechanism (preclinical R, "
            "triggered by AKR1C3 high / AR-V7 positive) together with the rules that already make SC35 "
            "resistance: pc_rwd_enzalutamide_abiraterone_cross_resistance (patients) and "
            "pc_arv7_positive_inferior_outcome_arsi (patients, AR-V7 positive). If only the scenario's two "
            "preclinical facts counted, the verdict would be reduced_efficacy; adding biomarkers to the SC35 "
            "history must not weaken it.",
        ])))

SCENARIOS.append(dict(
    id="SC39_prostate_mHSPC_apalutamide_then_mCRPC", tumor_type="PRAD", patient=(66, "M"),
    comment="Metastatic hormone-sensitive prostate cancer treated with ADT + apalutamide, now castration\n"
            "resistant. No biomarker data: the progression VCF is header-only.",
    lines=[line(["leuprolide", "apalutamide"], "2021-02-08", "2023-05-22", "PR")],
    samples=[sample("prog", "progression", "tissue", "2023-06-05")],
    candidates=["enzalutamide", "docetaxel", "cabazitaxel"],
    expected=dict(
        verdicts={"enzalutamide": "reduced_efficacy", "docetaxel": "reduced_efficacy", "cabazitaxel": "sensitivity"},
        recommendations=[], primary=[],
        notes=[
            "enzalutamide -> reduced_efficacy: pc_arsi_sequential_cross_resistance (prior ARSI incl. "
            "hormone-sensitive use -> another ARSI; review statement = expert_statement, not patient data) with "
            "pc_arsi_hormone_sensitive_approval as context. An R rule without patient data -> reduced_efficacy.",
            "docetaxel -> reduced_efficacy: pc_preclinical_arsi_docetaxel_cross_resistance (prior 'ARSIs', "
            "preclinical) and pc_docetaxel_reduced_after_arsi_clinical; extending enzalutamide/abiraterone data to "
            "apalutamide is an inference (review_support indirect).",
            "cabazitaxel -> sensitivity: pc_cabazitaxel_not_affected_by_prior_arsi (inference to apalutamide).",
        ],
        catalogue_dependencies=[
            "the ARSI -> docetaxel / cabazitaxel / other-ARSI rules must use the drug class arsi as prior therapy "
            "(apalutamide is a member); pc_rwd_enzalutamide_abiraterone_cross_resistance must stay specific to "
            "enzalutamide <-> abiraterone, otherwise enzalutamide here becomes resistance.",
        ])))

# --------------------------------------------------------------------------------------------- melanoma
SCENARIOS.append(dict(
    id="SC41_melanoma_BRAF_MEKi_acquired_NRAS_Q61K", tumor_type="SKCM", patient=(57, "M"),
    comment="BRAF V600E melanoma after encorafenib + binimetinib; NRAS Q61K absent at diagnosis (force-called)\n"
            "and present in progression plasma; BRAF V600E in both samples.",
    lines=[line(["encorafenib", "binimetinib"], "2023-01-16", "2024-03-18", "PR")],
    samples=[sample("dx", "baseline", "tissue", "2023-01-05", [Obs(BRAF_V600E, 269, 640), Obs(NRAS_Q61K, 0, 610)]),
             sample("prog", "progression", "plasma", "2024-03-25",
                    [Obs(BRAF_V600E, 231, 2200), Obs(NRAS_Q61K, 78, 2300)], tf=0.22)],
    candidates=["nivolumab"],
    expected=dict(
        verdicts={"nivolumab": "reduced_efficacy"},
        origins={"BRAF p.V600E": "persistent", "NRAS p.Q61K": "acquired"},
        recommendations=[], primary=[],
        notes=[
            "nivolumab stands for the scenario's 'anti-PD-1'. -> reduced_efficacy: the catalogue encodes the "
            "MAPKi -> immunotherapy facts (mapk_cd103_dc_deficient_tme, mapk_reactivation_immune_evasion, "
            "mapk_mapki_then_immunotherapy_lower_orr, mapk_rwd_immunotherapy_after_mapki) as reduced_efficacy "
            "(rule mapk_braf_mek_inhibitor_then_immunotherapy): the clinical data are a LOWER response rate than in "
            "MAPKi-naive patients (retrospective/real-world), not absent activity, and DESIGN 4 reserves "
            "resistance for evidence in patients that the drug does not work. The fixture first said resistance "
            "(from the 'resistance' wording of mapk_cd103_dc_deficient_tme); changed with the catalogue.",
            "The review names no genomic marker; treating the acquired NRAS Q61K as a MAPK re-activation marker "
            "is outside knowledge (outside_review true). The catalogue adds it as a second reduced_efficacy rule "
            "(mapk_nras_reactivation_then_immunotherapy, requires_origin acquired); the verdict rests on therapy "
            "history either way, so it is not primary.",
        ],
        catalogue_dependencies=[
            "reduced_efficacy follows from encoding mapk_cd103_dc_deficient_tme / mapk_reactivation_immune_evasion "
            "as reduced_efficacy; an R rule on patient data would make it resistance.",
        ])))

SCENARIOS.append(dict(
    id="SC43_melanoma_dacarbazine_then_vemurafenib", tumor_type="SKCM", patient=(61, "F"),
    comment="BRAF V600E melanoma after dacarbazine; V600E in diagnostic and progression tissue.",
    lines=[line(["dacarbazine"], "2022-02-14", "2022-09-05", "PD")],
    samples=[sample("dx", "baseline", "tissue", "2022-01-31", [Obs(BRAF_V600E, 228, 600)]),
             sample("prog", "progression", "tissue", "2022-09-19", [Obs(BRAF_V600E, 228, 650)])],
    candidates=["vemurafenib", "vemurafenib + cobimetinib"],
    expected=dict(
        verdicts={"vemurafenib": "sensitivity", "vemurafenib + cobimetinib": "sensitivity"},
        origins={"BRAF p.V600E": "persistent"},
        recommendations=[], primary=["vemurafenib", "vemurafenib + cobimetinib"],
        notes=[
            "vemurafenib -> sensitivity (catalogue 1.3.0, verdict algorithm v2): BRIM-2 "
            "(nl_mel_braf_v600_vemurafenib_pretreated, patient data) shows vemurafenib active in previously "
            "treated BRAF V600 melanoma. The review's mapk_dacarbazine_then_vemurafenib (autocrine IL-8 MAPK "
            "re-activation in patient-derived cells, preclinical) stays visible as a preclinical signal and is "
            "never netted against patient data (DESIGN 4a step 3). Was reduced_efficacy before v2.",
            "vemurafenib + cobimetinib -> sensitivity: the BRIM-2 rule covers the vemurafenib component in any "
            "regimen; the preclinical dacarbazine rule is scope alone (shown for vemurafenib alone), so it does "
            "not reach the combination. Was reduced_efficacy before v2.",
            "primary: both (the BRIM-2 rule rests on BRAF V600E, present before the therapy).",
        ])))

# --------------------------------------------------------------------------------------------- others
SCENARIOS.append(dict(
    id="SC45_PDAC_FOLFIRINOX_then_MEK_inhibitor", tumor_type="PAAD", patient=(65, "F"),
    comment="Pancreatic ductal adenocarcinoma after FOLFIRINOX; KRAS G12D at diagnosis and at progression.",
    lines=[line(["fluorouracil", "leucovorin", "irinotecan", "oxaliplatin"], "2023-03-06", "2023-11-13", "SD")],
    samples=[sample("dx", "baseline", "tissue", "2023-02-20", [Obs(KRAS_G12D, 186, 620)]),
             sample("prog", "progression", "plasma", "2023-11-20", [Obs(KRAS_G12D, 98, 2400)], tf=0.09)],
    candidates=["trametinib", "gemcitabine + nab-paclitaxel"],
    expected=dict(
        verdicts={"trametinib": "sensitivity", "gemcitabine + nab-paclitaxel": "no_known_effect"},
        origins={"KRAS p.G12D": "persistent"},
        recommendations=[], primary=[],
        notes=[
            "trametinib (MEK inhibitor) -> sensitivity: cs_pdac_folfirinox_mek_inhibition (patient-derived "
            "organoids, preclinical; FOLFIRINOX matched as all four drugs within line 1) -> preclinical_only true.",
            "primary: none - the review ties the MEK vulnerability to chemotherapy-induced plasticity, not to "
            "KRAS G12D (cs_functional_layer_needed); the persistent KRAS G12D must not be shown as the trigger.",
            "gemcitabine + nab-paclitaxel -> no_known_effect (not in review).",
        ],
        not_covered="cs_functional_layer_needed: the review says functional (drug-screen / expression) data are "
                    "needed to predict collateral sensitivity; nextline reads no such data, so the report can only "
                    "state it as context.")))

SCENARIOS.append(dict(
    id="SC47_ovarian_cisplatin_resistant_then_paclitaxel_or_carboplatin", tumor_type="OV", patient=(60, "F"),
    comment="Ovarian cancer progressing after cisplatin-based chemotherapy. No genomic data: header-only VCF.",
    lines=[line(["cisplatin"], "2022-01-10", "2022-06-20", "PD")],
    samples=[sample("prog", "progression", "tissue", "2022-07-04")],
    candidates=["paclitaxel", "carboplatin"],
    expected=dict(
        verdicts={"paclitaxel": "sensitivity", "carboplatin": "reduced_efficacy"},
        recommendations=[], primary=[],
        notes=[
            "paclitaxel -> sensitivity: cs_cisplatin_paclitaxel (cisplatin resistance confers paclitaxel "
            "sensitivity and vice versa; preclinical + patient analysis; tumour types include ovarian).",
            "carboplatin -> reduced_efficacy: chemo_cisplatin_platinum_analogs_ddr (prolonged cisplatin -> "
            "cross-resistance to platinum analogs via DDR; in vivo = preclinical R). The evidence is from NSCLC "
            "mouse models; applying it to ovarian cancer is the scenario's inference (review_support indirect). "
            "chemo_mrp2_abcc2_cisplatin needs ABCC2 overexpression (not tested) and does not fire.",
        ],
        catalogue_dependencies=[
            "chemo_cisplatin_platinum_analogs_ddr must apply beyond NSCLC (tumor_types any, flagged as an "
            "inference); encoded for NSCLC only, carboplatin here is no_known_effect.",
        ])))

SCENARIOS.append(dict(
    id="SC49_HCC_atezolizumab_bevacizumab_then_second_line", tumor_type="HCC", patient=(67, "M"),
    comment="Hepatocellular carcinoma after first-line atezolizumab + bevacizumab. No biomarker data:\n"
            "header-only VCF.",
    lines=[line(["atezolizumab", "bevacizumab"], "2022-10-03", "2023-09-04", "SD")],
    samples=[sample("prog", "progression", "tissue", "2023-09-18")],
    candidates=["sorafenib", "lenvatinib", "cabozantinib", "ramucirumab", "nivolumab", "nivolumab + ipilimumab"],
    expected=dict(
        verdicts={"sorafenib": "no_known_effect", "lenvatinib": "no_known_effect",
                  "cabozantinib": "no_known_effect", "ramucirumab": "no_known_effect",
                  "nivolumab": "no_known_effect", "nivolumab + ipilimumab": "no_known_effect"},
        recommendations=[], primary=[],
        notes=[
            "Negative scenario: no cross-resistance or sensitivity claim exists. "
            "hcc_second_line_sorafenib_lenvatinib_comparable (comparable second-line efficacy, retrospective) "
            "compares the two drugs with each other and hcc_second_line_options_undefined / "
            "hcc_atezolizumab_bevacizumab_first_line are context; all are kind 'other', so every candidate is "
            "no_known_effect and nothing must be flagged as resistance.",
            "'nivolumab +/- ipilimumab' is written as two candidates: nivolumab and nivolumab + ipilimumab.",
        ])))


DEMO_NOTES = [
    "trastuzumab emtansine -> resistance: ERBB2 L755S ACQUIRED under trastuzumab/lapatinib "
    "(her2_l755s_cross_resistance_her2_agents: cross-resistance to other single-agent or combined HER2-targeted "
    "therapy; preclinical + patient-derived evidence, requires_origin acquired) plus the therapy-history rule "
    "her2_tdm1_after_trastuzumab_pertuzumab (line 1, HER2 loss 3+ -> 1+ strengthens it). No S rule for T-DM1.",
    "trastuzumab deruxtecan -> sensitivity (catalogue 1.3.0): her2_tdxd_after_prior_trastuzumab (DESTINY-Breast03, "
    "randomised). The audit narrowed the L755S cross-resistance rule to the drugs its evidence names "
    "(trastuzumab, T-DM1, lapatinib, tucatinib): nothing cited shows T-DXd failing on L755S, so it no longer "
    "nets against T-DXd. Was reduced_efficacy before the audit.",
    "neratinib -> sensitivity: S from cs_her2_mutation_neratinib_pyrotinib_amplified (HER2 mutation incl. "
    "L755S), cs_summit_neratinib_fulvestrant_her2_mutant_hr_pos and cs_neratinib_most_effective_her2_mutant_cell_lines. "
    "The L755S cross-resistance rule leaves irreversible HER2 TKIs out (the review reports them active against "
    "HER2-mutant tumours). her2_trastuzumab_lapatinib_to_neratinib (prior trastuzumab and lapatinib, r) is "
    "deliberately not applied when an activating ERBB2 mutation is present (catalogue rule "
    "her2_neratinib_after_trastuzumab_or_lapatinib, ERBB2 activating_mutation excluded_if_present): in "
    "HER2-mutant disease after trastuzumab/lapatinib the review describes collateral sensitivity to "
    "neratinib, not cross-resistance. The HER2-loss rule (class her2_tki, r) is overridden for neratinib by "
    "the neratinib-named ERBB2 rules (DESIGN 4a step 3: a named drug over a class, same gene) and is listed "
    "under overridden. (Fixture written before the catalogue said reduced_efficacy.)",
    "lapatinib (rechallenge) -> resistance: her2_l755s_cross_resistance_her2_agents (L755S emerged under "
    "lapatinib and trastuzumab; patient-derived evidence), no S.",
    "origins: ERBB2 L755S acquired (absent in the diagnostic tissue, 0/720 force-called; VAF 0.0208 at prog1 and "
    "0.085 at prog2); PIK3CA H1047R and TP53 R175H persistent; DNMT3A R882H has no record in the diagnostic "
    "tissue VCF, so its origin is indeterminate.",
    "DNMT3A R882H: VAF 0.062/0.0591 in plasma and 0.06 in the matched WBC -> flag possible_clonal_hematopoiesis, "
    "listed under not_used and left out of every verdict.",
    "recommendations: HER2 IHC fell from 3+ (diagnosis) to 1+ (prog2) after HER2-targeted therapy -> re-test HER2 "
    "(strat_retest_her2_at_progression, her2_change_after_trastuzumab_pertuzumab_63_2pct).",
    "primary: none - PIK3CA H1047R and TP53 R175H are persistent but trigger no rule for these candidates.",
    "Verdicts use prog2 (latest progression sample); prog1 feeds origin and the VAF chart.",
]


def build_demo():
    folder = os.path.join(TESTVCFS, "demo")
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    src = "nextline demo case (synthetic read counts)"
    samples = [
        sample("dx_tissue", "baseline", "tissue", "2022-03-15",
               [Obs(H1047R, 179, 640), Obs(TP53_R175H, 203, 610), Obs(L755S, 0, 720)]),
        sample("wbc_normal", "normal", "wbc", "2023-05-29",
               [Obs(DNMT3A_R882H, 48, 800), Obs(L755S, 0, 780), Obs(H1047R, 0, 760), Obs(TP53_R175H, 0, 750)]),
        sample("prog1_plasma", "progression", "plasma", "2023-05-29",
               [Obs(DNMT3A_R882H, 124, 2000), Obs(L755S, 50, 2400), Obs(H1047R, 121, 2200),
                Obs(TP53_R175H, 131, 2250)], tf=0.12),
        sample("prog2_plasma", "progression", "plasma", "2024-04-15",
               [Obs(DNMT3A_R882H, 130, 2200), Obs(L755S, 221, 2600), Obs(H1047R, 283, 2400),
                Obs(TP53_R175H, 296, 2420)], tf=0.25),
    ]
    for s in samples:
        write_generic_vcf(os.path.join(folder, s["vcf"]), s["id"], s["obs"], source=src)
    candidates = ["trastuzumab emtansine", "trastuzumab deruxtecan", "neratinib", "lapatinib"]
    write(os.path.join(folder, "case.yaml"), case_yaml(
        "DEMO-HER2-BRCA-01", "BRCA",
        [line(["docetaxel", "trastuzumab", "pertuzumab"], "2022-04-04", "2023-05-22", "PR"),
         line(["capecitabine", "lapatinib"], "2023-06-05", "2024-04-08", "SD")],
        samples, candidates, patient=(51, "F"),
        biomarkers=[("HER2", "IHC", "3+", "dx_tissue"), ("HER2", "IHC", "1+", "prog2_plasma")],
        header_comment=(
            "nextline demo: HER2-positive metastatic breast cancer (synthetic patient).\n"
            "Line 1 docetaxel + trastuzumab + pertuzumab; line 2 capecitabine + lapatinib.\n"
            "Diagnostic tissue, matched WBC (drawn with prog1), serial plasma at the end of each line.\n"
            "The HER2 IHC 1+ result comes from a liver biopsy taken at the prog2 time point; v1 case files attach\n"
            "biomarkers to a sample id, so it is attached to prog2_plasma.\n"
            "Run: nextline interpret --case TestVCFs/demo/case.yaml")))
    write(os.path.join(folder, "expected.yaml"), EXPECTED_HEADER + expected_yaml(
        "DEMO-HER2-BRCA-01",
        verdicts={"trastuzumab emtansine": "resistance", "trastuzumab deruxtecan": "sensitivity",
                  "neratinib": "sensitivity", "lapatinib": "resistance"},
        origins={"ERBB2 p.L755S": "acquired", "PIK3CA p.H1047R": "persistent", "TP53 p.R175H": "persistent",
                 "DNMT3A p.R882H": "indeterminate"},
        flags={"DNMT3A p.R882H": ["possible_clonal_hematopoiesis"]},
        not_used={"DNMT3A p.R882H": "possible_clonal_hematopoiesis"},
        recommendations=RETEST, primary=[], notes=DEMO_NOTES,
        catalogue_dependencies=[
            "T-DM1 = resistance needs her2_l755s_cross_resistance_her2_agents encoded as effect resistance for "
            "the her2_targeted class with patient-derived evidence; encoded as preclinical it becomes "
            "reduced_efficacy.",
        ]))


def main():
    for sc in SCENARIOS:
        build_scenario(sc)
    build_demo()
    callers.build()
    print(f"wrote {len(SCENARIOS)} scenarios, demo, callers")


if __name__ == "__main__":
    main()
