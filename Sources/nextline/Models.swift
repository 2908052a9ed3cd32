import ArgumentParser
import Catalogue
import Interpretation
import Pipeline
import Output

struct Models: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Transcript models for the consequence engine.",
        subcommands: [Build.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the compact form of the watched genes' transcript models from a GFF3 (use it with --gff FILE.json).",
            discussion: "Reads a genome-wide GFF3 once (Ensembl or NCBI/MANE style, gzipped or not) and keeps the usable models of every watched gene, so a panel run loads a few kilobytes instead.")
        @Option(help: "GFF3 transcript models.") var gff: String
        @Option(name: .customLong("catalogue"), help: "Extra rule files (their genes are watched too).") var extra: [String] = []
        @OptionGroup var output: OutputOptionGroup

        func validate() throws {
            if let o = output.output, !o.hasSuffix(".json") { throw UsageProblem("--output must end in .json (that is how --gff recognises the compact form)") }
        }

        func run() throws {
            try CLISupport.reportingErrors {
                try output.target()?.validate(inputs: [gff])
                let catalogue = try CLISupport.loadCatalogue(extra: extra)
                let text = try ModelStore.build(gff: gff, genes: WatchedGenes.of(catalogue))
                try CLISupport.emit(text, to: output.target())
            }
        }
    }
}
