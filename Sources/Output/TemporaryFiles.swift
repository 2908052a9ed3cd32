#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files a run creates (the atomic output's `*.tmp-*`, the scan's `.nextline-stream-*`),
/// removed when SIGINT, SIGTERM or SIGHUP stops the run, so an interrupted run leaves nothing behind.
///
/// The signal handler may only call async-signal-safe functions: it walks a fixed table of C strings
/// and calls `unlink`, then re-raises the signal with its default action.
public enum TemporaryFiles {
    static let capacity = 16
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()

    /// Remembers a temporary file; returns its slot (nil when the table is full: the file is then only
    /// removed by the normal paths).
    @discardableResult
    public static func register(_ path: String) -> Int? {
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return i
        }
        return nil
    }

    /// Creates a temporary file from a `mkstemp` template and registers it with the handled signals
    /// blocked, so a signal cannot land between the file's creation and its registration.
    /// - Returns: the descriptor and path, or nil with `errno` set.
    public static func create(template: String) -> (fd: Int32, path: String)? {
        var set = sigset_t(), old = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        sigprocmask(SIG_BLOCK, &set, &old)
        defer { sigprocmask(SIG_SETMASK, &old, nil) }
        var bytes = Array(template.utf8CString)
        let fd = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        let path = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        register(path)
        return (fd, path)
    }

    /// Forgets a temporary file that was renamed into place or removed.
    public static func unregister(_ path: String) {
        for i in 0..<capacity {
            if let p = slots[i], String(cString: p) == path {
                slots[i] = nil
                free(p)
            }
        }
    }

    /// Installs the handlers once, at start; also ignores SIGXFSZ so a file-size limit (`ulimit -f`)
    /// becomes an EFBIG write error that is reported, instead of killing the process silently.
    public static func installSignalHandlers() {
        _ = slots
        signal(SIGXFSZ, SIG_IGN)
        // A parent may hand down a blocked signal mask (exec keeps it): unblock what we handle.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, temporaryFilesSignalHandler)
            sigaddset(&set, sig)
        }
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}

private func temporaryFilesSignalHandler(_ sig: Int32) {
    for i in 0..<TemporaryFiles.capacity {
        if let p = TemporaryFiles.slots[i] { unlink(p) }
    }
    signal(sig, SIG_DFL)
    raise(sig)
}
