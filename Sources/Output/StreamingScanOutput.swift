#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Interpretation
public import Reporting
import Foundation
import VariantModel

/// Writes a scan document while the file is read: finding rows (TSV) or array elements (JSON) go to
/// temporary files as they come, and the document is assembled around them at the end, byte for
/// byte what encoding the whole ``ScanDocument`` gives. Memory no longer grows with the number of findings.
public final class StreamingScanOutput {
    public enum Format: Sendable { case tsv, json }

    /// A piece of the final document: literal text, or the contents of a temporary file.
    public enum Part { case text(String), file(String) }

    let format: Format
    private let findingsPath: String
    private let notAssessablePath: String
    private let findingsFile: UnsafeMutablePointer<FILE>
    private let notAssessableFile: UnsafeMutablePointer<FILE>
    private var findings = 0
    private let output: String
    private var notAssessable = 0

    /// - Parameter directory: where the temporary files go (the output's directory, or TMPDIR).
    /// - Parameter output: what errors name (the --output path, or "standard output"): the user never
    ///   chose the temporary files, so a full disk or a file-size limit is reported against the output.
    public init(format: Format, directory: String, output: String? = nil) throws {
        self.format = format
        self.output = output ?? directory
        func temp() throws -> (String, UnsafeMutablePointer<FILE>) {
            guard let (fd, path) = TemporaryFiles.create(template: directory + "/.nextline-stream-XXXXXX") else {
                throw AtomicOutput.Problem.cannotWrite(directory, "cannot create a temporary file: \(String(cString: strerror(errno)))")
            }
            guard let f = fdopen(fd, "w+") else {
                close(fd); unlink(path); TemporaryFiles.unregister(path)
                throw AtomicOutput.Problem.cannotWrite(directory, "cannot open a temporary file: \(String(cString: strerror(errno)))")
            }
            return (path, f)
        }
        (findingsPath, findingsFile) = try temp()
        do { (notAssessablePath, notAssessableFile) = try temp() } catch {
            fclose(findingsFile); unlink(findingsPath); TemporaryFiles.unregister(findingsPath); throw error
        }
    }

    deinit {
        fclose(findingsFile); fclose(notAssessableFile)
        unlink(findingsPath); unlink(notAssessablePath)
        TemporaryFiles.unregister(findingsPath); TemporaryFiles.unregister(notAssessablePath)
    }

    /// The receivers to hand to ``ScanRunner/scan(path:catalogue:options:sampleOverride:expectedBuild:normalSample:tools:stream:)``.
    public var stream: ScanStream {
        ScanStream(finding: { [unowned self] f in try self.add(f) }, notAssessable: { [unowned self] n in try self.add(n) })
    }

    func put(_ s: String, _ f: UnsafeMutablePointer<FILE>, _ path: String) throws {
        if fputs(s, f) < 0 { throw AtomicOutput.Problem.cannotWrite(output, "while writing its temporary part: \(String(cString: strerror(errno)))") }
    }

    func add(_ finding: Finding) throws {
        let f = DocumentFinding(scanned: finding)
        switch format {
        case .tsv: try put(ScanTSV.row(f), findingsFile, findingsPath)
        case .json: try put((findings > 0 ? "," : "") + "\n" + DocumentJSON.encodeNested(f, level: 2), findingsFile, findingsPath)
        }
        findings += 1
    }

    func add(_ record: NotAssessable) throws {
        let n = NotAssessableEntry(record)
        switch format {
        case .tsv: try put(ScanTSV.notAssessable(n), notAssessableFile, notAssessablePath)
        case .json: try put((notAssessable > 0 ? "," : "") + "\n" + DocumentJSON.encodeNested(n, level: 2), notAssessableFile, notAssessablePath)
        }
        notAssessable += 1
    }

    /// The document's parts, given the document of the finished scan without its findings (already streamed).
    public func parts(_ report: ScanDocument) throws -> [Part] {
        guard fflush(findingsFile) == 0, fflush(notAssessableFile) == 0 else {
            throw AtomicOutput.Problem.cannotWrite(output, "while writing its temporary parts: \(String(cString: strerror(errno)))")
        }
        switch format {
        case .tsv:
            return [.text(ScanTSV.header(report)), .file(findingsPath), .file(notAssessablePath), .text(ScanTSV.trailer(report))]
        case .json:
            var skeleton = report
            skeleton.findings = []; skeleton.notAssessable = []
            let text = try DocumentJSON.encode(skeleton)
            // Keys are sorted and unique, and quotes inside strings are escaped, so these markers occur once.
            let f = "\n  \"findings\" : []", n = "\n  \"not_assessable\" : []"
            guard let fr = text.range(of: f), let nr = text.range(of: n), fr.upperBound <= nr.lowerBound else {
                throw AtomicOutput.Problem.cannotWrite(findingsPath, "internal: document markers not found")
            }
            var parts: [Part] = [.text(String(text[..<fr.lowerBound]))]
            parts.append(.text("\n  \"findings\" : " + (findings == 0 ? "[]" : "[")))
            if findings > 0 { parts += [.file(findingsPath), .text("\n  ]")] }
            parts.append(.text(String(text[fr.upperBound..<nr.lowerBound])))
            parts.append(.text("\n  \"not_assessable\" : " + (notAssessable == 0 ? "[]" : "[")))
            if notAssessable > 0 { parts += [.file(notAssessablePath), .text("\n  ]")] }
            parts.append(.text(String(text[nr.upperBound...])))
            return parts
        }
    }
}

extension String {
    fileprivate func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
            i = index(after: i)
        }
        return nil
    }
}
