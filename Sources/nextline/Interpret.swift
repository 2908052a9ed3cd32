public import ArgumentParser
import Foundation
import Catalogue
import Interpretation
import Pipeline
import Output
import Reporting
import VariantModel

struct Interpret: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Interpret a patient's case: which alterations were acquired, and a verdict per candidate next therapy.",
        discussion: """
        Give a case file (--case, YAML or JSON; docs/case-file.md) or one progression VCF with flags:
          nextline interpret --case case.yaml --format html --output report.html
          nextline interpret prog.vcf.gz --tumor-type LUAD --prior gefitinib \\
              --baseline dx.vcf.gz --candidate osimertinib
        Each --prior is one therapy line, oldest first; a combination is written "A + B".
        Vocabularies: nextline catalogue drugs | tumor-types | biomarkers.
        """)


    @OptionGroup var caseOptions: CaseOptions
    @Option(help: "Output format: text, markdown, html (one self-contained page) or json (nextline/interpretation/v1).") var format: ReportFormat = .text
    @OptionGroup var output: OutputOptionGroup

    func validate() throws {
        try caseOptions.requireCase()
    }

    func run() throws {
        try CLISupport.reportingErrors {
            let (doc, _) = try caseOptions.document(writingTo: output.target())
            try CLISupport.emit(try format.render(doc), to: output.target())
        }
    }
}

/// The patient's case as `interpret` and `screen` take it: a case file, or one progression VCF with flags.
struct CaseOptions: ParsableArguments {
    @Argument(help: "Progression VCF/BCF (without --case); '-' reads standard input.") var vcf: String?
    @Option(name: .customLong("case"), help: "Case file (YAML or JSON); sample paths are relative to it.") var caseFiles: [String] = []
    var caseFile: String? { caseFiles.first }
    @Option(name: .customLong("tumor-type"), help: "OncoTree code or name (without --case).") var tumorType: String?
    @Option(help: "A previous therapy line, oldest first (repeat); \"A + B\" for drugs given together.") var prior: [String] = []
    @Option(help: "Baseline (pre-treatment) VCF/BCF, or its aligned reads (.bam/.cram, counted at the catalogue's alleles; needs --reference).") var baseline: String?
    @Option(help: "Matched normal/WBC VCF/BCF, or its aligned reads (.bam/.cram; needs --reference).") var normal: String?
    @Option(help: "Candidate next therapy (repeat); \"A + B\" for a regimen.") var candidate: [String] = []
    @Option(help: "A non-VCF result NAME:METHOD=RESULT, e.g. HER2:IHC=0 or AR-V7:CTC-mRNA=positive (repeat).") var biomarker: [String] = []
    @Option(name: .customLong("tumor-fraction"), help: "Tumour fraction of the progression sample (0–1).") var tumorFraction: Double?
    @Option(name: .customLong("sample-kind"), help: "Kind of the progression sample (default: tissue, said when the file looks like a liquid biopsy).") var sampleKind: SampleKindOption?
    @Option(name: .customLong("baseline-regions"), help: "BED of regions the baseline assay covered (absence there counts, at --baseline-depth).") var baselineRegions: String?
    @Option(name: .customLong("baseline-depth"), help: "Depth assumed inside --baseline-regions.") var baselineDepth = InterpretationSettings().baselineAssumedDepth
    @Option(name: .customLong("min-alt-reads"), help: "Alt reads needed to call an allele detected.") var minAltReads = InterpretationSettings().minAltReads
    @Option(name: .customLong("low-tumor-fraction"), help: "Plasma tumour fraction below which a negative is inconclusive.") var lowTumorFraction = InterpretationSettings().lowTumourFraction
    @Flag(name: .customLong("use-flagged"), help: "Use findings flagged possible CH, germline or filtered in verdicts.") var useFlagged = false
    @OptionGroup var input: InputOptionGroup

    func validate() throws {
        if caseFiles.count > 1 { throw ValidationError("--case was given \(caseFiles.count) times; give one case file") }
        if caseFile != nil && (vcf != nil || tumorType != nil || !prior.isEmpty || baseline != nil || normal != nil) {
            throw ValidationError("--case cannot be combined with a VCF argument or case flags (--tumor-type, --prior, --baseline, --normal)")
        }
        if caseFile != nil && (!candidate.isEmpty || !biomarker.isEmpty) {
            throw ValidationError("--candidate and --biomarker describe a case given by flags; with --case, list candidates and biomarkers in the case file")
        }
        if let t = tumorFraction, !(0...1).contains(t) { throw ValidationError("--tumor-fraction must be between 0 and 1") }
        if caseFile != nil && (sampleKind != nil || tumorFraction != nil) {
            throw ValidationError("--sample-kind and --tumor-fraction describe the progression VCF given as an argument; with --case, write kind and tumor_fraction in the case file")
        }
        if minAltReads < 1 { throw ValidationError("--min-alt-reads must be at least 1") }
        if !(0...1).contains(lowTumorFraction) { throw ValidationError("--low-tumor-fraction must be between 0 and 1") }
        if baselineDepth < 1 { throw ValidationError("--baseline-depth must be at least 1") }
    }

    /// For commands that need a case: a case file, or a progression VCF with --tumor-type.
    func requireCase() throws {
        if caseFile == nil && vcf == nil { throw ValidationError("give --case FILE or a progression VCF") }
        if caseFile == nil && tumorType == nil { throw ValidationError("--tumor-type is required without --case") }
    }

    /// Whether any case option was given (annotate interprets only then).
    var givesCase: Bool { caseFile != nil || tumorType != nil }

    /// Reads every sample and interprets the case: the typed document and the catalogue it used.
    /// - Parameter target: the output about to be written (checked against every input the case names).
    func document(writingTo target: AtomicOutput?) throws -> (InterpretationDocument, Catalogue) {
        var inputs = CLISupport.withIndexes([caseFile, vcf, baseline, normal].compactMap { $0 })
            + input.catalogueFiles + [baselineRegions].compactMap { $0 } + [input.reference, input.gff].compactMap { $0 }
        try target?.validate(inputs: inputs)
        let catalogue = try input.loadCatalogue()
        let options = input.inputOptions()
        var settings = InterpretationSettings()
        settings.minAltReads = minAltReads
        settings.lowTumourFraction = lowTumorFraction
        settings.baselineAssumedDepth = baselineDepth
        settings.useFlagged = useFlagged
        let patientCase: PatientCase
        var spooled: [StandardInput] = []   // standard input copied for the run, removed after it
        defer { withExtendedLifetime(spooled) {} }
        var caseRecord: (path: String, sha256: String)? = nil
        if let caseFile {
            let (c, sha) = try CaseRunner.readCase(path: caseFile, catalogue: catalogue)
            // The files the case names are inputs too: never an output.
            inputs += CLISupport.withIndexes(c.samples.compactMap(\.vcf)) + c.samples.compactMap(\.reads)
            try target?.validate(inputs: inputs)
            patientCase = c
            caseRecord = (caseFile, sha)
        } else {
            patientCase = try caseFromFlags(catalogue, files: &spooled)
        }
        for w in patientCase.warnings { CLISupport.warn(w) }
        let regions = try baselineRegions.map { try CaseRunner.readBED($0) }
        let result = try CaseRunner.run(patientCase: patientCase, catalogue: catalogue, options: options, settings: settings,
                                baselineRegions: regions, caseFile: caseRecord)
        for (_, _, p) in result.inputs { for w in p.warnings { CLISupport.warn(w) } }
        for w in result.toolWarnings { CLISupport.warn(w) }
        // What the interpretation itself found worth saying (a record written twice with different values,
        // a latest sample without a variant file, …) goes to stderr as well as into the document.
        let said = Set(patientCase.warnings + result.toolWarnings + result.inputs.flatMap(\.provenance.warnings))
        for w in result.interpretation.warnings where !said.contains(w) { CLISupport.warn(w) }
        return (CaseRunner.document(result, catalogue: catalogue), catalogue)
    }

    /// The case from command-line flags (one progression sample, optional baseline and normal), built from
    /// the same resolvers as a case file; every problem is worded in flags.
    func caseFromFlags(_ catalogue: Catalogue, files spooled: inout [StandardInput]) throws -> PatientCase {
        func file(_ given: String) throws -> String {
            let (path, copy) = try CLISupport.variantFile(given)
            if let copy { spooled.append(copy) }
            return path
        }
        let (code, problem) = CaseReader.tumourType(tumorType ?? "", catalogue: catalogue)
        if let problem { throw UsageProblem("--tumor-type: \(problem) (OncoTree codes: nextline catalogue tumor-types)") }
        var lines: [PatientCase.TherapyLine] = []
        for (i, p) in prior.enumerated() {
            let (line, problems) = CaseReader.therapyLine(number: i + 1, names: [p], catalogue: catalogue)
            if let first = problems.first {
                let reason = first.components(separatedBy: "; an unknown prior therapy").first ?? first
                let text = reason.hasPrefix("unknown drug '") ? "unknown drug in --prior '\(p)': " + reason.dropFirst("unknown drug ".count) : "--prior '\(p)': \(reason)"
                throw UsageProblem(text + " (write a regimen as \"A + B\"; drugs: nextline catalogue drugs)")
            }
            lines.append(line)
        }
        var samples: [PatientCase.Sample] = []
        /// A VCF/BCF, or aligned reads (`.bam`/`.cram`, counted with --reference) for --baseline/--normal.
        func sample(_ id: String, _ role: PatientCase.SampleRole, _ kind: PatientCase.SampleKind, _ given: String) throws -> PatientCase.Sample {
            let lower = given.lowercased()
            guard lower.hasSuffix(".bam") || lower.hasSuffix(".cram") else { return .init(id: id, role: role, kind: kind, vcf: try file(given)) }
            var s = PatientCase.Sample(id: id, role: role, kind: kind)
            s.reads = given
            return s
        }
        if let b = baseline { samples.append(try sample("baseline", .baseline, .tissue, b)) }
        if let n = normal { samples.append(try sample("normal", .normal, .wbc, n)) }
        if let v = vcf {
            var s = PatientCase.Sample(id: "progression", role: .progression, kind: sampleKind?.kind ?? .tissue, vcf: try file(v), tumourFraction: tumorFraction)
            s.kindGiven = sampleKind != nil
            samples.append(s)
        }
        var warnings: [String] = []
        var biomarkers: [PatientCase.Biomarker] = []
        for text in biomarker {
            guard let colon = text.firstIndex(of: ":"), let eq = text.firstIndex(of: "="), colon < eq else {
                throw UsageProblem("--biomarker must be NAME:METHOD=RESULT (e.g. HER2:IHC=0), got '\(text)'")
            }
            let (b, problems, warning) = CaseReader.biomarker(name: String(text[..<colon]), method: String(text[text.index(after: colon)..<eq]),
                                                              result: String(text[text.index(after: eq)...]), sample: "progression",
                                                              catalogue: catalogue)
            if let p = problems.first { throw UsageProblem("--biomarker '\(text)': \(p)") }
            if let warning { warnings.append("--biomarker: \(warning)") }
            biomarkers.append(b)
        }
        var candidates: [PatientCase.Candidate] = []
        for text in candidate {
            let (c, warning) = CaseReader.candidate(text, catalogue: catalogue)
            if let warning { warnings.append("--candidate: \(warning)") }
            candidates.append(c)
        }
        var c = PatientCase(caseID: vcf.map { StandardInput.isStandardInput($0) ? "stdin" : $0.lastComponent } ?? "case", tumourType: code ?? "", tumourTypeAsWritten: tumorType ?? "",
                            therapyLines: lines, samples: samples, biomarkers: biomarkers, candidates: candidates,
                            genomeBuild: input.build?.build, warnings: warnings)
        c.givenIn = "the command line"
        return c
    }
}

extension String {
    var lastComponent: String { split(separator: "/").last.map(String.init) ?? self }
}

extension ReportFormat: ExpressibleByArgument {}

/// `--sample-kind` values: what labs call the progression sample.
enum SampleKindOption: String, ExpressibleByArgument, CaseIterable {
    case tissue, ffpe, plasma, ctdna, cfdna
    var kind: PatientCase.SampleKind { self == .tissue || self == .ffpe ? .tissue : .plasma }
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
