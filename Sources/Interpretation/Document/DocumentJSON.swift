import Foundation

/// The one JSON form of every nextline document: keys sorted, two-space indentation, slashes unescaped,
/// empty arrays and objects written `[]`/`{}`. Same value → same bytes, run after run.
public enum DocumentJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return compactEmpty(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Reads a document written by ``encode(_:)`` (or by hand, with every required key).
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// `[` or `{`, a blank line, indentation and the closing bracket become `[]`/`{}`. JSON strings cannot hold a
    /// raw newline, so the pattern only occurs between tokens.
    static func compactEmpty(_ s: String) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if (c == UInt8(ascii: "[") || c == UInt8(ascii: "{")), i + 2 < b.count, b[i + 1] == 10, b[i + 2] == 10 {
                var j = i + 3
                while j < b.count, b[j] == 32 { j += 1 }
                let close: UInt8 = c == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if j < b.count, b[j] == close { out += [c, close]; i = j + 1; continue }
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A value's JSON as it appears nested `level` levels deep in a document (for streamed array elements).
    public static func encodeNested<T: Encodable>(_ value: T, level: Int) throws -> String {
        let text = try encode(value).dropLast()
        let pad = String(repeating: "  ", count: level)
        return pad + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + pad)
    }
}

extension DocumentJSON {
    /// A decoding error in one line: what is wrong and at which key path.
    public static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "\(error)" }
        func path(_ c: [any CodingKey]) -> String {
            c.isEmpty ? "the top level" : c.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch e {
        case .keyNotFound(let k, let ctx): return "missing key '\(k.stringValue)' at \(path(ctx.codingPath))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx): return "wrong type at \(path(ctx.codingPath)): \(ctx.debugDescription)"
        case .dataCorrupted(let ctx): return "invalid JSON at \(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
