import VariantModel

/// A normalised allele as a change of reference bases: substitution (same length), insertion (between
/// `start - 1` and `start`), deletion or deletion-insertion of `start...end`.
struct Event {
    enum Kind { case substitution, insertion, deletion, delins }
    var kind: Kind
    /// First affected base (1-based); for an insertion the base after the insertion point.
    var start: Int
    /// Last affected base; `start - 1` for an insertion.
    var end: Int
    /// Inserted or substituted bases, genomic strand.
    var inserted: [UInt8]

    /// From an allele already trimmed by `Allele.normalised()`.
    init?(_ a: Allele) {
        let r = Array(a.reference.utf8), t = Array(a.alternate.utf8)
        guard !r.isEmpty, !t.isEmpty else { return nil }
        if r.count == t.count {
            kind = .substitution; start = a.position; end = a.position + r.count - 1; inserted = t
        } else if r.count == 1, t.first == r.first {
            kind = .insertion; start = a.position + 1; end = a.position; inserted = Array(t.dropFirst())
        } else if t.count == 1, r.first == t.first {
            kind = .deletion; start = a.position + 1; end = a.position + r.count - 1; inserted = []
        } else {
            kind = .delins; start = a.position; end = a.position + r.count - 1; inserted = t
        }
    }

    var isInsertion: Bool { kind == .insertion }
    /// Range to look up overlapping transcripts with.
    var overlapStart: Int { isInsertion ? start - 1 : start }
    var overlapEnd: Int { isInsertion ? start : end }

    /// Whether the change falls inside the transcript span (an insertion strictly between two of its bases).
    func overlaps(_ t: TranscriptModel) -> Bool {
        isInsertion ? (start - 1 >= t.start && start <= t.end) : (start <= t.end && end >= t.start)
    }

    /// Whether the affected bases intersect `[a, b]` (not for insertions).
    func intersects(_ a: Int, _ b: Int) -> Bool { a <= b && start <= b && end >= a }

    /// Indices (genomic order) of the exons the change touches; an insertion belongs to the exon holding
    /// the base after it (bcftools: an insertion just before an exon is exonic, just after it intronic).
    func exonicExons(_ t: TranscriptModel) -> [Int] {
        if isInsertion { return t.exons.firstIndex { $0.contains(start) }.map { [$0] } ?? [] }
        return t.exons.indices.filter { t.exons[$0].lowerBound <= end && t.exons[$0].upperBound >= start }
    }

    /// Whether some affected base is not exonic.
    func hasIntronicPart(_ t: TranscriptModel) -> Bool {
        if isInsertion { return !t.exons.contains { $0.contains(start) } }
        var covered = 0
        for e in t.exons { covered += max(0, min(e.upperBound, end) - max(e.lowerBound, start) + 1) }
        return covered < end - start + 1
    }

    /// cDNA indices (transcript order) of the first and last affected base; for an insertion, of the
    /// bases before and after it (one of them may lie just outside the exon).
    func cdnaInterval(_ p: PreparedTranscript) -> (Int, Int)? {
        let plus = p.model.strand == .plus
        if isInsertion {
            guard let after = p.cdnaIndex(start) else { return nil }   // genomic base after the insertion point
            // Transcript order: on + the base after is 3'; on − it is 5'.
            return plus ? (after - 1, after) : (after, after + 1)
        }
        guard let a = p.cdnaIndex(start), let b = p.cdnaIndex(end) else { return nil }
        return (min(a, b), max(a, b))
    }
}

/// HGVS p. descriptions from translated reference and alternate residues.
enum HGVSProtein {
    static let star = UInt8(ascii: "*"), unknown = UInt8(ascii: "X")

    static func character(_ b: UInt8) -> Character { Character(Unicode.Scalar(b)) }

    /// A change that keeps the frame. `codon` is the number of the first residue of the windows,
    /// `firstChanged` the codon of the first changed base (for synonymous changes), `extended` the
    /// alternate translation run on through the 3' UTR when the stop is lost.
    static func inFrame(refPep: [UInt8], altPep: [UInt8], codon: Int, firstChanged: Int, protein: [UInt8],
                        extended: [UInt8]?) -> ProteinChange {
        var k = 0
        while k < refPep.count && k < altPep.count && refPep[k] == altPep[k] { k += 1 }
        if k == refPep.count && k == altPep.count {
            let i = min(max(firstChanged - 1, 0), protein.count - 1)
            guard i >= 0 else { return .unknownChange }
            return ProteinChange(kind: .synonymous, firstResidue: character(protein[i]), position: i + 1)
        }
        var m = 0
        while m < refPep.count - k && m < altPep.count - k && refPep[refPep.count - 1 - m] == altPep[altPep.count - 1 - m] { m += 1 }
        let rr = Array(refPep[k..<(refPep.count - m)]), aa = Array(altPep[k..<(altPep.count - m)])
        let pos = codon + k
        func residue(_ position: Int) -> Character? {
            (1...protein.count).contains(position) ? character(protein[position - 1]) : nil
        }
        if let extended, protein.last == star {
            // Stop lost: p.*S{new}ext*N, N counted from the former (terminal) stop.
            let s = protein.count
            let i = s - codon
            guard i >= 0, i < extended.count else { return .unknownChange }
            let tail: String
            if let j = extended.firstIndex(of: star), !extended[..<j].contains(unknown) { tail = "ext*\(codon + j - s)" } else { tail = "ext*?" }
            return ProteinChange(kind: .extension, firstResidue: "*", position: s, inserted: String(character(extended[i])), tail: tail)
        }
        if aa.first == star && rr.first != star, let r = residue(pos) {
            return ProteinChange(kind: .nonsense, firstResidue: r, position: pos, inserted: "*")
        }
        if rr.count == 1 && aa.count == 1 {
            return ProteinChange(kind: rr[0] == star ? .extension : .missense, firstResidue: character(rr[0]), position: pos,
                                 inserted: String(character(aa[0])))
        }
        if aa.isEmpty {
            // Deletion: shift to the most C-terminal equivalent position.
            var s = pos
            let n = rr.count
            while s - 1 + n < protein.count && protein[s - 1 + n] == protein[s - 1] && protein[s - 1] != star { s += 1 }
            guard let first = residue(s) else { return .unknownChange }
            return n == 1 ? ProteinChange(kind: .deletion, firstResidue: first, position: s)
                : ProteinChange(kind: .deletion, firstResidue: first, position: s, lastResidue: residue(s + n - 1), lastPosition: s + n - 1)
        }
        if rr.isEmpty {
            // Insertion before residue `at`: shift C-terminal, then a copy of the preceding residues is a dup.
            var at = pos
            var ins = aa
            while at - 1 < protein.count, let f = ins.first, protein[at - 1] == f, f != star {
                ins.removeFirst(); ins.append(f); at += 1
            }
            let n = ins.count
            if at - 1 - n >= 0 && Array(protein[(at - 1 - n)..<(at - 1)]) == ins, let first = residue(at - n) {
                return n == 1 ? ProteinChange(kind: .duplication, firstResidue: first, position: at - n)
                    : ProteinChange(kind: .duplication, firstResidue: first, position: at - n, lastResidue: residue(at - 1), lastPosition: at - 1)
            }
            guard let before = residue(at - 1), let after = residue(at) else { return .unknownChange }
            return ProteinChange(kind: .insertion, firstResidue: before, position: at - 1, lastResidue: after, lastPosition: at,
                                 inserted: String(ins.map(character)))
        }
        return ProteinChange(kind: .delins, firstResidue: character(rr[0]), position: pos,
                             lastResidue: rr.count > 1 ? rr.last.map(character) : nil,
                             lastPosition: rr.count > 1 ? pos + rr.count - 1 : nil,
                             inserted: String(aa.map(character)))
    }

    /// A frameshift: the first changed residue, its replacement and the distance to the new stop
    /// (`p.K100Rfs*5`; `fs*?` when no stop is reached; a stop at once is a nonsense change).
    static func frameshift(refPep: [UInt8], altPep: [UInt8], codon: Int) -> ProteinChange {
        var k = 0
        while k < refPep.count && k < altPep.count && refPep[k] == altPep[k] { k += 1 }
        guard k < refPep.count && k < altPep.count else { return .unknownChange }
        let r = refPep[k], a = altPep[k], pos = codon + k
        if r == unknown || a == unknown { return .unknownChange }
        if a == star { return ProteinChange(kind: .nonsense, firstResidue: character(r), position: pos, inserted: "*") }
        var n: Int? = nil
        if let j = altPep[k...].firstIndex(of: star), !altPep[k..<j].contains(unknown) { n = j - k }
        if r == star {
            return ProteinChange(kind: .extension, firstResidue: "*", position: pos, inserted: String(character(a)),
                                 tail: n.map { "ext*\($0)" } ?? "ext*?")
        }
        return ProteinChange(kind: .frameshift, firstResidue: character(r), position: pos, inserted: String(character(a)),
                             tail: n.map { "fs*\($0 + 1)" } ?? "fs*?")
    }
}
