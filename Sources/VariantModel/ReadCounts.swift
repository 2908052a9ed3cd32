/// What the reads show at one ``GenotypingSite``: fragments (or UMI families) carrying the ALT, the REF,
/// or something else, and the strand of the read whose base counted.
///
/// `depth` = `altReads + refReads + otherReads`: every fragment with a counted base at the site.
/// A fragment whose two mates overlap the site counts once (the strand is that of the mate htslib kept).
public struct ReadCounts: Sendable, Hashable, Codable {
    public var altReads = 0
    public var refReads = 0
    /// Fragments showing a base (or indel) that is neither REF nor this ALT (another ALT of the record included).
    public var otherReads = 0
    public var altForward = 0
    public var altReverse = 0
    public var refForward = 0
    public var refReverse = 0

    public init() {}

    public init(altReads: Int, refReads: Int, otherReads: Int, altForward: Int, altReverse: Int,
                refForward: Int, refReverse: Int) {
        self.altReads = altReads; self.refReads = refReads; self.otherReads = otherReads
        self.altForward = altForward; self.altReverse = altReverse; self.refForward = refForward; self.refReverse = refReverse
    }

    public var depth: Int { altReads + refReads + otherReads }

    /// Alt fragments over depth, or nil at zero depth.
    public var vaf: Double? { depth == 0 ? nil : Double(altReads) / Double(depth) }

    enum CodingKeys: String, CodingKey {
        case altReads = "alt_reads", refReads = "ref_reads", otherReads = "other_reads", depth
        case altForward = "alt_forward", altReverse = "alt_reverse", refForward = "ref_forward", refReverse = "ref_reverse"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(altReads, forKey: .altReads); try c.encode(refReads, forKey: .refReads)
        try c.encode(otherReads, forKey: .otherReads); try c.encode(depth, forKey: .depth)
        try c.encode(altForward, forKey: .altForward); try c.encode(altReverse, forKey: .altReverse)
        try c.encode(refForward, forKey: .refForward); try c.encode(refReverse, forKey: .refReverse)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        altReads = try c.decode(Int.self, forKey: .altReads); refReads = try c.decode(Int.self, forKey: .refReads)
        otherReads = try c.decode(Int.self, forKey: .otherReads)
        altForward = try c.decode(Int.self, forKey: .altForward); altReverse = try c.decode(Int.self, forKey: .altReverse)
        refForward = try c.decode(Int.self, forKey: .refForward); refReverse = try c.decode(Int.self, forKey: .refReverse)
    }
}
