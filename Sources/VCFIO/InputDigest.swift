internal import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VariantModel

/// The SHA-256 and byte count of an input, fed by the hFILE htslib reads it through
/// (`chts_hopen_observed`): the checksum is computed on the bytes htslib reads anyway, in the same
/// pass, with no pipe and no copy (libcrypto's SHA-256).
///
/// With BGZF threads the observer runs on htslib's reader thread; `hexDigest`/`bytes` are read only
/// after htslib has reported the end of the file, which its queue orders after the last read.
final class InputDigest: @unchecked Sendable {
    private(set) var hasher = SHA256()
    private(set) var bytes = 0

    /// An hFILE over `path` whose reads feed this digest, or an error naming the file.
    func openStream(_ path: String) throws(VCFError) -> UnsafeMutablePointer<hFILE> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let hf = chts_hopen_observed(fd, { context, bytes, count in
            guard let context, let bytes else { return }
            let digest = Unmanaged<InputDigest>.fromOpaque(context).takeUnretainedValue()
            digest.hasher.update(UnsafeRawBufferPointer(start: bytes, count: count))
            digest.bytes += count
        }, context) else {
            throw .unreadable(path: path, reason: "cannot open the input stream")
        }
        return hf
    }
}
