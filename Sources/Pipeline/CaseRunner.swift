public import Catalogue
public import Interpretation
import VariantModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interprets a case end to end: read every sample's VCF (read → normalise → identify → measure),
/// then classify → match → reason.
public enum CaseRunner {
    public struct Output: Sendable {
        public var interpretation: Interpretation
        public var inputs: [(sample: String, role: String, provenance: InputProvenance)]
        public var caseFile: (path: String, sha256: String)?
        public var referenceInputs: ReferenceInputs?
        public var toolWarnings: [String]
    }

    /// The typed interpretation document of this run (what every format renders).
    public static func document(_ output: Output, catalogue: Catalogue) -> InterpretationDocument {
        DocumentBuilder.document(output.interpretation, catalogue: catalogue,
                                 inputs: output.inputs.map { $0.provenance.record(role: $0.role, id: $0.sample) },
                                 caseFile: output.caseFile.map { FileStamp(path: $0.path, sha256: $0.sha256) },
                                 referenceInputs: output.referenceInputs)
    }

    /// Reads a case file (YAML or JSON) with sample paths relative to it.
    public static func readCase(path: String, catalogue: Catalogue) throws -> (PatientCase, String) {
        let text = try readText(path)
        let dir = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
        let c = try CaseReader.read(text: text, path: path, directory: dir.isEmpty ? "/" : dir, catalogue: catalogue)
        return (c, SHA256.hex(of: Array(text.utf8)))
    }

    public static func run(patientCase: PatientCase, catalogue: Catalogue, options: InputOptions,
                           settings: InterpretationSettings, baselineRegions: [String: [ClosedRange<Int>]]? = nil,
                           caseFile: (path: String, sha256: String)? = nil) throws -> Output {
        var samples: [SampleFindings] = []
        var inputs: [(sample: String, role: String, provenance: InputProvenance)] = []
        var warnings: [String] = []
        let tools = try AnalysisTools(options: options, catalogue: catalogue)
        // Each sample's build is detected from its own header; --build / the case's genome_build only
        // stand in for a header without evidence. Mixed builds are refused, naming every sample.
        var read: [(id: String, path: String, build: GenomeBuild, evidence: String)] = []
        for s in patientCase.samples {
            guard let vcf = s.vcf else {
                samples.append(SampleFindings(sample: s, findings: [], notAssessable: [], build: nil))
                continue
            }
            try requireFile(vcf, what: "variant file", sample: s.id, caseFile: caseFile)
            var opts = options
            opts.sample = nil
            let scanned = try ScanRunner.scan(path: vcf, catalogue: catalogue, options: opts,
                                              sampleOverride: s.column ?? (s.role == .normal ? nil : options.sample),
                                              expectedBuild: patientCase.genomeBuild,
                                              normalSample: s.role == .normal, tools: tools)
            read.append((s.id, vcf, scanned.provenance.build, scanned.provenance.buildEvidence))
            warnings += scanned.provenance.warnings
            // Tag each finding with the case sample id.
            let findings = scanned.result.findings.map { f -> Finding in var g = f; g.source = s.id; return g }
            samples.append(SampleFindings(sample: s, findings: findings, notAssessable: scanned.result.notAssessable,
                                          build: scanned.provenance.build,
                                          coveredRegions: s.role == .baseline ? baselineRegions : nil,
                                          referenceBlocks: scanned.result.referenceBlocks))
            inputs.append((s.id, s.role.rawValue, scanned.provenance))
        }
        if Set(read.map(\.build)).count > 1 {
            let detail = read.map { "\($0.id) (\($0.path)): \($0.build.rawValue), from \($0.evidence)" }.joined(separator: "; ")
            throw InputProblem(path: caseFile?.path ?? read[0].path,
                               message: "the case's samples are in different genome builds — \(detail); all samples of a case must share one build (lift the odd one over or re-call it)")
        }
        if let declared = patientCase.genomeBuild, let odd = read.first(where: { $0.build != declared }) {
            throw InputProblem(path: odd.path, message: "sample \(odd.id) is \(odd.build.rawValue) (\(odd.evidence)) but the case file says genome_build: \(declared.rawValue)")
        }
        // Read-level evidence, once every variant file is read: the reads are counted at the catalogue's
        // alleles and at every allele the case's samples report.
        var build = read.first?.build ?? patientCase.genomeBuild
        let caseAlleles = samples.flatMap(\.findings)
        for i in samples.indices {
            let s = samples[i].sample
            guard let readsPath = s.reads else { continue }
            try requireFile(readsPath, what: "reads file", sample: s.id, caseFile: caseFile)
            let counted = try ReadEvidence.count(readsPath, sample: s, reference: options.reference, own: samples[i].findings,
                                                 caseAlleles: caseAlleles, catalogue: catalogue, build: build, casePath: caseFile?.path)
            samples[i].findings = counted.findings
            if samples[i].build == nil { samples[i].build = counted.provenance.build }
            // The reads and the VCF of one sample should be one sample: a differing name is said (names
            // differ between pipelines, so it is not refused).
            if let vcfSample = inputs.first(where: { $0.sample == s.id })?.provenance.sample, let readsSample = counted.provenance.sample,
               vcfSample != readsSample {
                warnings.append("sample \(s.id): the reads' @RG SM is '\(readsSample)' but the VCF column is '\(vcfSample)'; check that \(readsPath) and \(s.vcf ?? "the VCF") are the same sample")
            }
            build = build ?? counted.provenance.build
            warnings += counted.warnings
            inputs.append((s.id, s.role.rawValue, counted.provenance))
        }
        var settings = settings
        if patientCase.samples.contains(where: { $0.reads != nil }) { settings.readCounting = ReadEvidence.settings }
        let interpretation = Interpreter.run(patientCase: patientCase, samples: samples, catalogue: catalogue,
                                             settings: settings, extraWarnings: tools.warnings + warnings)
        return Output(interpretation: interpretation, inputs: inputs, caseFile: caseFile,
                      referenceInputs: tools.referenceInputs, toolWarnings: tools.warnings)
    }

    /// A file a case sample names must exist; the message says where relative paths are resolved from.
    static func requireFile(_ path: String, what: String, sample: String, caseFile: (path: String, sha256: String)?) throws {
        guard let cf = caseFile, access(path, F_OK) != 0 else { return }
        let folder = cf.path.contains("/") ? String(cf.path[..<(cf.path.lastIndex(of: "/") ?? cf.path.endIndex)]) : "."
        throw InputProblem(path: cf.path, message: "sample \(sample): \(what) \(path) not found (paths in a case file are relative to the case file's folder, \(folder.isEmpty ? "/" : folder))")
    }

    /// A BED file of covered regions (0-based half-open, as BED defines) → 1-based ranges per chromosome.
    public static func readBED(_ path: String) throws -> [String: [ClosedRange<Int>]] {
        let text = try readText(path)
        var out: [String: [ClosedRange<Int>]] = [:]
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("track") || line.hasPrefix("browser") { continue }
            let f = line.split(separator: "\t")
            guard f.count >= 3, let chrom = ContigName.canonical(String(f[0])), let s = Int(f[1]), let e = Int(f[2]), e > s, s >= 0 else {
                throw InputProblem(path: path, location: "line \(n)", message: "not a BED interval (chrom, start, end; end > start)")
            }
            out[chrom, default: []].append((s + 1)...e)
        }
        return out
    }

    /// Reads a UTF-8 text file (case files, BED, user catalogue files) of at most 64 MiB.
    public static func readText(_ path: String) throws -> String {
        guard let f = fopen(path, "rb") else {
            throw InputProblem(path: path, message: errno == ENOENT ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, f) }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > 64 << 20 { throw InputProblem(path: path, message: "larger than 64 MiB") }
        }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            // Name the first line that is not UTF-8, and the byte offset in the file.
            var line = 1, start = 0
            for (i, b) in bytes.enumerated() where b == 10 {
                if String(validating: bytes[start..<i], as: UTF8.self) == nil { break }
                line += 1; start = i + 1
            }
            throw InputProblem(path: path, location: "line \(line)", message: "is not UTF-8 text (an invalid byte in line \(line), which starts at byte \(start))")
        }
        return s
    }
}
