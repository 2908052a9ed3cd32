public import Interpretation
import VariantModel

/// The scan document as TSV: `##` provenance lines, one row per finding, not-assessable records and the
/// skipped counts as `##` lines. Numeric columns hold `NA` when the file did not report the value.
public enum ScanTSV {
    public static let columns = ["gene", "hgvsp", "hgvsp_long", "hgvsc", "transcript", "consequence", "chrom", "pos", "ref",
                                 "alt", "genome_build", "sample", "vaf", "alt_reads", "depth", "vaf_source", "depth_source",
                                 "detected", "filter", "identified_by", "notes"]

    public static func render(_ doc: ScanDocument) -> String {
        header(doc) + doc.findings.map(row).joined() + doc.notAssessable.map(notAssessable).joined() + trailer(doc)
    }

    /// Provenance lines and the column line.
    public static func header(_ doc: ScanDocument) -> String {
        var out = "##nextline_version=\(doc.tool.version)\n"
        out += "##catalogue_version=\(doc.catalogue.version)\n##catalogue_sha256=\(doc.catalogue.sha256)\n"
        for input in doc.inputs {
            out += "##input=\(clean(input.path))\n##input_sha256=\(input.sha256) (\(input.checksumScope))\n"
            out += "##genome_build=\(input.build) (\(clean(input.buildEvidence)))\n"
            out += "##sample=\(clean(input.sample ?? ".")) (\(clean(input.sampleChoice)))\n"
        }
        if let f = doc.referenceInputs?.fasta { out += "##reference=\(clean(f.path)) (fai sha256 \(f.faiSHA256))\n" }
        if let m = doc.referenceInputs?.transcriptModels {
            out += "##transcript_models=\(clean(m.path)) (sha256 \(m.sha256), \(m.checksumScope))\n"
        }
        for w in doc.warnings { out += "##warning=\(clean(w))\n" }
        return out + "#" + columns.joined(separator: "\t") + "\n"
    }

    /// The skipped counts, after the rows.
    public static func trailer(_ doc: ScanDocument) -> String {
        doc.skipped.sorted { $0.key < $1.key }.map { "##skipped=\($0.key)\t\($0.value)\n" }.joined()
    }

    public static func notAssessable(_ n: NotAssessableEntry) -> String {
        "##not_assessable=\(n.gene ?? "."):\(n.chrom):\(n.pos):\(n.ref):\(n.alt): \(clean(n.reason))\n"
    }

    public static func row(_ f: DocumentFinding) -> String {
        let m = f.samples.first
        var notes = f.disagreements ?? []
        if let s = f.copyNumber { notes.append("\(s.kind) \(s.start)-\(s.end)" + (s.copyNumber.map { " CN=\(number($0))" } ?? "")) }
        for d in m?.vafDisagreements ?? [] { notes.append("VAF \(number(d.vaf)) from \(d.source)") }
        let row: [String] = [
            f.gene, f.hgvsp ?? f.copyNumber?.state ?? ".", f.hgvspLong ?? ".", f.hgvsc ?? ".", f.transcript ?? ".",
            f.consequence ?? ".", f.chrom, String(f.pos), f.ref, f.alt, f.genomeBuild, m?.sample ?? m?.id.nonEmpty ?? ".",
            m?.vaf.map(number) ?? "NA", m?.altReads.map(String.init) ?? "NA", m?.depth.map(String.init) ?? "NA",
            m?.vafSource ?? ".", m?.depthSource ?? ".", m?.detected.map { $0 ? "yes" : "no" } ?? ".",
            f.filter.joined(separator: ";"), f.identifiedBy.joined(separator: ";"), notes.isEmpty ? "." : notes.joined(separator: "; "),
        ]
        return row.map(clean).joined(separator: "\t") + "\n"
    }

    /// Shortest round-trip form of a value already rounded by the document.
    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }

    static func clean(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return s }
        return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
