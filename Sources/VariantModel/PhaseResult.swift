/// Whether two alleles sit on the same molecules (`cis`), on different ones (`trans`), or the reads
/// cannot tell (`unknown`).
public enum PhaseCall: String, Sendable, Hashable, Codable, CaseIterable {
    case cis, trans, unknown

    /// The call from fragment counts, decided by the fragments carrying the second (later) allele:
    /// `cis` when at least 2 carry both and none carries the second alone; `trans` when none carries
    /// both and at least 2 carry each allele alone; otherwise `unknown`. A clone carrying only the first
    /// allele (`firstOnly` > 0) does not contradict cis.
    public init(both: Int, firstOnly: Int, secondOnly: Int) {
        if both >= 2 && secondOnly == 0 { self = .cis }
        else if both == 0 && firstOnly >= 2 && secondOnly >= 2 { self = .trans }
        else { self = .unknown }
    }
}

/// The phase of a ``PhasePair`` as the reads show it: fragments (read names, after the read filters)
/// with a counted base at both sites, split by whether each site shows its ALT.
public struct PhaseResult: Sendable, Hashable, Codable {
    public var pair: PhasePair
    public var both: Int
    public var firstOnly: Int
    public var secondOnly: Int
    public var neither: Int

    public init(pair: PhasePair, both: Int, firstOnly: Int, secondOnly: Int, neither: Int) {
        self.pair = pair; self.both = both; self.firstOnly = firstOnly; self.secondOnly = secondOnly; self.neither = neither
    }

    public var call: PhaseCall { PhaseCall(both: both, firstOnly: firstOnly, secondOnly: secondOnly) }

    enum CodingKeys: String, CodingKey {
        case gene, first, second, firstSite = "first_site", secondSite = "second_site"
        case both, firstOnly = "first_only", secondOnly = "second_only", neither, call
    }

    /// DESIGN §4b: `gene`, `first`/`second` as one-letter HGVS p. (null when the site has none), the two
    /// sites, the four fragment counts and the call.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pair.gene, forKey: .gene)
        try c.encode(pair.first.hgvsp, forKey: .first); try c.encode(pair.second.hgvsp, forKey: .second)
        try c.encode(pair.first, forKey: .firstSite); try c.encode(pair.second, forKey: .secondSite)
        try c.encode(both, forKey: .both); try c.encode(firstOnly, forKey: .firstOnly)
        try c.encode(secondOnly, forKey: .secondOnly); try c.encode(neither, forKey: .neither)
        try c.encode(call, forKey: .call)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pair = PhasePair(gene: try c.decode(String.self, forKey: .gene), first: try c.decode(GenotypingSite.self, forKey: .firstSite),
                         second: try c.decode(GenotypingSite.self, forKey: .secondSite))
        both = try c.decode(Int.self, forKey: .both); firstOnly = try c.decode(Int.self, forKey: .firstOnly)
        secondOnly = try c.decode(Int.self, forKey: .secondOnly); neither = try c.decode(Int.self, forKey: .neither)
    }
}
