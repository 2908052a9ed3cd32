public import VariantModel

/// A known hotspot allele at its GRCh37 and GRCh38 coordinates (Annotations/hotspots.tsv), with the
/// source of each coordinate.
public struct Hotspot: Sendable, Hashable, Codable {
    public var gene: String
    /// `T790M`, or `amplification` for a region row.
    public var proteinChange: String
    public var hgvsc: String?
    public var variantType: String
    public var transcript: String?
    public var refseq: String?
    /// Normalised allele per build (nil for region rows).
    public var alleles: [GenomeBuild: Allele]
    public var regions: [GenomeBuild: Region]
    /// A region row's span (an amplification), 1-based inclusive.
    public struct Region: Sendable, Hashable, Codable {
        public var chromosome: String
        public var start: Int
        public var end: Int
    }
    public var sources: [GenomeBuild: String]

    public static func == (a: Hotspot, b: Hotspot) -> Bool {
        a.gene == b.gene && a.proteinChange == b.proteinChange && a.alleles == b.alleles && a.hgvsc == b.hgvsc
    }
    public func hash(into h: inout Hasher) { h.combine(gene); h.combine(proteinChange); h.combine(hgvsc) }
}

/// A watched gene's span in one build (Annotations/gene_spans.tsv).
public struct GeneSpan: Sendable, Hashable, Codable {
    public var gene: String
    public var build: GenomeBuild
    public var chromosome: String
    public var start: Int
    public var end: Int
    public var strand: String
    public var transcript: String
    public var source: String
}

/// Reads a tab-separated table with a header row; `#` lines are comments.
struct TSVTable {
    var columns: [String] = []
    var rows: [(line: Int, values: [String: String])] = []

    init(_ text: String, file: String, required: [String], sink: ProblemSink) {
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if columns.isEmpty {
                columns = cells
                for r in required where !columns.contains(r) {
                    sink.add(file, nil, entry: nil, field: r, "required column is missing")
                }
                continue
            }
            if cells.count != columns.count {
                sink.problems.append(CatalogueProblem(file: file, line: lineNumber, message: "expected \(columns.count) columns, found \(cells.count)"))
                continue
            }
            var values: [String: String] = [:]
            for (c, v) in zip(columns, cells) { values[c] = v }
            rows.append((lineNumber, values))
        }
    }
}
