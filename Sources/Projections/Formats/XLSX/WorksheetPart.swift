/// One sheet's XML (`xl/worksheets/sheetN.xml`): the header row in bold and frozen, then the rows.
///
/// Text is always a shared-string cell (`t="s"`) and never carries a formula, so a title such as
/// `=HYPERLINK(...)` or `+1` is shown as written, never evaluated. A number that is not finite
/// (NaN, infinity) has no spreadsheet form and is written as its text. Cells outside Excel's grid
/// (1,048,576 rows, 16,384 columns) are left out, since Excel refuses a file that has them.
enum WorksheetPart {
    /// The style index of the bold header (`cellXfs` entry 1 in `XLSXParts.styles`).
    static let headerStyle = 1

    static func document(of sheet: XLSXWorkbook.Sheet, selected: Bool, strings: inout SharedStrings) -> [UInt8] {
        let hasHeader = !sheet.header.isEmpty
        let rows = sheet.rows.prefix(CellReference.maximumRows - (hasHeader ? 1 : 0))
        let columns = min(
            CellReference.maximumColumns, max(sheet.header.count, rows.map(\.count).max() ?? 0))
        let letters = (0..<columns).map(CellReference.column)
        let lastRow = rows.count + (hasHeader ? 1 : 0)

        var out = Array(XLSXParts.declaration.utf8)
        out.append(
            contentsOf: #"<worksheet xmlns="\#(XLSXParts.spreadsheetNamespace)" xmlns:r="\#(XLSXParts.relationshipsNamespace)">"#
                .utf8)
        let extent = columns == 0 || lastRow == 0 ? "A1" : "A1:\(letters[columns - 1])\(lastRow)"
        out.append(contentsOf: #"<dimension ref="\#(extent)"/>"#.utf8)
        out.append(contentsOf: #"<sheetViews><sheetView workbookViewId="0""#.utf8)
        if selected { out.append(contentsOf: #" tabSelected="1""#.utf8) }
        if hasHeader {
            // Row 1 stays in view while the rows below it scroll.
            out.append(contentsOf: #"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#.utf8)
            out.append(contentsOf: #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>"#.utf8)
        } else {
            out.append(contentsOf: "/>".utf8)
        }
        out.append(contentsOf: #"</sheetViews><sheetFormatPr defaultRowHeight="15"/>"#.utf8)
        if columns > 0 {
            out.append(contentsOf: "<cols>".utf8)
            let widths = ColumnWidths.widths(header: sheet.header, rows: rows, columns: columns)
            for (column, width) in widths.enumerated() {
                out.append(contentsOf: #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(width)" customWidth="1"/>"#.utf8)
            }
            out.append(contentsOf: "</cols>".utf8)
        }
        out.append(contentsOf: "<sheetData>".utf8)
        var rowNumber = 0
        if hasHeader {
            rowNumber += 1
            let header = sheet.header.map(XLSXWorkbook.Cell.text)
            append(row: header, number: rowNumber, style: headerStyle, letters: letters, to: &out, strings: &strings)
        }
        for row in rows {
            rowNumber += 1
            append(row: row, number: rowNumber, style: nil, letters: letters, to: &out, strings: &strings)
        }
        out.append(contentsOf: "</sheetData></worksheet>".utf8)
        return out
    }

    /// Appends one `<row>`; a row with nothing in it is left out, as Excel leaves it out.
    private static func append(
        row: [XLSXWorkbook.Cell], number: Int, style: Int?, letters: [String], to out: inout [UInt8],
        strings: inout SharedStrings
    ) {
        var opened = false
        let styled = style.map { #" s="\#($0)""# } ?? ""
        for (column, cell) in row.prefix(letters.count).enumerated() {
            let attributes = #"r="\#(letters[column])\#(number)"\#(styled)"#
            let element: String
            switch cell {
            case .empty, .text(""): continue
            case .text(let text): element = #"<c \#(attributes) t="s"><v>\#(strings.index(of: text))</v></c>"#
            case .integer(let value): element = #"<c \#(attributes)><v>\#(value)</v></c>"#
            case .number(let value) where value.isFinite: element = #"<c \#(attributes)><v>\#(value)</v></c>"#
            case .number(let value): element = #"<c \#(attributes) t="s"><v>\#(strings.index(of: "\(value)"))</v></c>"#
            }
            if !opened {
                out.append(contentsOf: #"<row r="\#(number)">"#.utf8)
                opened = true
            }
            out.append(contentsOf: element.utf8)
        }
        if opened { out.append(contentsOf: "</row>".utf8) }
    }
}
