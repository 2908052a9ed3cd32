public import Interpretation
import Mustache

/// One self-contained HTML page for a tumour board (inline CSS and SVG; no script, font or image from
/// anywhere). Rendered by swift-mustache, which escapes every value by default; links go only to
/// PubMed and doi.org (built by the document from PMIDs and DOIs).
public enum HTMLReport {
    public static func render(_ doc: InterpretationDocument) throws -> String {
        let template = try MustacheTemplate(string: HTMLTemplate.page)
        return template.render(ReportView(doc))
    }
}
