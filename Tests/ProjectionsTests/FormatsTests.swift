import Testing

@testable import Projections

@Suite struct FormatsTests {
    @Test func csvOpensInSpreadsheetsWithChinese() {
        let bytes = CSVWriter.document(header: ["索引号", "信息名称"], rows: [["a/2007-00001", "关于\"红星路\"拆迁, 补偿\n标准"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "索引号,信息名称\r\na/2007-00001,\"关于\"\"红星路\"\"拆迁, 补偿\n标准\"\r\n")
    }

    /// Cells a spreadsheet would run are written inert (OWASP, "CSV Injection"); plain negative numbers stay numbers.
    @Test(arguments: [
        (#"=HYPERLINK("http://x","y")"#, #""'=HYPERLINK(""http://x"",""y"")""#), ("@SUM(1)", #""'@SUM(1)""#), ("+1", #""'+1""#),
        ("-1+2", #""'-1+2""#), ("-", #""'-""#), ("-.5", #""'-.5""#), ("-1.", #""'-1.""#), ("-1.2.3", #""'-1.2.3""#), ("\tx", "\"'\tx\""),
        ("\rx", "\"'\rx\""), ("-12", "-12"), ("-0.5", "-0.5"), ("a=b", "a=b"), ("", ""), ("＝1", "＝1"),
    ])
    func csvCellsThatWouldRunAreInert(cell: String, written: String) {
        var out: [UInt8] = []
        CSVWriter.append(field: cell, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == written)
        // Not only in the fast path: a string without contiguous UTF-8 goes the other way.
        var bridged: [UInt8] = []
        CSVWriter.append(field: String(cell.reversed().reversed()), to: &bridged)
        #expect(bridged == out)
    }

    /// What a unit typed shows literally in Markdown: no link, heading, list, code or HTML of its making.
    @Test(arguments: [
        ("[click](javascript:alert(1))", #"\[click\](javascript:alert(1))"#), ("# heading", ##"\# heading"##),
        ("<script>alert(1)</script>", #"\<script\>alert(1)\</script\>"#), ("1. first", #"1\. first"#), ("2008) x", #"2008\) x"#),
        ("- item", #"\- item"#), ("+ item", #"\+ item"#), ("=== ", #"\=== "#), ("    code", "code"), ("\tcode", "code"),
        ("a\n# b\r\n- c\rd", "a # b - c d"), ("*em* _u_ `c` &amp; |t| ~~s~~ \\", #"\*em\* \_u\_ \`c\` \&amp; \|t\| \~\~s\~\~ \\"#),
        ("028-12345678", "028-12345678"), ("工作日 9:00–17:00", "工作日 9:00–17:00"), ("1234567890. x", "1234567890. x"), ("", ""),
    ])
    func markdownShowsTextLiterally(text: String, written: String) {
        #expect(Markdown.paragraph(text) == written)
    }

    @Test func htmlEscapesEverythingItIsGiven() {
        #expect(HTML.escape(#"<script>alert("x") & 'y'</script>"#) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        let page = HTML.page(title: "目录 <1>", body: HTML.table(header: ["a"], rows: [["<b>"]]))
        #expect(page.contains("<title>目录 &lt;1&gt;</title>") && page.contains("<td>&lt;b&gt;</td>") && page.contains(#"<meta charset="utf-8">"#))
    }
}
