import ArgumentParser
import Foundation
import Interpretation
import Pipeline
import Output
import Reporting
import VariantModel

/// `nextline cohort`: many cases' saved interpretation documents merged into one table.
struct Cohort: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge saved interpretation documents (interpret --format json) into one cohort table.",
        discussion: """
        One row per case × candidate therapy (TSV), or the nextline/cohort/v1 JSON document; every row carries
        the tool and catalogue versions and the checksums of the inputs and of the document it came from.
        Nothing is re-interpreted. Two documents of one case id are refused; cases interpreted with different
        catalogue versions are merged with a warning.
          nextline cohort results/*.json --format tsv --output cohort.tsv
          nextline cohort --list documents.txt --format json --output cohort.json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

    @Argument(help: "Interpretation documents written by 'nextline interpret --format json'.") var documents: [String] = []
    @Option(help: "A file naming one document per line (for cohorts too large for a command line).") var list: String?
    @Option(help: "Output format: tsv or json.") var format: Format = .tsv
    @OptionGroup var output: OutputOptionGroup

    func validate() throws {
        if documents.isEmpty && list == nil { throw ValidationError("name at least one document, or --list FILE") }
    }

    func run() throws {
        try CLISupport.reportingErrors {
            var paths = documents
            if let list {
                let text = try CaseRunner.readText(list)
                paths += text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
            }
            if paths.isEmpty { throw InputProblem(path: list ?? "-", message: "names no documents") }
            try output.target()?.validate(inputs: paths + [list].compactMap { $0 })
            var read: [(path: String, sha256: String, document: InterpretationDocument)] = []
            var firstPathOfCase: [String: String] = [:]
            for path in paths {
                let text = try CaseRunner.readText(path)
                let doc: InterpretationDocument
                do { doc = try DocumentJSON.decode(InterpretationDocument.self, from: text) } catch {
                    throw InputProblem(path: path, message: "not a nextline/interpretation/v1 document (\(DocumentJSON.describe(error)))")
                }
                guard doc.schema == InterpretationDocument.schemaID else {
                    throw InputProblem(path: path, message: "schema is '\(doc.schema)', expected '\(InterpretationDocument.schemaID)'")
                }
                if let impossible = doc.impossibleValues().first {
                    throw InputProblem(path: path, message: "holds a value nextline cannot have written (\(impossible)); the document was edited or corrupted")
                }
                if let first = firstPathOfCase[doc.patientCase.caseId] {
                    throw InputProblem(path: path, message: "case '\(doc.patientCase.caseId)' is also in \(first): merge one document per case")
                }
                firstPathOfCase[doc.patientCase.caseId] = path
                read.append((path, SHA256.hex(of: Array(text.utf8)), doc))
            }
            let cohort = CohortDocument(documents: read)
            for w in cohort.warnings { CLISupport.warn(w) }
            let text = format == .tsv ? CohortTSV.render(cohort) : try DocumentJSON.encode(cohort)
            try CLISupport.emit(text, to: output.target())
        }
    }
}
