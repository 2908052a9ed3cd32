public import Catalogue
public import Interpretation
public import VariantModel
import Consequence
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
    /// Indexed reference FASTA (`--reference`): REF check, build evidence, consequence engine.
    public var reference: String?
    /// GFF3 transcript models (`--gff`) for the consequence engine.
    public var gff: String?
    /// `--transcript GENE=ID` overrides of the MANE Select transcript.
    public var transcripts: [String: String] = [:]
    /// Told how a streamed read advances (path, records, bytes read, file size); the CLI shows it on a
    /// terminal. Never affects a document.
    public var progress: (@Sendable (_ path: String, _ records: Int, _ bytes: Int, _ size: Int) -> Void)?

    public init(build: GenomeBuild? = nil, sample: String? = nil, threads: Int = 0, vafField: String? = nil,
                depthField: String? = nil, ignoreIndex: Bool = false) {
        self.build = build; self.sample = sample; self.threads = threads; self.vafField = vafField
        self.depthField = depthField; self.ignoreIndex = ignoreIndex
    }
}

/// Where an input came from and how it was read: the document's ``InputRecord``, plus what the run
/// itself needs (the typed build, the count of records in watched genes, the warnings to print).
public struct InputProvenance: Sendable, Hashable {
    public var record: InputRecord
    public var build: GenomeBuild
    public var recordsInWatchedGenes: Int
    public var warnings: [String]

    public var buildEvidence: String { record.buildEvidence }
    public var sample: String? { record.sample }
    public var readMode: String { record.readMode }
    public var recordsRead: Int { record.recordsRead }

    /// This input as a case's document records it (with the case sample's role and id).
    public func record(role: String? = nil, id: String? = nil) -> InputRecord {
        var r = record
        r.role = role; r.id = id
        return r
    }
}

/// One file read end to end: read → normalise → identify → measure.
public struct ScannedFile: Sendable {
    public var result: ScanResult
    public var provenance: InputProvenance

    /// The scan document of this file (findings included; ``StreamingScanOutput`` streams them instead).
    public func document(catalogue: Catalogue, referenceInputs: ReferenceInputs?) -> ScanDocument {
        ScanDocument(catalogue: CatalogueStamp(version: catalogue.version, sha256: catalogue.sha256), input: provenance.record(),
                     referenceInputs: referenceInputs, findings: result.findings.map(DocumentFinding.init(scanned:)),
                     notAssessable: result.notAssessable.map(NotAssessableEntry.init), skipped: result.skipped,
                     warnings: result.warnings)
    }
}

/// Reads one VCF/BCF through htslib and identifies every alteration in the watched genes:
/// open (build, sample, fields) → read (REF check, identify, combine phased codons, stream) → finish
/// (REF-check verdict, warnings, provenance). Each stage's logic lives with its peers; this is the order.
public enum ScanRunner {
    /// Scans `path` with the catalogue's watched genes.
    ///
    /// - Parameter sampleOverride: a sample named by the case file (wins over `options.sample`).
    /// - Parameter expectedBuild: the case file's `genome_build`, used only for a header without build evidence.
    /// - Throws: `VCFError` or `InputProblem` naming the file and record.
    public static func scan(path: String, catalogue: Catalogue, options: InputOptions,
                            sampleOverride: String? = nil, expectedBuild: GenomeBuild? = nil,
                            normalSample: Bool = false, tools: AnalysisTools? = nil,
                            stream: ScanStream? = nil) throws -> ScannedFile {
        let tools = try tools ?? AnalysisTools(options: options, catalogue: catalogue)
        let file = try OpenedFile(path: path, catalogue: catalogue, options: options, sampleOverride: sampleOverride,
                                  expectedBuild: expectedBuild, normalSample: normalSample, tools: tools)
        var reading = Reading(file: file, reference: tools.reference, combine: tools.predictor != nil, stream: stream)
        let summary = try reading.run(options: options)
        return try finish(file: file, reading: reading, summary: summary, options: options, reference: tools.reference)
    }

    /// The REF-check verdict, the warnings a user needs and the input's provenance.
    static func finish(file: OpenedFile, reading: Reading, summary: ReadSummary, options: InputOptions,
                       reference: ReferenceContext?) throws -> ScannedFile {
        let path = file.path
        var result = reading.result
        let refCheck = reading.refCheck
        if let reference, refCheck.rate > ReferenceCheck.maximumMismatchRate {
            let first = refCheck.mismatches.prefix(3).map { "\($0.location) REF \($0.ref), FASTA \($0.fasta)" }.joined(separator: "; ")
            throw InputProblem(path: path, message: "REF alleles disagree with the reference FASTA \(reference.path) at \(refCheck.mismatches.count) of \(refCheck.checked) records (\(first)): wrong genome build or wrong reference")
        }
        if let reference, !refCheck.missingContigs.isEmpty {
            result.warnings.append("\(path): contigs \(refCheck.missingContigs.sorted().joined(separator: ", ")) are not in the reference FASTA \(reference.path); their REF alleles were not checked")
        }
        for (k, v) in summary.skipped { result.skipped[k, default: 0] += v }
        var warnings = summary.warnings
        if file.choice.how.contains("caller default") {
            warnings.append("\(path): tumour sample is \(file.choice.sample ?? "?"), chosen as \(file.choice.how)")
        }
        warnings += result.warnings
        let sources = Array(Set(result.findings.compactMap { $0.measurement?.vafSource }).union(reading.streamedVAFSources)).sorted()
        warnings += MeasurementAdvice.stringTypedFields(header: file.header, path: path, vafField: options.vafField)
        if !reading.noteUnfiltered().isEmpty { warnings.append("\(path): " + reading.noteUnfiltered()) }
        warnings += reading.duplicateNotes.map { "\(path): \($0)" }
        // Only when something was found and none of it had a VAF (not for files whose kept records found nothing).
        if sources.isEmpty, reading.findingCount > 0, file.choice.sample != nil, options.vafField == nil {
            warnings.append(MeasurementAdvice.noVAF(header: file.header, path: path, sample: file.choice.sample,
                                                      undeclared: summary.undeclaredFields))
        }
        result.warnings = warnings
        let record = InputRecord(path: path, sha256: summary.sha256, checksumScope: summary.checksumScope,
                                 build: file.build.build.rawValue, buildEvidence: file.build.evidence, sample: file.choice.sample,
                                 sampleChoice: file.choice.how, container: summary.container, readMode: summary.mode,
                                 recordsRead: summary.recordsSeen, vafSources: sources)
        let provenance = InputProvenance(record: record, build: file.build.build, recordsInWatchedGenes: summary.recordsKept,
                                         warnings: warnings)
        return ScannedFile(result: result, provenance: provenance)
    }
}

/// A variant file opened for a scan: its header, build (with the evidence), sample column, and the
/// identifier and measurer that will read its records.
struct OpenedFile {
    let path: String
    let reader: VCFReader
    let header: VCFHeaderSummary
    let build: (build: GenomeBuild, evidence: String)
    let choice: (sample: String?, how: String)
    let measurer: Measurer
    let identifier: Identifier

    init(path: String, catalogue: Catalogue, options: InputOptions, sampleOverride: String?, expectedBuild: GenomeBuild?,
         normalSample: Bool, tools: AnalysisTools) throws {
        self.path = path
        reader = try VCFReader(path: path, threads: options.threads, allowIndex: !options.ignoreIndex)
        header = reader.header
        let fastaBuild = tools.reference.flatMap { r in r.build.map { (build: $0, evidence: r.buildEvidence) } }
        let detected = try BuildDetection.detect(header: header, requested: options.build, path: path, reference: fastaBuild,
                                                 fallback: expectedBuild.map { ($0, "the case file's genome_build \($0.rawValue) (the header has no build evidence)") })
        build = (detected.build, detected.evidence)
        let chosen = normalSample
            ? try SampleChoice.chooseNormal(header: header, requested: sampleOverride, path: path)
            : try SampleChoice.choose(header: header, requested: sampleOverride ?? options.sample, path: path)
        choice = (chosen.sample, chosen.how)
        for (flag, field) in [("--vaf-field", options.vafField), ("--depth-field", options.depthField)] {
            if let f = field, header.format[f] == nil, header.info[f] == nil {
                throw InputProblem(path: path, message: "\(flag) \(f) is not declared in the header (FORMAT or INFO)")
            }
        }
        measurer = Measurer(header: header, path: path, vafField: options.vafField, depthField: options.depthField)
        identifier = Identifier(catalogue: catalogue, build: detected.build, header: header, measurer: measurer)
        identifier.predictor = tools.predictor
    }
}

/// One pass over a file's records: REF check, identification, phased-codon merging and streaming.
struct Reading {
    let file: OpenedFile
    let reference: ReferenceContext?
    let combine: Bool
    let stream: ScanStream?
    var result = ScanResult()
    var refCheck = ReferenceCheck()
    var combiner = PhasedCodonCombiner()
    var streamedVAFSources = Set<String>()
    /// Findings produced, and those from records whose FILTER is '.' (no filters applied).
    var findingCount = 0
    var unfilteredCount = 0
    /// Alleles and protein changes seen recently (the current and the previous 2 kb window of the
    /// file), to say when a file writes the same allele twice, or one protein change from two DNA alleles
    /// (E746_A750del as c.2235_2249del and c.2236_2250del). Windows keep memory flat on files with
    /// hundreds of thousands of in-gene records; in a sorted file both kinds of repeat lie within a few
    /// hundred bases, so only repeats far apart in an unsorted file go unsaid.
    var recent = RecentAlleles()
    var duplicateNotes: [String] = []

    init(file: OpenedFile, reference: ReferenceContext?, combine: Bool, stream: ScanStream?) {
        self.file = file; self.reference = reference; self.combine = combine; self.stream = stream
    }

    mutating func run(options: InputOptions) throws -> ReadSummary {
        let identifier = file.identifier
        let keywords = AnnotationParser(header: file.header).isAnnotated ? identifier.genesWithoutSpan : []
        var plan = ReadPlan(regions: identifier.regions, annotationKeywords: keywords,
                            infoFields: file.measurer.infoFields, formatFields: file.measurer.formatFields,
                            samples: file.choice.sample.map { [$0] } ?? [],
                            strictInfoNumbers: ["AF", "DP"] + [options.vafField, options.depthField].compactMap { $0 },
                            threads: options.threads, useIndex: !options.ignoreIndex)
        if let report = options.progress {
            let path = file.path, size = file.reader.fileSize
            plan.progress = { records, bytes in report(path, records, bytes, size) }
        }
        if let reference {
            // A genome-wide REF check on the first records, whatever the genes: the build proof that
            // does not depend on where the watched genes are.
            plan.sampleSkippedRecords = 2000
            var sampled = ReferenceCheck()
            plan.sampledRecord = { contig, position, ref in
                guard let chrom = ContigName.canonical(contig) else { return }
                _ = sampled.check(contig: contig, chromosome: chrom, position: position, ref: ref,
                                  location: "\(contig):\(position)", reference: reference)
            }
            let summary = try file.reader.read(plan) { record in try self.take(record) }
            refCheck.merge(sampled)
            return try flushed(summary)
        }
        let summary = try file.reader.read(plan) { record in try self.take(record) }
        return try flushed(summary)
    }

    /// One kept record: REF-checked, identified, merged with a phased neighbour in the same codon, streamed.
    mutating func take(_ record: VariantRecord) throws {
        if let reference, let chrom = file.identifier.canonical(record.contig),
           !refCheck.check(record, chromosome: chrom, reference: reference) {
            let last = refCheck.mismatches.last
            result.notAssessable.append(NotAssessable(gene: nil, contig: record.contig, position: record.position,
                                                      reference: record.reference, alternate: record.alternates.joined(separator: ","),
                                                      reason: "REF \(record.reference) does not match the reference FASTA (\(last?.fasta ?? "?"))",
                                                      line: record.line))
            return
        }
        let before = result.findings.count
        try file.identifier.identify(record, sample: file.choice.sample, source: file.path, into: &result)
        for f in result.findings[before...] { note(f, record: record) }
        if combine {
            try combiner.consider(record, findingsBefore: before, sample: file.choice.sample, reference: reference,
                                  identifier: file.identifier, source: file.path, result: &result)
        }
        // Streaming: hand findings on as they come, keeping only the last one (the codon combiner may
        // still merge it with the next record), so memory does not grow with the findings.
        guard let stream else { return }
        if result.findings.count > 1 {
            for f in result.findings.dropLast() { try emit(f, stream) }
            result.findings.removeFirst(result.findings.count - 1)
        }
        for n in result.notAssessable { try stream.notAssessable(n) }
        result.notAssessable.removeAll(keepingCapacity: true)
    }

    /// Counts the finding, and says when its allele, or its protein change from another allele, was
    /// already written.
    mutating func note(_ f: Finding, record: VariantRecord) {
        findingCount += 1
        if f.filters.isEmpty { unfilteredCount += 1 }
        guard let a = f.allele else { return }
        recent.advance(chromosome: a.chromosome, position: a.position)
        let key = "\(a.chromosome):\(a.position):\(a.reference):\(a.alternate)"
        let vaf = f.measurement?.vaf
        if let seen = recent.vaf(of: key) {
            if duplicateNotes.count < 20 {
                let values = seen == vaf ? "with the same VAF" : "with different values (VAF \(seen.map { "\($0)" } ?? "n/r") and \(vaf.map { "\($0)" } ?? "n/r"))"
                duplicateNotes.append("\(f.label) is written twice \(values), the second at \(record.location); both are listed")
            }
            return
        }
        recent.remember(vaf: vaf, of: key)
        guard let p = f.proteinChange, p.position != nil, p.kind != .synonymous else { return }
        let change = "\(f.gene) \(p.oneLetter)"
        let here = f.hgvsc.map { "\($0) at \(record.location)" } ?? record.location
        if let first = recent.allele(of: change) {
            if duplicateNotes.count < 20 {
                duplicateNotes.append("\(change) is written twice, from two different DNA alleles (\(first); \(here)): the same protein change is listed twice; check whether one event was split or shifted")
            }
        } else {
            recent.remember(allele: here, of: change)
        }
    }

    /// The FILTER '.' policy, said once per file when it applied.
    func noteUnfiltered() -> String {
        unfilteredCount == 0 ? "" : "\(unfilteredCount) finding(s) come from records with FILTER '.' (no filters applied): they are used as passed"
    }

    mutating func emit(_ f: Finding, _ stream: ScanStream) throws {
        if let v = f.measurement?.vafSource { streamedVAFSources.insert(v) }
        try stream.finding(f)
    }

    /// The last held finding goes out once the file is read.
    mutating func flushed(_ summary: ReadSummary) throws -> ReadSummary {
        if let stream {
            for f in result.findings { try emit(f, stream) }
            result.findings.removeAll()
        }
        return summary
    }
}

/// The reference FASTA and consequence engine of a run, built once and shared by every sample.
public final class AnalysisTools {
    public let reference: ReferenceContext?
    public let predictor: ((Allele) -> [TranscriptAnnotation])?

    /// Transcript-model problems worth a warning (unusable models of watched genes, skipped lines).
    public private(set) var warnings: [String] = []
    /// The transcript models read (`--gff`): path, SHA-256 and what the digest covers.
    public private(set) var modelProvenance: (path: String, sha256: String, scope: String)?

    public init(options: InputOptions, catalogue: Catalogue) throws {
        let reference = try options.reference.map { try ReferenceContext(path: $0) }
        self.reference = reference
        guard let gff = options.gff, let reference else { predictor = nil; return }
        let watched = WatchedGenes.of(catalogue)
        let (models, modelsSHA, modelsScope) = try ModelStore.load(path: gff, genes: watched)
        modelProvenance = (gff, modelsSHA, modelsScope)
        if models.transcripts.isEmpty {
            throw InputProblem(path: gff, message: "no usable transcript of the watched genes (\(models.problems.count) problems; e.g. \(models.problems.first?.description ?? "none"))")
        }
        for p in models.problems.prefix(20) { warnings.append("\(p)") }
        if models.problems.count > 20 { warnings.append("\(gff): \(models.problems.count - 20) more transcript-model problems") }
        for (gene, id) in options.transcripts where models.transcript(id) == nil {
            throw InputProblem(path: gff, message: "--transcript \(gene)=\(id): no such usable transcript in the models")
        }
        // MANE Select by default: the GFF's own MANE tags, else the MANE transcripts of the catalogue's
        // gene-span and hotspot tables when the models contain them; --transcript overrides both.
        var preferred: [String: String] = [:]
        for gene in watched where !models.transcripts(ofGene: gene).contains(where: \.isMANESelect) {
            let candidates = catalogue.geneSpans.filter { $0.gene == gene }.map(\.transcript)
                + catalogue.hotspots.filter { $0.gene == gene }.flatMap { [$0.transcript, $0.refseq].compactMap { $0 } }
            if let id = candidates.first(where: { models.transcript($0) != nil }), let t = models.transcript(id) { preferred[gene] = t.id }
        }
        for (gene, id) in options.transcripts { preferred[gene] = id }
        let engine = ConsequenceEngine(models: models, reference: reference, preferredTranscripts: preferred)
        predictor = { allele in engine.annotations(allele) }
    }
}

extension AnalysisTools {
    /// `--reference`/`--gff` provenance for the documents (nil when neither was given).
    public var referenceInputs: ReferenceInputs? {
        let fasta = reference.map {
            ReferenceInputs.FASTA(path: $0.path, faiSHA256: $0.indexSHA256, checksumScope: "fai_index", genomeBuild: $0.build?.rawValue)
        }
        let models = modelProvenance.map { ReferenceInputs.TranscriptModels(path: $0.path, sha256: $0.sha256, checksumScope: $0.scope) }
        return fasta == nil && models == nil ? nil : ReferenceInputs(fasta: fasta, transcriptModels: models)
    }
}

/// Classifies errors for the CLI's exit codes without exposing the reader's types.
public enum ErrorKind {
    /// True for bad input data: an unreadable, malformed, truncated or inconsistent variant file.
    public static func isInputData(_ error: any Error) -> Bool {
        error is VCFError || error is InputProblem || error is CaseFileError || error is AlignmentError
    }
}

/// Two generations of recently seen alleles (keyed by text) and protein changes: the current window and
/// the one before it. A new window starts when the chromosome changes or the position moves 2 kb past
/// the window's start, so memory is bounded by the records in 4 kb of genome.
struct RecentAlleles {
    private var vafs: [String: Double?] = [:], olderVAFs: [String: Double?] = [:]
    private var alleles: [String: String] = [:], olderAlleles: [String: String] = [:]
    private var chromosome = ""
    private var windowStart = Int.min

    mutating func advance(chromosome c: String, position: Int) {
        if c != chromosome {
            chromosome = c; windowStart = position
            vafs = [:]; olderVAFs = [:]; alleles = [:]; olderAlleles = [:]
        } else if position - windowStart > 2_000 || position < windowStart - 2_000 {
            olderVAFs = vafs; vafs = [:]; olderAlleles = alleles; alleles = [:]
            windowStart = position
        }
    }
    func vaf(of key: String) -> Double?? { vafs[key] ?? olderVAFs[key] }
    mutating func remember(vaf: Double?, of key: String) { vafs[key] = vaf }
    func allele(of change: String) -> String? { alleles[change] ?? olderAlleles[change] }
    mutating func remember(allele: String, of change: String) { alleles[change] = allele }
}
