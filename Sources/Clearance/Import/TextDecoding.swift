import Foundation

/// Turns the bytes of a spreadsheet export into text: UTF-8 (with or without a byte-order mark) or,
/// failing that, GB18030, which is what Chinese spreadsheet programs write by default.
public enum TextDecoding {
    /// Input larger than this is refused before any decoding.
    public static let maxBytes = 64 * 1024 * 1024

    /// Foundation's GB18030 (CFStringEncodings.GB_18030_2000 as an NSStringEncoding).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text and the name of the encoding it was read in: "UTF-8 with BOM", "UTF-8" or "GB18030".
    /// A UTF-8 byte-order mark is not part of the text.
    ///
    /// Throws `ImportError` and reads nothing when the input is larger than `maxBytes`, holds a NUL
    /// byte (a workbook or UTF-16, not CSV), starts with a UTF-16 byte-order mark, or is neither
    /// UTF-8 nor GB18030; the error names the first offending byte offset where there is one.
    public static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: String) {
        guard bytes.count <= maxBytes else { throw ImportError.tooLarge(bytes: bytes.count, limit: maxBytes) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw ImportError.utf16 }
        if let nul = bytes.firstIndex(of: 0) { throw ImportError.notText(offset: nul) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            if let bad = firstInvalidUTF8Offset(body) { throw ImportError.invalidUTF8AfterBOM(offset: bad) }
            return (String(decoding: body, as: UTF8.self), "UTF-8 with BOM")
        }
        guard let bad = firstInvalidUTF8Offset(bytes[...]) else {
            return (String(decoding: bytes, as: UTF8.self), "UTF-8")
        }
        // Foundation returns nil for byte sequences GB18030 does not define.
        if let text = String(data: Data(bytes), encoding: gb18030) { return (text, "GB18030") }
        throw ImportError.undecodable(offset: bad)
    }

    /// The offset (in the same indices as `bytes`) of the first byte that is not valid UTF-8, or nil.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
