public import Catalogue
public import Interpretation
public import VariantModel
public import Reporting
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
    /// This input as the documents record it.
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

    /// The scan document of this file (findings included; ``StreamingScanOutput`` streams them instead).
    public func document(catalogue: Catalogue, referenceInputs: ReferenceInputs?) -> ScanDocument {
        ScanDocument(catalogue: CatalogueStamp(version: catalogue.version, sha256: catalogue.sha256), input: provenance.record(),
                     referenceInputs: referenceInputs, findings: result.findings.map(DocumentFinding.init(scanned:)),
                     notAssessable: result.notAssessable.map(NotAssessableEntry.init), skipped: result.skipped,
                     warnings: result.warnings)
    }
}

/// Reads one VCF/BCF through htslib and identifies every alteration in the watched genes.
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
        let reference = tools.reference
        let predictor = tools.predictor
        let reader = try VCFReader(path: path, threads: options.threads, allowIndex: !options.ignoreIndex)
        let header = reader.header
        let fastaBuild = reference.flatMap { r in r.build.map { (build: $0, evidence: r.buildEvidence) } }
        let detected = try BuildDetection.detect(header: header, requested: options.build, path: path, reference: fastaBuild,
                                                 fallback: expectedBuild.map { ($0, "the case file's genome_build \($0.rawValue) (the header has no build evidence)") })
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
        identifier.predictor = predictor
        let keywords = AnnotationParser(header: header).isAnnotated ? identifier.genesWithoutSpan : []
        var strict = ["AF", "DP"]
        if let v = options.vafField { strict.append(v) }
        if let d = options.depthField { strict.append(d) }
        var plan = ReadPlan(regions: identifier.regions, annotationKeywords: keywords,
                            infoFields: measurer.infoFields, formatFields: measurer.formatFields,
                            samples: choice.sample.map { [$0] } ?? [], strictInfoNumbers: strict,
                            threads: options.threads, useIndex: !options.ignoreIndex)
        var result = ScanResult()
        var refCheck = RefCheck()
        var combiner = PhasedCodonCombiner()
        var streamedVAFSources = Set<String>()
        if let reference {
            // A genome-wide REF check on the first records, whatever the genes: the build proof that
            // does not depend on where the watched genes are.
            plan.sampleSkippedRecords = 2000
            plan.sampledRecord = { contig, position, ref in
                guard let chrom = ContigName.canonical(contig) else { return }
                _ = refCheck.check(contig: contig, chromosome: chrom, position: position, ref: ref,
                                   location: "\(contig):\(position)", reference: reference)
            }
        }
        let summary = try reader.read(plan) { record in
            if let reference, let chrom = identifier.canonical(record.contig),
               !refCheck.check(record, chromosome: chrom, reference: reference) {
                let last = refCheck.mismatches.last
                result.notAssessable.append(NotAssessable(gene: nil, contig: record.contig, position: record.position,
                                                          reference: record.reference, alternate: record.alternates.joined(separator: ","),
                                                          reason: "REF \(record.reference) does not match the reference FASTA (\(last?.fasta ?? "?"))",
                                                          line: record.line))
                return
            }
            let before = result.findings.count
            try identifier.identify(record, sample: choice.sample, source: path, into: &result)
            if predictor != nil {
                try combiner.consider(record, findingsBefore: before, sample: choice.sample, reference: reference,
                                      identifier: identifier, source: path, result: &result)
            }
            // Streaming: hand findings on as they come, keeping only the last one (the codon combiner
            // may still merge it with the next record), so memory does not grow with the findings.
            if let stream {
                if result.findings.count > 1 {
                    for f in result.findings.dropLast() {
                        if let v = f.measurement?.vafSource { streamedVAFSources.insert(v) }
                        try stream.finding(f)
                    }
                    result.findings.removeFirst(result.findings.count - 1)
                }
                for n in result.notAssessable { try stream.notAssessable(n) }
                result.notAssessable.removeAll(keepingCapacity: true)
            }
        }
        if let stream {
            for f in result.findings {
                if let v = f.measurement?.vafSource { streamedVAFSources.insert(v) }
                try stream.finding(f)
            }
            result.findings.removeAll()
        }
        if let reference, refCheck.rate > ReferenceContext.maximumMismatchRate {
            let first = refCheck.mismatches.prefix(3).map { "\($0.location) REF \($0.ref), FASTA \($0.fasta)" }.joined(separator: "; ")
            throw InputProblem(path: path, message: "REF alleles disagree with the reference FASTA \(reference.path) at \(refCheck.mismatches.count) of \(refCheck.checked) records (\(first)): wrong genome build or wrong reference")
        }
        if let reference, !refCheck.missingContigs.isEmpty {
            result.warnings.append("\(path): contigs \(refCheck.missingContigs.sorted().joined(separator: ", ")) are not in the reference FASTA \(reference.path); their REF alleles were not checked")
        }
        for (k, v) in summary.skipped { result.skipped[k, default: 0] += v }
        var warnings = summary.warnings
        if choice.how.contains("caller default") {
            warnings.append("\(path): tumour sample is \(choice.sample ?? "?"), chosen as \(choice.how)")
        }
        warnings += result.warnings
        result.warnings = warnings
        let sources = Array(Set(result.findings.compactMap { $0.measurement?.vafSource }).union(streamedVAFSources)).sorted()
        // Numeric fields declared with a non-numeric type are read as text by htslib: say so.
        for (kind, table) in [("FORMAT", header.format), ("INFO", header.info)] {
            for key in ["AF", "DP", "AD", "VAF", "FREQ"].filter({ table[$0] != nil }) where table[key]?.type == "String" && key != "FREQ" && options.vafField != key {
                warnings.append("\(path): \(kind)/\(key) is declared Type=String, so it is not read as a number" + (key == "AF" || key == "VAF" ? "; pass --vaf-field \(key) to read its text as the VAF" : ""))
            }
        }
        // No VAF anywhere, yet the header declares a field that looks like one: name it and the option.
        if sources.isEmpty, choice.sample != nil, summary.recordsKept > 0, options.vafField == nil {
            let plausible = ["TVAF", "VAF", "FREQ", "FA", "AF", "VF", "ALLELE_FREQ", "ALT_FREQ", "TAF", "AFR", "FRACTION", "VAF_T"]
            let declared = plausible.filter { header.format[$0] != nil || header.info[$0] != nil }
            let hint = declared.isEmpty ? "the file declares no allele-fraction field; give AD/DP or --vaf-field NAME"
                : "the header declares " + declared.map { (header.format[$0] != nil ? "FORMAT/" : "INFO/") + $0 }.joined(separator: ", ")
                    + ": pass --vaf-field \(declared[0])"
            warnings.append("\(path): no VAF could be read for sample \(choice.sample ?? "?") (VAFs are 'not reported'); \(hint)")
        }
        let provenance = InputProvenance(path: path, sha256: summary.sha256, checksumScope: summary.checksumScope,
                                         build: detected.build, buildEvidence: detected.evidence, sample: choice.sample,
                                         sampleChoice: choice.how, container: summary.container, readMode: summary.mode,
                                         recordsRead: summary.recordsSeen, recordsInWatchedGenes: summary.recordsKept,
                                         vafSources: sources, warnings: warnings)
        return ScannedFile(result: result, provenance: provenance)
    }
}

/// Receivers of findings as a scan produces them (so a report can be written without holding them).
public struct ScanStream {
    public var finding: (Finding) throws -> Void
    public var notAssessable: (NotAssessable) throws -> Void
    public init(finding: @escaping (Finding) throws -> Void, notAssessable: @escaping (NotAssessable) throws -> Void) {
        self.finding = finding; self.notAssessable = notAssessable
    }
}

/// Combines SNVs of the same codon on the same haplotype into one change, as a codon is translated
/// (bcftools csq's haplotype-aware mode), but only when the sample's genotypes are phased (`0|1`, same
/// phase set) — never on unphased or sites-only data, where each record stands alone.
struct PhasedCodonCombiner {
    struct Pending {
        var record: VariantRecord
        var chromosome: String
        var haplotype: Int
        var phaseSet: String?
        var transcript: String
        var codon: Int
    }
    var pending: Pending?

    mutating func consider(_ record: VariantRecord, findingsBefore: Int, sample: String?, reference: ReferenceContext?,
                           identifier: Identifier, source: String, result: inout ScanResult) throws {
        guard let current = Self.candidate(record, findingsBefore: findingsBefore, sample: sample, identifier: identifier,
                                           result: result) else {
            pending = nil
            return
        }
        guard let previous = pending, previous.chromosome == current.chromosome,
              (1...2).contains(record.position - previous.record.position), previous.haplotype == current.haplotype,
              previous.phaseSet == current.phaseSet, previous.transcript == current.transcript, previous.codon == current.codon
        else { pending = current; return }
        var middle = ""
        if record.position - previous.record.position == 2 {
            guard let base = reference?.bases(chromosome: current.chromosome, start: previous.record.position + 1,
                                              end: previous.record.position + 1) else { pending = current; return }
            middle = base
        }
        var merged = previous.record
        merged.reference = previous.record.reference + middle + record.reference
        merged.alternates = [previous.record.alternates[0] + middle + record.alternates[0]]
        // Drop the two single-base findings; identify the codon change instead.
        guard result.findings.count >= 2 else { pending = current; return }
        result.findings.removeLast(2)
        let before = result.findings.count
        try identifier.identify(merged, sample: sample, source: source, into: &result)
        for i in before..<result.findings.count {
            result.findings[i].disagreements.append("combined from the phased records at \(previous.record.contig):\(previous.record.position) and \(record.position) (same codon, same haplotype)")
        }
        pending = Pending(record: merged, chromosome: current.chromosome, haplotype: current.haplotype,
                          phaseSet: current.phaseSet, transcript: current.transcript, codon: current.codon)
    }

    /// A phased heterozygous single-base change that the engine placed in one codon, or nil.
    static func candidate(_ record: VariantRecord, findingsBefore: Int, sample: String?, identifier: Identifier,
                          result: ScanResult) -> Pending? {
        guard let sample, record.alternates.count == 1, record.reference.count == 1, record.alternates[0].count == 1,
              result.findings.count == findingsBefore + 1, let f = result.findings.last,
              f.identifiedBy.first == ConsequenceEngine.sourceName, let transcript = f.transcript,
              let codon = f.proteinChange?.position,
              let s = record.samples.first(where: { $0.name == sample }), s.phased, let gt = s.genotype, gt.count == 2,
              gt.filter({ $0 == 1 }).count == 1, let haplotype = gt.firstIndex(of: 1),
              let chromosome = identifier.canonical(record.contig) else { return nil }
        let phaseSet: String? = s.fields["PS"].map { v in
            if let n = v.numbers?.first ?? nil { return String(Int(n)) }
            return v.stringValue ?? ""
        }
        return Pending(record: record, chromosome: chromosome, haplotype: haplotype, phaseSet: phaseSet,
                       transcript: transcript, codon: codon)
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
    public static func isInputData(_ error: any Error) -> Bool { error is VCFError || error is InputProblem || error is CaseFileError }
}
