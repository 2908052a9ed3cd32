import ArgumentParser
import Interpretation
import Pipeline
import Output
import Reporting

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-render a saved interpretation document (interpret --format json) as text, Markdown, HTML or JSON.",
        discussion: """
        The document is read as the typed nextline/interpretation/v1 model; nothing is re-interpreted, so the
        report shows exactly the verdicts that were saved (with the tool and catalogue versions that made them).
          nextline render case.json --format html --output case.html
        """)

    @Argument(help: "An interpretation document written by 'nextline interpret --format json' ('-' reads standard input).") var document: String
    @Option(help: "Output format: text, markdown, html or json.") var format: ReportFormat = .text
    @OptionGroup var output: OutputOptionGroup

    func run() throws {
        try CLISupport.reportingErrors {
            try output.target()?.validate(inputs: [document])
            let text = try CaseRunner.readText(document == "-" ? "/dev/stdin" : document)
            let doc: InterpretationDocument
            do {
                doc = try DocumentJSON.decode(InterpretationDocument.self, from: text)
            } catch {
                throw InputProblem(path: document, message: "not a nextline/interpretation/v1 document (\(DocumentJSON.describe(error)))")
            }
            guard doc.schema == InterpretationDocument.schemaID else {
                throw InputProblem(path: document, message: "schema is '\(doc.schema)', expected '\(InterpretationDocument.schemaID)'")
            }
            if let first = doc.impossibleValues().first {
                throw InputProblem(path: document, message: "holds a value nextline cannot have written (\(first)); the document was edited or corrupted")
            }
            try CLISupport.emit(try format.render(doc), to: output.target())
        }
    }
}
