/// Two alleles of one gene whose phase matters (EGFR T790M and C797S): the genotyper counts, per
/// fragment, which of the two it carries. `first` is the earlier allele (T790M), `second` the later one.
public struct PhasePair: Sendable, Hashable, Codable {
    public var gene: String
    public var first: GenotypingSite
    public var second: GenotypingSite

    public init(gene: String, first: GenotypingSite, second: GenotypingSite) {
        self.gene = gene; self.first = first; self.second = second
    }
}
