import Foundation
import ArgumentParser
import Catalogue
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Interpretation
import Pipeline
import Output
import Reporting
import VariantModel

@main
struct NextLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nextline",
        abstract: "Finds the variants a tumour acquired under treatment and says what they mean for the next therapy line.",
        discussion: """
        Reads VCF/BCF (plain, bgzipped, indexed or not; GRCh37 or GRCh38) through htslib, matches the
        alterations against a cited resistance catalogue and reports a verdict per candidate therapy.
        Exit codes: 0 success, 1 failure, 64 usage error, 65 bad input data.
        """,
        version: ToolInfo.version,
        subcommands: [Scan.self, Interpret.self, Render.self, Screen.self, Cohort.self, Annotate.self, Genotype.self, CatalogueCommand.self, Models.self]
    )

    /// Signal handling first: interrupted runs remove their temporary files; SIGXFSZ becomes an error.
    static func main() {
        TemporaryFiles.installSignalHandlers()
        main(nil)
    }
}

/// Options every command that reads variant files shares (same meaning everywhere).
struct InputOptionGroup: ParsableArguments {
    @Option(help: "Genome build (GRCh37 or GRCh38; hg19/hg38 accepted); must agree with the file's header when it has evidence.")
    var build: BuildOption?
    @Option(help: "Tumour sample column (by name). Default: ##tumor_sample, the only sample, or a column named TUMOR.")
    var sample: String?
    @Option(help: "Threads for BGZF decompression.")
    var threads: Int = 0
    @Option(name: .customLong("vaf-field"), help: "FORMAT (or INFO) field that holds the VAF; wins over every other source.")
    var vafField: String?
    @Option(name: .customLong("depth-field"), help: "FORMAT (or INFO) field that holds the depth.")
    var depthField: String?
    @Flag(name: .customLong("no-index"), help: "Stream the whole file even when a .tbi/.csi index is present.")
    var noIndex = false
    @Option(name: .customLong("catalogue"), help: "Extra catalogue rule file(s) on top of the built-in catalogue.")
    var catalogueFiles: [String] = []
    @Option(help: "Indexed reference FASTA (.fai; .gzi when bgzipped): REF check, genome build, consequence engine.")
    var reference: String?
    @Option(help: "GFF3 transcript models (Ensembl or NCBI/MANE style, gzipped or not) for the consequence engine; needs --reference.")
    var gff: String?
    @Option(help: "Transcript to use for a gene instead of MANE Select, GENE=ID (repeat).")
    var transcript: [String] = []

    /// Cross-flag checks, before any file is opened.
    func validate() throws {
        if threads < 0 { throw ValidationError("--threads must be 0 or more") }
        if gff != nil && reference == nil { throw ValidationError("--gff needs --reference (the FASTA the models refer to)") }
        for t in transcript where transcriptPair(t) == nil {
            throw ValidationError("--transcript must be GENE=TRANSCRIPT_ID, got '\(t)'")
        }
    }

    func transcriptPair(_ t: String) -> (gene: String, id: String)? {
        let parts = t.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (parts[0], parts[1])
    }

    func inputOptions() -> InputOptions {
        var options = InputOptions(build: build?.build, sample: sample, threads: threads, vafField: vafField, depthField: depthField,
                                   ignoreIndex: noIndex)
        options.reference = reference
        options.gff = gff
        for t in transcript { if let (gene, id) = transcriptPair(t) { options.transcripts[gene] = id } }
        if let line = CLISupport.progressLine {
            options.progress = { path, records, bytes, size in line.update(path: path, records: records, bytes: bytes, size: size) }
        }
        return options
    }

    func loadCatalogue() throws -> Catalogue {
        try CLISupport.loadCatalogue(extra: catalogueFiles)
    }
}

/// `--build`: GRCh37 or GRCh38 (and the names people write for them, hg19, hg38, b37 …).
struct BuildOption: ExpressibleByArgument {
    let build: GenomeBuild
    init?(argument: String) {
        guard let b = GenomeBuild(parsing: argument) else { return nil }
        build = b
    }
    static var allValueStrings: [String] { GenomeBuild.allCases.map(\.rawValue) }
}

struct OutputOptionGroup: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write the document to FILE (atomically) instead of standard output.")
    var output: String?
    @Flag(name: .customLong("no-clobber"), help: "Refuse to replace an existing --output file.")
    var noClobber = false

    func target() -> AtomicOutput? { output.map { AtomicOutput(path: $0, noClobber: noClobber) } }
}

/// A usage problem found once the command runs (a flag value the vocabularies do not know): one line,
/// exit 64, without the usage text ArgumentParser prints for problems found while parsing.
struct UsageProblem: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

enum CLISupport {
    /// The progress line of long streamed reads (standard error on a terminal only).
    static let progressLine = ProgressLine.reporter()

    /// Files a run reads beside the given ones: their .tbi/.csi indexes.
    static func withIndexes(_ paths: [String]) -> [String] {
        paths.flatMap { [$0, $0 + ".tbi", $0 + ".csi"] }
    }

    /// Reads user catalogue files and loads them on top of the built-in catalogue.
    static func loadCatalogue(extra: [String]) throws -> Catalogue {
        var files: [(path: String, contents: String)] = []
        for path in extra { files.append((path, try CaseRunner.readText(path))) }
        return try Catalogue.builtIn(adding: files)
    }

    /// Loads a catalogue folder laid out like `Annotations/` (the files the embedding script takes),
    /// plus user rule files, instead of the built-in catalogue.
    static func loadCatalogue(folder: String, extra: [String]) throws -> Catalogue {
        let root = URL(fileURLWithPath: folder)
        var paths: [String] = []
        let walker = FileManager.default.enumerator(atPath: folder)
        while let rel = walker?.nextObject() as? String {
            if rel.hasSuffix(".yaml") || rel.hasSuffix(".tsv") || rel.hasSuffix("NOT_ENCODED.md") { paths.append(rel) }
        }
        guard !paths.isEmpty else { throw UsageProblem("--annotations \(folder): no catalogue files in that folder") }
        var files: [(path: String, contents: String)] = []
        for rel in paths.sorted() { files.append(("Annotations/" + rel, try CaseRunner.readText(root.appendingPathComponent(rel).path))) }
        for path in extra { files.append((path, try CaseRunner.readText(path))) }
        return try Catalogue.load(files: files)
    }

    /// Temporary copies of standard input and the name every message and output uses for them (`-`).
    nonisolated(unsafe) static var shownNames: [(path: String, name: String)] = []

    /// Text with temporary stand-in paths replaced by the names the user gave.
    static func shown(_ text: String) -> String {
        shownNames.reduce(text) { $0.replacingOccurrences(of: $1.path, with: $1.name) }
    }

    /// A variant-file argument: `-` and `/dev/stdin` are copied to a temporary file (kept alive by the
    /// returned object) whose path every message and output shows as given.
    static func variantFile(_ given: String) throws -> (path: String, keep: StandardInput?) {
        guard StandardInput.isStandardInput(given) else { return (given, nil) }
        let copy = try StandardInput()
        shownNames.append((copy.path, given))
        return (copy.path, copy)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func listDirectory(_ path: String) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw InputProblem(path: path, message: "cannot list the folder")
        }
    }

    static func warn(_ text: String) {
        progressLine?.finish()
        FileHandleStderr.write("nextline: warning: " + shown(text) + "\n")
    }

    /// Runs a command's body with the one error policy of every command: usage problems stay usage
    /// errors (exit 64); everything else becomes the one-line error and its exit code (``fail(_:)``).
    static func reportingErrors(_ body: () throws -> Void) throws {
        defer { progressLine?.finish() }
        do { try body() } catch let e as ValidationError { throw e } catch let e as ExitCode { throw e } catch {
            progressLine?.finish()
            throw fail(error)
        }
    }

    /// Prints the one-line error (more lines may follow for a list of problems) and exits with the
    /// code of docs/formats.md: 65 for bad input data, 64 for usage, 1 otherwise.
    static func fail(_ error: any Error) -> ExitCode {
        let text: String
        var code: Int32 = 1
        switch error {
        case let e as UsageProblem: text = e.description; code = 64
        case let e as InputProblem: text = e.description; code = 65
        case let e as CatalogueError: text = e.description; code = 65
        case let e as CaseFileError: text = e.description; code = 65
        case let e as AtomicOutput.Problem:
            text = e.description
            if case .cannotWrite = e { code = 1 } else { code = 64 }
        case let e as any CustomStringConvertible where ErrorKind.isInputData(error):
            text = e.description; code = 65
        default: text = String(describing: error)
        }
        FileHandleStderr.write("nextline: error: " + shown(text) + "\n")
        return ExitCode(code)
    }

    /// Writes to --output atomically, or to stdout.
    static func emit(_ text: String, to target: AtomicOutput?) throws {
        let text = shown(text)
        if let target { try target.write(text); return }
        // Standard output: every write checked (a full disk or /dev/full is a failure, not exit 0).
        if let problem = FileDescriptorWriter.writeChecked(text, to: 1) {
            throw AtomicOutput.Problem.cannotWrite("standard output", problem)
        }
    }
}

enum FileHandleStderr {
    static func write(_ s: String) { FileDescriptorWriter.write(s, to: 2) }
}
enum FileHandleStdout {
    static func write(_ s: String) { FileDescriptorWriter.write(s, to: 1) }
}
enum FileDescriptorWriter {
    /// Writes everything or returns the reason it could not.
    static func writeChecked(_ s: String, to fd: Int32) -> String? {
        let bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return String(cString: strerror(errno)) }
            offset += n
        }
        return nil
    }
    static func write(_ s: String, to fd: Int32) {
        let bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}
