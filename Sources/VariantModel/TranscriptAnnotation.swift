/// One transcript-level annotation of an allele, from VEP `CSQ`, SnpEff `ANN`/`EFF`, bcftools `BCSQ`
/// or nextline's own tables.
public struct TranscriptAnnotation: Sendable, Hashable {
    public var gene: String
    public var transcript: String?
    public var consequences: [Consequence]
    public var hgvsc: String?
    public var proteinChange: ProteinChange?
    /// The protein change text as written when it could not be parsed.
    public var hgvspAsWritten: String?
    /// True when the source marks this transcript MANE Select.
    public var isMANESelect: Bool
    /// True when the source marks this transcript canonical.
    public var isCanonical: Bool
    /// `VEP CSQ`, `SnpEff ANN`, `SnpEff EFF`, `bcftools BCSQ`, `hotspot_table`, `gene_span`.
    public var source: String

    public init(gene: String, transcript: String? = nil, consequences: [Consequence] = [], hgvsc: String? = nil,
                proteinChange: ProteinChange? = nil, hgvspAsWritten: String? = nil, isMANESelect: Bool = false,
                isCanonical: Bool = false, source: String) {
        self.gene = gene; self.transcript = transcript; self.consequences = consequences; self.hgvsc = hgvsc
        self.proteinChange = proteinChange; self.hgvspAsWritten = hgvspAsWritten
        self.isMANESelect = isMANESelect; self.isCanonical = isCanonical; self.source = source
    }

    /// The most severe consequence.
    public var mostSevere: Consequence? { consequences.min() }
}

extension TranscriptAnnotation {
    /// The `identified_by` label of annotations made by nextline's own consequence engine (`--gff`).
    public static let consequenceEngineSource = "nextline consequence engine"
}
