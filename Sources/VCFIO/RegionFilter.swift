public import VariantModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides from the raw text of a VCF line, before htslib parses it, whether the record can touch a
/// watched gene (docs/inputs.md: don't parse what you will throw away).
///
/// A line is parsed when its POS falls in a gene interval padded upstream (a deletion that starts
/// before a gene can overlap it), when its ALT is symbolic (a copy-number record can span a gene
/// from far away; END is read after parsing), or when its text contains `|GENE|` for a watched gene
/// without a known span (the file's own annotation then places it).
///
/// A value type kept in a local variable of the read loop: no dynamic exclusivity checks per line. The
/// CHROM of a line is compared as raw bytes with the previous line's (files are sorted, so it almost
/// always matches), so a skipped line costs no String, no hashing and no dictionary look-up; POS is
/// tested by binary search in the chromosome's merged intervals.
struct RegionFilter {
    enum SkipReason: String { case nonPrimaryContig = "non_primary_contig", outsideWatchedGenes = "outside_watched_genes" }
    enum Decision { case parse, skip(SkipReason), invalid(String) }

    /// Upstream padding: the longest REF allele that can reach into a gene from before it.
    static let upstreamPadding = 1000

    private let regions: [String: [ClosedRange<Int>]]?
    private let keywords: [[UInt8]]
    /// Per CHROM as written: its canonical name and declared length, resolved once.
    private var contigCache: [String: (canonical: String?, length: Int?)] = [:]
    /// Declared lengths of the primary chromosomes (canonical name → length), to refuse impossible POS values.
    private let lengths: [String: Int]

    init(plan: ReadPlan, contigs: [(name: String, length: Int?)] = []) {
        regions = plan.regions.map { RegionFilter.merge($0) }
        keywords = plan.annotationKeywords.map { Array("|\($0)|".utf8) }
        var lengths: [String: Int] = [:]
        for c in contigs { if let l = c.length, l > 0, let canon = ContigName.canonical(c.name) { lengths[canon] = l } }
        self.lengths = lengths
    }

    static func merge(_ regions: [String: [ClosedRange<Int>]]) -> [String: [ClosedRange<Int>]] {
        var out: [String: [ClosedRange<Int>]] = [:]
        for (chrom, list) in regions {
            var merged: [ClosedRange<Int>] = []
            for r in list.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = merged.last, r.lowerBound <= last.upperBound + 1 {
                    merged[merged.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
                } else {
                    merged.append(r)
                }
            }
            out[chrom] = merged
        }
        return out
    }

    /// The CHROM bytes of the last line decided, and what they resolved to.
    private var lastName: [UInt8] = []
    private var last: (canonical: String?, length: Int?, intervals: [ClosedRange<Int>]?) = (nil, nil, nil)
    private var lastResolved = false

    mutating func canonical(_ name: String) -> String? { contig(name).canonical }

    mutating func contig(_ name: String) -> (canonical: String?, length: Int?) {
        if let cached = contigCache[name] { return cached }
        let c = ContigName.canonical(name)
        let entry = (canonical: c, length: c.flatMap { lengths[$0] })
        contigCache[name] = entry
        return entry
    }

    mutating func decide(line s: UnsafeMutablePointer<CChar>, length l: Int) -> Decision {
        var i = 0
        while i < l && s[i] != 9 { i += 1 }
        let same = lastResolved && lastName.count == i
            && lastName.withUnsafeBytes { i == 0 || memcmp($0.baseAddress!, s, i) == 0 }
        if !same {
            let name = UnsafeRawBufferPointer(start: s, count: i)
            let (canonicalName, declaredLength) = contig(String(decoding: name, as: UTF8.self))
            lastName = Array(name)
            last = (canonicalName, declaredLength, canonicalName.flatMap { regions?[$0] })
            lastResolved = true
        }
        guard last.canonical != nil else { return .skip(.nonPrimaryContig) }
        guard regions != nil else { return .parse }
        i += 1
        var pos = 0
        var digits = 0
        while i < l, s[i] >= 48, s[i] <= 57, digits < 12 { pos = pos * 10 + Int(s[i] - 48); i += 1; digits += 1 }
        if digits == 0 || (i < l && s[i] != 9) { return .parse }  // let htslib report the bad POS
        // VCF allows POS 0 and length + 1 (telomeres); anything beyond the declared length is impossible.
        if let length = last.length, pos > length + 1 {
            let chromName = String(decoding: lastName, as: UTF8.self)
            return .invalid("POS \(pos) is beyond \(chromName)'s declared length \(length)")
        }
        if let list = last.intervals, RegionFilter.hits(list, pos) { return .parse }
        // ALT column (index 4): symbolic alleles and breakends are always parsed.
        var col = 1
        while i < l && col < 4 { if s[i] == 9 { col += 1 }; i += 1 }
        while i < l && s[i] != 9 {
            if s[i] == 60 || s[i] == 91 || s[i] == 93 { return .parse }  // '<' '[' ']'
            i += 1
        }
        if !keywords.isEmpty && containsKeyword(UnsafeRawBufferPointer(start: s, count: l)) { return .parse }
        return .skip(.outsideWatchedGenes)
    }

    /// Whether `pos` lies in one of the sorted, disjoint `intervals` padded upstream: the first interval
    /// ending at or after `pos` (binary search) is the only one that can hold it.
    static func hits(_ intervals: [ClosedRange<Int>], _ pos: Int) -> Bool {
        var low = 0, high = intervals.count
        while low < high {
            let mid = (low + high) / 2
            if intervals[mid].upperBound < pos { low = mid + 1 } else { high = mid }
        }
        return low < intervals.count && pos >= intervals[low].lowerBound - upstreamPadding
    }

    private var canonicalByID: [Int: String?] = [:]
    /// The contig id of the last decoded record and what it resolved to (records come sorted, so this
    /// spares a hashed look-up per record).
    private var lastID = -1
    private var lastByID: (canonical: String?, intervals: [ClosedRange<Int>]?) = (nil, nil)

    /// For decoded (BCF) records: a skip reason when the record cannot touch a region and no
    /// annotation keyword could place it; nil means "decode it".
    mutating func quickSkip(contigID: Int, start: Int, length: Int, reader: VCFReader) -> SkipReason? {
        if contigID != lastID {
            let chrom: String?
            if let cached = canonicalByID[contigID] { chrom = cached } else {
                chrom = reader.contigName(id: contigID).flatMap { contig($0).canonical }
                canonicalByID[contigID] = chrom
            }
            lastID = contigID
            lastByID = (chrom, chrom.flatMap { regions?[$0] })
        }
        guard lastByID.canonical != nil else { return .nonPrimaryContig }
        guard regions != nil, keywords.isEmpty else { return nil }
        guard let list = lastByID.intervals else { return .outsideWatchedGenes }
        // The first interval ending at or after the record's start is the only one it can overlap first.
        let end = start + max(length, 1) - 1
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].upperBound < start { low = mid + 1 } else { high = mid }
        }
        return low < list.count && end >= list[low].lowerBound ? nil : .outsideWatchedGenes
    }

    func overlaps(chromosome: String, start: Int, end: Int) -> Bool {
        guard let regions else { return true }
        guard let list = regions[chromosome] else { return false }
        return list.contains { start <= $0.upperBound && end >= $0.lowerBound }
    }

    func keywordHit(rawInfo: [UInt8]?, record reader: VCFReader) -> Bool {
        guard !keywords.isEmpty else { return false }
        if let rawInfo { return rawInfo.withUnsafeBytes { containsKeyword($0) } }
        let text = Array(reader.annotationText().utf8)
        return text.withUnsafeBytes { containsKeyword($0) }
    }

    private func containsKeyword(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for k in keywords where bytes.count >= k.count {
            let first = k[0]
            var i = 0
            let limit = bytes.count - k.count
            while i <= limit {
                if bytes[i] == first {
                    var j = 1
                    while j < k.count && bytes[i + j] == k[j] { j += 1 }
                    if j == k.count { return true }
                }
                i += 1
            }
        }
        return false
    }
}
