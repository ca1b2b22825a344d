import Testing

@testable import Projections

@Suite struct FormatsTests {
    @Test func csvOpensInSpreadsheetsWithChinese() {
        let bytes = CSVWriter.document(header: ["索引号", "信息名称"], rows: [["a/2007-00001", "关于\"红星路\"拆迁, 补偿\n标准"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "索引号,信息名称\r\na/2007-00001,\"关于\"\"红星路\"\"拆迁, 补偿\n标准\"\r\n")
    }

    @Test func htmlEscapesEverythingItIsGiven() {
        #expect(HTML.escape(#"<script>alert("x") & 'y'</script>"#) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        let page = HTML.page(title: "目录 <1>", body: HTML.table(header: ["a"], rows: [["<b>"]]))
        #expect(page.contains("<title>目录 &lt;1&gt;</title>") && page.contains("<td>&lt;b&gt;</td>") && page.contains(#"<meta charset="utf-8">"#))
    }
}
