/// A site and the counts the reads gave it: one row of a genotype document, encoded flat
/// (`chrom`, `pos`, `ref`, `alt`, `gene`, `hgvsp`, then the counts) as DESIGN §4b writes it.
public struct SiteGenotype: Sendable, Hashable, Codable {
    public var site: GenotypingSite
    public var counts: ReadCounts

    public init(site: GenotypingSite, counts: ReadCounts) { self.site = site; self.counts = counts }

    public func encode(to encoder: any Encoder) throws {
        try site.encode(to: encoder)
        try counts.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        site = try GenotypingSite(from: decoder)
        counts = try ReadCounts(from: decoder)
    }
}
