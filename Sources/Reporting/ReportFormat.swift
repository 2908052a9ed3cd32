public import Interpretation

/// The formats an interpretation document is written in (`interpret --format`, `render --format`).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, tsv, matchminer, fhir, maf

    /// The document in this format. Every format renders the same typed document.
    public func render(_ doc: InterpretationDocument) throws -> String {
        switch self {
        case .text: return TextReport.render(doc)
        case .markdown: return MarkdownReport.render(doc)
        case .html: return try HTMLReport.render(doc)
        case .json: return try DocumentJSON.encode(doc)
        case .tsv: return FindingsTSV.render(doc)
        case .matchminer: return try MatchMinerRows.render(doc)
        case .fhir: return try FHIRBundle.render(doc)
        case .maf: return MAFWriter.render(doc)
        }
    }
}
