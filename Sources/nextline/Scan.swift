import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Catalogue
import Interpretation
import Pipeline
import Output
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

    @Argument(help: "VCF, VCF.gz or BCF file; '-' reads standard input.") var file: String
    @OptionGroup var input: InputOptionGroup
    @Option(help: "Output format: tsv or json.") var format: Format = .tsv
    @OptionGroup var output: OutputOptionGroup

    func run() throws {
        try CLISupport.reportingErrors {
            try output.target()?.validate(inputs: CLISupport.withIndexes([file]) + input.catalogueFiles
                                                  + [input.reference, input.gff].compactMap { $0 })
            let catalogue = try input.loadCatalogue()
            let options = input.inputOptions()
            let tools = try AnalysisTools(options: options, catalogue: catalogue)
            // Findings are streamed to temporary files beside the output (or in TMPDIR), so memory does
            // not grow with them; the document is assembled and renamed into place at the end.
            let target = output.target()
            let tempDir = target.map { AtomicOutput.directory(of: $0.path) }
                ?? (ProcessInfoLite.environment("TMPDIR") ?? "/tmp")
            let writer = try StreamingScanOutput(format: format == .json ? .json : .tsv, directory: tempDir,
                                                 output: target?.path ?? "standard output")
            let (path, spooled) = try CLISupport.variantFile(file)
            defer { withExtendedLifetime(spooled) {} }
            var scanned = try ScanRunner.scan(path: path, catalogue: catalogue, options: options, tools: tools,
                                              stream: writer.stream)
            scanned.result.warnings = tools.warnings + scanned.result.warnings
            for w in tools.warnings + scanned.provenance.warnings { CLISupport.warn(w) }
            // The findings were streamed; the document around them is built without them.
            scanned.result.findings = []; scanned.result.notAssessable = []
            let parts = try writer.parts(scanned.document(catalogue: catalogue, referenceInputs: tools.referenceInputs))
                .map { part -> StreamingScanOutput.Part in if case .text(let t) = part { return .text(CLISupport.shown(t)) } else { return part } }
            if let target { try target.write(parts: parts) } else { try AtomicOutput.copy(parts, to: 1, path: "standard output") }
        }
    }
}


/// Environment lookup without Foundation.
enum ProcessInfoLite {
    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}
