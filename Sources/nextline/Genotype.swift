import ArgumentParser
import Interpretation
import Pipeline
import Output
import VariantModel

struct Genotype: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count the reads of a BAM/CRAM at the catalogue's alleles (or a sites VCF), and the phase of allele pairs.",
        discussion: """
        Counts fragments through htslib's pileup: unmapped, secondary, supplementary, QC-fail and duplicate
        reads never count; overlapping mates count once; UMI families (MI tag) count once. A .bai/.csi
        (BAM) or .crai (CRAM) index is required. A CRAM is decoded only with --reference (never a
        reference from the network). See docs/genotype.md.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json, vcf }
    enum UMIOption: String, ExpressibleByArgument, CaseIterable { case mi, off }

    @Argument(help: "Indexed BAM or CRAM file.") var reads: String
    @Option(help: "Indexed reference FASTA (.fai; .gzi when bgzipped) the reads were aligned to; decodes a CRAM and checks each site's REF.")
    var reference: String
    @Option(help: "'catalogue' (every hotspot allele of the reads' genome build, plus the phase pairs) or a VCF whose alleles are counted as written.")
    var sites: String = "catalogue"
    @Option(help: "The @RG SM to count when the read groups name several samples.")
    var sample: String?
    @Option(name: .customLong("min-mapq"), help: "Reads with a lower mapping quality do not count.")
    var minMapq: Int = 20
    @Option(name: .customLong("min-baseq"), help: "A base with a lower quality at the site does not count.")
    var minBaseq: Int = 20
    @Option(help: "mi: reads sharing an MI tag count once (a UMI family); off: every fragment counts.")
    var umi: UMIOption = .mi
    @Option(name: .customLong("catalogue"), help: "Extra catalogue rule file(s) on top of the built-in catalogue.")
    var catalogueFiles: [String] = []
    @Option(help: "Output format: tsv, json or vcf.") var format: Format = .tsv
    @OptionGroup var output: OutputOptionGroup

    func validate() throws {
        if minMapq < 0 || minMapq > 255 { throw ValidationError("--min-mapq must be 0 to 255") }
        if minBaseq < 0 || minBaseq > 93 { throw ValidationError("--min-baseq must be 0 to 93") }
    }

    func run() throws {
        try CLISupport.reportingErrors {
            let indexes = [".bai", ".csi", ".crai"].map { reads + $0 }
            var inputs = [reads, reference, reference + ".fai"] + indexes + catalogueFiles
            if sites != "catalogue" { inputs.append(sites) }
            try output.target()?.validate(inputs: inputs)
            let catalogue = try CLISupport.loadCatalogue(extra: catalogueFiles)
            let request = GenotypeRunner.Request(reads: reads, reference: reference, sites: sites == "catalogue" ? .catalogue : .vcf(sites),
                                                 sample: sample, settings: GenotypingSettings(minMappingQuality: minMapq,
                                                                                              minBaseQuality: minBaseq, umi: umi == .mi ? .mi : .off))
            let (document, contigs) = try GenotypeRunner.runWithContigs(request, catalogue: catalogue)
            for w in document.warnings { CLISupport.warn(w) }
            let text: String
            switch format {
            case .json: text = try DocumentJSON.encode(document)
            case .tsv: text = GenotypeRenderer.tsv(document)
            case .vcf: text = GenotypeRenderer.vcf(document, contigs: contigs)
            }
            try CLISupport.emit(text, to: output.target())
        }
    }
}
