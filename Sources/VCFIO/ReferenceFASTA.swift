internal import CHTSlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reference genome FASTA read through htslib's faidx (plain or BGZF-compressed, with its `.fai`;
/// a `.gzi` too when compressed). Sequence names are used as the FASTA writes them.
///
/// Owns the `faidx_t` and frees it in `deinit`. Not `Sendable`: one reader per task.
public final class ReferenceFASTA {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        case missingIndex(String)
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .missingIndex(let p): return "\(p): the FASTA has no .fai index (create it with 'samtools faidx \(p)')"
            case .unreadable(let p, let why): return "\(p): cannot be read as an indexed FASTA (\(why))"
            }
        }
    }

    public let path: String
    private let index: OpaquePointer
    /// Sequence names and lengths, in file order.
    public let sequences: [(name: String, length: Int)]

    public init(path: String) throws(Problem) {
        self.path = path
        hts_set_log_level(HTS_LOG_OFF)
        var st = stat()
        guard stat(path, &st) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        guard stat(path + ".fai", &st) == 0 else { throw .missingIndex(path) }
        // Flags 0: never create an index behind the user's back (FAI_CREATE is not set).
        guard let idx = fai_load3(path, nil, nil, 0) else { throw .unreadable(path, "faidx could not load it or its .fai/.gzi") }
        index = idx
        var seqs: [(String, Int)] = []
        for i in 0..<faidx_nseq(idx) {
            guard let n = faidx_iseq(idx, i) else { continue }
            let name = String(cString: n)
            seqs.append((name, Int(faidx_seq_len(idx, n))))
        }
        sequences = seqs
    }

    deinit { fai_destroy(index) }

    public func has(_ name: String) -> Bool { faidx_has_seq(index, name) == 1 }

    /// Bases `start...end` (1-based, inclusive), upper-cased; nil when the region is outside the sequence.
    ///
    /// Served from a window of ``windowSize`` bases around an earlier request when it lies inside it: the
    /// REF check of every record of a sorted VCF then costs one faidx read (and BGZF inflate) per window,
    /// not one per record. A window is read only when requests walk forwards close together (the previous
    /// one within a window's length before this one); scattered requests (a few hundred sites over a
    /// genome) read just their bases.
    public func fetch(_ name: String, start: Int, end: Int) -> String? {
        guard start >= 1, end >= start else { return nil }
        if let w = window, w.name == name, start >= w.start, end < w.start + w.bases.count {
            return String(decoding: w.bases[(start - w.start)...(end - w.start)], as: UTF8.self)
        }
        let sequential = previous.map { $0.name == name && start >= $0.start && start - $0.start < ReferenceFASTA.windowSize } ?? false
        previous = (name, start)
        guard sequential, end - start < ReferenceFASTA.windowSize / 2 else {
            return read(name, start: start, end: end).map { String(decoding: $0, as: UTF8.self) }
        }
        let length = Int(faidx_seq_len(index, name))
        guard length > 0, end <= length else { return nil }
        let from = max(1, start - 1024), to = min(length, from + ReferenceFASTA.windowSize - 1)
        guard let bases = read(name, start: from, end: to) else { return nil }
        window = (name, from, bases)
        return String(decoding: bases[(start - from)...(end - from)], as: UTF8.self)
    }

    /// Bases of one window kept between calls (see ``fetch(_:start:end:)``).
    static let windowSize = 65_536
    private var window: (name: String, start: Int, bases: [UInt8])?
    /// The last request that missed the window (to tell a forward walk from scattered requests).
    private var previous: (name: String, start: Int)?

    /// Bases `start...end` read through faidx, upper-cased; nil when htslib cannot give all of them.
    private func read(_ name: String, start: Int, end: Int) -> [UInt8]? {
        var len: hts_pos_t = 0
        guard let p = faidx_fetch_seq64(index, name, hts_pos_t(start - 1), hts_pos_t(end - 1), &len), len >= 0 else { return nil }
        defer { free(p) }
        guard Int(len) == end - start + 1 else { return nil }
        return UnsafeRawBufferPointer(start: p, count: Int(len)).map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
    }
}

/// Reads a text file line by line through htslib, so plain and gzip/BGZF-compressed files (GFF3,
/// BED) read alike.
public final class TextLineReader {
    public let path: String
    private let file: UnsafeMutablePointer<htsFile>
    private var line = kstring_t(l: 0, m: 0, s: nil)
    public private(set) var lineNumber = 0

    public init(path: String) throws(VCFError) {
        self.path = path
        _ = try InputFile.check(path)
        hts_set_log_level(HTS_LOG_OFF)
        guard let f = hts_open(path, "r") else { throw .unreadable(path: path, reason: "htslib could not open it") }
        file = f
    }

    deinit { chts_ks_free(&line); hts_close(file) }

    /// The next line without its line ending, or nil at the end.
    public func next() throws(VCFError) -> String? {
        let r = chts_getline(file, &line)
        if r == -1 { return nil }
        if r < -1 { throw .truncated(path: path, detail: "read error after line \(lineNumber)") }
        lineNumber += 1
        guard let s = line.s else { return "" }
        var l = Int(line.l)
        if l > 0 && s[l - 1] == 13 { l -= 1 }
        return String(decoding: UnsafeRawBufferPointer(start: s, count: l), as: UTF8.self)
    }
}
