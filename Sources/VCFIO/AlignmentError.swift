/// Everything that can go wrong reading aligned reads (BAM/CRAM). Each case names the file; the
/// ``description`` is the one-line message the CLI prints, saying what to do where there is something to do.
public enum AlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case unreadable(path: String, reason: String)
    case notAlignmentFormat(path: String, detected: String)
    /// No `.bai`/`.csi` (BAM) or `.crai` (CRAM) beside the file.
    case missingIndex(path: String, tried: [String])
    /// The index is older than the data file (htslib's own test, to the second).
    case staleIndex(path: String, index: String)
    case indexUnusable(path: String, index: String)
    /// The data ends early or a block cannot be decoded (no EOF marker, a failed BGZF block).
    case truncated(path: String, detail: String)
    /// A CRAM without a usable reference (none given, or the file named does not exist or lacks a sequence).
    case referenceMissing(path: String, detail: String)
    /// The reference differs from the one the reads were aligned to / the CRAM was encoded with.
    case referenceMismatch(path: String, detail: String)
    case malformedHeader(path: String, detail: String)
    case ambiguousSample(path: String, available: [String])
    case sampleNotFound(path: String, sample: String, available: [String])
    /// A site the genotyper cannot count (a symbolic ALT, a complex allele), named.
    case unsupportedSite(site: String, detail: String)

    public var path: String {
        switch self {
        case .fileNotFound(let p), .unreadable(let p, _), .notAlignmentFormat(let p, _), .missingIndex(let p, _),
             .staleIndex(let p, _), .indexUnusable(let p, _), .truncated(let p, _), .referenceMissing(let p, _),
             .referenceMismatch(let p, _), .malformedHeader(let p, _), .ambiguousSample(let p, _),
             .sampleNotFound(let p, _, _): return p
        case .unsupportedSite: return ""
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let p): return "\(p): no such file"
        case .unreadable(let p, let r): return "\(p): cannot be read (\(r))"
        case .notAlignmentFormat(let p, let d): return "\(p): not a BAM or CRAM file (looks like \(d))"
        case .missingIndex(let p, let tried):
            return "\(p): no index (looked for \(tried.joined(separator: ", "))); create one with 'samtools index \(p)'"
        case .staleIndex(let p, let i):
            return "\(p): the index \(i) is older than the file (stale); re-create it with 'samtools index \(p)'"
        case .indexUnusable(let p, let i):
            return "\(p): the index \(i) cannot be loaded; re-create it with 'samtools index \(p)'"
        case .truncated(let p, let d): return "\(p): file is truncated or corrupt (\(d))"
        case .referenceMissing(let p, let d): return "\(p): CRAM reference missing: \(d)"
        case .referenceMismatch(let p, let d): return "\(p): reference mismatch: \(d)"
        case .malformedHeader(let p, let d): return "\(p): malformed SAM header: \(d)"
        case .ambiguousSample(let p, let a):
            return "\(p): the read groups name several samples (\(a.joined(separator: ", "))); pick one with --sample NAME"
        case .sampleNotFound(let p, let s, let a):
            return "\(p): sample '\(s)' is not in the read groups; samples: \(a.isEmpty ? "none (no @RG SM)" : a.joined(separator: ", "))"
        case .unsupportedSite(let s, let d): return "site \(s): cannot be genotyped from reads (\(d))"
        }
    }
}
