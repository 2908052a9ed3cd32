import Yams

/// One problem found while loading catalogue or case files: which file, which entry, which field.
public struct CatalogueProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var entry: String?
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, entry: String? = nil, field: String? = nil, message: String) {
        self.file = file; self.line = line; self.entry = entry; self.field = field; self.message = message
    }

    public var description: String {
        var where_ = file
        if let line { where_ += ":\(line)" }
        var parts: [String] = []
        if let entry { parts.append("entry '\(entry)'") }
        if let field { parts.append("field '\(field)'") }
        return where_ + ": " + (parts.isEmpty ? "" : parts.joined(separator: ", ") + ": ") + message
    }
}

/// Every problem of a load, reported at once.
public struct CatalogueError: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogueProblem]
    public init(problems: [CatalogueProblem]) { self.problems = problems }
    public var description: String {
        let head = "catalogue invalid: \(problems.count) problem\(problems.count == 1 ? "" : "s")"
        return ([head] + problems.map { "  " + $0.description }).joined(separator: "\n")
    }
}

/// Collects problems while walking YAML nodes strictly: unknown keys, wrong shapes and YAML 1.1
/// coercions (`NO`, `off`) are problems, never silently accepted.
final class ProblemSink {
    var problems: [CatalogueProblem] = []
    func add(_ file: String, _ node: Node?, entry: String?, field: String?, _ message: String) {
        problems.append(CatalogueProblem(file: file, line: node?.mark.map { $0.line }, entry: entry, field: field,
                                         message: message))
    }
}

/// A strict view of a YAML mapping.
struct YAMLMap {
    let node: Node
    let file: String
    let entry: String?
    let sink: ProblemSink
    private(set) var values: [String: Node] = [:]

    init?(_ node: Node?, file: String, entry: String?, field: String?, sink: ProblemSink,
          allowed: Set<String>, required: Set<String> = []) {
        guard let node, case .mapping(let mapping) = node else {
            sink.add(file, node, entry: entry, field: field, "expected a mapping (key: value)")
            return nil
        }
        self.node = node; self.file = file; self.entry = entry; self.sink = sink
        for (k, v) in mapping {
            guard let key = k.scalar?.string else { continue }
            if !allowed.contains(key) {
                let hint = Suggest.closest(to: key, in: Array(allowed)).map { " (did you mean '\($0)'?)" } ?? ""
                sink.add(file, k, entry: entry, field: key, "unknown key\(hint)")
                continue
            }
            values[key] = v
        }
        for key in required.sorted() where values[key] == nil {
            sink.add(file, node, entry: entry, field: key, "required key is missing")
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    func string(_ key: String) -> String? {
        guard let n = values[key] else { return nil }
        guard let s = n.scalar?.string else {
            sink.add(file, n, entry: entry, field: key, "expected a single value"); return nil
        }
        return s
    }

    func int(_ key: String) -> Int? {
        guard let s = string(key) else { return nil }
        guard let v = Int(s) else { sink.add(file, values[key], entry: entry, field: key, "'\(s)' is not a whole number"); return nil }
        return v
    }

    func double(_ key: String) -> Double? {
        guard let s = string(key) else { return nil }
        guard let v = Double(s), v.isFinite else { sink.add(file, values[key], entry: entry, field: key, "'\(s)' is not a number"); return nil }
        return v
    }

    func bool(_ key: String) -> Bool? {
        guard let s = string(key) else { return nil }
        switch s {
        case "true": return true
        case "false": return false
        default:
            sink.add(file, values[key], entry: entry, field: key, "'\(s)' must be true or false"); return nil
        }
    }

    /// A list of scalars; a single scalar is accepted as a one-element list.
    func strings(_ key: String) -> [String]? {
        guard let n = values[key] else { return nil }
        if let s = n.scalar?.string { return [s] }
        guard case .sequence(let seq) = n else {
            sink.add(file, n, entry: entry, field: key, "expected a list"); return nil
        }
        var out: [String] = []
        for item in seq {
            if let s = item.scalar?.string { out.append(s) }
            else { sink.add(file, item, entry: entry, field: key, "list items must be single values") }
        }
        return out
    }

    func list(_ key: String) -> [Node]? {
        guard let n = values[key] else { return nil }
        guard case .sequence(let seq) = n else {
            sink.add(file, n, entry: entry, field: key, "expected a list"); return nil
        }
        return Array(seq)
    }

    func node(_ key: String) -> Node? { values[key] }
}

enum YAMLLoad {
    /// Parses YAML text to a node tree; a syntax error (or a duplicate key) becomes a problem.
    static func compose(_ text: String, file: String, sink: ProblemSink) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else {  // plain strings; our readers type every value themselves
                sink.add(file, nil, entry: nil, field: nil, "the file is empty")
                return nil
            }
            return node
        } catch let error as YamlError {
            sink.add(file, nil, entry: nil, field: nil, "YAML error: \(String(describing: error).split(separator: "\n").first ?? "")")
            return nil
        } catch {
            sink.add(file, nil, entry: nil, field: nil, "YAML error: \(error)")
            return nil
        }
    }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    public static func closest(to word: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
        let w = Array(word.lowercased())
        var best: (word: String, distance: Int)? = nil
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if let b = best, d > b.distance || (d == b.distance && c >= b.word) { continue }
            best = (c, d)
        }
        guard let (c, d) = best else { return nil }
        let limit = maxDistance ?? max(2, w.count / 3)
        return d <= limit ? c : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

/// Case- and punctuation-insensitive key: `T-DM1`, `tdm1` and `T DM1` are the same name.
public func vocabularyKey(_ s: String) -> String {
    String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        .map(Character.init))
}
