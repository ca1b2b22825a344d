#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// Strict UTF-8 to `String`: nil for ill-formed bytes, never a repaired string.
///
/// The standard library's `String(validating:as:)` is generic and unspecialized here; folding a log
/// spent a fifth of its time in it. ASCII (ids, keys, dates) needs no check beyond the bytes being
/// below 0x80; other text is decoded once, which repairs, and kept only if nothing was repaired.
public enum UTF8Text {
    public static func string(validating raw: UnsafeRawBufferPointer) -> String? {
        guard let base = raw.baseAddress, raw.count > 0 else { return "" }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count)
        var text = String(decoding: bytes, as: UTF8.self)
        if isASCII(bytes) { return text }
        let unchanged = text.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, base, bytes.count) == 0 }
        return unchanged ? text : nil
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
