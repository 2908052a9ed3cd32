// Target render: arbitrary strings and numbers in a real interpretation document (the demo case, built at
// start-up), rendered in every format — what `nextline render doc.json` does with a saved or edited document.
// The input is split at NUL bytes; the pieces go, in turn, into every string field of the document (each
// prefixed with the marker "zq<zq', except a piece starting with \x01 and free of markup characters, which
// goes in as it is) and, where a piece is a number, into the numeric fields. The tool and
// catalogue stamps and the settings stay as built (they are not user text).
// Fails: a crash or sanitizer report in any renderer; in HTML a raw `<zq` or `"zq` (text or attribute not
// escaped), a `<script`, or a link that is not `#…` or `https://…`; in Markdown a raw `<zq`; JSON that does not
// decode back to the same document; FHIR or MatchMiner output that is not JSON; a TSV or MAF data row with
// the wrong number of columns.
import Foundation
import FuzzSupport
import Catalogue
import Interpretation
import Pipeline
import Reporting

/// A JSON value decoded without knowing its schema.
enum AnyJSON: Codable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let o = try? c.decode([String: AnyJSON].self) { self = .object(o) }
        else { self = .array(try c.decode([AnyJSON].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}

enum Slot { case string, int, double }
typealias Path = [String]   // object keys, or array indices as decimal text

func leaves(_ v: AnyJSON, _ path: Path = [], into out: inout [(Path, AnyJSON)]) {
    switch v {
    case .array(let a): for (i, x) in a.enumerated() { leaves(x, path + [String(i)], into: &out) }
    case .object(let o): for k in o.keys.sorted() { leaves(o[k]!, path + [k], into: &out) }
    default: out.append((path, v))
    }
}

func replacing(_ v: AnyJSON, at path: ArraySlice<String>, with new: AnyJSON) -> AnyJSON {
    guard let head = path.first else { return new }
    switch v {
    case .array(var a):
        if let i = Int(head), a.indices.contains(i) { a[i] = replacing(a[i], at: path.dropFirst(), with: new) }
        return .array(a)
    case .object(var o):
        if let x = o[head] { o[head] = replacing(x, at: path.dropFirst(), with: new) }
        return .object(o)
    default: return v
    }
}

let marker = "\"zq<zq'"
let fuzzURLs = getenv("FUZZ_RENDER_URLS").map { String(cString: $0) != "0" } ?? true
/// FUZZ_RENDER_NUMBERS=0 keeps the numbers as built (to get past a known crash on huge numbers).
let fuzzNumbers = getenv("FUZZ_RENDER_NUMBERS").map { String(cString: $0) != "0" } ?? true
/// Characters that the escaping checks rely on the marker for: a raw piece must not hold them.
let markup: Set<Character> = ["<", ">", "\"", "'", "&"]
let encoder = JSONEncoder()
let decoder = JSONDecoder()

func decodes(_ tree: AnyJSON) -> InterpretationDocument? {
    guard let data = try? encoder.encode(tree) else { return nil }
    return try? decoder.decode(InterpretationDocument.self, from: data)
}

// The base document: the demo case (four samples, findings, verdicts, recommendations), interpreted once.
let catalogue = Fuzz.catalogue
let base: InterpretationDocument = {
    let casePath = Fuzz.repositoryRoot + "/TestVCFs/demo/case.yaml"
    do {
        let (pc, _) = try CaseRunner.readCase(path: casePath, catalogue: catalogue)
        let out = try CaseRunner.run(patientCase: pc, catalogue: catalogue, options: InputOptions(), settings: InterpretationSettings())
        return CaseRunner.document(out, catalogue: catalogue)
    } catch {
        Fuzz.fail("cannot build the base document from \(casePath) (set NEXTLINE_REPO): \(error)")
    }
}()
let baseTree: AnyJSON = {
    do { return try decoder.decode(AnyJSON.self, from: try encoder.encode(base)) } catch { Fuzz.fail("base document: \(error)") }
}()

/// The fields fuzzed: every leaf outside the stamps whose replacement still decodes as the document
/// (closed vocabularies such as a genome build enum are left alone), and nulls that may hold a string.
let slots: [(Path, Slot)] = {
    var all: [(Path, AnyJSON)] = []
    leaves(baseTree, into: &all)
    let fixed: Set<String> = ["schema", "tool", "catalogue", "settings"]
    var out: [(Path, Slot)] = []
    // One trial decode per field of the model (the path with array indices as `*`), not per leaf.
    var accepts: [String: Bool] = [:]
    func takesString(_ path: Path) -> Bool {
        let key = path.map { Int($0) == nil ? $0 : "*" }.joined(separator: ".")
        if let known = accepts[key] { return known }
        let ok = decodes(replacing(baseTree, at: path[...], with: .string(marker))) != nil
        accepts[key] = ok
        return ok
    }
    for (path, value) in all where !fixed.contains(path.first ?? "") {
        // Known finding (docs/fuzzing.md): the renderers print a reference's `url` from the document as
        // it is (HTML href, Markdown link target), so `render` of an edited document can emit any link.
        // Left out until that is fixed; FUZZ_RENDER_URLS=1 fuzzes them too.
        if path.last == "url" && !fuzzURLs { continue }
        switch value {
        case .string, .null: if takesString(path) { out.append((path, .string)) }
        case .int: out.append((path, .int))
        case .double: out.append((path, .double))
        default: break
        }
    }
    return out
}()
/// Every leaf in walk order (sorted keys): nil when it stays as built, else its slot.
let leafSlots: [Slot?] = {
    var all: [(Path, AnyJSON)] = []
    leaves(baseTree, into: &all)
    let chosen = Dictionary(slots.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
    return all.map { chosen[$0.0] }
}()

/// The document with the pieces put in, in one walk of the tree (leaves in the same order as ``leaves``).
func filled(_ v: AnyJSON, leaf: inout Int, slot: inout Int, pieces: [String]) -> AnyJSON {
    switch v {
    case .array(let a): return .array(a.map { filled($0, leaf: &leaf, slot: &slot, pieces: pieces) })
    case .object(let o):
        var out: [String: AnyJSON] = [:]
        out.reserveCapacity(o.count)
        for k in o.keys.sorted() { out[k] = filled(o[k]!, leaf: &leaf, slot: &slot, pieces: pieces) }
        return .object(out)
    default:
        defer { leaf += 1 }
        guard let kind = leafSlots[leaf] else { return v }
        let piece = pieces[slot % pieces.count]
        slot += 1
        switch kind {
        case .string:
            // A piece starting with \u{1} goes in as it is (dates, verdict and role names are parsed by the
            // renderers), unless it holds markup characters; every other piece gets the marker.
            if piece.hasPrefix("\u{1}"), !piece.contains(where: { markup.contains($0) }) { return .string(String(piece.dropFirst())) }
            return .string(marker + piece)
        case .int: return fuzzNumbers ? Int(piece).map(AnyJSON.int) ?? v : v
        case .double: return fuzzNumbers ? Double(piece).flatMap { $0.isFinite ? AnyJSON.double($0) : nil } ?? v : v
        }
    }
}

fputs("fuzz-render: \(slots.count) fields of the demo document are fuzzed\(fuzzURLs ? " (reference urls included)" : "")\n", stderr)

/// HTML links the report may contain: in-page anchors and https (PubMed, doi.org).
func hrefs(_ html: String) -> [Substring] {
    var out: [Substring] = []
    var rest = html[...]
    while let r = rest.range(of: "href=\"") {
        let tail = rest[r.upperBound...]
        let end = tail.firstIndex(of: "\"") ?? tail.endIndex
        out.append(tail[..<end])
        rest = tail[end...]
    }
    return out
}

func checkColumns(_ text: String, format: String, expected: Int?) {
    var width = expected
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty && !line.hasPrefix("#") {
        let n = line.split(separator: "\t", omittingEmptySubsequences: false).count
        if let w = width { Fuzz.check(n == w, "\(format) row with \(n) columns, expected \(w): \(line.prefix(200).debugDescription)") }
        else { width = n }   // MAF: the first non-comment line is the column header
    }
}

Fuzz.run { data in
    let pieces = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    var leaf = 0, slot = 0
    let tree = filled(baseTree, leaf: &leaf, slot: &slot, pieces: pieces)
    // A number that breaks a document invariant the decoder checks is not a render input.
    guard let doc = decodes(tree) else { return }

    let html: String
    do { html = try HTMLReport.render(doc) } catch { Fuzz.fail("HTML render threw: \(error)") }
    Fuzz.check(!html.contains("<zq"), "raw '<' from a document string in the HTML: …\(context(html, "<zq"))…")
    Fuzz.check(!html.contains("\"zq"), "raw '\"' from a document string in the HTML: …\(context(html, "\"zq"))…")
    Fuzz.check(!html.lowercased().contains("<script"), "a <script in the HTML")
    for link in hrefs(html) {
        Fuzz.check(link.hasPrefix("#") || link.hasPrefix("https://"), "an HTML link that is not #… or https://…: \(link.prefix(200).debugDescription)")
    }
    let md = MarkdownReport.render(doc)
    Fuzz.check(!md.contains("<zq"), "raw '<' from a document string in the Markdown: …\(context(md, "<zq"))…")
    _ = TextReport.render(doc)
    do {
        let json = try DocumentJSON.encode(doc)
        let back = try DocumentJSON.decode(InterpretationDocument.self, from: json)
        Fuzz.check(back == doc, "the document does not round-trip through JSON")
    } catch {
        Fuzz.fail("JSON encode/decode failed: \(DocumentJSON.describe(error))")
    }
    for (name, render) in [("FHIR", { try FHIRBundle.render(doc) }), ("MatchMiner", { try MatchMinerRows.render(doc) })] as [(String, () throws -> String)] {
        do {
            let text = try render()
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            Fuzz.fail("\(name) output is not JSON (or the renderer threw): \(error)")
        }
    }
    checkColumns(FindingsTSV.render(doc), format: "TSV", expected: FindingsTSV.columns.count)
    checkColumns(MAFWriter.render(doc), format: "MAF", expected: nil)
}

func context(_ text: String, _ needle: String) -> String {
    guard let r = text.range(of: needle) else { return "" }
    let start = text.index(r.lowerBound, offsetBy: -60, limitedBy: text.startIndex) ?? text.startIndex
    let end = text.index(r.upperBound, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex
    return String(text[start..<end]).debugDescription
}
