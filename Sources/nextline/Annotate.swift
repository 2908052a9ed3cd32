import ArgumentParser
import Catalogue
import Interpretation
import Output
import Pipeline
import VariantModel

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a VCF/BCF back through htslib with nextline's findings as NEXTLINE_ANN INFO tags.",
        discussion: """
        Without case options, each identified ALT gets gene, transcript, HGVS and
        consequence. With --case (the latest progression sample's file is annotated)
        or a VCF with --tumor-type and the other case flags, also classification,
        origin, flags and the catalogue rules it matched. Every record is kept
        (multi-allelic records whole); only tags are added. The output type follows
        its name: .vcf, .vcf.gz (indexed .tbi) or .bcf (indexed .csi).
          nextline annotate prog.vcf.gz --output prog.nextline.vcf.gz
          nextline annotate --case case.yaml --output prog.nextline.bcf
        """)

    @OptionGroup var caseOptions: CaseOptions
    @Option(name: .shortAndLong, help: "The annotated file: .vcf, .vcf.gz or .bcf (written atomically).") var output: String
    @Flag(name: .customLong("no-clobber"), help: "Refuse to replace an existing output file.") var noClobber = false

    func validate() throws {
        guard AnnotationRunner.indexSuffix(forOutput: output) != nil else { throw ValidationError("--output must end in .vcf, .vcf.gz or .bcf") }
        if caseOptions.caseFile == nil && caseOptions.vcf == nil { throw ValidationError("give the VCF/BCF to annotate, or --case") }
    }

    func run() throws {
        try CLISupport.reportingErrors {
            let target = AtomicOutput(path: output, noClobber: noClobber)
            let catalogue: Catalogue
            let findings: [DocumentFinding]
            let file: String
            if caseOptions.givesCase {
                let (doc, cat) = try caseOptions.document(writingTo: target)
                catalogue = cat
                findings = doc.findings
                guard let latest = doc.latestProgressionSample, let input = doc.inputs.first(where: { $0.id == latest }) else {
                    throw UsageProblem("the case has no progression sample with a variant file to annotate")
                }
                file = input.path
            } else {
                guard let vcf = caseOptions.vcf else { throw UsageProblem("give the VCF/BCF to annotate") }
                try target.validate(inputs: CLISupport.withIndexes([vcf]) + caseOptions.input.catalogueFiles)
                catalogue = try caseOptions.input.loadCatalogue()
                let scanned = try ScanRunner.scan(path: vcf, catalogue: catalogue, options: caseOptions.input.inputOptions())
                for w in scanned.provenance.warnings { CLISupport.warn(w) }
                findings = scanned.result.findings.map(DocumentFinding.init(scanned:))
                file = vcf
            }
            try write(file: file, findings: findings, catalogue: catalogue, target: target)
        }
    }

    func write(file: String, findings: [DocumentFinding], catalogue: Catalogue, target: AtomicOutput) throws {
        let command = (["nextline"] + CommandLine.arguments.dropFirst()).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
        let provenance = [
            "##nextline_version=\(ToolInfo.version)",
            "##nextline_catalogue=version \(catalogue.version), sha256 \(catalogue.sha256)",
            "##nextline_command=\(command)",
        ]
        let index = AnnotationRunner.indexSuffix(forOutput: output) ?? nil
        try target.produce(companions: [index].compactMap { $0 }) { tmp in
            try AnnotationRunner.write(input: file, temporary: tmp, output: output, findings: findings, provenance: provenance)
        }
    }
}
