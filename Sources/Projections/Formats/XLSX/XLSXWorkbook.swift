/// A spreadsheet in Office Open XML (.xlsx) that Excel, WPS and LibreOffice open with Chinese
/// intact: the form in which the general office exchanges tables (the annual assessment, the
/// annual-report tables, lists annexed to notices).
///
/// The writer is the project's own (decision 0010): a stored ZIP holding the workbook, one sheet
/// part per sheet, the styles and the shared strings. Text is always written as text, never as a
/// formula; characters XML cannot hold are dropped; the same workbook always gives the same bytes.
public struct XLSXWorkbook: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String), number(Double), integer(Int), empty
    }

    public struct Sheet: Sendable {
        /// Sanitised when written to Excel's rules (at most 31 characters, none of `[]:*?/\`,
        /// unique); see `SheetNames.sanitised`.
        public var name: String
        /// The first row, bold and frozen; an empty header means no header row.
        public var header: [String]
        public var rows: [[Cell]]

        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The .xlsx file. A workbook without sheets gets one empty sheet, since Excel refuses a
    /// workbook that has none.
    public func bytes() -> [UInt8] {
        let sheets = self.sheets.isEmpty ? [Sheet(name: "Sheet1", header: [], rows: [])] : self.sheets
        var strings = SharedStrings()
        let worksheets = sheets.enumerated().map { index, sheet in
            WorksheetPart.document(of: sheet, selected: index == 0, strings: &strings)
        }

        var archive = ZIPArchive()
        archive.add("[Content_Types].xml", Array(XLSXParts.contentTypes(sheets: sheets.count).utf8))
        archive.add("_rels/.rels", Array(XLSXParts.rootRelationships.utf8))
        archive.add("xl/workbook.xml", Array(XLSXParts.workbook(sheetNames: SheetNames.sanitised(sheets.map(\.name))).utf8))
        archive.add("xl/_rels/workbook.xml.rels", Array(XLSXParts.workbookRelationships(sheets: sheets.count).utf8))
        archive.add("xl/styles.xml", Array(XLSXParts.styles.utf8))
        for (index, worksheet) in worksheets.enumerated() {
            archive.add(XLSXParts.worksheetPath(index + 1), worksheet)
        }
        archive.add("xl/sharedStrings.xml", strings.document())
        return archive.bytes()
    }
}
