import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import VariantModel

/// Streams a file into a pipe that htslib reads from, hashing every byte on the way, so the input's
/// SHA-256 is computed during the one pass that reads it.
///
/// The pump thread owns `hasher` and `byteCount` until `finish()` returns (it waits for the thread
/// through a semaphore), which is why the type is `@unchecked Sendable`.
final class HashingPump: @unchecked Sendable {
    let readEnd: Int32
    private let writeEnd: Int32
    private let source: Int32
    private var hasher = SHA256()
    private var byteCount = 0
    private var sourceError: Int32 = 0
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    init(path: String) throws(VCFError) {
        signal(SIGPIPE, SIG_IGN)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            close(fd)
            throw .unreadable(path: path, reason: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        source = fd
        readEnd = fds[0]
        writeEnd = fds[1]
        let thread = Thread { [self] in self.run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func run() {
        let size = 1 << 17
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer {
            buffer.deallocate()
            close(source)
            close(writeEnd)
            done.signal()
        }
        while true {
            let n = read(source, buffer, size)
            if n < 0 {
                if errno == EINTR { continue }
                sourceError = errno
                return
            }
            if n == 0 { return }
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: n))
            byteCount += n
            var offset = 0
            while offset < n {
                let w = write(writeEnd, buffer + offset, n - offset)
                if w < 0 {
                    if errno == EINTR { continue }
                    return  // the reader closed its end (an error upstream): stop quietly
                }
                offset += w
            }
        }
    }

    /// Waits for the pump thread and returns the digest and byte count. Call after the reading side
    /// has been closed or has reached end of file.
    func finish() -> (sha256: String, bytes: Int, error: Int32) {
        if !finished { done.wait(); finished = true }
        return (hasher.hexDigest(), byteCount, sourceError)
    }
}
