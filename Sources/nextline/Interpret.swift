public import ArgumentParser
import Catalogue
import Interpretation
import Pipeline
import Reporting
import VariantModel

struct Interpret: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Interpret a patient's case: which alterations were acquired, and a verdict per candidate next therapy.",
        discussion: """
        Give a case file (--case, YAML or JSON, DESIGN §3) or one progression VCF with flags:
          nextline interpret prog.vcf.gz --tumor-type LUAD --prior gefitinib --baseline dx.vcf.gz --candidate osimertinib
        Each --prior is one therapy line, oldest first; a combination is written "A + B".
        """)


    @Argument(help: "Progression VCF/BCF (without --case).") var vcf: String?
    @Option(name: .customLong("case"), help: "Case file (YAML or JSON); sample paths are relative to it.") var caseFiles: [String] = []
    var caseFile: String? { caseFiles.first }
    @Option(name: .customLong("tumor-type"), help: "OncoTree code or name (without --case).") var tumorType: String?
    @Option(help: "A previous therapy line, oldest first (repeat); \"A + B\" for drugs given together.") var prior: [String] = []
    @Option(help: "Baseline (pre-treatment) VCF/BCF.") var baseline: String?
    @Option(help: "Matched normal/WBC VCF/BCF.") var normal: String?
    @Option(help: "Candidate next therapy (repeat); \"A + B\" for a regimen.") var candidate: [String] = []
    @Option(help: "A non-VCF result NAME:METHOD=RESULT, e.g. HER2:IHC=0 or AR-V7:CTC-mRNA=positive (repeat).") var biomarker: [String] = []
    @Option(name: .customLong("tumor-fraction"), help: "Tumour fraction of the progression sample (0–1).") var tumorFraction: Double?
    @Option(name: .customLong("sample-kind"), help: "Kind of the progression sample: tissue (default) or plasma (ctdna, cfdna).") var sampleKindGiven: String?
    var sampleKind: String { sampleKindGiven ?? "tissue" }
    @Option(name: .customLong("baseline-regions"), help: "BED of regions the baseline assay covered (absence there counts, at --baseline-depth).") var baselineRegions: String?
    @Option(name: .customLong("baseline-depth"), help: "Depth assumed inside --baseline-regions.") var baselineDepth: Int = 500
    @Option(name: .customLong("min-alt-reads"), help: "Alt reads needed to call an allele detected.") var minAltReads: Int = 3
    @Option(name: .customLong("low-tumor-fraction"), help: "Plasma tumour fraction below which a negative is inconclusive.") var lowTumorFraction: Double = 0.01
    @Flag(name: .customLong("use-flagged"), help: "Use findings flagged possible CH, germline or filtered in verdicts.") var useFlagged = false
    @OptionGroup var input: InputOptionGroup
    @Option(help: "Output format: text, markdown, html (one self-contained page) or json (nextline/interpretation/v1).") var format: ReportFormat = .text
    @OptionGroup var output: OutputOptionGroup

    func validate() throws {
        if caseFiles.count > 1 { throw ValidationError("--case was given \(caseFiles.count) times; give one case file") }
        if caseFile == nil && vcf == nil { throw ValidationError("give --case FILE or a progression VCF") }
        if caseFile != nil && (vcf != nil || tumorType != nil || !prior.isEmpty || baseline != nil || normal != nil) {
            throw ValidationError("--case cannot be combined with a VCF argument or case flags (--tumor-type, --prior, --baseline, --normal)")
        }
        if caseFile == nil && tumorType == nil { throw ValidationError("--tumor-type is required without --case") }
        if let t = tumorFraction, !(0...1).contains(t) { throw ValidationError("--tumor-fraction must be between 0 and 1") }
        if [nil, .wbc].contains(PatientCase.SampleKind(caseText: sampleKind)) {
            throw ValidationError("--sample-kind must be tissue or plasma (ctdna and cfdna mean plasma)")
        }
    }

    func run() throws {
        do {
            var inputs = CLISupport.withIndexes([caseFile, vcf, baseline, normal].compactMap { $0 })
                + input.catalogueFiles + [baselineRegions].compactMap { $0 } + [input.reference, input.gff].compactMap { $0 }
            try output.target()?.validate(inputs: inputs)
            let catalogue = try input.loadCatalogue()
            let options = try input.inputOptions()
            var settings = InterpretationSettings()
            settings.minAltReads = minAltReads
            settings.lowTumourFraction = lowTumorFraction
            settings.baselineAssumedDepth = baselineDepth
            settings.useFlagged = useFlagged
            let patientCase: PatientCase
            var caseRecord: (path: String, sha256: String)? = nil
            if let caseFile {
                let (c, sha) = try CaseRunner.readCase(path: caseFile, catalogue: catalogue)
                // The files the case names are inputs too: never an output.
                inputs += CLISupport.withIndexes(c.samples.compactMap(\.vcf))
                try output.target()?.validate(inputs: inputs)
                patientCase = c
                caseRecord = (caseFile, sha)
                if !candidate.isEmpty || !biomarker.isEmpty { FileHandleStderr.write("nextline: warning: --candidate/--biomarker are ignored with --case\n") }
            } else {
                patientCase = try caseFromFlags(catalogue)
            }
            for w in patientCase.warnings { FileHandleStderr.write("nextline: warning: \(w)\n") }
            let regions = try baselineRegions.map { try CaseRunner.readBED($0) }
            let result = try CaseRunner.run(patientCase: patientCase, catalogue: catalogue, options: options, settings: settings,
                                            baselineRegions: regions, caseFile: caseRecord)
            for (_, _, p) in result.inputs { for w in p.warnings { FileHandleStderr.write("nextline: warning: \(w)\n") } }
            for w in result.toolWarnings { FileHandleStderr.write("nextline: warning: \(w)\n") }
            let doc = CaseRunner.document(result, catalogue: catalogue)
            try CLISupport.emit(try format.render(doc), to: output.target())
        } catch let e as ValidationError {
            throw e
        } catch {
            throw CLISupport.fail(error)
        }
    }

    /// Flag values checked against the vocabularies first, so errors speak in flags.
    func checkFlags(_ catalogue: Catalogue) throws {
        if let t = tumorType, catalogue.tumourTypes.resolve(t) == nil {
            let hint = catalogue.tumourTypes.suggestion(for: t).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("unknown tumour type in --tumor-type '\(t)'\(hint) (OncoTree codes: nextline catalogue tumor-types)")
        }
        for p in prior {
            for part in CaseReader.therapyParts(p, catalogue: catalogue) {
                switch catalogue.drugs.resolve(part) {
                case nil:
                    let hint = catalogue.drugs.suggestion(for: part).map { ", did you mean '\($0)'?" } ?? ""
                    throw ValidationError("unknown drug in --prior '\(p)': '\(part)'\(hint) (write a regimen as \"A + B\"; drugs: nextline catalogue drugs)")
                case .drugClass(let c)?:
                    throw ValidationError("--prior '\(p)': '\(part)' is a drug class (\(c)); name the drugs given")
                default: continue
                }
            }
        }
    }

    /// The same case as a case file, from command-line flags (one progression sample).
    func caseFromFlags(_ catalogue: Catalogue) throws -> PatientCase {
        try checkFlags(catalogue)
        var yaml = "case_id: \(quoted(vcf.map { $0.lastComponent } ?? "case"))\n"
        yaml += "tumor_type: \(quoted(tumorType ?? ""))\n"
        if let b = input.build { yaml += "genome_build: \(quoted(b))\n" }
        if !prior.isEmpty {
            yaml += "therapy_lines:\n"
            for (i, p) in prior.enumerated() { yaml += "  - line: \(i + 1)\n    drugs: [\(quoted(p))]\n" }
        }
        yaml += "samples:\n"
        if let b = baseline { yaml += "  - {id: baseline, role: baseline, kind: tissue, vcf: \(quoted(b))}\n" }
        if let n = normal { yaml += "  - {id: normal, role: normal, kind: wbc, vcf: \(quoted(n))}\n" }
        if let v = vcf {
            yaml += "  - {id: progression, role: progression, " + (sampleKindGiven == nil ? "" : "kind: \(PatientCase.SampleKind(caseText: sampleKind)?.rawValue ?? "tissue"), ") + "vcf: \(quoted(v))"
            if let t = tumorFraction { yaml += ", tumor_fraction: \(t)" }
            yaml += "}\n"
        }
        if !biomarker.isEmpty {
            yaml += "biomarkers:\n"
            for b in biomarker {
                guard let colon = b.firstIndex(of: ":"), let eq = b.firstIndex(of: "="), colon < eq else {
                    throw ValidationError("--biomarker must be NAME:METHOD=RESULT (e.g. HER2:IHC=0), got '\(b)'")
                }
                let name = String(b[..<colon]), method = String(b[b.index(after: colon)..<eq]), result = String(b[b.index(after: eq)...])
                yaml += "  - {name: \(quoted(name)), method: \(quoted(method)), result: \(quoted(result)), sample: progression}\n"
            }
        }
        if !candidate.isEmpty { yaml += "candidates: [" + candidate.map(quoted).joined(separator: ", ") + "]\n" }
        var c = try CaseReader.read(text: yaml, path: "command line", directory: ".", catalogue: catalogue)
        c.givenIn = "the command line"
        return c
    }

    func quoted(_ s: String) -> String {
        "\"" + s.replacingBackslashesAndQuotes() + "\""
    }
}

extension String {
    var lastComponent: String { split(separator: "/").last.map(String.init) ?? self }
    func replacingBackslashesAndQuotes() -> String {
        var out = ""
        for c in self {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

extension ReportFormat: ExpressibleByArgument {}
