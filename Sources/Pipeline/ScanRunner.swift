public import Catalogue
public import Interpretation
public import VariantModel
public import Reporting
import VCFIO

/// Input options shared by every command that reads variant files (`scan`, `interpret`, …).
public struct InputOptions: Sendable {
    public var build: GenomeBuild?
    public var sample: String?
    public var threads: Int
    public var vafField: String?
    public var depthField: String?
    /// Stream the whole file even when an index is present.
    public var ignoreIndex: Bool

    public init(build: GenomeBuild? = nil, sample: String? = nil, threads: Int = 0, vafField: String? = nil,
                depthField: String? = nil, ignoreIndex: Bool = false) {
        self.build = build; self.sample = sample; self.threads = threads; self.vafField = vafField
        self.depthField = depthField; self.ignoreIndex = ignoreIndex
    }
}

/// Where an input came from and how it was read (goes into every output's provenance).
public struct InputProvenance: Sendable, Hashable {
    public var path: String
    public var sha256: String
    public var checksumScope: String
    public var build: GenomeBuild
    public var buildEvidence: String
    public var sample: String?
    public var sampleChoice: String
    public var container: String
    public var readMode: String
    public var recordsRead: Int
    public var recordsInWatchedGenes: Int
    /// VAF fields used, e.g. `FORMAT/AF`.
    public var vafSources: [String]
    public var warnings: [String]
}

extension InputProvenance {
    /// The renderers' view of this input.
    public func record(role: String? = nil, id: String? = nil) -> InputRecord {
        InputRecord(path: path, sha256: sha256, checksumScope: checksumScope, build: build.rawValue, buildEvidence: buildEvidence,
                    sample: sample, sampleChoice: sampleChoice, container: container, readMode: readMode,
                    recordsRead: recordsRead, vafSources: vafSources, role: role, id: id)
    }
}

/// One file read end to end: read → normalise → identify → measure.
public struct ScannedFile: Sendable {
    public var result: ScanResult
    public var provenance: InputProvenance
}

/// Reads one VCF/BCF through htslib and identifies every alteration in the watched genes.
public enum ScanRunner {
    /// Scans `path` with the catalogue's watched genes.
    ///
    /// - Parameter sampleOverride: a sample named by the case file (wins over `options.sample`).
    /// - Throws: `VCFError` or `InputProblem` naming the file and record.
    public static func scan(path: String, catalogue: Catalogue, options: InputOptions,
                            sampleOverride: String? = nil, expectedBuild: GenomeBuild? = nil,
                            normalSample: Bool = false) throws -> ScannedFile {
        let reader = try VCFReader(path: path, threads: options.threads, allowIndex: !options.ignoreIndex)
        let header = reader.header
        let detected = try BuildDetection.detect(header: header, requested: options.build ?? expectedBuild, path: path)
        let choice = normalSample
            ? try SampleChoice.chooseNormal(header: header, requested: sampleOverride, path: path)
            : try SampleChoice.choose(header: header, requested: sampleOverride ?? options.sample, path: path)
        let measurer = Measurer(header: header, path: path, vafField: options.vafField, depthField: options.depthField)
        if let f = options.vafField, header.format[f] == nil, header.info[f] == nil {
            throw InputProblem(path: path, message: "--vaf-field \(f) is not declared in the header (FORMAT or INFO)")
        }
        if let f = options.depthField, header.format[f] == nil, header.info[f] == nil {
            throw InputProblem(path: path, message: "--depth-field \(f) is not declared in the header (FORMAT or INFO)")
        }
        let identifier = Identifier(catalogue: catalogue, build: detected.build, header: header, measurer: measurer)
        let keywords = AnnotationParser(header: header).isAnnotated ? identifier.genesWithoutSpan : []
        var strict = ["AF", "DP"]
        if let v = options.vafField { strict.append(v) }
        if let d = options.depthField { strict.append(d) }
        let plan = ReadPlan(regions: identifier.regions, annotationKeywords: keywords,
                            infoFields: measurer.infoFields, formatFields: measurer.formatFields,
                            samples: choice.sample.map { [$0] } ?? [], strictInfoNumbers: strict,
                            threads: options.threads, useIndex: !options.ignoreIndex)
        var result = ScanResult()
        let summary = try reader.read(plan) { record in
            try identifier.identify(record, sample: choice.sample, source: path, into: &result)
        }
        for (k, v) in summary.skipped { result.skipped[k, default: 0] += v }
        var warnings = summary.warnings
        if choice.how.contains("caller default") {
            warnings.append("\(path): tumour sample is \(choice.sample ?? "?"), chosen as \(choice.how)")
        }
        warnings += result.warnings
        result.warnings = warnings
        let sources = Array(Set(result.findings.compactMap { $0.measurement?.vafSource })).sorted()
        let provenance = InputProvenance(path: path, sha256: summary.sha256, checksumScope: summary.checksumScope,
                                         build: detected.build, buildEvidence: detected.evidence, sample: choice.sample,
                                         sampleChoice: choice.how, container: summary.container, readMode: summary.mode,
                                         recordsRead: summary.recordsSeen, recordsInWatchedGenes: summary.recordsKept,
                                         vafSources: sources, warnings: warnings)
        return ScannedFile(result: result, provenance: provenance)
    }
}

/// Classifies errors for the CLI's exit codes without exposing the reader's types.
public enum ErrorKind {
    /// True for bad input data: an unreadable, malformed, truncated or inconsistent variant file.
    public static func isInputData(_ error: any Error) -> Bool { error is VCFError || error is InputProblem || error is CaseFileError }
}
