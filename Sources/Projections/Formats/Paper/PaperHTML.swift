/// A paper as a page that stands alone and prints cleanly on A4: no external assets, print margins,
/// headings kept with what follows, table headers repeated on each printed page, rows never split,
/// and a page break before each annex.
public enum PaperHTML {
    public static func render(_ paper: Paper) -> String {
        var body = "<header>\n<h1>\(HTML.escape(paper.title))</h1>\n"
        if let number = paper.number { body += "<p class=\"number\">\(HTML.escape(number))</p>\n" }
        body += "</header>\n"
        if let addressee = paper.addressee { body += "<p class=\"addressee\">\(HTML.escape(addressee))\(paper.language("：", ":"))</p>\n" }
        var section = false
        for block in paper.blocks {
            switch block {
            case .heading(let text):
                if section { body += "</section>\n" }
                body += "<section>\n<h2>\(HTML.escape(text))</h2>\n"
                section = true
            case .paragraph(let text):
                body += "<p>\(HTML.escape(text))</p>\n"
            case .items(let items):
                body += "<ul>\n" + items.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
            case .fields(let fields):
                body += "<dl>\n" + fields.map { "<dt>\(HTML.escape($0.label))</dt><dd>\(HTML.escape($0.value))</dd>\n" }.joined() + "</dl>\n"
            case .table(let table):
                body += tableHTML(table)
            case .pageBreak:
                body += "<div class=\"page-break\"></div>\n"
            }
        }
        if section { body += "</section>\n" }
        if !paper.signature.isEmpty {
            body += "<p class=\"signature\">" + paper.signature.map(HTML.escape).joined(separator: "<br>") + "</p>\n"
        }
        if let anchor = paper.anchor {
            body += "<footer><p>\(HTML.escape(paper.language("据事件日志 \(anchor) 生成", "Drawn from log entry \(anchor)")))</p></footer>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(paper.language.tag)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(paper.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private static func tableHTML(_ table: Paper.Table) -> String {
        var html = "<table>\n<caption>\(HTML.escape(table.name))</caption>\n<thead><tr>"
        html += table.header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { cell in
                switch cell {
                case .integer(let number): "<td class=\"n\" style=\"text-align:right\">\(number)</td>"
                // A date, an id or a percentage is not broken across lines.
                case .text(let text) where text.utf8.count <= 24 && text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 }):
                    "<td class=\"n\">\(HTML.escape(text))</td>"
                case .text(let text): "<td>\(HTML.escape(text))</td>"
                }
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// Screen and print in one: A4 with the margins of an official document, CJK fonts the reader has.
    static let style = """
        @page{size:A4;margin:25mm 20mm 22mm 25mm}
        body{font-family:"Noto Serif CJK SC","Source Han Serif SC",SimSun,"Songti SC",serif;font-size:12pt;line-height:1.6;max-width:170mm;margin:1em auto;padding:0 1em;color:#000;background:#fff}
        h1{font-size:18pt;text-align:center;margin:0 0 .3em}
        .number{text-align:center;margin:0 0 1.2em}
        h2{font-size:14pt;margin:1.2em 0 .4em;break-after:avoid;page-break-after:avoid}
        table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:10.5pt}
        caption{text-align:left;font-weight:bold;padding:.3em 0}
        th,td{border:1px solid #000;padding:2px 5px;text-align:left;vertical-align:top;overflow-wrap:break-word}
        td.n{white-space:nowrap}
        th{min-width:2.6em}
        caption,h2,h3{break-after:avoid;page-break-after:avoid}
        thead{display:table-header-group}
        tr{break-inside:avoid;page-break-inside:avoid}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}
        dt{font-weight:bold}dd{margin:0}
        .signature{text-align:right;margin-top:2em}
        footer{margin-top:2em;font-size:9pt;color:#444;border-top:1px solid #888}
        .page-break{break-before:page;page-break-before:always}
        @media screen{body{margin:2em auto}.page-break{border-top:1px dashed #888;margin:2em 0}}
        """
}
