// Interpreter: from a patient's case and the findings of each sample to one verdict per therapy.
//
// Data flow (docs/interpretation.md): classify → match → reason. Renderers receive the finished ``Interpretation``.
//
// CLASSIFY (per allele of the latest progression sample; serial samples matched by normalised allele):
//   * persistent     — detected (≥ minAltReads alt reads, or a VAF > 0 when reads are not reported) in a
//                      baseline sample;
//   * acquired       — absent at baseline WITH evidence: a baseline record at the site (a force-called
//                      GT 0/0 or 0-alt-read observation) or a declared covered region (--baseline-regions,
//                      depth --baseline-depth), and a binomial detection model saying the allele would
//                      have been seen: expected baseline VAF = VAF(progression) × TF(baseline) /
//                      TF(progression); P(X ≥ minAltReads), X ~ Binomial(depth, expected VAF), must reach
//                      the declared confidence (0.95);
//   * indeterminate  — a baseline exists but cannot rule the allele out (no record, too little depth);
//   * no_baseline    — the case has no baseline sample;
//   * baseline_only  — detected at baseline, observed not detected at the latest progression (lost).
//   Flags: possible_clonal_hematopoiesis (in the matched normal/WBC sample at a comparable VAF, or a CH
//   gene — DNMT3A TET2 ASXL1 PPM1D JAK2 SF3B1 SRSF2 CHEK2, TP53 hotspots — seen in plasma without tissue
//   support and not ruled out by the normal sample); possible_germline (VAF 0.4–0.6 or ≥ 0.9 in both
//   tumour and normal); low_depth; filtered (FILTER not PASS). CH/germline/filtered findings are left out
//   of verdicts (listed under not_used) unless --use-flagged.
//   Tumour fraction: the case's value, else 2 × the highest somatic VAF below 0.4 (a heterozygous clonal
//   variant in a diploid region), else a stated default for tissue. A plasma sample below the low-TF
//   threshold makes every "not detected" inconclusive (conditions become not tested) and adds a re-test.
//
// CLASSIFY also gives each finding a functional class (FunctionalClass.swift: oncogenic = a curated
//   oncogenic allele, loss_of_function, vus, polymorphism → possible_germline), a tumour-fraction-adjusted
//   copy-number state (CopyNumberCall.swift) and fusion partners. Detection has ONE definition
//   (Classifier.isDetected): ≥ min_alt_reads alt reads in a record that passed its filters.
//
// MATCH (per rule): context = tumour type (the rule's code or an OncoTree ancestor; `any`), prior therapy
//   (one alternative matched by ONE therapy line: a combination needs all its terms in that line),
//   excluded prior therapy (no earlier line may include it), biomarker conditions (positive / negative /
//   not tested; required must be positive, excluded_if_present must not be positive, a modifier is
//   suppressed by a negative; a VUS triggers only rules naming its exact allele), origin (requires_origin:
//   acquired fires on acquired findings and, marked origin_uncertain, on indeterminate/no_baseline ones,
//   unless acquisition_presumed; never on persistent ones).
//
// REASON (docs/interpretation.md, per candidate therapy (given, or every therapy a firing rule names):
//   1. rules whose therapies cover the candidate within their scope (alone / with_chemotherapy /
//      any_regimen); a rule naming the regimen or a sub-combination covers it as a regimen;
//   2. R = resistance; r = reduced_efficacy or a dispreferred sequence; S = sensitivity,
//      retained_sensitivity or a preferred sequence; T = retest that gates the therapy;
//   3. within one mechanism (a shared triggering finding, or the gene of a case biomarker), the rule with
//      precedence wins when they disagree: regimen-level > allele > protein change > codon > region > class
//      > more conditions shown > drug over class; a preclinical rule never overrides patient data;
//   4. evidence tiers: if any patient-data rule applies, only patient-data rules decide (the rest are
//      preclinical_signals); otherwise the preclinical rules decide, capped at reduced_efficacy, with
//      preclinical_only;
//   5. a mechanism with R and no S of its own → resistance (S of other mechanisms listed as conflicting;
//      S on another component of the regimen → reduced_efficacy); T → retest; R/r with S in one mechanism
//      → reduced_efficacy; only r → reduced_efficacy; only S → sensitivity; nothing → no_known_effect;
//   6. a biomarker-selected candidate whose biomarker a low-TF negative cannot exclude → retest; an
//      unknown candidate → not_in_catalogue.
//   Recommendations (RecommendationBuilder.swift) only when they could change a candidate's verdict.

public import Catalogue
public import VariantModel

/// Settings of the classification model (all reported in the output).
public struct InterpretationSettings: Sendable, Hashable {
    /// How reads were counted when a sample gave a BAM/CRAM (nil when none did): printed in the
    /// document's settings.
    public var readCounting: GenotypingSettings? = nil
    public var minAltReads = 3
    public var detectionConfidence = 0.95
    public var lowTumourFraction = 0.01
    public var defaultTissueTumourFraction = 0.5
    public var baselineAssumedDepth = 500
    public var minDepth = 100
    /// A population allele frequency above this (from the file's annotations) flags possible germline.
    public var germlinePopulationFrequency = 0.01
    public var useFlagged = false
    /// Copy-number thresholds in tumour copies (CopyNumberCall.swift documents their sources).
    public var copyNumber = CopyNumberThresholds()
    public init() {}

    public struct CopyNumberThresholds: Sendable, Hashable, Codable {
        public var amplification = 5.0
        public var gain = 2.5
        public var shallowDeletion = 1.5
        public var deepDeletion = 0.5
        public init() {}
    }
}

/// The findings of one case sample, as scanned.
public struct SampleFindings: Sendable {
    public var sample: PatientCase.Sample
    public var findings: [Finding]
    public var notAssessable: [NotAssessable]
    /// Reference calls with depth (gVCF blocks, ALT '.' records): evidence of absence.
    public var referenceBlocks: [ReferenceBlock]
    /// The build the sample's file was read in (nil for a sample without a variant file).
    public var build: GenomeBuild?
    /// Declared covered regions (canonical chromosome → 1-based ranges), from --baseline-regions.
    public var coveredRegions: [String: [ClosedRange<Int>]]?
    public init(sample: PatientCase.Sample, findings: [Finding], notAssessable: [NotAssessable], build: GenomeBuild?,
                coveredRegions: [String: [ClosedRange<Int>]]? = nil, referenceBlocks: [ReferenceBlock] = []) {
        self.sample = sample; self.findings = findings; self.notAssessable = notAssessable; self.build = build
        self.coveredRegions = coveredRegions; self.referenceBlocks = referenceBlocks
    }
}

public enum Origin: String, Sendable, Hashable {
    case acquired, persistent, baselineOnly = "baseline_only", indeterminate, noBaseline = "no_baseline"
}

public enum ConditionStatus: String, Sendable, Hashable { case positive, negative, notTested = "not_tested" }

/// One observation of an alteration in one sample (detected, not detected with depth, or no record).
public struct Observation: Sendable, Hashable {
    public var sampleID: String
    public var role: PatientCase.SampleRole
    public var kind: PatientCase.SampleKind
    public var collected: String?
    public var measurement: SampleMeasurement?
    /// `detected`, `not_detected` (a record or covered region with depth), `no_record`.
    public var status: String
}

public struct InterpretedFinding: Sendable, Hashable {
    public var finding: Finding
    public var origin: Origin
    public var originReason: String
    public var flags: [String]
    public var observations: [Observation]
    public var matches: [String]
    public var used: Bool
    public var notUsedReason: String?
    /// Key matching the same alteration across samples.
    public var key: String
    /// Functional class (oncogenic, loss of function, VUS, polymorphism, copy number, fusion) and why.
    public var functionalClass: FunctionalClass = .vus
    public var classReason: String = ""
    /// Copy-number state after tumour-fraction adjustment (copy-number findings only).
    public var copyNumberCall: CopyNumberCall? = nil
    /// Both partners of a fusion (breakend findings only), the catalogue's gene last.
    public var fusionPartners: [String]? = nil
}

public struct ConditionResult: Sendable, Hashable {
    public var gene: String
    public var summary: String
    public var role: ConditionRole
    public var status: ConditionStatus
    public var evidence: [String]
    public var note: String?
}

public struct RuleMatch: Sendable, Hashable {
    public var rule: Rule
    /// An acquired-only rule fired on an alteration whose acquisition the baseline could not prove.
    public var originUncertain: Bool = false
    public var originNote: String? = nil
    public var conditions: [ConditionResult]
    public var fired: Bool
    public var primary: Bool
    public var because: [String]
    public var notFiredReason: String?
    public var priorLine: Int?
    public var strengthened: Bool
    /// The finding keys that triggered the rule.
    public var findingKeys: [String]
}

public enum Verdict: String, Sendable, Hashable {
    case resistance, reducedEfficacy = "reduced_efficacy", sensitivity, retest, noKnownEffect = "no_known_effect",
         notInCatalogue = "not_in_catalogue"
}

public struct Implication: Sendable, Hashable {
    public var therapy: String
    public var drugs: [String]
    public var verdict: Verdict
    public var because: [String]
    public var rules: [RuleMatch]
    public var conflicting: [String]
    public var overridden: [String]
    public var evidenceLevel: EvidenceLevel?
    public var preclinicalOnly: Bool
    public var primary: Bool
    public var components: [String: [String]]
    /// Preclinical rules shown beside a verdict that patient-data rules decided (never netted against it).
    public var preclinicalSignals: [String] = []
    /// The verdict rests on an acquired-only rule fired on an alteration whose acquisition is unproven.
    public var originUncertain: Bool = false
    public var originNotes: [String] = []
    /// The candidate as the vocabulary resolved it (drugs, classes, named regimens).
    public var candidateTerms: [DrugVocabulary.Term] = []
}

public struct Recommendation: Sendable, Hashable {
    public var kind: String
    public var biomarker: String?
    public var therapy: String?
    public var reason: String
    public var rules: [String]
}

public struct TumourFractionEstimate: Sendable, Hashable {
    public var sampleID: String
    public var value: Double?
    public var how: String
}

/// The interpretation document every renderer reads.
public struct Interpretation: Sendable {
    public var patientCase: PatientCase
    public var settings: InterpretationSettings
    public var findings: [InterpretedFinding]
    public var implications: [Implication]
    public var recommendations: [Recommendation]
    public var notAssessable: [NotAssessable]
    public var tumourFractions: [TumourFractionEstimate]
    public var latestProgression: String?
    public var warnings: [String]
    public var build: GenomeBuild?
}
