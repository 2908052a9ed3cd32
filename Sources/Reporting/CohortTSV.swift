public import Interpretation

/// The cohort document as one plain TSV table (a single header line, no comment lines, so any table
/// reader takes it as is): one row per case × candidate therapy, each row carrying its own provenance.
/// A case without candidate therapies still has one row, with the therapy columns empty.
public enum CohortTSV {
    public static let columns = ["case_id", "tumor_type", "therapy", "therapy_kind", "verdict", "evidence_level", "amp_tier",
                                 "tentative", "origin_uncertain", "because", "rules", "acquired", "retest", "genome_build",
                                 "nextline_version", "catalogue_version", "catalogue_sha256", "inputs", "document",
                                 "document_sha256"]

    public static func render(_ doc: CohortDocument) -> String {
        var out = columns.joined(separator: "\t") + "\n"
        for c in doc.cases {
            let shared = [c.genomeBuild ?? "", c.tool.version, c.catalogue.version, c.catalogue.sha256,
                          c.inputs.map { "\($0.path)=\($0.sha256)" }.joined(separator: ";"), c.document.path, c.document.sha256]
            let head = [c.caseId, c.tumorType]
            let acquired = [c.acquired.joined(separator: "; "), c.retest.joined(separator: "; ")]
            if c.therapies.isEmpty {
                out += line(head + Array(repeating: "", count: 9) + acquired + shared)
            }
            for t in c.therapies {
                out += line(head + [t.therapy, t.therapyKind, t.verdict, t.evidenceLevel ?? "", t.ampTier ?? "",
                                    t.tentative ? "yes" : "no", t.originUncertain ? "yes" : "no",
                                    t.because.joined(separator: "; "), t.rules.joined(separator: ",")] + acquired + shared)
            }
        }
        return out
    }

    /// One row, every value through ``FindingsTSV/cell(_:)`` (tabs and line breaks become spaces; a
    /// leading `=`, `+`, `-` or `@` is quoted so a spreadsheet never runs it as a formula).
    static func line(_ values: [String]) -> String {
        values.map(FindingsTSV.cell).joined(separator: "\t") + "\n"
    }
}
