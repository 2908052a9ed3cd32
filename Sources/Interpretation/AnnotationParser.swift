public import VariantModel
import Foundation

/// Reads the annotations a file already carries: VEP `CSQ` (field order from the header's
/// `Format:`), SnpEff `ANN` and the older `EFF`, and bcftools `BCSQ` (including its `@pos`
/// back-references to a compound change written at another record).
public struct AnnotationParser: Sendable {
    let csqFields: [String]?
    let annFields: [String]?
    let hasEFF: Bool
    let hasBCSQ: Bool

    public init(header: VCFHeaderSummary) {
        csqFields = header.info["CSQ"].flatMap { AnnotationParser.fieldList(after: "Format:", in: $0.description) }
        annFields = header.info["ANN"].map {
            AnnotationParser.fieldList(after: "Functional annotations:", in: $0.description)
                ?? ["Allele", "Annotation", "Annotation_Impact", "Gene_Name", "Gene_ID", "Feature_Type", "Feature_ID",
                    "Transcript_BioType", "Rank", "HGVS.c", "HGVS.p"]
        }
        hasEFF = header.info["EFF"] != nil
        hasBCSQ = header.info["BCSQ"] != nil
        hasPopulationFields = AnnotationParser.populationInfoFields.contains { header.info[$0] != nil }
            || (csqFields?.contains { AnnotationParser.populationCSQFields.contains($0) } ?? false)
    }

    /// Whether the header declares any population-frequency field (skips the per-allele search otherwise).
    public let hasPopulationFields: Bool

    /// The file-annotation source name of an annotation, or nil for annotations from elsewhere.
    func sourceName(of a: TranscriptAnnotation) -> String? {
        ["VEP CSQ", "SnpEff ANN", "SnpEff EFF", "bcftools BCSQ"].contains(a.source) ? a.source : nil
    }

    /// Whether the file carries any annotation nextline reads.
    public var isAnnotated: Bool { csqFields != nil || annFields != nil || hasEFF || hasBCSQ }

    static func fieldList(after marker: String, in description: String) -> [String]? {
        guard let r = description.range(of: marker) else { return nil }
        var rest = description[r.upperBound...]
        rest = rest.drop { $0 == " " || $0 == "'" || $0 == "\"" }
        let text = rest.prefix { $0 != "'" && $0 != "\"" }
        let fields = text.split(separator: "|").map { $0.trimmingCharacters() }
        return fields.count >= 2 ? fields : nil
    }

    /// Annotations of ALT number `k` (1-based).
    public func annotations(of record: VariantRecord, altIndex k: Int) -> [TranscriptAnnotation] {
        var out: [TranscriptAnnotation] = []
        let alt = record.alternates[k - 1]
        if let fields = csqFields, let text = record.info["CSQ"]?.stringValue {
            out += parseCSQ(text, fields: fields, record: record, altIndex: k)
        }
        if let fields = annFields, let text = record.info["ANN"]?.stringValue {
            out += parseANN(text, fields: fields, alt: alt, nAlt: record.alternates.count)
        }
        if hasEFF, let text = record.info["EFF"]?.stringValue {
            out += parseEFF(text, altIndex: k, nAlt: record.alternates.count)
        }
        if hasBCSQ, let text = record.info["BCSQ"]?.stringValue {
            out += parseBCSQ(text, record: record, altIndex: k)
        }
        return out
    }

    /// INFO fields some annotators write with a population allele frequency.
    public static let populationInfoFields = ["gnomAD_AF", "gnomADe_AF", "gnomADg_AF", "gnomad_AF", "AF_popmax", "MAX_AF", "ExAC_AF", "EXAC_AF"]
    /// VEP CSQ columns with a population allele frequency (VEP's plain `AF` is 1000 Genomes).
    static let populationCSQFields = ["MAX_AF", "gnomADe_AF", "gnomADg_AF", "gnomAD_AF", "AF", "EXAC_AF", "ExAC_AF"]

    /// The highest population frequency the file's annotations give for ALT `k`, with its field.
    public func populationFrequency(of record: VariantRecord, altIndex k: Int) -> (Double, String)? {
        var best: (Double, String)? = nil
        func consider(_ v: Double?, _ field: String) {
            guard let v, v.isFinite, v >= 0, v <= 1 else { return }
            if v > (best?.0 ?? -1) { best = (v, field) }
        }
        for f in AnnotationParser.populationInfoFields {
            guard let values = record.info[f]?.numbers else { continue }
            consider(values.count == record.alternates.count ? values[k - 1] : values.first ?? nil, "INFO/\(f)")
        }
        if let fields = csqFields, let text = record.info["CSQ"]?.stringValue {
            let idx = Dictionary(fields.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let vepAllele = AnnotationParser.vepAllele(reference: record.reference, alternates: record.alternates, index: k - 1)
            for entry in text.split(separator: ",") {
                let v = entry.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                if let ai = idx["Allele"], ai < v.count, v[ai] != vepAllele, v[ai] != record.alternates[k - 1] { continue }
                for f in AnnotationParser.populationCSQFields {
                    guard let i = idx[f], i < v.count else { continue }
                    // VEP may list one value per allele joined by '&'; take the largest.
                    for part in v[i].split(separator: "&") { consider(Double(part), "CSQ/\(f)") }
                }
            }
        }
        return best
    }

    /// The allele string VEP writes for an ALT: the ALT without the shared first base (`-` when empty).
    static func vepAllele(reference: String, alternates: [String], index: Int) -> String {
        let alt = alternates[index]
        let sharedFirst = alternates.allSatisfy { $0.first == reference.first && !$0.hasPrefix("<") } && reference.count > 0
        let anyLengthChange = alternates.contains { $0.count != reference.count }
        if sharedFirst && anyLengthChange {
            let trimmed = String(alt.dropFirst())
            return trimmed.isEmpty ? "-" : trimmed
        }
        return alt
    }

    func parseCSQ(_ text: String, fields: [String], record: VariantRecord, altIndex k: Int) -> [TranscriptAnnotation] {
        let idx = Dictionary(fields.enumerated().map { ($1.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let vepAllele = AnnotationParser.vepAllele(reference: record.reference, alternates: record.alternates, index: k - 1)
        var out: [TranscriptAnnotation] = []
        for entry in text.split(separator: ",") {
            let v = entry.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            func get(_ name: String) -> String? {
                guard let i = idx[name.uppercased()], i < v.count, !v[i].isEmpty else { return nil }
                return v[i]
            }
            if let num = get("ALLELE_NUM").flatMap(Int.init) {
                if num != k { continue }
            } else if let a = get("Allele"), a != vepAllele && a != record.alternates[k - 1] {
                continue
            }
            guard let gene = get("SYMBOL") ?? get("Gene") else { continue }
            let hgvsp = get("HGVSp").map { $0.replacingPercentEncoding() }
            var protein = hgvsp.flatMap { ProteinChange(hgvs: $0) }
            if protein == nil, let pos = get("Protein_position"), let aa = get("Amino_acids") {
                protein = AnnotationParser.proteinFromColumns(position: pos, aminoAcids: aa)
            }
            out.append(TranscriptAnnotation(
                gene: gene, transcript: get("Feature"),
                consequences: (get("Consequence") ?? "").split(separator: "&").map { Consequence(term: String($0)) },
                hgvsc: get("HGVSc").map { stripTranscript($0) }, proteinChange: protein,
                hgvspAsWritten: protein == nil ? hgvsp : nil,
                isMANESelect: get("MANE_SELECT") != nil || (get("MANE")?.contains("Select") ?? false),
                isCanonical: get("CANONICAL") == "YES", source: "VEP CSQ"))
        }
        return out
    }

    func parseANN(_ text: String, fields: [String], alt: String, nAlt: Int) -> [TranscriptAnnotation] {
        let idx = Dictionary(fields.enumerated().map { ($1.replacingOccurrencesOfDots().uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var out: [TranscriptAnnotation] = []
        for entry in text.split(separator: ",") {
            let v = entry.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters() }
            func get(_ name: String) -> String? {
                guard let i = idx[name.uppercased()], i < v.count, !v[i].isEmpty else { return nil }
                return v[i]
            }
            if nAlt > 1, let a = get("Allele"), a != alt { continue }
            guard let gene = get("Gene_Name") else { continue }
            let hgvsp = get("HGVS_p")
            let protein = hgvsp.flatMap { ProteinChange(hgvs: $0) }
            out.append(TranscriptAnnotation(
                gene: gene, transcript: get("Feature_ID"),
                consequences: (get("Annotation") ?? "").split(separator: "&").map { Consequence(term: String($0)) },
                hgvsc: get("HGVS_c"), proteinChange: protein, hgvspAsWritten: protein == nil ? hgvsp : nil,
                source: "SnpEff ANN"))
        }
        return out
    }

    /// `EFF=missense_variant(MODERATE|MISSENSE|Gtg/Ttg|p.Val600Leu/c.1798G>T|766|BRAF|protein_coding|CODING|ENST00000288602|15|T)`
    func parseEFF(_ text: String, altIndex k: Int, nAlt: Int) -> [TranscriptAnnotation] {
        var out: [TranscriptAnnotation] = []
        for entry in text.split(separator: ",") {
            guard let open = entry.firstIndex(of: "("), entry.hasSuffix(")") else { continue }
            let effect = String(entry[..<open])
            let inner = entry[entry.index(after: open)..<entry.index(before: entry.endIndex)]
            let v = inner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard v.count >= 9 else { continue }
            if v.count >= 11, let g = Int(v[10]), nAlt > 1, g != k { continue }
            let gene = v[5]
            guard !gene.isEmpty else { continue }
            let aa = v[3]
            var protein: ProteinChange? = nil
            var hgvsc: String? = nil
            for part in aa.split(separator: "/") {
                if part.hasPrefix("c.") { hgvsc = String(part) }
                else if protein == nil { protein = ProteinChange(hgvs: String(part)) }
            }
            out.append(TranscriptAnnotation(gene: gene, transcript: v[8].isEmpty ? nil : v[8],
                                            consequences: effect.split(separator: "+").map { Consequence(term: String($0)) },
                                            hgvsc: hgvsc, proteinChange: protein,
                                            hgvspAsWritten: protein == nil && !aa.isEmpty ? aa : nil, source: "SnpEff EFF"))
        }
        return out
    }

    /// `BCSQ=missense|EGFR|ENST00000275493|protein_coding|+|790T>790M|55181378C>T` or `@55181379`.
    func parseBCSQ(_ text: String, record: VariantRecord, altIndex k: Int) -> [TranscriptAnnotation] {
        var out: [TranscriptAnnotation] = []
        let alt = record.alternates[k - 1]
        for entry in text.split(separator: ",") {
            if entry.hasPrefix("@") {
                out.append(TranscriptAnnotation(gene: "", consequences: [], hgvspAsWritten: String(entry),
                                                source: "bcftools BCSQ (compound: consequence written at position \(entry.dropFirst()))"))
                continue
            }
            let v = entry.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard v.count >= 2, !v[1].isEmpty else { continue }
            if v.count >= 7, let gtIdx = v[6].lastIndex(of: ">") {
                let written = String(v[6][v[6].index(after: gtIdx)...])
                if record.alternates.count > 1, !v[6].contains("+"), written != alt, !alt.hasSuffix(written) { continue }
            }
            let protein = v.count >= 6 ? AnnotationParser.bcsqProtein(v[5]) : nil
            out.append(TranscriptAnnotation(gene: v[1], transcript: v.count > 2 && !v[2].isEmpty ? v[2] : nil,
                                            consequences: v[0].split(separator: "&").map { Consequence(term: String($0)) },
                                            hgvsc: nil, proteinChange: protein,
                                            hgvspAsWritten: protein == nil && v.count >= 6 && !v[5].isEmpty ? v[5] : nil,
                                            source: "bcftools BCSQ"))
        }
        return out
    }

    /// VEP without `--hgvs`: `Protein_position` 175 and `Amino_acids` R/H give p.R175H (single-residue
    /// substitutions only; anything else stays unparsed rather than guessed).
    static func proteinFromColumns(position: String, aminoAcids: String) -> ProteinChange? {
        guard let pos = Int(position) else { return nil }
        let parts = aminoAcids.split(separator: "/").map(String.init)
        guard parts.count == 2, parts[0].count == 1, parts[1].count == 1 else { return nil }
        return ProteinChange(hgvs: "p.\(parts[0])\(pos)\(parts[1])")
    }

    /// `790T>790M` → p.T790M; `553R>553*` → p.R553*; `790T` → p.T790=; `746ELREA>746E`… kept as written.
    static func bcsqProtein(_ s: String) -> ProteinChange? {
        let parts = s.split(separator: ">")
        func split(_ p: Substring) -> (Int, String)? {
            let digits = p.prefix { $0.isNumber }
            guard let n = Int(digits) else { return nil }
            return (n, String(p.dropFirst(digits.count)))
        }
        if parts.count == 1, let (n, aa) = split(parts[0]), aa.count == 1 {
            return ProteinChange(hgvs: "p.\(aa)\(n)=")
        }
        guard parts.count == 2, let (n1, a1) = split(parts[0]), let (n2, a2) = split(parts[1]), n1 == n2 else { return nil }
        if a1.count == 1 && a2.count == 1 { return ProteinChange(hgvs: "p.\(a1)\(n1)\(a2)") }
        return nil
    }

    func stripTranscript(_ s: String) -> String {
        if let colon = s.lastIndex(of: ":") { return String(s[s.index(after: colon)...]) }
        return s
    }

}

extension String {
    func replacingOccurrencesOfDots() -> String { String(map { $0 == "." ? "_" : $0 }) }
    /// VEP URL-encodes `=` in HGVSp (`p.Thr790%3D`).
    func replacingPercentEncoding() -> String {
        guard contains("%") else { return self }
        var out = ""
        var it = makeIterator()
        while let c = it.next() {
            if c == "%", let h1 = it.next(), let h2 = it.next(), let v = UInt8(String([h1, h2]), radix: 16) {
                out.append(Character(UnicodeScalar(v)))
            } else { out.append(c) }
        }
        return out
    }
}
