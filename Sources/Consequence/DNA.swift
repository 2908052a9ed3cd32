/// Nucleotide helpers on ASCII bytes.
enum DNA {
    static let a = UInt8(ascii: "A"), c = UInt8(ascii: "C"), g = UInt8(ascii: "G"), t = UInt8(ascii: "T")
    static let n = UInt8(ascii: "N")

    static let complementTable: [UInt8] = {
        var t = [UInt8](repeating: UInt8(ascii: "N"), count: 256)
        let pairs: [(Character, Character)] = [("A", "T"), ("C", "G"), ("G", "C"), ("T", "A"), ("N", "N"),
                                               ("R", "Y"), ("Y", "R"), ("K", "M"), ("M", "K"), ("S", "S"),
                                               ("W", "W"), ("B", "V"), ("V", "B"), ("D", "H"), ("H", "D")]
        for (x, y) in pairs {
            guard let xa = x.asciiValue, let ya = y.asciiValue else { continue }
            t[Int(xa)] = ya
            t[Int(xa) + 32] = ya   // lower case input
        }
        return t
    }()

    static func reverseComplement<C: BidirectionalCollection>(_ s: C) -> [UInt8] where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(s.count)
        for b in s.reversed() { out.append(complementTable[Int(b)]) }
        return out
    }

    /// 2-bit code of a base, or nil for anything but A/C/G/T.
    @inline(__always) static func code(_ b: UInt8) -> Int? {
        switch b {
        case a: return 0
        case c: return 1
        case g: return 2
        case t: return 3
        default: return nil
        }
    }

    /// Standard genetic code, indexed by 16·code(b1) + 4·code(b2) + code(b3) (TCAG order is not used: ACGT).
    static let codonTable: [UInt8] = Array("KNKNTTTTRSRSIIMIQHQHPPPPRRRRLLLLEDEDAAAAGGGGVVVV*Y*YSSSS*CWCLFLF".utf8)

    /// One amino acid (ASCII, `*` for stop, `X` when the codon has a base other than A/C/G/T).
    @inline(__always) static func translate(_ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> UInt8 {
        guard let x = code(b1), let y = code(b2), let z = code(b3) else { return UInt8(ascii: "X") }
        return codonTable[16 * x + 4 * y + z]
    }

    /// Translates whole codons of `s`; a trailing partial codon is ignored. Stops at the first stop
    /// (included) when `untilStop` is set.
    static func translate(_ s: ArraySlice<UInt8>, untilStop: Bool = false) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(s.count / 3)
        var i = s.startIndex
        while i + 2 < s.endIndex {
            let aa = translate(s[i], s[i + 1], s[i + 2])
            out.append(aa)
            if untilStop && aa == UInt8(ascii: "*") { break }
            i += 3
        }
        return out
    }
}
