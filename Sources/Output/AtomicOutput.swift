#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a document so that no partial or corrupt file is ever left under the final name: a
/// temporary file beside the target, `fsync`, `rename`, then `fsync` of the directory.
public struct AtomicOutput: Sendable {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        case isDirectory(String)
        case sameAsInput(String)
        case exists(String)
        case cannotWrite(String, String)
        public var description: String {
            switch self {
            case .isDirectory(let p): return "\(p): output path is a directory"
            case .sameAsInput(let p): return "\(p): output path is one of the inputs; refusing to overwrite it"
            case .exists(let p): return "\(p): output exists and --no-clobber was given"
            case .cannotWrite(let p, let why): return "\(p): cannot write output (\(why))"
            }
        }
    }

    public let path: String
    public let noClobber: Bool

    public init(path: String, noClobber: Bool) { self.path = path; self.noClobber = noClobber }

    /// Checks the target before any work is done.
    /// Refuses, before any work: a directory; anything but a regular file (a device, FIFO, socket or
    /// symlink would be replaced by the final rename); an existing file with --no-clobber; and any file
    /// the run reads (inputs, their indexes, case, catalogue and region files).
    public func validate(inputs: [String]) throws(Problem) {
        var st = stat()
        var link = stat()
        if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            throw .cannotWrite(path, "it is a symbolic link; the final rename would replace the link: give the target path")
        }
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
            if (st.st_mode & S_IFMT) != S_IFREG {
                throw .cannotWrite(path, "not a regular file (a device, FIFO or socket); omit --output to write to standard output")
            }
            if noClobber { throw .exists(path) }
            for input in inputs {
                var si = stat()
                if stat(input, &si) == 0, si.st_dev == st.st_dev, si.st_ino == st.st_ino { throw .sameAsInput(path) }
            }
        }
        let dir = AtomicOutput.directory(of: path)
        if access(dir, W_OK) != 0 { throw .cannotWrite(path, "directory \(dir) is not writable: \(String(cString: strerror(errno)))") }
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    /// Writes the parts of a document (text, or the contents of temporary files) atomically.
    public func write(parts: [StreamingScanOutput.Part]) throws(Problem) {
        let dir = AtomicOutput.directory(of: path)
        guard let (fd, tmp) = TemporaryFiles.create(template: path + ".tmp-XXXXXX") else {
            throw .cannotWrite(path, String(cString: strerror(errno)))
        }
        defer { TemporaryFiles.unregister(tmp) }
        do {
            try AtomicOutput.copy(parts, to: fd, path: path)
            if fsync(fd) != 0 { throw Problem.cannotWrite(path, String(cString: strerror(errno))) }
        } catch {
            close(fd); unlink(tmp)
            throw (error as? Problem) ?? .cannotWrite(path, "\(error)")
        }
        if close(fd) != 0 { unlink(tmp); throw .cannotWrite(path, String(cString: strerror(errno))) }
        _ = fchmod_path(tmp)
        if let problem = install(tmp) { unlink(tmp); throw problem }
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Writes parts to an open file descriptor (standard output, or the temporary file).
    public static func copy(_ parts: [StreamingScanOutput.Part], to fd: Int32, path: String) throws {
        func all(_ p: UnsafeRawPointer, _ count: Int) throws(Problem) {
            var offset = 0
            while offset < count {
                let n = Glibc.write(fd, p + offset, count - offset)
                if n < 0 { if errno == EINTR { continue }; throw .cannotWrite(path, String(cString: strerror(errno))) }
                offset += n
            }
        }
        for part in parts {
            switch part {
            case .text(let t):
                let bytes = Array(t.utf8)
                try bytes.withUnsafeBytes { b in if let base = b.baseAddress { try all(base, b.count) } }
            case .file(let f):
                let src = open(f, O_RDONLY)
                guard src >= 0 else { throw Problem.cannotWrite(path, "cannot reopen \(f)") }
                defer { close(src) }
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(src, $0.baseAddress, 1 << 16) }
                    if n < 0 { if errno == EINTR { continue }; throw Problem.cannotWrite(path, String(cString: strerror(errno))) }
                    if n == 0 { break }
                    try buffer.withUnsafeBytes { b in if let base = b.baseAddress { try all(base, n) } }
                }
            }
        }
    }

    /// Has `write` produce the output at a temporary path beside the target (htslib writes by path), then
    /// renames it into place, followed by its companions (the index, by suffix) so an index is never
    /// older than its data. Nothing is left under the final names when `write` fails.
    public func produce(companions: [String], _ write: (String) throws -> Void) throws {
        guard let (fd, tmp) = TemporaryFiles.create(template: path + ".tmp-XXXXXX") else {
            throw Problem.cannotWrite(path, String(cString: strerror(errno)))
        }
        close(fd)
        for c in companions { TemporaryFiles.register(tmp + c) }
        func discard() {
            unlink(tmp); TemporaryFiles.unregister(tmp)
            for c in companions { unlink(tmp + c); TemporaryFiles.unregister(tmp + c) }
        }
        do { try write(tmp) } catch { discard(); throw error }
        let sync = open(tmp, O_RDONLY)
        if sync >= 0 { fsync(sync); close(sync) }
        _ = fchmod_path(tmp)
        if let problem = install(tmp) { discard(); throw problem }
        TemporaryFiles.unregister(tmp)
        for c in companions {
            if access(tmp + c, F_OK) == 0 {
                _ = fchmod_path(tmp + c)
                if rename(tmp + c, path + c) != 0 { throw Problem.cannotWrite(path + c, String(cString: strerror(errno))) }
            } else {
                unlink(path + c)   // a stale index of an earlier output must not stay beside the new data
            }
            TemporaryFiles.unregister(tmp + c)
        }
        let dfd = open(AtomicOutput.directory(of: path), O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Moves the finished temporary file to the target. With --no-clobber the move is a hard link, which
    /// fails when the target appeared meanwhile (no-replace holds at this moment, not only at the start),
    /// then the temporary name is removed; otherwise an atomic rename.
    func install(_ tmp: String) -> Problem? {
        if noClobber {
            if link(tmp, path) != 0 {
                return errno == EEXIST ? .exists(path) : .cannotWrite(path, String(cString: strerror(errno)))
            }
            unlink(tmp)
            return nil
        }
        return rename(tmp, path) == 0 ? nil : .cannotWrite(path, String(cString: strerror(errno)))
    }

    /// Writes `text` atomically.
    public func write(_ text: String) throws(Problem) {
        try write(parts: [.text(text)])
    }

    /// mkstemp creates 0600; outputs are ordinary files (0644 minus umask).
    private func fchmod_path(_ p: String) -> Int32 {
        let mask = umask(0); umask(mask)
        return chmod(p, 0o666 & ~mask)
    }
}
