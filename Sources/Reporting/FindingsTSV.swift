public import Interpretation

/// The findings of an interpretation as a spreadsheet table: one row per finding × sample, with the
/// document's provenance in `##` lines. Numeric cells hold `NA` when not reported. A cell that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) is prefixed with `'`.
public enum FindingsTSV {
    public static let columns = ["case_id", "gene", "alteration", "hgvsp", "hgvsc", "transcript", "consequence", "chrom", "pos",
                                 "ref", "alt", "genome_build", "sample", "role", "kind", "collected", "status", "vaf", "alt_reads",
                                 "depth", "vaf_source", "origin", "classification", "flags", "used", "not_used_reason", "rules"]

    public static func render(_ doc: InterpretationDocument) -> String {
        // Every value goes through cell(): a document read back by `render` may hold a line break anywhere.
        var out = "##nextline_version=\(cell(doc.tool.version))\n##catalogue_version=\(cell(doc.catalogue.version))\n"
        out += "##catalogue_sha256=\(cell(doc.catalogue.sha256))\n##genome_build=\(cell(doc.genomeBuild ?? "unknown"))\n"
        if let cf = doc.caseFile { out += "##case_file=\(cell(cf.path)) (sha256 \(cell(cf.sha256)))\n" }
        for i in doc.inputs { out += "##input=\(cell(i.id ?? "")) \(cell(i.path)) sha256 \(cell(i.sha256)) (\(cell(i.checksumScope)))\n" }
        out += "#" + columns.joined(separator: "\t") + "\n"
        for f in doc.findings {
            for s in f.samples {
                let row: [String] = [
                    doc.patientCase.caseId, f.gene, f.label, f.hgvsp ?? ".", f.hgvsc ?? ".", f.transcript ?? ".", f.consequence ?? ".",
                    f.chrom, String(f.pos), f.ref, f.alt, f.genomeBuild, s.id, s.role ?? ".", s.kind ?? ".", s.collected ?? ".",
                    s.status ?? (s.detected == true ? "detected" : "."), s.vaf.map(number) ?? "NA", s.altReads.map(String.init) ?? "NA",
                    s.depth.map(String.init) ?? "NA", s.vafSource ?? ".", f.origin ?? ".", f.classification ?? ".",
                    (f.flags ?? []).isEmpty ? "." : (f.flags ?? []).joined(separator: ";"), f.used.map { $0 ? "yes" : "no" } ?? ".",
                    f.notUsedReason ?? ".", (f.matches ?? []).isEmpty ? "." : (f.matches ?? []).joined(separator: ";"),
                ]
                out += row.map(cell).joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)" }

    /// One cell: tabs and line breaks become spaces; a formula-looking start is neutralised.
    public static func cell(_ s: String) -> String {
        var t = s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" })
            ? String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) : s
        if let first = t.first, "=+-@".contains(first) { t = "'" + t }
        return t
    }
}
