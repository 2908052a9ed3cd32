/// The patient's case as a document reports it: tumour type, therapy lines, samples, biomarker results
/// and candidate therapies, each as given (free text from the case is kept, never interpreted here).
public struct CaseSummary: Codable, Sendable, Hashable {
    public var caseId: String
    public var tumorType: String
    public var tumorTypeAsWritten: String?
    /// The OncoTree name of ``tumorType`` (for readers who do not know the code).
    public var tumorTypeName: String?
    public var age: Int?
    public var sex: String?
    public var therapyLines: [TherapyLine]
    public var samples: [Sample]
    public var biomarkers: [Biomarker]
    public var candidates: [String]

    enum CodingKeys: String, CodingKey {
        case caseId = "case_id", tumorType = "tumor_type", tumorTypeAsWritten = "tumor_type_as_written"
        case tumorTypeName = "tumor_type_name", age, sex, therapyLines = "therapy_lines", samples, biomarkers, candidates
    }

    public struct TherapyLine: Codable, Sendable, Hashable {
        public var line: Int
        public var drugs: [String]
        public var asWritten: [String]
        public var start: String?
        public var end: String?
        public var bestResponse: String?
        enum CodingKeys: String, CodingKey {
            case line, drugs, asWritten = "as_written", start, end, bestResponse = "best_response"
        }
    }

    public struct Sample: Codable, Sendable, Hashable {
        public var id: String
        public var role: String
        public var kind: String
        @Nullable public var vcf: String?
        @Nullable public var collected: String?
        @Nullable public var tumorFraction: Double?
        /// The sample's reads file (BAM/CRAM), when it gave one; absent otherwise.
        public var reads: String? = nil
        enum CodingKeys: String, CodingKey { case id, role, kind, vcf, collected, tumorFraction = "tumor_fraction", reads }
    }

    public struct Biomarker: Codable, Sendable, Hashable {
        public var name: String
        @Nullable public var gene: String?
        public var method: String
        public var result: String
        @Nullable public var sample: String?
    }
}
