/// The structural facts of one VCF line every line must satisfy, kept or skipped (issue 11): how many
/// tab-separated columns it has, where the first two tabs are (CHROM and POS), and whether it holds a
/// NUL byte. One pass, eight bytes at a time (SWAR: a byte equals `c` exactly when its lane of
/// `word ^ c` is zero, and zero lanes are counted with one population count), instead of a `memchr`
/// call per column and a `strlen`: on a WGS file this check runs on five million lines.
struct LineShape {
    var columns = 1
    var firstTab = -1
    var secondTab = -1
    var hasNUL = false

    private static let low7: UInt64 = 0x7f7f_7f7f_7f7f_7f7f
    private static let tabs: UInt64 = 0x0909_0909_0909_0909

    /// High bit set in each byte lane of `x` that is zero (exact: no carries between lanes).
    @inline(__always) private static func zeroLanes(_ x: UInt64) -> UInt64 {
        ~(((x & low7) &+ low7) | x | low7)
    }

    init(_ s: UnsafePointer<UInt8>, length l: Int) {
        var i = 0
        // The first two tabs by a short scalar walk (CHROM and POS are short).
        while i < l, secondTab < 0 {
            let b = s[i]
            if b == 9 { if firstTab < 0 { firstTab = i } else { secondTab = i }; columns += 1 }
            if b == 0 { hasNUL = true }
            i += 1
        }
        let raw = UnsafeRawPointer(s)
        var nuls: UInt64 = 0
        while i + 8 <= l {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            columns += (LineShape.zeroLanes(w ^ LineShape.tabs)).nonzeroBitCount
            nuls |= LineShape.zeroLanes(w)
            i += 8
        }
        if nuls != 0 { hasNUL = true }
        while i < l {
            let b = s[i]
            if b == 9 { columns += 1 } else if b == 0 { hasNUL = true }
            i += 1
        }
    }
}
