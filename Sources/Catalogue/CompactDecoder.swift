/// Reads what ``CompactEncoder`` wrote, walking the bytes once with a cursor: keyed values are taken in
/// the order they were written (the key is compared, never searched), so loading the compiled catalogue
/// costs about one pass over its bytes. Any mismatch (a snapshot written by other code) is an error,
/// and the caller parses the catalogue's files instead.
struct CompactDecoder {
    struct Mismatch: Error, CustomStringConvertible {
        let at: Int
        let what: String
        var description: String { "compact catalogue snapshot: \(what) at byte \(at)" }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var text = text
        return try text.withUTF8 { bytes in
            let cursor = Cursor(bytes: bytes)
            return try cursor.decodeItem(T.self)
        }
    }

    /// The read position; one per decode (not shared across threads).
    final class Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        func fail(_ what: String) -> Mismatch { Mismatch(at: at, what: what) }

        @inline(__always) func peek() throws -> UInt8 {
            guard at < bytes.count else { throw fail("unexpected end") }
            return bytes[at]
        }

        /// `<digits>:`
        func count() throws -> Int {
            var n = 0, digits = 0
            while at < bytes.count, bytes[at] >= 48, bytes[at] <= 57 { n = n * 10 + Int(bytes[at] - 48); at += 1; digits += 1 }
            guard digits > 0, at < bytes.count, bytes[at] == 58 else { throw fail("expected a count") }
            at += 1
            return n
        }

        /// `<byte count>:text`, as a buffer slice.
        func text() throws -> UnsafeBufferPointer<UInt8> {
            let n = try count()
            guard at + n <= bytes.count else { throw fail("text past the end") }
            defer { at += n }
            return UnsafeBufferPointer(rebasing: bytes[at..<(at + n)])
        }

        func primitive() throws -> UnsafeBufferPointer<UInt8> {
            guard try peek() == UInt8(ascii: "=") else { throw fail("expected a value") }
            at += 1
            return try text()
        }

        func decodeString() throws -> String { String(decoding: try primitive(), as: UTF8.self) }
        func decodeInt() throws -> Int {
            let t = try primitive()
            var n = 0, negative = false
            for (i, b) in t.enumerated() {
                if i == 0 && b == UInt8(ascii: "-") { negative = true; continue }
                guard b >= 48 && b <= 57 else { throw fail("not an integer") }
                n = n * 10 + Int(b - 48)
            }
            return negative ? -n : n
        }
        func decodeBool() throws -> Bool { try primitive().first == UInt8(ascii: "1") }
        func decodeDouble() throws -> Double {
            guard let v = Double(String(decoding: try primitive(), as: UTF8.self)) else { throw fail("not a number") }
            return v
        }

        /// Skips one item (for `allKeys`, which must look ahead).
        func skip() throws {
            switch try peek() {
            case UInt8(ascii: "~"): at += 1
            case UInt8(ascii: "="): _ = try primitive()
            case UInt8(ascii: "["): at += 1; for _ in 0..<(try count()) { try skip() }
            case UInt8(ascii: "{"): at += 1; for _ in 0..<(try count()) { _ = try text(); try skip() }
            default: throw fail("unknown item")
            }
        }

        /// Opens a nested container written by `nestedContainer`/`nestedUnkeyedContainer`.
        func open(keyed: Bool) throws -> Frame {
            let expected = keyed ? UInt8(ascii: "{") : UInt8(ascii: "[")
            // An empty keyed container is written as an unkeyed one when nothing was added to it.
            let open = try peek()
            guard open == expected || open == UInt8(ascii: "[") || open == UInt8(ascii: "{") else { throw fail("expected a container") }
            at += 1
            return Frame(remaining: try count(), keyed: open == UInt8(ascii: "{"))
        }

        func decodeItem<T: Decodable>(_ type: T.Type) throws -> T {
            if T.self == String.self { return try decodeString() as! T }
            if T.self == Int.self { return try decodeInt() as! T }
            if T.self == Bool.self { return try decodeBool() as! T }
            if T.self == Double.self { return try decodeDouble() as! T }
            let open = try peek()
            guard open == UInt8(ascii: "[") || open == UInt8(ascii: "{") else { throw fail("expected a container for \(T.self)") }
            at += 1
            let frame = Frame(remaining: try count(), keyed: open == UInt8(ascii: "{"))
            let value = try T(from: Reader(cursor: self, frame: frame))
            while frame.remaining > 0 {  // items the type did not read
                if frame.keyed { _ = try text() }
                try skip(); frame.remaining -= 1
            }
            return value
        }
    }

    /// The container being read: how many items are left, and whether they carry keys.
    final class Frame {
        var remaining: Int
        let keyed: Bool
        init(remaining: Int, keyed: Bool) { self.remaining = remaining; self.keyed = keyed }
    }

    struct Reader: Decoder {
        let cursor: Cursor
        let frame: Frame
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard frame.keyed || frame.remaining == 0 else { throw cursor.fail("expected keyed values") }
            return KeyedDecodingContainer(Keyed<Key>(cursor: cursor, frame: frame))
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(cursor: cursor, frame: frame) }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(cursor: cursor, frame: frame) }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let cursor: Cursor
        let frame: Frame
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] {
            let start = cursor.at
            defer { cursor.at = start }
            var keys: [Key] = []
            for _ in 0..<frame.remaining {
                guard let t = try? cursor.text(), let k = Key(stringValue: String(decoding: t, as: UTF8.self)) else { break }
                keys.append(k)
                if (try? cursor.skip()) == nil { break }
            }
            return keys
        }
        func contains(_ key: Key) -> Bool { true }

        /// Consumes the next key, which must be `key`.
        private func take(_ key: Key) throws {
            guard frame.remaining > 0 else { throw cursor.fail("no value left for '\(key.stringValue)'") }
            let t = try cursor.text()
            guard t.elementsEqual(key.stringValue.utf8) else {
                throw cursor.fail("key '\(String(decoding: t, as: UTF8.self))' where '\(key.stringValue)' was expected")
            }
            frame.remaining -= 1
        }
        func decodeNil(forKey key: Key) throws -> Bool {
            // Looks without consuming unless the value is absent.
            let start = cursor.at
            try take(key)
            if try cursor.peek() == UInt8(ascii: "~") { cursor.at += 1; return true }
            cursor.at = start; frame.remaining += 1
            return false
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try take(key)
            return try cursor.decodeItem(T.self)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try take(key)
            if try cursor.peek() == UInt8(ascii: "~") { cursor.at += 1; return nil }
            return try cursor.decodeItem(T.self)
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try take(key)
            return KeyedDecodingContainer(Keyed<NestedKey>(cursor: cursor, frame: try cursor.open(keyed: true)))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try take(key)
            return Unkeyed(cursor: cursor, frame: try cursor.open(keyed: false))
        }
        func superDecoder() throws -> any Decoder { Reader(cursor: cursor, frame: frame) }
        func superDecoder(forKey key: Key) throws -> any Decoder { Reader(cursor: cursor, frame: frame) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let cursor: Cursor
        let frame: Frame
        var codingPath: [any CodingKey] { [] }
        var count: Int? { nil }
        var isAtEnd: Bool { frame.remaining == 0 }
        var currentIndex = 0
        init(cursor: Cursor, frame: Frame) { self.cursor = cursor; self.frame = frame }
        mutating func decodeNil() throws -> Bool {
            guard frame.remaining > 0 else { throw cursor.fail("no value left") }
            if try cursor.peek() == UInt8(ascii: "~") { cursor.at += 1; frame.remaining -= 1; currentIndex += 1; return true }
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard frame.remaining > 0 else { throw cursor.fail("no value left") }
            frame.remaining -= 1; currentIndex += 1
            return try cursor.decodeItem(T.self)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            guard frame.remaining > 0 else { throw cursor.fail("no value left") }
            frame.remaining -= 1; currentIndex += 1
            return KeyedDecodingContainer(Keyed<NestedKey>(cursor: cursor, frame: try cursor.open(keyed: true)))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard frame.remaining > 0 else { throw cursor.fail("no value left") }
            frame.remaining -= 1; currentIndex += 1
            return Unkeyed(cursor: cursor, frame: try cursor.open(keyed: false))
        }
        mutating func superDecoder() throws -> any Decoder { Reader(cursor: cursor, frame: frame) }
    }

    struct Single: SingleValueDecodingContainer {
        let cursor: Cursor
        let frame: Frame
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool {
            guard frame.remaining > 0, let b = try? cursor.peek(), b == UInt8(ascii: "~") else { return false }
            cursor.at += 1; frame.remaining -= 1
            return true
        }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard frame.remaining > 0 else { throw cursor.fail("no value left") }
            frame.remaining -= 1
            return try cursor.decodeItem(T.self)
        }
    }
}
