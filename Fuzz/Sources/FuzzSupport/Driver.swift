// The libFuzzer driver shared by every target, and the helpers they use (scratch files, invariant checks,
// the built-in catalogue loaded once per process).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibFuzzer
import Catalogue

/// The body of the running target. Set once by ``Fuzz/run(_:)`` before libFuzzer starts; libFuzzer calls
/// back on the thread that called it, one input at a time.
nonisolated(unsafe) private var fuzzBody: ((UnsafeRawBufferPointer) -> Void)?

public enum Fuzz {
    /// Hands the command line to libFuzzer (`LLVMFuzzerRunDriver`) and calls `body` for every input; exits with
    /// libFuzzer's code. A failed ``check(_:_:file:line:)`` or a sanitizer report is a crash; thrown errors
    /// are the target's business (they are the expected outcome for bad input).
    public static func run(_ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        fuzzBody = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let code = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            fuzzBody?(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
        exit(code)
    }

    /// An invariant of nextline's contract: when it fails, the input is printed as a finding (libFuzzer
    /// saves it as crash-*) and the process aborts.
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String,
                             file: StaticString = #fileID, line: UInt = #line) {
        if condition { return }
        let text = "\(file):\(line): \(message())"
        if keepGoing {
            // Triage mode: each failing check is said once, and fuzzing goes on (no artifact is written).
            let site = "\(file):\(line)"
            if !reported.contains(site) {
                reported.insert(site)
                fputs("\n==nextline-fuzz== INVARIANT FAILED (FUZZ_KEEP_GOING, not saved): \(text)\n", stderr)
            }
            return
        }
        fail(text)
    }

    /// FUZZ_KEEP_GOING=1: failed checks are printed once per check site instead of aborting, to list every
    /// kind of failure in one run (crashes and sanitizer reports still stop the run).
    static let keepGoing = getenv("FUZZ_KEEP_GOING").map { String(cString: $0) == "1" } ?? false
    nonisolated(unsafe) static var reported = Set<String>()

    public static func fail(_ message: String) -> Never {
        fputs("\n==nextline-fuzz== INVARIANT FAILED: \(message)\n", stderr)
        fflush(stderr)
        abort()
    }

    /// The built-in catalogue (embedded `Annotations/`), loaded once.
    public static let catalogue: Catalogue = {
        do { return try Catalogue.builtIn() } catch { fail("the built-in catalogue does not load: \(error)") }
    }()

    /// The repository root: `NEXTLINE_REPO`, else the folder this package was built from (Fuzz/..).
    public static let repositoryRoot: String = {
        if let r = getenv("NEXTLINE_REPO") { return String(cString: r) }
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Fuzz/Sources/FuzzSupport/Driver.swift
        return parts.joined(separator: "/")
    }()
}

/// A private folder (under `TMPDIR`) holding the file each input is written to; removed at normal exit.
public final class Scratch: @unchecked Sendable {
    public let directory: String

    public init() {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/nextline-fuzz-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            Fuzz.fail("cannot create a scratch folder in \(base): \(String(cString: strerror(errno)))")
        }
        directory = String(cString: template)
        Scratch.registered.append(directory)
        if Scratch.registered.count == 1 { atexit { Scratch.removeAll() } }
    }

    /// Writes `bytes` to `name` in the scratch folder (replacing it) and returns the path.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer, name: String) -> String {
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if fd < 0 { Fuzz.fail("cannot write \(path): \(String(cString: strerror(errno)))") }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n <= 0 { close(fd); Fuzz.fail("cannot write \(path): \(String(cString: strerror(errno)))") }
            done += n
        }
        close(fd)
        return path
    }

    public func write(_ bytes: [UInt8], name: String) -> String {
        bytes.withUnsafeBytes { write($0, name: name) }
    }

    nonisolated(unsafe) private static var registered: [String] = []
    private static func removeAll() {
        for dir in registered {
            if let d = opendir(dir) {
                while let e = readdir(d) {
                    let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                    if name != "." && name != ".." { unlink(dir + "/" + name) }
                }
                closedir(d)
            }
            rmdir(dir)
        }
    }
}

extension UnsafeRawBufferPointer {
    /// The input as text, the way nextline's readers see a file's bytes (invalid UTF-8 repaired).
    public var lossyString: String { String(decoding: self, as: UTF8.self) }
}
