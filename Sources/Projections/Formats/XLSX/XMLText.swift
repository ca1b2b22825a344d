/// Text made safe for the XML parts of a workbook, so that any string the project holds gives a
/// file that opens.
enum XMLText {
    /// Appends `text` escaped for element content or a quoted attribute.
    ///
    /// The five markup characters become entities; a carriage return becomes `&#13;`, since a parser
    /// would otherwise turn it into a line feed. Characters XML 1.0 forbids (controls other than
    /// tab, line feed and carriage return; U+FFFE and U+FFFF) are dropped: one of them would make the
    /// whole file unreadable, and a Word line break (U+000B) is the usual way they get in.
    ///
    /// With `protectingEscapes`, an underscore that starts `_xHHHH_` is written as `_x005F_`: Excel
    /// and LibreOffice read `_xHHHH_` in cell text as the character U+HHHH, and the cell must come
    /// back as the literal text it was given.
    static func append(_ text: String, to out: inout [UInt8], protectingEscapes: Bool = false) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: needsCare) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0x09, 0x0A: out.append(byte)
            case ..<0x20: continue
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                index += 2  // U+FFFE or U+FFFF
            case UInt8(ascii: "_") where protectingEscapes && startsEscape(bytes, at: index - 1):
                out.append(contentsOf: "_x005F_".utf8)
            default: out.append(byte)
            }
        }
    }

    /// `text` escaped as `append` would write it (for parts small enough to build as strings).
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether XML 1.0 allows `scalar` at all (escaped or not).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case ..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    private static func needsCare(_ byte: UInt8) -> Bool {
        switch byte {
        case ..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
            UInt8(ascii: "'"), UInt8(ascii: "_"), 0xEF:
            true
        default: false
        }
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `start`.
    private static func startsEscape(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 6 < bytes.count, bytes[start + 1] == UInt8(ascii: "x"), bytes[start + 6] == UInt8(ascii: "_")
        else { return false }
        return bytes[(start + 2)...(start + 5)].allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
                UInt8(ascii: "A")...UInt8(ascii: "F"):
                true
            default: false
            }
        }
    }
}
