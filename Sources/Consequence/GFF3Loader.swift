/// Why a GFF3 could not be loaded at all. Problems with single lines or transcripts do not stop loading;
/// they are listed in ``TranscriptModels/problems``.
public enum GFF3Error: Error, Sendable, CustomStringConvertible {
    /// The line source failed (I/O, truncated gzip).
    case unreadable(source: String, reason: String)
    /// The file is not GFF3 (a GTF, a FASTA, …), judged from its first feature line.
    case notGFF3(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let s, let r): return "\(s): cannot be read (\(r))"
        case .notGFF3(let s, let l, let r): return "\(s) line \(l): not a GFF3 file (\(r))"
        }
    }
}

/// Reads transcript models from GFF3 text, Ensembl style (`ID=transcript:ENST…;Parent=gene:ENSG…`) or
/// NCBI/MANE style (`ID=rna-NM_…;Parent=gene-EGFR;gene=EGFR;tag=MANE Select`).
///
/// Features used: genes (any type ending in `gene`), transcripts (any feature that is the `Parent` of an
/// exon, CDS or UTR, usually `mRNA`/`transcript`), `exon`, `CDS`, `five_prime_UTR`, `three_prime_UTR`.
/// When a transcript has no exon lines its exons are built from its CDS and UTR segments. Lines may come
/// in any order. The loader holds no htslib: give it lines (`VCFIO.TextLineReader` reads gzip).
public enum GFF3Loader {
    /// Loads from a sequence of lines.
    /// - Parameters:
    ///   - genes: keep only transcripts of these genes (symbols or gene identifiers); nil keeps all.
    ///   - source: the file name used in messages.
    ///   - acceptIncompleteCDS: keep models whose CDS length is not a multiple of three (3'-incomplete
    ///     models, as bcftools csq does); by default they are marked unusable.
    public static func load(lines: some Sequence<String>, genes: Set<String>? = nil, source: String = "GFF3",
                            acceptIncompleteCDS: Bool = false) throws(GFF3Error) -> TranscriptModels {
        var it = lines.makeIterator()
        return try load(source: source, genes: genes, acceptIncompleteCDS: acceptIncompleteCDS) { () throws(GFF3Error) -> String? in it.next() }
    }

    /// Loads from a line reader such as `VCFIO.TextLineReader.next`; a reader error becomes
    /// ``GFF3Error/unreadable(source:reason:)``.
    public static func load<E: Error>(source: String, genes: Set<String>? = nil, acceptIncompleteCDS: Bool = false,
                                      nextLine: () throws(E) -> String?) throws(GFF3Error) -> TranscriptModels {
        var parser = Parser(source: source, genes: genes.map { Set($0.map { $0.uppercased() }) },
                            acceptIncompleteCDS: acceptIncompleteCDS)
        var lineNumber = 0
        while true {
            let line: String?
            do { line = try nextLine() } catch {
                throw .unreadable(source: source, reason: "\(error) after line \(lineNumber)")
            }
            guard let line else { break }
            lineNumber += 1
            if line.hasPrefix("##FASTA") { break }
            try parser.consume(line, number: lineNumber)
        }
        return parser.finish()
    }

    // MARK: - Parser

    private struct Feature {
        var type: String
        var contig: String
        var start: Int
        var end: Int
        var strand: Strand?
        var phase: Int?
        var id: String?
        var parents: [String]
        var attributes: [String: String]
        var line: Int
    }

    private struct Child {
        var type: Substring
        var start: Int
        var end: Int
        var phase: Int?
        var line: Int
    }

    private struct Parser {
        let source: String
        let genes: Set<String>?
        let acceptIncompleteCDS: Bool
        var problems: [ModelProblem] = []
        /// Features with an ID that are not exon/CDS/UTR (genes, transcripts), by ID.
        var features: [String: Feature] = [:]
        var featureOrder: [String] = []
        /// Children (exon/CDS/UTR) by parent ID.
        var children: [String: [Child]] = [:]
        var childOrder: [String] = []
        /// Transcript IDs already known to belong to a gene outside the requested set.
        var dropped: Set<String> = []
        var sawFeature = false

        init(source: String, genes: Set<String>?, acceptIncompleteCDS: Bool) {
            self.source = source; self.genes = genes; self.acceptIncompleteCDS = acceptIncompleteCDS
        }

        static let childTypes: Set<Substring> = ["exon", "CDS", "five_prime_UTR", "three_prime_UTR", "UTR",
                                                 "5UTR", "3UTR", "noncoding_exon", "pseudogenic_exon"]
        static let ignoredTypes: Set<Substring> = ["start_codon", "stop_codon", "chromosome", "region", "biological_region",
                                                   "supercontig", "scaffold", "match", "cDNA_match"]

        mutating func skip(_ number: Int, _ message: String) {
            problems.append(ModelProblem(kind: .lineSkipped, location: "\(source) line \(number)", message: message))
        }

        mutating func consume(_ line: String, number: Int) throws(GFF3Error) {
            if line.isEmpty || line.hasPrefix("#") { return }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 9 else {
                if !sawFeature {
                    throw .notGFF3(source: source, line: number, reason: "\(cols.count) tab-separated columns, GFF3 has 9")
                }
                skip(number, "\(cols.count) tab-separated columns, GFF3 has 9"); return
            }
            let type = cols[2]
            if !sawFeature {
                sawFeature = true
                if cols[8].contains("\"") && !cols[8].contains("=") {
                    throw .notGFF3(source: source, line: number, reason: "attributes look like GTF (`key \"value\";`)")
                }
            }
            if Parser.ignoredTypes.contains(type) { return }
            guard let start = Int(cols[3]), let end = Int(cols[4]), start >= 1, end >= start else {
                skip(number, "start/end '\(cols[3])'/'\(cols[4])' are not valid 1-based coordinates"); return
            }
            let attrs = Parser.attributes(cols[8])
            let parents = attrs["Parent"].map { $0.split(separator: ",").map(String.init) } ?? []
            if Parser.childTypes.contains(type) {
                guard !parents.isEmpty else { skip(number, "\(type) without Parent"); return }
                let phase = Int(cols[7])
                for p in parents {
                    if dropped.contains(p) { continue }
                    if children[p] == nil { childOrder.append(p) }
                    children[p, default: []].append(Child(type: type, start: start, end: end, phase: phase, line: number))
                }
                return
            }
            guard let id = attrs["ID"] else { return }   // features without ID cannot be parents
            let strand: Strand? = cols[6] == "+" ? .plus : cols[6] == "-" ? .minus : nil
            let f = Feature(type: String(type), contig: String(cols[0]), start: start, end: end, strand: strand,
                            phase: nil, id: id, parents: parents, attributes: attrs, line: number)
            if features[id] != nil {
                skip(number, "duplicated ID '\(id)'"); return
            }
            features[id] = f
            featureOrder.append(id)
            // Early drop of transcripts of unwanted genes keeps memory low on whole-genome files.
            if let genes, let p = parents.first, let g = features[p], isGene(g), !geneMatches(g, genes) {
                dropped.insert(id)
                children[id] = nil
            }
        }

        func isGene(_ f: Feature) -> Bool { f.type.hasSuffix("gene") || f.type == "pseudogene" }

        func geneName(_ f: Feature) -> String? {
            f.attributes["Name"] ?? f.attributes["gene_name"] ?? f.attributes["gene"] ?? f.attributes["gene_symbol"]
        }

        func geneMatches(_ g: Feature, _ genes: Set<String>) -> Bool {
            for v in [geneName(g), g.id.map(Parser.stripPrefix), g.attributes["gene_id"]].compactMap({ $0 })
            where genes.contains(v.uppercased()) { return true }
            return false
        }

        /// `transcript:ENST…` → `ENST…`, `gene:ENSG…` → `ENSG…`, `rna-NM_…` → `NM_…`.
        static func stripPrefix(_ id: String) -> String {
            for p in ["transcript:", "gene:", "rna-", "gene-"] where id.hasPrefix(p) { return String(id.dropFirst(p.count)) }
            return id
        }

        static func attributes(_ text: Substring) -> [String: String] {
            var out: [String: String] = [:]
            for field in text.split(separator: ";") {
                guard let eq = field.firstIndex(of: "=") else { continue }
                var key = field[..<eq]
                while key.first == " " { key = key.dropFirst() }
                out[String(key)] = percentDecoded(field[field.index(after: eq)...])
            }
            return out
        }

        static func percentDecoded(_ s: Substring) -> String {
            guard s.contains("%") else { return String(s) }
            var bytes: [UInt8] = []
            var u = Array(s.utf8)[...]
            while let b = u.first {
                if b == UInt8(ascii: "%"), u.count >= 3,
                   let v = UInt8(String(decoding: u.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                    bytes.append(v); u = u.dropFirst(3)
                } else {
                    bytes.append(b); u = u.dropFirst()
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        static func isMANESelect(_ attrs: [String: String]) -> Bool {
            for key in ["tag", "tags"] {
                guard let v = attrs[key] else { continue }
                for t in v.split(separator: ",") {
                    let tag = t.trimmingCharacters()
                    if tag == "MANE_Select" || tag == "MANE Select" { return true }
                }
            }
            return false
        }

        mutating func finish() -> TranscriptModels {
            var models: [TranscriptModel] = []
            for parent in childOrder {
                guard let kids = children[parent] else { continue }
                guard let t = features[parent] else {
                    for k in kids { skip(k.line, "\(k.type) has unknown Parent '\(parent)'") }
                    continue
                }
                let geneFeature = t.parents.first.flatMap { features[$0] }.flatMap { isGene($0) ? $0 : nil }
                let gene = geneFeature ?? (isGene(t) ? t : nil)
                if let genes {
                    let own = [t.attributes["gene_name"], t.attributes["gene"], t.attributes["gene_id"]].compactMap { $0 }
                    let match = gene.map { geneMatches($0, genes) } ?? false
                    if !match && !own.contains(where: { genes.contains($0.uppercased()) }) { continue }
                }
                let id = t.attributes["transcript_id"] ?? Parser.stripPrefix(parent)
                let symbol = gene.flatMap(geneName) ?? t.attributes["gene_name"] ?? t.attributes["gene"]
                    ?? gene?.id.map(Parser.stripPrefix) ?? id
                var exons: [ClosedRange<Int>] = [], cds: [ClosedRange<Int>] = [], utr: [ClosedRange<Int>] = []
                var cdsPhase: [Int: Int] = [:]
                for k in kids {
                    switch k.type {
                    case "exon", "noncoding_exon", "pseudogenic_exon": exons.append(k.start...k.end)
                    case "CDS":
                        cds.append(k.start...k.end)
                        if let p = k.phase { cdsPhase[k.start] = p }
                    default: utr.append(k.start...k.end)
                    }
                }
                if exons.isEmpty { exons = Parser.merged(cds + utr) }
                guard let strand = t.strand else {
                    problems.append(ModelProblem(kind: .transcriptUnusable, location: "\(source) line \(t.line)",
                                                 message: "transcript \(id) has no strand"))
                    continue
                }
                cds.sort { $0.lowerBound < $1.lowerBound }
                let firstCDS = strand == .plus ? cds.first : cds.last
                let phase = firstCDS.flatMap { cdsPhase[$0.lowerBound] } ?? 0
                let biotype = t.attributes["biotype"] ?? t.attributes["transcript_biotype"] ?? t.attributes["transcript_type"]
                    ?? gene.flatMap { $0.attributes["biotype"] ?? $0.attributes["gene_biotype"] ?? $0.attributes["gene_type"] }
                    ?? (t.type == "mRNA" || !cds.isEmpty ? "protein_coding" : t.type)
                models.append(TranscriptModel(
                    id: id, gene: symbol, geneID: gene?.id.map(Parser.stripPrefix), contig: t.contig, strand: strand,
                    biotype: biotype, exons: exons, cds: cds, startPhase: (0...2).contains(phase) ? phase : 0,
                    isMANESelect: Parser.isMANESelect(t.attributes)))
            }
            return TranscriptModels(models, problems: problems, source: source, acceptIncompleteCDS: acceptIncompleteCDS)
        }

        /// Sorted union of ranges, touching ranges joined (CDS + UTR pieces of one exon).
        static func merged(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
            var out: [ClosedRange<Int>] = []
            for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = out.last, r.lowerBound <= last.upperBound + 1 {
                    out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
                } else {
                    out.append(r)
                }
            }
            return out
        }
    }
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var s = self
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return s
    }
}
