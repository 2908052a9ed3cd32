import ArgumentParser
import Catalogue
import Interpretation
import Pipeline
import Reporting
import VariantModel

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every variant in the watched genes of one VCF/BCF, with gene, HGVS, VAF and how it was identified.",
        discussion: """
        Watched genes: the panel genes with known spans, the clonal haematopoiesis genes, TP53 and every
        gene the catalogue names. A record in a watched gene that cannot be placed is listed as not
        assessable; records skipped (other genes, alt contigs, '*' alleles) are counted.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

    @Argument(help: "VCF, VCF.gz or BCF file.") var file: String
    @OptionGroup var input: InputOptionGroup
    @Option(help: "Output format: tsv or json.") var format: Format = .tsv
    @OptionGroup var output: OutputOptionGroup

    func run() throws {
        do {
            try output.target()?.validate(inputs: [file])
            let catalogue = try input.loadCatalogue()
            let options = try input.inputOptions()
            let tools = try AnalysisTools(options: options, catalogue: catalogue)
            var scanned = try ScanRunner.scan(path: file, catalogue: catalogue, options: options, tools: tools)
            scanned.result.warnings = tools.warnings + scanned.result.warnings
            for w in tools.warnings + scanned.provenance.warnings { FileHandleStderr.write("nextline: warning: \(w)\n") }
            let report = ScanReport(catalogueVersion: catalogue.version, catalogueSHA256: catalogue.sha256,
                                    input: scanned.provenance.record(), result: scanned.result,
                                    referenceInputs: tools.provenanceJSON)
            try CLISupport.emit(format == .json ? report.json.serialized() : report.tsv, to: output.target())
        } catch let e as ValidationError {
            throw e
        } catch {
            throw CLISupport.fail(error)
        }
    }
}

