/// The verdict for one candidate therapy, with every rule behind it (docs/interpretation.md). Computed by
/// ``Interpreter``; renderers show it as it is.
public struct TherapyVerdict: Codable, Sendable, Hashable {
    public var therapy: String
    public var drugs: [String]
    /// `drug`, `regimen` or `class` (a candidate naming a drug class).
    public var therapyKind: String
    public var verdict: String
    public var because: [String]
    public var rules: [String]
    public var ruleDetails: [RuleEvidence]
    public var conflicting: [String]
    public var overridden: [String]
    @Nullable public var evidenceLevel: String?
    /// AMP/ASCO/CAP 2017 tier, for verdicts resting on a variant-based rule.
    @Nullable public var ampTier: String?
    public var preclinicalOnly: Bool
    public var tentative: Bool
    public var primary: Bool
    public var references: [String]
    public var components: [String: [String]]
    public var preclinicalSignals: [String]
    public var originUncertain: Bool
    public var originNotes: [String]
    /// For a class verdict: the drug verdicts of this document it merely restates (same verdict for every
    /// member drug assessed). Reports fold such a class row into its drugs.
    public var restatedBy: [String]
    /// For a class verdict: member drugs whose own verdict differs (reports show both, side by side).
    public var differsFrom: [String]

    enum CodingKeys: String, CodingKey {
        case therapy, drugs, therapyKind = "therapy_kind", verdict, because, rules, ruleDetails = "rule_details", conflicting
        case overridden, evidenceLevel = "evidence_level", ampTier = "amp_tier", preclinicalOnly = "preclinical_only"
        case tentative, primary, references, components, preclinicalSignals = "preclinical_signals"
        case originUncertain = "origin_uncertain", originNotes = "origin_notes", restatedBy = "restated_by"
        case differsFrom = "differs_from"
    }

    /// One catalogue rule as it applied to this case.
    public struct RuleEvidence: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var effect: String
        public var evidenceLevel: String
        public var studyTypes: [String]
        public var tentative: Bool
        public var mechanism: String
        public var references: [ReferenceEntry]
        public var conditions: [ConditionEntry]
        public var because: [String]
        public var primary: Bool
        public var strengthened: Bool
        public var source: String
        public var reviewFacts: [String]
        public var context: [String]
        public var preference: String?
        public var scope: String
        public var originUncertain: Bool
        public var originNote: String?
        public var contextChecked: String?
        public var evidenceNote: String?
        public var priorLine: Int?
        enum CodingKeys: String, CodingKey {
            case id, title, effect, evidenceLevel = "evidence_level", studyTypes = "study_types", tentative, mechanism
            case references, conditions, because, primary, strengthened, source, reviewFacts = "review_facts", context
            case preference, scope, originUncertain = "origin_uncertain", originNote = "origin_note"
            case contextChecked = "context_checked", evidenceNote = "evidence_note", priorLine = "prior_line"
        }
    }

    /// A cited publication, with the link a reader follows (PubMed or doi.org only).
    public struct ReferenceEntry: Codable, Sendable, Hashable {
        @Nullable public var pmid: String?
        @Nullable public var doi: String?
        @Nullable public var firstAuthor: String?
        @Nullable public var year: Int?
        @Nullable public var title: String?
        public var label: String
        public var url: String?
        enum CodingKeys: String, CodingKey { case pmid, doi, firstAuthor = "first_author", year, title, label, url }
    }

    /// One biomarker condition of a rule and its status in this case.
    public struct ConditionEntry: Codable, Sendable, Hashable {
        /// The condition's gene (HGNC symbol), as the rule names it.
        public var gene: String
        public var biomarker: String
        public var role: String
        /// `positive`, `negative` or `not_tested`.
        public var status: String
        public var evidence: [String]
        @Nullable public var note: String?
        /// For a condition not tested: the test that would settle it.
        public var settledBy: String?
        enum CodingKeys: String, CodingKey { case gene, biomarker, role, status, evidence, note, settledBy = "settled_by" }
    }
}
