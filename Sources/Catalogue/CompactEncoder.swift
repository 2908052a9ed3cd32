/// A positional, text-safe serialisation of `Codable` values, used to compile the validated built-in
/// catalogue into the binary (``CatalogueSnapshot``): loading it back is a walk over bytes, not a YAML
/// parse and a validation.
///
/// Format (every byte printable UTF-8, so the whole snapshot is a Swift string literal): an item is
/// `~` (absent), `=` + `<byte count>:` + text (a primitive, written as text), `[` + `<item count>:` +
/// items (an unkeyed container), or `{` + `<pair count>:` + pairs of `<byte count>:key` and an item (a
/// keyed container). A type decodes its properties in the order it encoded them (what synthesised
/// `Codable` does), so keys are compared, not searched, on the way back. The snapshot is valid only for
/// the code that wrote it: a test compares it with the parsed catalogue, and a stale one is never used.
struct CompactEncoder {
    /// A container being filled; serialised once encoding is complete (counts are known then).
    final class Sequence {
        enum Item { case absent, primitive(String), nested(Sequence) }
        var items: [Item] = []
        /// The key of each item, for a keyed container.
        var keys: [String]?
        init(keyed: Bool = false) { keys = keyed ? [] : nil }
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let root = Sequence()
        try Writer(target: root).encodeValue(value)
        var out = ""
        for item in root.items { write(item, into: &out) }
        return out
    }

    static func write(_ item: Sequence.Item, into out: inout String) {
        switch item {
        case .absent: out += "~"
        case .primitive(let text): out += "=\(text.utf8.count):"; out += text
        case .nested(let seq):
            if let keys = seq.keys {
                out += "{\(seq.items.count):"
                for (k, i) in zip(keys, seq.items) { out += "\(k.utf8.count):"; out += k; write(i, into: &out) }
            } else {
                out += "[\(seq.items.count):"
                for i in seq.items { write(i, into: &out) }
            }
        }
    }

    /// The `Encoder` every value encodes itself into; its containers append to `target`.
    struct Writer: Encoder {
        let target: Sequence
        var codingPath: [any CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if target.keys == nil && target.items.isEmpty { target.keys = [] }
            return KeyedEncodingContainer(Keyed<Key>(writer: self))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(writer: self) }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(writer: self) }

        /// Primitives as text; anything else as a nested container.
        func encodeValue<T: Encodable>(_ value: T) throws {
            // By static type: a dynamic cast would also unwrap an Optional, which must stay a container.
            if T.self == String.self, let v = value as? String { target.items.append(.primitive(v)); return }
            if T.self == Int.self, let v = value as? Int { target.items.append(.primitive(String(v))); return }
            if T.self == Bool.self, let v = value as? Bool { target.items.append(.primitive(v ? "1" : "0")); return }
            if T.self == Double.self, let v = value as? Double { target.items.append(.primitive("\(v)")); return }
            switch value {
            case let v as any CompactSorted where !(T.self is any CompactOptional.Type):
                // Dictionaries and sets in a stable order: the same catalogue gives the same snapshot bytes.
                let seq = Sequence()
                try v.encodeSorted(Writer(target: seq, codingPath: codingPath))
                target.items.append(.nested(seq))
            default:
                let seq = Sequence()
                try value.encode(to: Writer(target: seq, codingPath: codingPath))
                target.items.append(.nested(seq))
            }
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let writer: Writer
        var codingPath: [any CodingKey] { writer.codingPath }
        private func key(_ k: Key) { writer.target.keys?.append(k.stringValue) }
        mutating func encodeNil(forKey key: Key) throws { self.key(key); writer.target.items.append(.absent) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try writer.encodeValue(value) }
        // Absent values must take their slot (the decoder reads by position), so every `encodeIfPresent`
        // overload writes `~` for nil; the protocol's defaults for the concrete types would skip it.
        private func slot<T: Encodable>(_ value: T?, _ key: Key) throws {
            self.key(key)
            if let value { try writer.encodeValue(value) } else { writer.target.items.append(.absent) }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try slot(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try slot(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try slot(value, key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try slot(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try slot(value, key) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            let seq = Sequence(keyed: true); writer.target.items.append(.nested(seq))
            return KeyedEncodingContainer(Keyed<NestedKey>(writer: Writer(target: seq)))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            let seq = Sequence(); writer.target.items.append(.nested(seq))
            return Unkeyed(writer: Writer(target: seq))
        }
        mutating func superEncoder() -> any Encoder { writer }
        mutating func superEncoder(forKey key: Key) -> any Encoder { writer }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let writer: Writer
        var codingPath: [any CodingKey] { writer.codingPath }
        var count: Int { writer.target.items.count }
        mutating func encodeNil() throws { writer.target.items.append(.absent) }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.encodeValue(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let seq = Sequence(keyed: true); writer.target.items.append(.nested(seq))
            return KeyedEncodingContainer(Keyed<NestedKey>(writer: Writer(target: seq)))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let seq = Sequence(); writer.target.items.append(.nested(seq))
            return Unkeyed(writer: Writer(target: seq))
        }
        mutating func superEncoder() -> any Encoder { writer }
    }

    struct Single: SingleValueEncodingContainer {
        let writer: Writer
        var codingPath: [any CodingKey] { writer.codingPath }
        mutating func encodeNil() throws { writer.target.items.append(.absent) }
        mutating func encode<T: Encodable>(_ value: T) throws { try writer.encodeValue(value) }
    }
}

/// Collections whose `Codable` order is their hash order (different in every process): written sorted,
/// in the container shape their own `init(from:)` reads back.
protocol CompactSorted { func encodeSorted(_ writer: CompactEncoder.Writer) throws }

extension Dictionary: CompactSorted where Key: Comparable & Encodable, Value: Encodable {
    func encodeSorted(_ writer: CompactEncoder.Writer) throws {
        let pairs = sorted { $0.key < $1.key }
        if Key.self == String.self || Key.self == Int.self {
            writer.target.keys = []
            for (k, v) in pairs { writer.target.keys?.append("\(k)"); try writer.encodeValue(v) }
        } else {
            for (k, v) in pairs { try writer.encodeValue(k); try writer.encodeValue(v) }
        }
    }
}

extension Set: CompactSorted where Element: Comparable & Encodable {
    func encodeSorted(_ writer: CompactEncoder.Writer) throws {
        for e in sorted() { try writer.encodeValue(e) }
    }
}

/// Marks `Optional` so a wrapped collection is not mistaken for a bare one.
protocol CompactOptional {}
extension Optional: CompactOptional {}
