public import VariantModel

/// One alteration as a document reports it. The scan document lists what a file holds (identity and one
/// measurement); the interpretation document adds what the case made of it (origin, flags, functional
/// class, rules matched, copy-number state), and those fields are absent from scan findings.
public struct DocumentFinding: Codable, Sendable, Hashable {
    public var gene: String
    @Nullable public var hgvsp: String?
    @Nullable public var hgvspLong: String?
    @Nullable public var hgvsc: String?
    @Nullable public var transcript: String?
    @Nullable public var consequence: String?
    public var chrom: String
    public var pos: Int
    public var ref: String
    public var alt: String
    public var genomeBuild: String
    public var samples: [SampleEntry]
    public var filter: [String]
    public var identifiedBy: [String]
    public var hgvspAsWritten: String?
    public var disagreements: [String]?
    public var copyNumber: CopyNumberEntry?
    public var line: Int?
    public var populationFrequency: PopulationFrequency?
    // Interpretation only.
    public var origin: String?
    public var originReason: String?
    public var flags: [String]?
    public var matches: [String]?
    public var used: Bool?
    public var classification: String?
    public var classificationReason: String?
    public var notUsedReason: String?
    public var cnState: String?
    public var copyNumberCall: CopyNumberCallEntry?
    public var fusion: Fusion?
    /// AMP/ASCO/CAP 2017 tier of the finding in this case (interpretation only): 1 = a matched rule with
    /// randomised clinical evidence; 2 = another matched rule, or a known oncogenic/loss-of-function allele,
    /// fusion, amplification or deep deletion; 3 = a VUS, a gain or a shallow loss; 4 = a known polymorphism.
    public var tier: Int?

    enum CodingKeys: String, CodingKey {
        case gene, hgvsp, hgvspLong = "hgvsp_long", hgvsc, transcript, consequence, chrom, pos, ref, alt
        case genomeBuild = "genome_build", samples, filter, identifiedBy = "identified_by"
        case hgvspAsWritten = "hgvsp_as_written", disagreements, copyNumber = "copy_number", line
        case populationFrequency = "population_frequency", origin, originReason = "origin_reason", flags, matches, used
        case classification, classificationReason = "classification_reason", notUsedReason = "not_used_reason"
        case cnState = "cn_state", copyNumberCall = "copy_number_call", fusion, tier
    }

    /// One sample's measurement of the alteration (and, in a case, the sample's role and what was seen).
    public struct SampleEntry: Codable, Sendable, Hashable {
        public var id: String
        @Nullable public var vaf: Double?
        @Nullable public var altReads: Int?
        @Nullable public var depth: Int?
        @Nullable public var vafSource: String?
        @Nullable public var depthSource: String?
        /// Nil for a case sample without a record of the alteration.
        public var detected: Bool?
        public var sample: String?
        public var genotype: String?
        public var vafDisagreements: [VAFDisagreement]?
        public var role: String?
        public var kind: String?
        /// `detected`, `not_detected`, `no_record`, or a reason the record is not a detection.
        public var status: String?
        public var collected: String?
        enum CodingKeys: String, CodingKey {
            case id, vaf, altReads = "alt_reads", depth, vafSource = "vaf_source", depthSource = "depth_source", detected
            case sample, genotype, vafDisagreements = "vaf_disagreements", role, kind, status, collected
        }
    }

    /// A copy-number or structural record as the file wrote it.
    public struct CopyNumberEntry: Codable, Sendable, Hashable {
        @Nullable public var state: String?
        @Nullable public var copyNumber: Double?
        public var kind: String
        public var start: Int
        public var end: Int
        @Nullable public var foldChange: Double?
        @Nullable public var log2Ratio: Double?
        enum CodingKeys: String, CodingKey {
            case state, copyNumber = "copy_number", kind, start, end, foldChange = "fold_change", log2Ratio = "log2_ratio"
        }
    }

    /// The copy-number state after tumour-fraction adjustment, with the threshold that decided it.
    public struct CopyNumberCallEntry: Codable, Sendable, Hashable {
        public var state: String
        @Nullable public var observed: Double?
        @Nullable public var adjusted: Double?
        public var measure: String
        @Nullable public var tumorFraction: Double?
        public var threshold: String
        @Nullable public var note: String?
        enum CodingKeys: String, CodingKey {
            case state, observed, adjusted, measure, tumorFraction = "tumor_fraction", threshold, note
        }
    }

    public struct Fusion: Codable, Sendable, Hashable {
        public var partners: [String]
        public var name: String
    }

    public struct PopulationFrequency: Codable, Sendable, Hashable {
        public var value: Double
        @Nullable public var source: String?
    }

    /// `EGFR p.T790M`, `EML4::ALK fusion`, `ERBB2 amplification`: how reports name the finding.
    public var label: String {
        if let f = fusion { return f.name + " fusion" }
        if let p = hgvsp { return "\(gene) \(p)" }
        if let c = hgvsc { return "\(gene) \(c)" }
        if let s = cnState ?? copyNumber?.state { return "\(gene) \(s.replacingUnderscoresWithSpaces())" }
        return "\(gene) \(chrom):\(pos) \(ref)>\(alt)"
    }
}

/// A record in a watched gene that nothing could place (listed, never dropped silently).
public struct NotAssessableEntry: Codable, Sendable, Hashable {
    @Nullable public var gene: String?
    public var chrom: String
    public var pos: Int
    public var ref: String
    public var alt: String
    public var reason: String
    public var line: Int?
}

extension DocumentFinding {
    /// The identity and measurements of a finding (the fields scan and interpretation documents share).
    public init(_ f: Finding, samples: [SampleEntry]) {
        let p = f.proteinChange.flatMap { $0.position == nil ? nil : $0 }
        gene = f.gene; hgvsp = p?.oneLetter; hgvspLong = p?.threeLetter; hgvsc = f.hgvsc; transcript = f.transcript
        consequence = f.consequence?.term; chrom = f.contig; pos = f.position; ref = f.reference; alt = f.alternate
        genomeBuild = f.build.rawValue; self.samples = samples
        filter = f.filters.isEmpty ? ["."] : f.filters
        identifiedBy = f.identifiedBy
        hgvspAsWritten = f.hgvspAsWritten
        disagreements = f.disagreements.isEmpty ? nil : f.disagreements
        if let s = f.structural {
            copyNumber = CopyNumberEntry(state: f.copyNumber?.rawValue, copyNumber: s.copyNumber, kind: s.kind.rawValue,
                                         start: s.start, end: s.end, foldChange: s.foldChange, log2Ratio: s.log2Ratio)
        }
        line = f.line
        if let pf = f.populationFrequency {
            populationFrequency = PopulationFrequency(value: DocumentFinding.round6(pf), source: f.populationFrequencySource)
        }
    }

    /// A scan finding: the file's own measurement.
    public init(scanned f: Finding) {
        self.init(f, samples: f.measurement.map { [SampleEntry($0)] } ?? [])
    }

    /// Values are rounded to 6 decimals so documents stay stable across platforms' float printing.
    public static func round6(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }
}

extension DocumentFinding.SampleEntry {
    /// A measurement as read from the file (`id` is the case sample id when there is one).
    public init(_ m: SampleMeasurement, id: String? = nil) {
        self.id = id ?? m.sample
        vaf = m.vaf.map(DocumentFinding.round6); altReads = m.altReads; depth = m.depth
        vafSource = m.vafSource; depthSource = m.depthSource; detected = m.detected
        if id != nil, !m.sample.isEmpty { sample = m.sample }
        genotype = m.genotype
        if !m.disagreements.isEmpty {
            vafDisagreements = m.disagreements.map { VAFDisagreement(source: $0.source, vaf: DocumentFinding.round6($0.vaf)) }
        }
    }

    /// A case sample that holds no measurement of the alteration.
    public init(id: String) { self.id = id }
}

extension NotAssessableEntry {
    public init(_ n: NotAssessable) {
        gene = n.gene; chrom = n.contig; pos = n.position; ref = n.reference; alt = n.alternate; reason = n.reason; line = n.line
    }
}

extension String {
    func replacingUnderscoresWithSpaces() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
