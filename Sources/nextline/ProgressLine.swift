#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Pipeline

/// The progress line a long streamed read shows on a terminal: records, rate and, from the bytes read of
/// the file's size, the share done and the time left. Shown only when standard error is a terminal and
/// the read has run for two seconds; erased at the end. Never written to a document or to a pipe.
final class ProgressLine: @unchecked Sendable {
    private let start = Date()
    private var shown = false
    private var lastDraw = 0.0
    private let lock = NSLock()
    /// Seconds before the line appears (NEXTLINE_PROGRESS_DELAY; default 2).
    private let delay = ProcessInfo.processInfo.environment["NEXTLINE_PROGRESS_DELAY"].flatMap(Double.init) ?? 2

    /// A reporter for `InputOptions.progress`, or nil when standard error is not a terminal.
    static func reporter() -> ProgressLine? { isatty(2) == 1 ? ProgressLine() : nil }

    func update(path: String, records: Int, bytes: Int, size: Int) {
        lock.lock(); defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed >= delay, elapsed - lastDraw >= 0.25 || !shown else { return }
        lastDraw = elapsed
        let rate = Double(records) / elapsed
        var line = "nextline: \(URL(fileURLWithPath: path).lastPathComponent): \(ProgressLine.count(records)) records, \(ProgressLine.count(Int(rate)))/s"
        if size > 0 && bytes > 0 {
            let done = min(1, Double(bytes) / Double(size))
            line += String(format: ", %.0f%%", done * 100)
            if done > 0.01 { line += ", about \(Int((elapsed / done - elapsed).rounded())) s left" }
        }
        FileHandleStderr.write("\r\u{1B}[K" + line)
        shown = true
    }

    /// Erases the line (before the run's own messages).
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandleStderr.write("\r\u{1B}[K"); shown = false }
    }

    static func count(_ n: Int) -> String {
        n >= 1_000_000 ? String(format: "%.1fM", Double(n) / 1e6) : n >= 10_000 ? "\(n / 1000)k" : "\(n)"
    }
}
