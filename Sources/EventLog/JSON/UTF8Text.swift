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

    /// Whether `raw` is well-formed UTF-8 (RFC 3629: no overlong form, no surrogate, nothing past
    /// U+10FFFF), checked without building a string: what `verify` runs on every entry's text.
    /// It accepts exactly what `string(validating:)` accepts.
    public static func isValid(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard let base = raw.baseAddress, raw.count > 0 else { return true }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: raw.count)
        if isASCII(bytes) { return true }
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            // Most Chinese: a 3-byte form whose second byte may be any continuation byte.
            if lead >= 0xE1, lead != 0xED, lead <= 0xEF {
                guard i + 3 <= bytes.count, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80 else { return false }
                i += 3
                continue
            }
            // The second byte's range depends on the lead (Unicode 15, table 3-7); the others are 80...BF.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: return false
            }
            guard i + length <= bytes.count, second.contains(bytes[i + 1]) else { return false }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return false }
            i += length
        }
        return true
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
