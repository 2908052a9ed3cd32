public import Interpretation

/// The `nextline/screen/v1` document (docs/formats.md): for each trial arm, eligible / not eligible /
/// needs review, the criterion that decided it and the findings that satisfied or failed it.
public struct ScreenDocument: Codable, Sendable, Hashable {
    public static let schemaID = "nextline/screen/v1"
    public var schema: String = ScreenDocument.schemaID
    public var tool: ToolStamp = .current
    public var catalogue: CatalogueStamp
    public var caseId: String
    public var tumorType: String
    /// The interpretation the screening read: its inputs, build and warnings are in it.
    public var inputs: [InputRecord]
    @Nullable public var genomeBuild: String?
    public var trials: [TrialResult]

    enum CodingKeys: String, CodingKey {
        case schema, tool, catalogue, caseId = "case_id", tumorType = "tumor_type", inputs, genomeBuild = "genome_build", trials
    }

    public struct TrialResult: Codable, Sendable, Hashable {
        public var protocolNo: String
        @Nullable public var nctId: String?
        @Nullable public var title: String?
        public var file: String
        public var fileSha256: String
        public var arms: [ArmResult]
        enum CodingKeys: String, CodingKey {
            case protocolNo = "protocol_no", nctId = "nct_id", title, file, fileSha256 = "file_sha256", arms
        }
    }

    public struct ArmResult: Codable, Sendable, Hashable {
        public var armCode: String
        @Nullable public var armDescription: String?
        @Nullable public var stepCode: String?
        public var suspended: Bool
        /// `eligible`, `not_eligible` or `needs_review`.
        public var status: String
        /// The criterion that decided the status, as written in the trial file.
        public var decidedBy: [String]
        /// The findings and facts that satisfied or failed it.
        public var evidence: [String]
        /// Every criterion of the arm with its own status.
        public var criteria: [CriterionResult]
        enum CodingKeys: String, CodingKey {
            case armCode = "arm_code", armDescription = "arm_description", stepCode = "step_code", suspended, status
            case decidedBy = "decided_by", evidence, criteria
        }
    }

    public struct CriterionResult: Codable, Sendable, Hashable {
        public var criterion: String
        public var status: String
        public var evidence: [String]
    }
}
