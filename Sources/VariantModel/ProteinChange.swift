/// An HGVS protein change, parsed from any common spelling and printed in one-letter (`p.T790M`) and
/// three-letter (`p.Thr790Met`) forms.
///
/// Accepted spellings: `p.T790M`, `p.Thr790Met`, `p.(Thr790Met)`, `NP_005219.2:p.Thr790Met`, `T790M`,
/// `p.E746_A750del`, `p.Glu746_Ala750del`, `p.R553*`, `p.Arg553Ter`, `p.K100Rfs*5`, `p.Lys100fs`,
/// `p.L747_P753delinsS`, `p.A767_V769dup`, `p.H773_V774insNPH`, `p.T790=`, `p.M1?`, `p.?`, `p.*1212Lext*?`.
public struct ProteinChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the change does to the protein.
    public enum Kind: String, Sendable, Hashable, Codable {
        case missense, nonsense, synonymous, deletion, insertion, duplication, delins, frameshift,
             `extension`, startLoss = "start_loss", unknown
    }
    public var kind: Kind
    /// One-letter code of the first affected residue (`*` for a stop), or nil for `p.?`.
    public var firstResidue: Character?
    /// 1-based position of the first affected residue (the codon).
    public var position: Int?
    /// Last residue and position of a range (`E746_A750`).
    public var lastResidue: Character?
    public var lastPosition: Int?
    /// Inserted or substituted residues in one-letter code (`M` for T790M, `NPH` for an insertion).
    public var inserted: String
    /// The remaining text of a frameshift or extension (`fs*5`), kept in one-letter form.
    public var tail: String

    public init(kind: Kind, firstResidue: Character?, position: Int?, lastResidue: Character? = nil,
                lastPosition: Int? = nil, inserted: String = "", tail: String = "") {
        self.kind = kind; self.firstResidue = firstResidue; self.position = position
        self.lastResidue = lastResidue; self.lastPosition = lastPosition; self.inserted = inserted; self.tail = tail
    }

    enum CodingKeys: String, CodingKey {
        case kind, firstResidue = "first_residue", position, lastResidue = "last_residue", lastPosition = "last_position", inserted, tail
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        firstResidue = try c.decodeIfPresent(String.self, forKey: .firstResidue)?.first
        position = try c.decodeIfPresent(Int.self, forKey: .position)
        lastResidue = try c.decodeIfPresent(String.self, forKey: .lastResidue)?.first
        lastPosition = try c.decodeIfPresent(Int.self, forKey: .lastPosition)
        inserted = try c.decode(String.self, forKey: .inserted)
        tail = try c.decode(String.self, forKey: .tail)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(firstResidue.map(String.init), forKey: .firstResidue)
        try c.encodeIfPresent(position, forKey: .position)
        try c.encodeIfPresent(lastResidue.map(String.init), forKey: .lastResidue)
        try c.encodeIfPresent(lastPosition, forKey: .lastPosition)
        try c.encode(inserted, forKey: .inserted)
        try c.encode(tail, forKey: .tail)
    }

    /// Parses an HGVS p. expression; returns nil when the text is not one.
    public init?(hgvs text: String) {
        var s = Substring(text.trimmingSpaces())
        if let colon = s.lastIndex(of: ":") { s = s[s.index(after: colon)...] }
        if s.hasPrefix("p.") { s = s.dropFirst(2) }
        if s.hasPrefix("("), s.hasSuffix(")") { s = s.dropFirst().dropLast() }
        guard !s.isEmpty else { return nil }
        if s == "?" || s == "0" || s == "0?" {
            self.init(kind: .unknown, firstResidue: nil, position: nil); return
        }
        if s == "=" { self.init(kind: .synonymous, firstResidue: nil, position: nil); return }
        var scanner = ResidueScanner(s)
        guard let first = scanner.residue(), let pos = scanner.number() else { return nil }
        var lastRes: Character?, lastPos: Int?
        if scanner.consume("_") {
            guard let r = scanner.residue(), let p = scanner.number(), p >= pos else { return nil }
            lastRes = r; lastPos = p
        }
        func finish(_ kind: Kind, inserted: String = "", tail: String = "") -> ProteinChange {
            ProteinChange(kind: kind, firstResidue: first, position: pos, lastResidue: lastRes,
                          lastPosition: lastPos, inserted: inserted, tail: tail)
        }
        let rest = scanner.remaining
        if rest == "=" { self = finish(.synonymous); return }
        if rest == "?" {
            self = pos == 1 && first == "M" ? finish(.startLoss) : finish(.unknown); return
        }
        if scanner.consume("delins") {
            guard let seq = scanner.residues(), scanner.isAtEnd else { return nil }
            self = finish(.delins, inserted: seq); return
        }
        if scanner.consume("del") { guard scanner.isAtEnd else { return nil }; self = finish(.deletion); return }
        if scanner.consume("dup") { guard scanner.isAtEnd else { return nil }; self = finish(.duplication); return }
        if scanner.consume("ins") {
            guard let seq = scanner.residues(), scanner.isAtEnd, lastPos != nil else { return nil }
            self = finish(.insertion, inserted: seq); return
        }
        if scanner.consume("fs") {
            self = finish(.frameshift, tail: "fs" + scanner.tailOneLetter()); return
        }
        guard lastPos == nil, let alt = scanner.residue() else { return nil }
        if scanner.consume("fs") {
            self = finish(.frameshift, inserted: String(alt), tail: "fs" + scanner.tailOneLetter()); return
        }
        if scanner.consume("ext") {
            self = finish(.extension, inserted: String(alt), tail: "ext" + scanner.tailOneLetter()); return
        }
        guard scanner.isAtEnd else { return nil }
        if alt == first { self = finish(.synonymous); return }
        if first == "*" { self = finish(.extension, inserted: String(alt)); return }
        if pos == 1 && first == "M" { self = finish(.startLoss, inserted: String(alt)); return }
        self = finish(alt == "*" ? .nonsense : .missense, inserted: String(alt))
    }

    /// `p.T790M`, `p.E746_A750del`, `p.R553*`.
    public var oneLetter: String { render(threeLetter: false) }
    /// `p.Thr790Met`, `p.Glu746_Ala750del`, `p.Arg553Ter`.
    public var threeLetter: String { render(threeLetter: true) }
    /// `T790M` (one-letter, no `p.`), the form catalogue rules use.
    public var shortForm: String { String(oneLetter.dropFirst(2)) }
    public var description: String { oneLetter }

    private func render(threeLetter: Bool) -> String {
        func aa(_ c: Character?) -> String {
            guard let c else { return "" }
            return threeLetter ? (AminoAcid.threeLetter[c] ?? "Xaa") : String(c)
        }
        func seq(_ s: String) -> String { s.map { aa($0) }.joined() }
        guard let position else { return kind == .synonymous ? "p.=" : "p.?" }
        var out = "p." + aa(firstResidue) + String(position)
        if let lastPosition { out += "_" + aa(lastResidue) + String(lastPosition) }
        switch kind {
        case .missense, .nonsense, .startLoss:
            out += inserted.isEmpty ? "?" : seq(inserted)
        case .synonymous: out += "="
        case .deletion: out += "del"
        case .duplication: out += "dup"
        case .insertion: out += "ins" + seq(inserted)
        case .delins: out += "delins" + seq(inserted)
        case .frameshift, .extension:
            out += seq(inserted)
            var t = tail
            if threeLetter { t = t.replacingStops() }
            out += t
        case .unknown: out += "?"
        }
        return out
    }
}

/// The 20 amino acids plus stop, selenocysteine and pyrrolysine.
public enum AminoAcid {
    public static let threeLetter: [Character: String] = [
        "A": "Ala", "R": "Arg", "N": "Asn", "D": "Asp", "C": "Cys", "E": "Glu", "Q": "Gln", "G": "Gly",
        "H": "His", "I": "Ile", "L": "Leu", "K": "Lys", "M": "Met", "F": "Phe", "P": "Pro", "S": "Ser",
        "T": "Thr", "W": "Trp", "Y": "Tyr", "V": "Val", "*": "Ter", "U": "Sec", "O": "Pyl", "X": "Xaa",
    ]
    public static let oneLetter: [String: Character] = {
        var m: [String: Character] = [:]
        for (k, v) in threeLetter { m[v] = k }
        return m
    }()
}

private struct ResidueScanner {
    var chars: [Character]
    var i = 0
    init(_ s: Substring) { chars = Array(s) }
    var isAtEnd: Bool { i >= chars.count }
    var remaining: String { String(chars[min(i, chars.count)...]) }

    mutating func consume(_ word: String) -> Bool {
        let w = Array(word)
        guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
        i += w.count
        return true
    }
    /// One residue: a three-letter code (`Thr`, `Ter`) or a one-letter code (`T`, `*`, `X`).
    mutating func residue() -> Character? {
        guard i < chars.count else { return nil }
        if i + 3 <= chars.count, let c = AminoAcid.oneLetter[String(chars[i..<(i + 3)])] {
            i += 3; return c
        }
        let c = chars[i]
        if c == "*" || (c.isUppercase && AminoAcid.threeLetter[c] != nil) {
            // `del`, `dup`, `ins`, `fs`, `ext` are lowercase, so an uppercase letter is a residue.
            i += 1; return c
        }
        return nil
    }
    mutating func residues() -> String? {
        var out = ""
        while let r = residue() { out.append(r) }
        return out.isEmpty ? nil : out
    }
    mutating func number() -> Int? {
        var digits = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { digits.append(chars[i]); i += 1 }
        return Int(digits)
    }
    /// The rest of a frameshift/extension (`Ter5`, `*5`, `*?`), normalised to one-letter stops.
    mutating func tailOneLetter() -> String {
        var out = ""
        while i < chars.count {
            if i + 3 <= chars.count, String(chars[i..<(i + 3)]) == "Ter" { out.append("*"); i += 3; continue }
            out.append(chars[i]); i += 1
        }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
    func replacingStops() -> String {
        var out = ""
        for c in self { out += c == "*" ? "Ter" : String(c) }
        return out
    }
}
