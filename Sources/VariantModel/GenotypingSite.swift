/// One allele to count in aligned reads: a single ALT at a VCF position (a multi-allelic record gives
/// one site per ALT), with the gene and protein change it stands for when known.
///
/// `position` is the 1-based VCF POS; `reference`/`alternate` are written as the source wrote them
/// (the sites VCF or the hotspot table). The genotyper counts the trimmed form (``Allele/normalised()``).
public struct GenotypingSite: Sendable, Hashable, Codable {
    /// Contig name as the source wrote it (`chr7` or `7`); matched to the reads' header by chromosome.
    public var chrom: String
    public var position: Int
    public var reference: String
    public var alternate: String
    /// The source's identifier (the VCF ID column, `EGFR_T790M`), when it has one.
    public var identifier: String?
    public var gene: String?
    /// One-letter HGVS p. (`p.T790M`), when known.
    public var hgvsp: String?

    public init(chrom: String, position: Int, reference: String, alternate: String, identifier: String? = nil,
                gene: String? = nil, hgvsp: String? = nil) {
        self.chrom = chrom; self.position = position; self.reference = reference; self.alternate = alternate
        self.identifier = identifier; self.gene = gene; self.hgvsp = hgvsp
    }

    /// `chr7:55181378 C>T`, the form every message names a site by.
    public var label: String { "\(chrom):\(position) \(reference)>\(alternate)" }

    enum CodingKeys: String, CodingKey {
        case chrom, position = "pos", reference = "ref", alternate = "alt", identifier = "id", gene, hgvsp
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(chrom, forKey: .chrom); try c.encode(position, forKey: .position)
        try c.encode(reference, forKey: .reference); try c.encode(alternate, forKey: .alternate)
        // Absent values are written as null: every row has the same keys.
        try c.encode(identifier, forKey: .identifier); try c.encode(gene, forKey: .gene); try c.encode(hgvsp, forKey: .hgvsp)
    }
}
