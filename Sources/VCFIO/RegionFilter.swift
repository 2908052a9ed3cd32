public import VariantModel

/// Decides from the raw text of a VCF line, before htslib parses it, whether the record can touch a
/// watched gene (docs/inputs.md: don't parse what you will throw away).
///
/// A line is parsed when its POS falls in a gene interval padded upstream (a deletion that starts
/// before a gene can overlap it), when its ALT is symbolic (a copy-number record can span a gene
/// from far away; END is read after parsing), or when its text contains `|GENE|` for a watched gene
/// without a known span (the file's own annotation then places it).
final class RegionFilter {
    enum Decision { case parse, skip(String), invalid(String) }

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

    func canonical(_ name: String) -> String? { contig(name).canonical }

    func contig(_ name: String) -> (canonical: String?, length: Int?) {
        if let cached = contigCache[name] { return cached }
        let c = ContigName.canonical(name)
        let entry = (canonical: c, length: c.flatMap { lengths[$0] })
        contigCache[name] = entry
        return entry
    }

    func decide(line s: UnsafeMutablePointer<CChar>, length l: Int) -> Decision {
        var i = 0
        while i < l && s[i] != 9 { i += 1 }
        let chromName = String(decoding: UnsafeRawBufferPointer(start: s, count: i), as: UTF8.self)
        let (canonicalName, declaredLength) = contig(chromName)
        guard let chrom = canonicalName else { return .skip("non_primary_contig") }
        guard let regions else { return .parse }
        i += 1
        var pos = 0
        var digits = 0
        while i < l, s[i] >= 48, s[i] <= 57, digits < 12 { pos = pos * 10 + Int(s[i] - 48); i += 1; digits += 1 }
        if digits == 0 || (i < l && s[i] != 9) { return .parse }  // let htslib report the bad POS
        // VCF allows POS 0 and length + 1 (telomeres); anything beyond the declared length is impossible.
        if let length = declaredLength, pos > length + 1 {
            return .invalid("POS \(pos) is beyond \(chromName)'s declared length \(length)")
        }
        if let list = regions[chrom] {
            for r in list where pos >= r.lowerBound - RegionFilter.upstreamPadding && pos <= r.upperBound {
                return .parse
            }
        }
        // ALT column (index 4): symbolic alleles and breakends are always parsed.
        var col = 1
        while i < l && col < 4 { if s[i] == 9 { col += 1 }; i += 1 }
        while i < l && s[i] != 9 {
            if s[i] == 60 || s[i] == 91 || s[i] == 93 { return .parse }  // '<' '[' ']'
            i += 1
        }
        if !keywords.isEmpty && containsKeyword(UnsafeRawBufferPointer(start: s, count: l)) { return .parse }
        return .skip("outside_watched_genes")
    }

    private var canonicalByID: [Int: String?] = [:]

    /// For decoded (BCF) records: a skip reason when the record cannot touch a region and no
    /// annotation keyword could place it; nil means "decode it".
    func quickSkip(contigID: Int, start: Int, length: Int, reader: VCFReader) -> String? {
        let chrom: String?
        if let cached = canonicalByID[contigID] { chrom = cached } else {
            chrom = reader.contigName(id: contigID).flatMap(canonical)
            canonicalByID[contigID] = chrom
        }
        guard let chrom else { return "non_primary_contig" }
        guard regions != nil, keywords.isEmpty else { return nil }
        return overlaps(chromosome: chrom, start: start, end: start + max(length, 1) - 1) ? nil : "outside_watched_genes"
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
