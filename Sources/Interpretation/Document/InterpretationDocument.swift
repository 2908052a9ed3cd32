public import VariantModel

/// The `nextline/interpretation/v1` document (docs/formats.md; schemas/interpretation.v1.schema.json):
/// everything one interpretation computed, as typed values. Built once by ``DocumentBuilder``; the JSON
/// output is this value encoded with sorted keys, and the text, Markdown and HTML reports render it
/// without deciding anything clinical. `nextline render` reads it back.
public struct InterpretationDocument: Codable, Sendable, Hashable {
    public static let schemaID = "nextline/interpretation/v1"
    public var schema: String = InterpretationDocument.schemaID
    public var tool: ToolStamp
    public var catalogue: CatalogueStamp
    public var inputs: [InputRecord]
    @Nullable public var referenceInputs: ReferenceInputs?
    @Nullable public var genomeBuild: String?
    public var caseFile: FileStamp?
    public var patientCase: CaseSummary
    public var headline: Headline
    public var findings: [DocumentFinding]
    /// One verdict per candidate therapy, strongest verdict first (resistance → reduced efficacy →
    /// re-test → sensitivity → no known effect → not in catalogue), a drug before its class.
    public var implications: [TherapyVerdict]
    public var recommendations: [RecommendationEntry]
    public var notUsed: [NotUsedEntry]
    public var notAssessable: [NotAssessableEntry]
    public var tumorFractions: [TumorFractionEntry]
    @Nullable public var latestProgressionSample: String?
    public var settings: SettingsRecord
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case schema, tool, catalogue, inputs, referenceInputs = "reference_inputs", genomeBuild = "genome_build"
        case caseFile = "case_file", patientCase = "case", headline, findings, implications, recommendations
        case notUsed = "not_used", notAssessable = "not_assessable", tumorFractions = "tumor_fractions"
        case latestProgressionSample = "latest_progression_sample", settings, warnings
    }

    public struct RecommendationEntry: Codable, Sendable, Hashable {
        /// `retest`, `confirm` or `rebiopsy`.
        public var kind: String
        @Nullable public var biomarker: String?
        @Nullable public var therapy: String?
        public var reason: String
        public var rules: [String]
    }

    public struct NotUsedEntry: Codable, Sendable, Hashable {
        public var gene: String
        @Nullable public var hgvsp: String?
        public var chrom: String
        public var pos: Int
        public var ref: String
        public var alt: String
        public var reason: String
    }

    public struct TumorFractionEntry: Codable, Sendable, Hashable {
        public var sample: String
        @Nullable public var value: Double?
        public var how: String
    }

    /// The thresholds and model settings the verdicts depend on.
    public struct SettingsRecord: Codable, Sendable, Hashable {
        public var minAltReads: Int
        public var detectionConfidence: Double
        public var lowTumorFraction: Double
        public var defaultTissueTumorFraction: Double
        public var baselineAssumedDepth: Int
        public var minDepth: Int
        public var useFlagged: Bool
        public var copyNumberThresholds: CopyNumberThresholds
        /// The read filters of samples given as BAM/CRAM (absent when no sample was).
        public var readCounting: GenotypingSettings? = nil
        enum CodingKeys: String, CodingKey {
            case readCounting = "read_counting"
            case minAltReads = "min_alt_reads", detectionConfidence = "detection_confidence"
            case lowTumorFraction = "low_tumor_fraction", defaultTissueTumorFraction = "default_tissue_tumor_fraction"
            case baselineAssumedDepth = "baseline_assumed_depth", minDepth = "min_depth", useFlagged = "use_flagged"
            case copyNumberThresholds = "copy_number_thresholds"
        }
        public struct CopyNumberThresholds: Codable, Sendable, Hashable {
            public var amplificationMinCopies: Double
            public var gainMinCopies: Double
            public var shallowDeletionMaxCopies: Double
            public var deepDeletionMaxCopies: Double
            public var adjustment: String
            enum CodingKeys: String, CodingKey {
                case amplificationMinCopies = "amplification_min_copies", gainMinCopies = "gain_min_copies"
                case shallowDeletionMaxCopies = "shallow_deletion_max_copies", deepDeletionMaxCopies = "deep_deletion_max_copies"
                case adjustment
            }
        }
    }
}

extension InterpretationDocument {
    /// Values a saved document cannot hold if nextline wrote it: a VAF or tumour fraction outside [0, 1]
    /// (or not a number), negative read counts. `render` and `cohort` refuse such a document rather than
    /// draw or merge it: a report must never show a value its own reasoning could not have produced.
    public func impossibleValues() -> [String] {
        var out: [String] = []
        for f in findings {
            for s in f.samples {
                if let v = s.vaf, !(v.isFinite && v >= 0 && v <= 1) { out.append("findings: \(f.gene) VAF \(v) in sample \(s.sample ?? "?")") }
                if let d = s.depth, d < 0 { out.append("findings: \(f.gene) depth \(d) in sample \(s.sample ?? "?")") }
                if let a = s.altReads, a < 0 { out.append("findings: \(f.gene) alt reads \(a) in sample \(s.sample ?? "?")") }
            }
        }
        for t in tumorFractions {
            if let v = t.value, !(v.isFinite && v >= 0 && v <= 1) { out.append("tumor_fractions: \(v) for sample \(t.sample)") }
        }
        return out
    }
}
