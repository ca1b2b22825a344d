import Testing

@testable import ClearanceCLI

@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[31mred", #"\u001B[31mred"#), ("bell\u{07}", #"bell\u0007"#), ("\u{00}\u{1F}\u{7F}", #"\u0000\u001F\u007F"#),
        ("C1 \u{80}\u{9B}\u{9F} \u{A0}", "C1 \\u0080\\u009B\\u009F \u{A0}"), ("\u{202A}\u{202E}\u{2066}\u{2069}", #"\u202A\u202E\u2066\u2069"#),
        ("over\rwrite", #"over\rwrite"#), ("crlf\r\nlf\ntab\t", "crlf\r\nlf\ntab\t"), ("end\r", #"end\r"#),
        ("锦江区“—…”\u{2029}\u{202F}", "锦江区“—…”\u{2029}\u{202F}"), ("", ""),
    ])
    func controlsAreShownNotObeyed(text: String, shown: String) {
        #expect(TerminalText.escape(text) == shown)
    }

    /// A document written in pieces is escaped as it would be whole, wherever the pieces are cut.
    @Test func piecesAreEscapedAsTheWhole() {
        let bytes = Array("a\r\nb\rc\u{1B}d\u{9B}e\u{202E}f锦\r".utf8) + [0xE2, 0x0D]
        let whole = TerminalText.escape(bytes)
        #expect(!whole.contains(0x1B) && !whole.contains(0x07))
        for cut in 0...bytes.count {
            for second in cut...bytes.count {
                var escaper = TerminalText()
                let pieces = escaper.escape(piece: Array(bytes[..<cut])) + escaper.escape(piece: Array(bytes[cut..<second]))
                    + escaper.escape(piece: Array(bytes[second...])) + escaper.finish()
                #expect(pieces == whole, "cut at \(cut) and \(second)")
            }
        }
        // The only carriage return left is the one of the CRLF.
        #expect(whole.filter { $0 == 0x0D }.count == 1)
    }

    @Test func aCellIsOneLineWithItsControlsShown() {
        #expect(TextTable.cell("a\r\nb\nc\rd\te\u{1B}") == #"a b c d e\u001B"#)
        let table = TextTable([("TITLE", 12), ("NEXT", 0)])
        #expect(table.line(["\u{1B}[1m", "x"]) == #"\u001B[1m     x"#)
    }
}
