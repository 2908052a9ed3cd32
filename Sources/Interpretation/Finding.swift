public import VariantModel

/// One alteration in a watched gene, as identified and measured in one sample file.
public struct Finding: Sendable, Hashable {
    public var gene: String
    public var transcript: String?
    public var hgvsc: String?
    public var proteinChange: ProteinChange?
    /// Protein change text from an annotation that could not be parsed.
    public var hgvspAsWritten: String?
    public var consequence: Consequence?
    /// Normalised sequence allele (nil for a copy-number/structural finding).
    public var allele: Allele?
    public var structural: StructuralChange?
    public var copyNumber: CopyNumberState?
    /// The contig as the file writes it (`chr7`).
    public var contig: String
    /// 1-based position (of the normalised allele, or the symbolic record's POS).
    public var position: Int
    public var reference: String
    public var alternate: String
    public var build: GenomeBuild
    public var measurement: SampleMeasurement?
    public var filters: [String]
    /// `VEP CSQ`, `SnpEff ANN`, `bcftools BCSQ`, `hotspot_table`, `copy_number_record`, `case_biomarker`.
    public var identifiedBy: [String]
    /// Genes an annotation names for a breakend (SnpEff `EML4&ALK`), watched or not: fusion partners.
    public var fusionPartnerNames: [String] = []
    /// Where two sources disagree on the protein change (a transcript or build mismatch signal).
    public var disagreements: [String]
    public var line: Int?
    /// The file this finding was read from and its sample label.
    public var source: String
    /// Highest population allele frequency in the file's annotations (gnomAD, 1000 Genomes…) and its field.
    public var populationFrequency: Double?
    public var populationFrequencySource: String?
    /// Phase of this allele with another allele of the same gene, counted from the sample's reads
    /// (fragments carrying both, either or neither); empty when the sample has no reads file.
    public var readPhases: [ReadPhase] = []

    public init(gene: String, contig: String, position: Int, reference: String, alternate: String, build: GenomeBuild,
                source: String) {
        self.gene = gene; self.contig = contig; self.position = position; self.reference = reference
        self.alternate = alternate; self.build = build; self.source = source
        filters = []; identifiedBy = []; disagreements = []
    }

    /// `EGFR p.T790M`, `ERBB2 amplification`, `EGFR c.2369C>T`.
    public var label: String {
        if let p = proteinChange, p.position != nil { return "\(gene) \(p.oneLetter)" }
        if let c = copyNumber { return "\(gene) \(c.rawValue)" }
        if let c = hgvsc { return "\(gene) \(c)" }
        if let s = structural { return "\(gene) \(s.alternate)" }
        return "\(gene) \(contig):\(position) \(reference)>\(alternate)"
    }

    /// Whether the record passed the caller's filters (`PASS` or `.`).
    public var passedFilters: Bool { filters.isEmpty || filters == ["PASS"] || filters == ["."] }

    /// Truncating by consequence or by a protein change that stops or shifts the frame.
    public var isTruncating: Bool {
        if consequence?.isTruncating == true { return true }
        if let k = proteinChange?.kind { return k == .nonsense || k == .frameshift || k == .startLoss }
        return false
    }
}

/// A record in a watched gene that no source could place, with the reason.
public struct NotAssessable: Sendable, Hashable {
    public var gene: String?
    public var contig: String
    public var position: Int
    public var reference: String
    public var alternate: String
    public var reason: String
    public var line: Int?

    public init(gene: String?, contig: String, position: Int, reference: String, alternate: String, reason: String, line: Int?) {
        self.gene = gene; self.contig = contig; self.position = position; self.reference = reference
        self.alternate = alternate; self.reason = reason; self.line = line
    }
}

/// A stretch of reference calls with depth (a gVCF `<NON_REF>` block or an ALT `.` record): evidence
/// that no variant was seen there.
public struct ReferenceBlock: Sendable, Hashable {
    public var chromosome: String
    public var start: Int
    public var end: Int
    public var depth: Int?
    /// The record measured copy number here and called no change (a TSO500 `ALT .` CNV record with a
    /// fold change, or a CN/SVTYPE=CNV record without an ALT): evidence that no amplification or
    /// deletion was present.
    public var copyNumberMeasured: Bool = false
}

/// What one scan of a file found.
public struct ScanResult: Sendable {
    public var findings: [Finding] = []
    public var referenceBlocks: [ReferenceBlock] = []
    public var notAssessable: [NotAssessable] = []
    /// Reason → count.
    public var skipped: [String: Int] = [:]
    public var warnings: [String] = []
    public init() {}
}

/// Receivers of findings as a scan produces them (so a report can be written without holding them).
public struct ScanStream {
    public var finding: (Finding) throws -> Void
    public var notAssessable: (NotAssessable) throws -> Void
    public init(finding: @escaping (Finding) throws -> Void, notAssessable: @escaping (NotAssessable) throws -> Void) {
        self.finding = finding; self.notAssessable = notAssessable
    }
}

/// The phase of two alleles of one gene from the reads of one sample: fragments that carry both, only
/// one or neither, and the call made from them (``PhaseCall``: cis, trans or unknown).
public struct ReadPhase: Sendable, Hashable {
    /// The other allele's protein change, one-letter short form (`T790M`).
    public var partner: String
    public var call: PhaseCall
    /// Fragments with both alleles, with only this one, with only the partner, and with neither.
    public var both: Int
    public var thisOnly: Int
    public var partnerOnly: Int
    public var neither: Int
    /// The reads file the counts come from.
    public var reads: String

    public init(partner: String, call: PhaseCall, both: Int, thisOnly: Int, partnerOnly: Int, neither: Int, reads: String) {
        self.partner = partner; self.call = call; self.both = both; self.thisOnly = thisOnly
        self.partnerOnly = partnerOnly; self.neither = neither; self.reads = reads
    }

    /// `0 with both, 43 with T790M only, 33 with C797S only, 130 with neither (reads.bam)`.
    public func counts(this: String) -> String {
        "\(both) with both, \(partnerOnly) with \(partner) only, \(thisOnly) with \(this) only, \(neither) with neither (fragments of \(reads))"
    }
}
