/// Text bound for a terminal, with what a terminal would act on instead of showing written as an
/// escape a reader sees: a record titled `ESC[31m` cannot colour the screen, a BEL cannot ring, a
/// carriage return cannot write over a line, a right-to-left override cannot reorder what follows.
///
/// Escaped: the C0 controls but newline and tab (a carriage return too, unless a newline follows it:
/// CRLF is a line end), DEL, the C1 controls (U+0080–U+009F), and the bidirectional embeddings,
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069). Each is written as JSON spells it (`\u001B`,
/// `\r`, `\u202E`), so JSON printed through here stays JSON with the same values; JSON itself never
/// holds a raw C0 control, which `JSONWriter` escapes. Everything else, and any byte that is not
/// UTF-8, is copied as it is.
///
/// `Terminal` and `BufferedOutput` put every line through here, and `Document` every document it
/// writes to stdout; a file written with `--out` keeps its text exactly.
struct TerminalText {
    /// Bytes held back from the last piece: the start of a sequence the next piece may end.
    private var held: [UInt8] = []

    /// `text` escaped.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: mayNeedEscape) else { return text }
        return String(decoding: escape(Array(text.utf8)), as: UTF8.self)
    }

    /// `bytes` escaped, all of them: nothing is held for a piece to come.
    static func escape(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: mayNeedEscape) else { return bytes }
        var escaper = TerminalText()
        return escaper.escape(piece: bytes) + escaper.finish()
    }

    /// The next piece of a document written a piece at a time, escaped; a sequence cut between two
    /// pieces is held back until the next one (or `finish`) says what it is.
    mutating func escape(piece: [UInt8]) -> [UInt8] {
        let bytes = held.isEmpty ? piece : held + piece
        held = []
        guard bytes.contains(where: Self.mayNeedEscape) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            // How many bytes this sequence needs to be told apart; if the piece ends first, hold them.
            let needs = b == 0x0D || b == 0xC2 ? 2 : b == 0xE2 ? 3 : 1
            if i + needs > n {
                held = Array(bytes[i...])
                break
            }
            switch b {
            case 0x0A, 0x09:
                out.append(b)
            case 0x0D:
                if bytes[i + 1] == 0x0A {
                    out += [0x0D, 0x0A]
                    i += 1
                } else {
                    out += Array(#"\r"#.utf8)
                }
            case 0x00..<0x20, 0x7F:
                out += Self.spelled(UInt32(b))
            case 0xC2 where (0x80...0x9F).contains(bytes[i + 1]):
                out += Self.spelled(UInt32(bytes[i + 1]))
                i += 1
            case 0xE2 where (bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2])) || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2])):
                out += Self.spelled(0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))
                i += 2
            default:
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// What was held back at the end of the last piece, escaped as the end of the text: a carriage
    /// return with no newline after it, or the start of a sequence never finished (not UTF-8).
    mutating func finish() -> [UInt8] {
        defer { held = [] }
        return held.flatMap { b -> [UInt8] in
            if b == 0x0D { return Array(#"\r"#.utf8) }
            return (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F ? Self.spelled(UInt32(b)) : [b]
        }
    }

    /// `\u` and four hexadecimal digits, as JSON writes a character.
    private static func spelled(_ scalar: UInt32) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return Array(#"\u"#.utf8) + [12, 8, 4, 0].map { digits[Int((scalar >> UInt32($0)) & 0xF)] }
    }

    /// Whether a byte may start something to escape: most text (Chinese included) has none.
    private static func mayNeedEscape(_ b: UInt8) -> Bool {
        (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F || b == 0xC2 || b == 0xE2
    }
}
