#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `-` (or `/dev/stdin`) as a variant file: standard input is copied once to a private temporary file,
/// because the container is sniffed before htslib decodes it and the file is then read again (which a pipe
/// cannot do). The checksum is still computed while the copy is read. Everything the run writes names it
/// `-`, never the temporary path, so outputs stay byte-identical from run to run.
public final class StandardInput {
    public static func isStandardInput(_ path: String) -> Bool { path == "-" || path == "/dev/stdin" }

    /// The temporary copy's path.
    public let path: String
    private let directory: String

    /// Copies standard input into a new private directory under `TMPDIR` (or /tmp).
    public init() throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base + "/nextline-stdin-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw AtomicOutput.Problem.cannotWrite(base, "cannot create a temporary folder for standard input: \(String(cString: strerror(errno)))")
        }
        directory = String(cString: made)
        guard let (fd, file) = TemporaryFiles.create(template: directory + "/stdin-XXXXXX") else {
            throw AtomicOutput.Problem.cannotWrite(directory, String(cString: strerror(errno)))
        }
        path = file
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 { if errno == EINTR { continue }; throw AtomicOutput.Problem.cannotWrite("standard input", String(cString: strerror(errno))) }
            var offset = 0
            while offset < n {
                let w = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, n - offset) }
                if w < 0 { if errno == EINTR { continue }; throw AtomicOutput.Problem.cannotWrite(path, String(cString: strerror(errno))) }
                offset += w
            }
        }
    }

    deinit {
        unlink(path)
        rmdir(directory)
        TemporaryFiles.unregister(path)
    }
}
