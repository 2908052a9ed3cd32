import Foundation

/// A small JSON Schema (2020-12 subset) validator for the tests: type, const, enum, required,
/// properties, additionalProperties, items, minItems, minimum, maximum, minLength, pattern, allOf,
/// anyOf, and `$ref` to `#/$defs/…` or `other.schema.json#/$defs/…` in the same folder.
/// It exists so the output contract is checked without a network or a Python dependency.
public struct JSONSchemaValidator {
    let schemas: [String: Any]   // file name → parsed schema

    public init(directory: String) throws {
        var s: [String: Any] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            var p = MiniJSON(Array(data))
            s[name] = p.parse()
        }
        schemas = s
    }

    /// Every violation, as `path: message`.
    public func validate(_ json: String, against file: String) -> [String] {
        var parser = MiniJSON(Array(json.utf8))
        guard let doc = parser.parse() else { return ["$: not valid JSON"] }
        guard let schema = schemas[file] else { return ["no schema \(file)"] }
        var errors: [String] = []
        check(doc, schema, file: file, path: "$", errors: &errors)
        return errors
    }

    func resolve(_ ref: String, from file: String) -> (Any, String)? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let target = parts[0].isEmpty ? file : parts[0]
        guard var node = schemas[target] else { return nil }
        if parts.count > 1 {
            for key in parts[1].split(separator: "/") where !key.isEmpty {
                guard let d = node as? [String: Any], let next = d[String(key)] else { return nil }
                node = next
            }
        }
        return (node, target)
    }

    func typeName(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if v is Bool { return "boolean" }
        if v is Int { return "integer" }
        if v is Double { return "number" }
        if v is String { return "string" }
        if v is [Any] { return "array" }
        if v is [String: Any] { return "object" }
        return "unknown"
    }

    func equal(_ a: Any, _ b: Any) -> Bool {
        if a is NSNull && b is NSNull { return true }
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? Bool, let y = b as? Bool { return x == y }
        if let x = a as? Int, let y = b as? Int { return x == y }
        if let x = a as? Double, let y = b as? Double { return x == y }
        return false
    }

    func check(_ v: Any, _ schemaAny: Any, file: String, path: String, errors: inout [String]) {
        guard let schema = schemaAny as? [String: Any] else { return }
        if let ref = schema["$ref"] as? String {
            guard let (target, targetFile) = resolve(ref, from: file) else { errors.append("\(path): unresolved $ref \(ref)"); return }
            check(v, target, file: targetFile, path: path, errors: &errors)
        }
        let t = typeName(v)
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            let ok = allowed.contains(t) || (t == "integer" && allowed.contains("number"))
            if !ok { errors.append("\(path): type \(t), expected \(allowed)"); return }
        }
        if let c = schema["const"], !equal(v, c) { errors.append("\(path): not the constant \(c)") }
        if let e = schema["enum"] as? [Any], !e.contains(where: { equal(v, $0) }) { errors.append("\(path): \(v) not in \(e)") }
        if let all = schema["allOf"] as? [Any] { for s in all { check(v, s, file: file, path: path, errors: &errors) } }
        if let any = schema["anyOf"] as? [Any] {
            let ok = any.contains { s in var e: [String] = []; check(v, s, file: file, path: path, errors: &e); return e.isEmpty }
            if !ok { errors.append("\(path): matches none of anyOf") }
        }
        let number: Double? = (v as? Double) ?? (v as? Int).map(Double.init)
        if let n = number {
            func limit(_ k: String) -> Double? { (schema[k] as? Double) ?? (schema[k] as? Int).map(Double.init) }
            if let min = limit("minimum"), n < min { errors.append("\(path): \(n) < \(min)") }
            if let max = limit("maximum"), n > max { errors.append("\(path): \(n) > \(max)") }
        }
        if let s = v as? String {
            if let m = schema["minLength"] as? Int, s.count < m { errors.append("\(path): shorter than \(m)") }
            if let p = schema["pattern"] as? String, s.range(of: p, options: .regularExpression) == nil {
                errors.append("\(path): '\(s)' does not match \(p)")
            }
        }
        if let a = v as? [Any] {
            if let m = schema["minItems"] as? Int, a.count < m { errors.append("\(path): fewer than \(m) items") }
            if let items = schema["items"] { for (i, x) in a.enumerated() { check(x, items, file: file, path: "\(path)[\(i)]", errors: &errors) } }
        }
        if let o = v as? [String: Any] {
            for r in (schema["required"] as? [String]) ?? [] where o[r] == nil { errors.append("\(path): missing '\(r)'") }
            let props = (schema["properties"] as? [String: Any]) ?? [:]
            for (k, x) in o {
                if let ps = props[k] { check(x, ps, file: file, path: "\(path).\(k)", errors: &errors) }
                else if let ap = schema["additionalProperties"] {
                    if let b = ap as? Bool { if !b { errors.append("\(path): unexpected key '\(k)'") } }
                    else { check(x, ap, file: file, path: "\(path).\(k)", errors: &errors) }
                }
            }
        }
    }
}

/// A strict little JSON parser keeping booleans, integers and doubles apart (Foundation's parser
/// returns NSNumber for all three on Linux).
struct MiniJSON {
    let b: [UInt8]
    var i = 0
    init(_ bytes: [UInt8]) { b = bytes }

    mutating func parse() -> Any? {
        guard let v = value() else { return nil }
        skip()
        return i == b.count ? v : nil
    }
    mutating func skip() { while i < b.count, [9, 10, 13, 32].contains(b[i]) { i += 1 } }
    mutating func value() -> Any? {
        skip()
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1; var o: [String: Any] = [:]
            skip(); if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return o }
            while true {
                skip(); guard let k = string() else { return nil }
                skip(); guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }; i += 1
                guard let v = value() else { return nil }
                o[k] = v; skip()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return o }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1; var a: [Any] = []
            skip(); if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return a }
            while true {
                guard let v = value() else { return nil }
                a.append(v); skip()
                guard i < b.count else { return nil }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return a }
                return nil
            }
        case UInt8(ascii: "\""): return string()
        case UInt8(ascii: "t"): return word("true", true)
        case UInt8(ascii: "f"): return word("false", false)
        case UInt8(ascii: "n"): return word("null", NSNull())
        default: return number()
        }
    }
    mutating func word(_ w: String, _ v: Any) -> Any? {
        let u = Array(w.utf8)
        guard i + u.count <= b.count, Array(b[i..<(i + u.count)]) == u else { return nil }
        i += u.count; return v
    }
    mutating func number() -> Any? {
        let start = i
        var isDouble = false
        while i < b.count, let c = Optional(b[i]), (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69 {
            if c == 46 || c == 101 || c == 69 { isDouble = true }
            i += 1
        }
        let text = String(decoding: b[start..<i], as: UTF8.self)
        if isDouble { return Double(text) }
        return Int(text) ?? Double(text)
    }
    mutating func string() -> String? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var out = [UInt8]()
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < b.count else { return nil }
                switch b[i] {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard i + 4 < b.count, let v = UInt32(String(decoding: b[(i + 1)...(i + 4)], as: UTF8.self), radix: 16) else { return nil }
                    out += Array(String(UnicodeScalar(v).map(Character.init) ?? "?").utf8)
                    i += 4
                default: out.append(b[i])
                }
                i += 1
                continue
            }
            out.append(c); i += 1
        }
        return nil
    }
}
