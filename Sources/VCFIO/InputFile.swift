#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VariantModel

/// Checks a path before htslib sees it, so a missing file, a directory, an empty file or a foreign
/// format gets a clear message instead of htslib's ("Success", "unknown file type").
enum InputFile {
    struct Facts {
        var size: Int
        var modified: timespec
    }

    static func check(_ path: String) throws(VCFError) -> Facts {
        var st = stat()
        if stat(path, &st) != 0 {
            let e = errno
            if e == ENOENT { throw .fileNotFound(path: path) }
            throw .unreadable(path: path, reason: String(cString: strerror(e)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        if (st.st_mode & S_IFMT) != S_IFREG {
            throw .unreadable(path: path, reason: "not a regular file (a FIFO, device or socket); give a file on disk")
        }
        if st.st_size == 0 { throw .emptyFile(path: path) }
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        if fd < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        close(fd)
        return Facts(size: Int(st.st_size), modified: st.st_mtim)
    }

    static func modified(_ path: String) -> timespec? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mtim : nil
    }

    /// The BGZF end-of-file marker (SAM/BAM spec §4.1.2): an empty block of 28 bytes.
    static let bgzfEOF: [UInt8] = [0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42,
                                   0x43, 0x02, 0x00, 0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                   0x00, 0x00]

    /// Whether the last 28 bytes are the BGZF EOF marker (read with one `pread`, not a second pass).
    static func hasBGZFEndMarker(_ path: String, size: Int) -> Bool {
        guard size >= 28 else { return false }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var tail = [UInt8](repeating: 0, count: 28)
        let n = tail.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 28, off_t(size - 28)) }
        return n == 28 && tail == bgzfEOF
    }

    static func timespecLess(_ a: timespec, _ b: timespec) -> Bool {
        a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec)
    }
}
