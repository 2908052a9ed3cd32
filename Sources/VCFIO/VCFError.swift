public import VariantModel

/// Everything that can go wrong reading a variant file. Each case names the file and, where there is
/// one, the record (`chrom:pos`, line); ``description`` is the one-line message the CLI prints.
public enum VCFError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case emptyFile(path: String)
    case unreadable(path: String, reason: String)
    case notVariantFormat(path: String, detected: String)
    case truncated(path: String, detail: String)
    case malformedHeader(path: String, detail: String)
    case malformedRecord(path: String, location: String, detail: String)
    case invalidValue(path: String, location: String, field: String, detail: String)
    case sampleNotFound(path: String, sample: String, available: [String])
    case ambiguousSample(path: String, available: [String])
    case indexUnusable(path: String, detail: String)
    case outOfMemory(path: String)

    public var path: String {
        switch self {
        case .fileNotFound(let p), .isDirectory(let p), .emptyFile(let p), .outOfMemory(let p): return p
        case .unreadable(let p, _), .notVariantFormat(let p, _), .truncated(let p, _), .malformedHeader(let p, _),
             .indexUnusable(let p, _): return p
        case .malformedRecord(let p, _, _), .invalidValue(let p, _, _, _): return p
        case .sampleNotFound(let p, _, _), .ambiguousSample(let p, _): return p
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let p): return "\(p): no such file"
        case .isDirectory(let p): return "\(p): is a directory, not a VCF/BCF file"
        case .emptyFile(let p): return "\(p): the file is empty (0 bytes); expected a VCF or BCF"
        case .unreadable(let p, let r): return "\(p): cannot be read (\(r))"
        case .notVariantFormat(let p, let d): return "\(p): not a VCF or BCF file (looks like \(d))"
        case .truncated(let p, let d): return "\(p): file is truncated or corrupt (\(d))"
        case .malformedHeader(let p, let d): return "\(p): malformed VCF header: \(d)"
        case .malformedRecord(let p, let l, let d): return "\(p): malformed record at \(l): \(d)"
        case .invalidValue(let p, let l, let f, let d): return "\(p): invalid \(f) at \(l): \(d)"
        case .sampleNotFound(let p, let s, let a):
            return "\(p): sample '\(s)' is not in the file; samples: \(a.joined(separator: ", "))"
        case .ambiguousSample(let p, let a):
            return "\(p): cannot tell which sample is the tumour among \(a.joined(separator: ", ")); pass --sample NAME"
        case .indexUnusable(let p, let d): return "\(p): index cannot be used (\(d))"
        case .outOfMemory(let p): return "\(p): out of memory while reading"
        }
    }
}
