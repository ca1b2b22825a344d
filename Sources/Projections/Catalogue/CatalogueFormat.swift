import EventLog

/// The formats a catalogue is written in, as pieces appended to a byte buffer, so that a catalogue
/// of a million rows is never held as one String or JSON tree, and rows rendered once can be copied
/// into every catalogue that lists them. `CatalogueDocument` puts the pieces together.
///
/// The bytes are exactly those of the earlier renderers: `CSVWriter.document`, `JSONWriter` on the
/// catalogue's `json` value (and a newline), and `HTML.page` around `HTML.table`.
public enum CatalogueFormat: String, CaseIterable, Sendable {
    case csv, json, html

    /// How many bytes go before every entry but the first: JSON's comma.
    var separatorCount: Int { self == .json ? 1 : 0 }

    func appendOpening(title: String, to out: inout [UInt8]) {
        switch self {
        case .csv:
            out.append(contentsOf: CSVWriter.byteOrderMark)
            CSVWriter.append(CatalogueProjection.header, to: &out)
        case .json:
            out.append(contentsOf: #"{"title":"#.utf8)
            JSONWriter.writeString(title, to: &out)
            out.append(contentsOf: #","entries":["#.utf8)
        case .html:
            out.append(contentsOf: HTML.pageOpening(title: title).utf8)
            out.append(contentsOf: "<h1>".utf8)
            HTML.append(escaping: title, to: &out)
            out.append(contentsOf: "</h1>\n<h2>主动公开目录</h2>\n".utf8)
            out.append(contentsOf: HTML.tableOpening(header: CatalogueProjection.header).utf8)
        }
    }

    /// Appends one entry, with the separator that goes before it (see `separatorCount`).
    func appendEntry(_ e: CatalogueProjection.Entry, to out: inout [UInt8]) {
        // Field by field, without an array of them: this runs for every row of every catalogue.
        switch self {
        case .csv:
            func field(_ text: String, last: Bool = false) {
                CSVWriter.append(field: text, to: &out)
                out.append(last ? 0x0D : UInt8(ascii: ","))
            }
            field(e.indexNumber); field(e.title); field(e.summary); field(e.created); field(e.unitName)
            field(e.documentNumber); field(e.className); field(e.keyItem); field(e.form); field(e.published, last: true)
            out.append(0x0A)
        case .json:
            func member(_ key: String, _ value: String) {
                out.append(contentsOf: key.utf8)
                JSONWriter.writeString(value, to: &out)
            }
            member(#",{"indexNumber":"#, e.indexNumber); member(#","title":"#, e.title); member(#","summary":"#, e.summary)
            member(#","created":"#, e.created); member(#","unit":"#, e.unit); member(#","issuer":"#, e.unitName)
            member(#","documentNumber":"#, e.documentNumber); member(#","class":"#, e.contentClass)
            member(#","className":"#, e.className); member(#","keyItem":"#, e.keyItem); member(#","form":"#, e.form); member(#","published":"#, e.published)
            out.append(UInt8(ascii: "}"))
        case .html:
            func cell(_ text: String) {
                out.append(contentsOf: "<td>".utf8)
                HTML.append(escaping: text, to: &out)
                out.append(contentsOf: "</td>".utf8)
            }
            out.append(contentsOf: "<tr>".utf8)
            cell(e.indexNumber); cell(e.title); cell(e.summary); cell(e.created); cell(e.unitName)
            cell(e.documentNumber); cell(e.className); cell(e.keyItem); cell(e.form); cell(e.published)
            out.append(contentsOf: "</tr>\n".utf8)
        }
    }

    /// What goes between the entries and the titles available on request.
    func appendMiddle(to out: inout [UInt8]) {
        switch self {
        case .csv:
            // An empty row, then a second table of one column.
            out.append(contentsOf: [0x0D, 0x0A])
            CSVWriter.append(["依申请公开信息"], to: &out)
        case .json:
            out.append(contentsOf: #"],"onRequest":["#.utf8)
        case .html:
            out.append(contentsOf: HTML.tableClosing.utf8)
            out.append(contentsOf: "\n<h2>依申请公开信息</h2>\n<ul>\n".utf8)
        }
    }

    func appendOnRequest(unit: String, title: String, first: Bool, to out: inout [UInt8]) {
        switch self {
        case .csv:
            CSVWriter.append([title], to: &out)
        case .json:
            out.append(contentsOf: (first ? #"{"unit":"# : #",{"unit":"#).utf8)
            JSONWriter.writeString(unit, to: &out)
            out.append(contentsOf: #","title":"#.utf8)
            JSONWriter.writeString(title, to: &out)
            out.append(UInt8(ascii: "}"))
        case .html:
            out.append(contentsOf: "<li>".utf8)
            HTML.append(escaping: title, to: &out)
            out.append(contentsOf: "</li>\n".utf8)
        }
    }

    func appendClosing(to out: inout [UInt8]) {
        switch self {
        case .csv: break
        case .json: out.append(contentsOf: "]}\n".utf8)
        case .html:
            out.append(contentsOf: "</ul>".utf8)
            out.append(contentsOf: HTML.pageClosing.utf8)
        }
    }
}
