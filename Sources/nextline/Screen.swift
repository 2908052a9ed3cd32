import ArgumentParser
import Catalogue
import Interpretation
import Output
import Pipeline
import Reporting
import Screening
import VariantModel

struct Screen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Screen a patient's case against clinical trials written in MatchMiner's CTML.",
        discussion: """
        Each trial arm is eligible, not eligible or needs review, with the criterion
        that decided it and the finding that satisfied or failed it. The case is
        interpreted first (same options as interpret), or a saved interpretation
        document is read with --document.
          nextline screen --case case.yaml --trials trials/ --format json
        Criteria and semantics: docs/screening.md.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "CTML trial files (YAML or JSON) or folders of them (repeat).") var trials: [String] = []
    @Option(help: "A saved interpretation document (interpret --format json) instead of the case options.") var document: String?
    @OptionGroup var caseOptions: CaseOptions
    @Option(help: "How a '!' value in a genomic criterion reads: variant (a BRAF mutation other than V600E) or leaf (MatchMiner's engines: no BRAF V600E).") var negation: NegationOption = .variant
    @Option(help: "Output format: text or json (nextline/screen/v1).") var format: Format = .text
    @OptionGroup var output: OutputOptionGroup

    func validate() throws {
        if trials.isEmpty { throw ValidationError("give --trials FILE_OR_FOLDER (CTML)") }
        if document == nil { try caseOptions.requireCase() }
    }

    func run() throws {
        try CLISupport.reportingErrors {
            let files = try trialFiles()
            try output.target()?.validate(inputs: files + [document].compactMap { $0 })
            let (doc, catalogue) = try interpretation()
            var read: [(trial: Trial, sha256: String)] = []
            for path in files {
                let text = try CaseRunner.readText(path)
                do throws(TrialFileError) {
                    read.append((try TrialReader.read(text: text, path: path), SHA256.hex(of: Array(text.utf8))))
                } catch {
                    throw InputProblem(path: path, message: error.message)
                }
            }
            let screened = Screener(document: doc, catalogue: catalogue, negation: negation.negation).screen(read)
            try CLISupport.emit(format == .json ? try DocumentJSON.encode(screened) : ScreenReport.text(screened), to: output.target())
        }
    }

    /// The interpretation to screen: a saved document, or the case interpreted now.
    func interpretation() throws -> (InterpretationDocument, Catalogue) {
        guard let document else { return try caseOptions.document(writingTo: output.target()) }
        let doc: InterpretationDocument
        do { doc = try DocumentJSON.decode(InterpretationDocument.self, from: try CaseRunner.readText(document)) } catch let e as InputProblem {
            throw e
        } catch {
            throw InputProblem(path: document, message: "not a nextline/interpretation/v1 document (\(DocumentJSON.describe(error)))")
        }
        return (doc, try caseOptions.input.loadCatalogue())
    }

    /// Trial files: given files, and in given folders every `.yaml`, `.yml` or `.json` file that has a
    /// `treatment_list` (others are skipped, and said).
    func trialFiles() throws -> [String] {
        var out: [String] = []
        for path in trials {
            guard CLISupport.isDirectory(path) else { out.append(path); continue }
            for name in try CLISupport.listDirectory(path).sorted() where [".yaml", ".yml", ".json"].contains(where: name.hasSuffix) {
                let full = path.hasSuffix("/") ? path + name : path + "/" + name
                if (try CaseRunner.readText(full)).contains("treatment_list") { out.append(full) }
                else { CLISupport.warn("\(full): not a CTML trial (no treatment_list): skipped") }
            }
        }
        if out.isEmpty { throw UsageProblem("--trials: no CTML trial file found") }
        return out
    }
}

enum NegationOption: String, ExpressibleByArgument, CaseIterable {
    case variant, leaf
    var negation: Negation { self == .variant ? .variant : .leaf }
}
