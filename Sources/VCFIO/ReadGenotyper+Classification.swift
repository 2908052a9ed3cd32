internal import CHTSlib

extension ReadGenotyper {
    /// How a read aligns a run of reference positions that starts at an aligned base.
    enum Span {
        /// Every position is aligned (M, =, X) with no insertion, deletion or skip in between.
        case contiguous
        /// An insertion, deletion, skip or pad lies inside the run.
        case interrupted
        /// The read's alignment stops (end or clip) before the run does.
        case ends
    }

    /// What one pileup entry shows at the target's anchor, or nil when it does not count there (a base
    /// below the minimum quality, a deletion or skip over the anchor, a read ending inside the allele).
    ///
    /// - SNV: the read's base is REF, ALT or other.
    /// - MNV: the bases over the allele, aligned without an indel; every base must pass the quality minimum.
    /// - Deletion: ALT when the aligned block ends at the anchor followed by exactly the deletion (htslib's
    ///   `indel` = −length); REF when the read aligns the anchor and the base after the deleted span with
    ///   no indel; another indel there is other.
    /// - Insertion: ALT when exactly the inserted bases follow the anchor; REF when the anchor and the next
    ///   base are aligned with nothing between; another indel is other.
    static func classify(_ column: UnsafePointer<bam_pileup1_t>, entry i: Int32, read: UnsafePointer<bam1_t>,
                         target: Target, minBaseQuality: Int) -> Observation? {
        if chts_plp_is_del(column, i) != 0 || chts_plp_is_refskip(column, i) != 0 { return nil }
        let q = Int(chts_plp_qpos(column, i))
        guard Int(chts_bam_qual(read, Int32(q))) >= minBaseQuality else { return nil }
        let indel = Int(chts_plp_indel(column, i))
        switch target.shape {
        case .snv(let ref, let alt):
            let base = UInt8(bitPattern: chts_bam_base(read, Int32(q)))
            return base == ref ? .ref : base == alt ? .alt : .other
        case .mnv(let ref, let alt):
            switch span(read, from: target.anchor, through: target.anchor + ref.count - 1) {
            case .ends: return nil
            case .interrupted: return .other
            case .contiguous:
                var bases: [UInt8] = []
                for k in 0..<ref.count {
                    guard Int(chts_bam_qual(read, Int32(q + k))) >= minBaseQuality else { return nil }
                    bases.append(UInt8(bitPattern: chts_bam_base(read, Int32(q + k))))
                }
                return bases == ref ? .ref : bases == alt ? .alt : .other
            }
        case .deletion(let length):
            if indel < 0 { return -indel == length ? .alt : .other }
            if indel > 0 { return .other }
            return observed(span(read, from: target.anchor, through: target.anchor + length + 1))
        case .insertion(let inserted):
            if indel > 0 {
                guard indel == inserted.count, q + indel < Int(chts_bam_length(read)) else { return .other }
                for k in 0..<indel where UInt8(bitPattern: chts_bam_base(read, Int32(q + 1 + k))) != inserted[k] { return .other }
                return .alt
            }
            if indel < 0 { return .other }
            return observed(span(read, from: target.anchor, through: target.anchor + 1))
        }
    }

    /// REF for a contiguous run, other for an interrupted one, nothing for a read that ends inside.
    private static func observed(_ s: Span) -> Observation? {
        switch s {
        case .contiguous: return .ref
        case .interrupted: return .other
        case .ends: return nil
        }
    }

    /// Walks the read's CIGAR over the reference positions `start...end` (0-based); `start` is aligned.
    static func span(_ read: UnsafePointer<bam1_t>, from start: Int, through end: Int) -> Span {
        guard let cigar = chts_bam_cigar(read) else { return .ends }
        var ref = Int(chts_bam_pos(read))
        var started = false
        for k in 0..<Int(chts_bam_ncigar(read)) {
            let op = cigar[k] & 0xf, length = Int(cigar[k] >> 4)
            switch op {
            case 0, 7, 8:  // M, =, X
                if started || ref + length > start {
                    started = true
                    if ref + length - 1 >= end { return .contiguous }
                }
                ref += length
            case 1, 6:  // I, P
                if started { return .interrupted }
            case 2, 3:  // D, N
                if started { return .interrupted }
                ref += length
            default:  // S, H
                if started { return .ends }
            }
        }
        return .ends
    }
}
