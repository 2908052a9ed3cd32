public import VariantModel

/// What a rule says a therapy will do.
public enum Effect: String, Sendable, Hashable, Codable, CaseIterable {
    case resistance, reducedEfficacy = "reduced_efficacy", sensitivity, retainedSensitivity = "retained_sensitivity",
         retest, sequencePreference = "sequence_preference"
}

/// How a biomarker condition takes part in a rule (Annotations/README.md).
public enum ConditionRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// The rule fires only when the condition is shown positive.
    case required
    /// The rule does not fire when the condition is positive.
    case excludedIfPresent = "excluded_if_present"
    /// The rule fires on its context; positive strengthens, negative suppresses, untested is shown.
    case modifier
}

/// Whether a rule needs the alteration to have arisen under therapy.
public enum OriginRequirement: String, Sendable, Hashable, Codable {
    case acquired, any
}

/// Which regimens a rule's effect on its named therapies carries to (docs/interpretation.md step 4).
public enum RuleScope: String, Sendable, Hashable, Codable, CaseIterable {
    /// The named drug given alone (or with drugs the rule's therapies also name).
    case alone
    /// The named drug alone or with cytotoxic chemotherapy; not a regimen that adds a targeted partner.
    case withChemotherapy = "with_chemotherapy"
    /// Any regimen containing the named drug (still outranked by a rule naming the regimen itself).
    case anyRegimen = "any_regimen"
}

/// The single therapeutic evidence scale (Annotations/README.md), ordered weakest first.
public enum EvidenceLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case expertStatement = "expert_statement", preclinical, clinicalOther = "clinical_other",
         clinicalRandomised = "clinical_randomised"

    var rank: Int { EvidenceLevel.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: EvidenceLevel, b: EvidenceLevel) -> Bool { a.rank < b.rank }

    /// AMP/ASCO/CAP 2017 tier and level for a variant-based rule at this level.
    public var ampTier: String {
        switch self {
        case .clinicalRandomised: return "Tier I (level A/B)"
        case .clinicalOther: return "Tier II (level C)"
        case .preclinical, .expertStatement: return "Tier II (level D)"
        }
    }
}

public struct Evidence: Sendable, Hashable, Codable {
    public static let studyTypes: Set<String> = ["in_vitro", "in_vivo", "patient_samples", "retrospective", "phase_2",
                                                 "phase_3", "guideline", "case_report", "review_statement"]
    public var studyTypes: [String]
    public var level: EvidenceLevel
    public var tentative: Bool
    public var note: String?
    /// Evidence from patients (anything but in vitro / in vivo / review statement).
    public var restsOnPatientData: Bool { level == .clinicalOther || level == .clinicalRandomised }
}

public struct Reference: Sendable, Hashable, Codable {
    public var pmid: String?
    public var doi: String?
    public var firstAuthor: String?
    public var year: Int?
    public var title: String?
    public var checkedIn: String?
    /// `PMID:123` when there is a PMID, else `DOI:…`.
    public var label: String { pmid.map { "PMID:\($0)" } ?? doi.map { "DOI:\($0)" } ?? "?" }
}

public struct ContextNote: Sendable, Hashable, Codable {
    public var fact: String?
    public var text: String
}

/// One biomarker condition of a rule.
public struct BiomarkerCondition: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case allele, proteinChange = "protein_change", codon, region, geneClass = "gene_class",
             copyNumber = "copy_number", expression, isoform, proteinLevel = "protein_level", fusion
    }
    public var gene: String
    public var kind: Kind
    public var role: ConditionRole
    public var changes: [ProteinChange] = []
    public var codons: [Int] = []
    public var regionName: String?
    public var proteinRange: ClosedRange<Int>?
    public var exons: [Int] = []
    public var consequences: [String] = []
    public var geneClass: String?
    public var state: String?
    public var isoform: String?
    public var methods: [String] = []
    public var results: [String] = []
    public var changeFromBaseline: String?
    public var partner: String?
    public var alleles: [GenomeBuild: Allele] = [:]
    /// `cis` or `trans`: the matched change must sit on the same (or the other) haplotype as one of
    /// ``phasePartners`` of the same gene, in one phase set (EGFR C797S with T790M).
    public var phase: String?
    public var phasePartners: [ProteinChange] = []

    /// `gene_class` values: truncating; loss_of_function (truncating, deep deletion, a documented allele,
    /// or a shallow deletion with a second hit); activating_mutation (a known oncogenic allele, never a
    /// VUS); any_mutation (an oncogenic or loss-of-function change); reversion (a secondary change that
    /// restores the reading frame of a known truncating variant in the same gene).
    public static let geneClasses: Set<String> = ["truncating", "loss_of_function", "activating_mutation", "any_mutation", "reversion"]
    /// `copy_number` states: `loss` is a loss of function by copy number (deep deletion).
    public static let copyNumberStates: Set<String> = ["amplification", "gain", "loss", "deep_deletion", "shallow_deletion"]

    /// Match specificity, most specific highest (docs/interpretation.md step 3).
    public var specificity: Int {
        switch kind {
        case .allele: return 6
        case .proteinChange: return 5
        case .codon: return 4
        case .region: return 3
        case .geneClass, .copyNumber: return 2
        case .expression, .isoform, .proteinLevel, .fusion: return 2
        }
    }

    /// A short human description (`EGFR p.T790M`, `KRAS codons 12,13,61`, `ERBB2 IHC 0/1+`).
    public var summary: String {
        switch kind {
        case .allele: return "\(gene) allele " + alleles.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value.key)" }.joined(separator: ", ")
        case .proteinChange:
            let base = "\(gene) " + changes.map(\.oneLetter).joined(separator: "/")
            guard let phase else { return base }
            return base + " in \(phase) with " + phasePartners.map(\.oneLetter).joined(separator: "/")
        case .codon: return "\(gene) codon\(codons.count > 1 ? "s" : "") " + codons.map(String.init).joined(separator: ",")
        case .region:
            let r = regionName ?? proteinRange.map { "residues \($0.lowerBound)-\($0.upperBound)" } ?? "exons " + exons.map(String.init).joined(separator: ",")
            return "\(gene) \(r.replacingUnderscores()) " + (consequences.isEmpty ? "change" : consequences.joined(separator: "/"))
        case .geneClass: return "\(gene) \((geneClass ?? "").replacingUnderscores())"
        case .copyNumber: return "\(gene) \(state ?? "")"
        case .expression: return "\(gene) expression \(state ?? "")"
        case .isoform: return "\(isoform ?? gene) \(state ?? "positive")"
        case .proteinLevel:
            var s = "\(gene) \(methods.isEmpty ? "IHC/ISH" : methods.joined(separator: "/")) \(results.joined(separator: "/"))"
            if let c = changeFromBaseline { s += " (\(c) from baseline)" }
            return s
        case .fusion: return "\(gene)-\(partner ?? "any") fusion"
        }
    }
}

/// A therapy named by a rule: one term or a combination (`trastuzumab + pertuzumab`), all of whose
/// terms must fall within one therapy line.
public struct TherapySpec: Sendable, Hashable, Codable, CustomStringConvertible {
    public var terms: [DrugVocabulary.Term]
    public var text: String
    public var description: String { text }
    public var isCombination: Bool { terms.count > 1 }
    /// True when every term is a single drug (drug-specific, not class-level).
    public var isDrugSpecific: Bool { terms.allSatisfy { if case .drug = $0 { return true } else { return false } } }
}

/// One catalogue rule (Annotations/README.md).
public struct Rule: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var tumourTypes: [String]      // OncoTree codes; ["any"] = pan-cancer
    public var priorTherapies: [TherapySpec]
    /// The rule does not apply when any earlier line included one of these (e.g. a first-line
    /// preference does not apply after the drug was already given).
    public var excludedPriorTherapies: [TherapySpec]
    public var biomarkers: [BiomarkerCondition]
    public var requiresOrigin: OriginRequirement
    public var therapies: [TherapySpec]
    public var effect: Effect
    public var preference: String?
    public var retestBiomarker: String?
    public var gatesTherapy: Bool
    public var direction: String
    public var mechanism: String
    public var evidence: Evidence
    public var context: [ContextNote]
    public var references: [Reference]
    public var sourceKind: String          // review | outside_review
    public var reviewFacts: [String]
    public var file: String
    /// Which regimens the effect carries to (default `any_regimen`).
    public var scope: RuleScope = .anyRegimen
    /// For `requires_origin: acquired`: the alteration essentially only arises under the prior therapy
    /// (EGFR ectodomain under EGFR antibodies, ESR1 LBD under aromatase inhibitors), so an origin the
    /// baseline cannot prove (indeterminate, no baseline) counts as acquired without the uncertainty mark.
    public var acquisitionPresumed: Bool = false
    /// The audit of the rule's context against its evidence (who was studied, after what, which
    /// biomarker statuses), in our words.
    public var contextChecked: String?

    public var isPanCancer: Bool { tumourTypes.contains("any") }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
