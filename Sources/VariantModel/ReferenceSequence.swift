/// Access to reference genome bases (what the consequence engine needs from a FASTA).
///
/// Coordinates are 1-based and inclusive; the result is upper-case, or nil when the contig is unknown
/// or the range lies outside it. The pipeline adapts htslib's faidx reader to it, so the consequence
/// engine and the REF check stay free of htslib.
public protocol ReferenceSequence {
    /// Bases `start...end` (1-based, inclusive) of `contig`, upper-case; nil when unavailable.
    func bases(_ contig: String, start: Int, end: Int) -> String?
}

/// A reference held in memory (tests, small fixtures). Contig names are used as given.
public struct InMemoryReference: ReferenceSequence, Sendable {
    private let sequences: [String: [UInt8]]

    /// - Parameter sequences: contig name → bases (any case; stored upper-case).
    public init(_ sequences: [String: String]) {
        var s: [String: [UInt8]] = [:]
        for (name, seq) in sequences { s[name] = Array(seq.uppercased().utf8) }
        self.sequences = s
    }

    public func bases(_ contig: String, start: Int, end: Int) -> String? {
        guard let seq = sequences[contig], start >= 1, end >= start, end <= seq.count else { return nil }
        return String(decoding: seq[(start - 1)..<end], as: UTF8.self)
    }
}


/// A whole reference genome: its chromosomes by canonical name (`7`, `X`, `MT`) and their bases, for the
/// REF check that proves a file's build and for joining phased changes of one codon.
public protocol ReferenceGenome: ReferenceSequence {
    /// Canonical names of the chromosomes the reference holds.
    var chromosomes: Set<String> { get }
    /// Bases `start...end` (1-based, inclusive) of a canonical chromosome; nil when unavailable.
    func bases(chromosome: String, start: Int, end: Int) -> String?
}
