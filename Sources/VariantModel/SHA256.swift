internal import CCrypto

/// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto (SHA-NI where the CPU has it), fed incrementally so
/// input files are hashed while they stream through the reader, never in a second pass.
///
/// A value type: a copy that is updated gets its own libcrypto context (copy on write).
public struct SHA256: @unchecked Sendable {
    /// Owns one `EVP_MD_CTX`; freed with the last copy.
    private final class Context {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { ccrypto_free(pointer) }
    }
    private var context: Context

    public init() {
        // libcrypto fails to give a context only when memory is exhausted: there is nothing to report then.
        guard let c = ccrypto_sha256_new() else { fatalError("libcrypto could not create a SHA-256 context (out of memory)") }
        context = Context(c)
    }

    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { let copy = Array(bytes); copy.withUnsafeBytes { update($0) } }
    }

    /// Hashes bytes in place.
    public mutating func update(_ input: UnsafeRawBufferPointer) {
        guard let base = input.baseAddress, input.count > 0 else { return }
        if !isKnownUniquelyReferenced(&context) {
            guard let c = ccrypto_copy(context.pointer) else { fatalError("libcrypto could not copy a SHA-256 context (out of memory)") }
            context = Context(c)
        }
        _ = ccrypto_update(context.pointer, base, input.count)
    }

    /// The lowercase hex digest of what was fed so far (more may be fed afterwards).
    public func hexDigest() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let ok = digest.withUnsafeMutableBufferPointer { ccrypto_peek_digest(context.pointer, $0.baseAddress) }
        precondition(ok == 1, "libcrypto could not finish a SHA-256 digest")
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest { out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xf)]) }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hex<C: Collection>(of bytes: C) -> String where C.Element == UInt8 {
        var s = SHA256(); s.update(bytes); return s.hexDigest()
    }
}
