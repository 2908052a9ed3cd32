import VariantModel

/// The SO terms the engine can assign to one allele on one transcript, as bits: inserting and testing
/// a term is a mask operation instead of hashing a string, and the terms come out already in report
/// order (severity, then name) as prebuilt ``Consequence`` values.
struct TermSet: Equatable {
    enum Term: Int, CaseIterable {
        case missense, synonymous, stopGained, stopLost, stopRetained, startLost, startRetained, frameshift
        case inframeInsertion, inframeDeletion, proteinAltering, codingSequence
        case spliceAcceptor, spliceDonor, spliceRegion, intron, nonCodingExon, utr5, utr3, nmd

        /// The Sequence Ontology term.
        var name: String {
            switch self {
            case .missense: "missense_variant"
            case .synonymous: "synonymous_variant"
            case .stopGained: "stop_gained"
            case .stopLost: "stop_lost"
            case .stopRetained: "stop_retained_variant"
            case .startLost: "start_lost"
            case .startRetained: "start_retained_variant"
            case .frameshift: "frameshift_variant"
            case .inframeInsertion: "inframe_insertion"
            case .inframeDeletion: "inframe_deletion"
            case .proteinAltering: "protein_altering_variant"
            case .codingSequence: "coding_sequence_variant"
            case .spliceAcceptor: "splice_acceptor_variant"
            case .spliceDonor: "splice_donor_variant"
            case .spliceRegion: "splice_region_variant"
            case .intron: "intron_variant"
            case .nonCodingExon: "non_coding_transcript_exon_variant"
            case .utr5: "5_prime_UTR_variant"
            case .utr3: "3_prime_UTR_variant"
            case .nmd: "NMD_transcript_variant"
            }
        }
    }

    private(set) var bits: UInt32 = 0

    init() {}
    init(_ terms: [Term]) { for t in terms { insert(t) } }

    mutating func insert(_ t: Term) { bits |= 1 << UInt32(t.rawValue) }
    mutating func remove(_ t: Term) { bits &= ~(1 << UInt32(t.rawValue)) }
    func contains(_ t: Term) -> Bool { bits & (1 << UInt32(t.rawValue)) != 0 }
    var isEmpty: Bool { bits == 0 }
    func isDisjoint(with other: TermSet) -> Bool { bits & other.bits == 0 }

    static let splice = TermSet([.spliceAcceptor, .spliceDonor, .spliceRegion])
    /// Terms that say the change reaches the coding sequence (for `NMD_transcript_variant`).
    static let coding = TermSet([.missense, .synonymous, .stopGained, .stopLost, .stopRetained, .startLost,
                                 .startRetained, .frameshift, .inframeInsertion, .inframeDeletion, .proteinAltering,
                                 .codingSequence])

    /// Every term as a ``Consequence``, in ``Consequence``'s own order (severity, then name).
    private static let ordered: [(Term, Consequence)] = Term.allCases
        .map { ($0, Consequence(term: $0.name)) }
        .sorted { a, b in a.1 < b.1 || (!(b.1 < a.1) && a.1.term < b.1.term) }

    /// The terms as consequences, most severe first.
    var consequences: [Consequence] {
        var out: [Consequence] = []
        out.reserveCapacity(bits.nonzeroBitCount)
        for (t, c) in TermSet.ordered where contains(t) { out.append(c) }
        return out
    }
}
