/// Many cases' interpretation documents merged into one table for a cohort, a trial-screening system or a
/// lab's dashboard (`nextline cohort`): one row per case × candidate therapy, with what each verdict
/// rests on and the provenance of the document it came from. A projection of the saved documents: nothing
/// is re-interpreted, so every row is exactly the verdict the case's report showed.
public struct CohortDocument: Codable, Sendable, Hashable {
    public static let schemaID = "nextline/cohort/v1"
    public var schema: String = CohortDocument.schemaID
    /// The tool that merged the documents (each case keeps the tool that interpreted it).
    public var tool: ToolStamp
    public var cases: [Case]
    /// Cohort-level cautions: cases interpreted with different catalogue or tool versions.
    public var warnings: [String]

    /// One case: its identity, provenance, headline and verdicts.
    public struct Case: Codable, Sendable, Hashable {
        public var caseId: String
        public var tumorType: String
        /// The document merged, as named on the command line, and its SHA-256.
        public var document: FileStamp
        public var tool: ToolStamp
        public var catalogue: CatalogueStamp
        @Nullable public var genomeBuild: String?
        public var inputs: [FileStamp]
        public var acquired: [String]
        public var retest: [String]
        public var therapies: [Therapy]

        enum CodingKeys: String, CodingKey {
            case caseId = "case_id", tumorType = "tumor_type", document, tool, catalogue, genomeBuild = "genome_build"
            case inputs, acquired, retest, therapies
        }
    }

    /// One candidate therapy's verdict in one case.
    public struct Therapy: Codable, Sendable, Hashable {
        public var therapy: String
        public var therapyKind: String
        public var verdict: String
        @Nullable public var evidenceLevel: String?
        @Nullable public var ampTier: String?
        public var tentative: Bool
        public var originUncertain: Bool
        /// The therapy lines and findings the verdict rests on, as the report words them.
        public var because: [String]
        public var rules: [String]
        /// The drug verdicts a class verdict restates (empty for drugs and regimens).
        public var restatedBy: [String]

        enum CodingKeys: String, CodingKey {
            case therapy, therapyKind = "therapy_kind", verdict, evidenceLevel = "evidence_level", ampTier = "amp_tier"
            case tentative, originUncertain = "origin_uncertain", because, rules, restatedBy = "restated_by"
        }
    }

    /// Merges documents given with their paths and SHA-256s, in case-id order (then path): the same
    /// documents in any order give the same bytes.
    public init(documents: [(path: String, sha256: String, document: InterpretationDocument)]) {
        tool = .current
        cases = documents.map { CohortDocument.project($0.document, path: $0.path, sha256: $0.sha256) }
            .sorted { ($0.caseId, $0.document.path) < ($1.caseId, $1.document.path) }
        warnings = []
        for (what, values) in [("catalogue", Set(cases.map { "\($0.catalogue.version) (\($0.catalogue.sha256.prefix(12)))" })),
                               ("nextline", Set(cases.map(\.tool.version)))] where values.count > 1 {
            warnings.append("the cases were interpreted with different \(what) versions: \(values.sorted().joined(separator: ", ")); compare verdicts across them with care")
        }
    }

    static func project(_ d: InterpretationDocument, path: String, sha256: String) -> Case {
        Case(caseId: d.patientCase.caseId, tumorType: d.patientCase.tumorType, document: FileStamp(path: path, sha256: sha256),
             tool: d.tool, catalogue: d.catalogue, genomeBuild: d.genomeBuild,
             inputs: d.inputs.map { FileStamp(path: $0.path, sha256: $0.sha256) },
             acquired: d.headline.acquired, retest: d.headline.retest,
             therapies: d.implications.map {
                 Therapy(therapy: $0.therapy, therapyKind: $0.therapyKind, verdict: $0.verdict, evidenceLevel: $0.evidenceLevel,
                         ampTier: $0.ampTier, tentative: $0.tentative, originUncertain: $0.originUncertain,
                         because: $0.because, rules: $0.rules, restatedBy: $0.restatedBy)
             })
    }
}
