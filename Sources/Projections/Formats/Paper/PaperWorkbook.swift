/// A paper's tables as a workbook, one sheet a table, named as the paper names them: the lists the
/// office works on in a spreadsheet (the annexes of a notice, an assessment, a report's tables).
public enum PaperWorkbook {
    public static func render(_ paper: Paper) -> [UInt8] {
        XLSXWorkbook(sheets: paper.tables.map { table in
            XLSXWorkbook.Sheet(name: table.name, header: table.header, rows: table.rows.map { row in
                row.map { cell in
                    switch cell {
                    case .integer(let number): .integer(number)
                    case .text(let text): text.isEmpty ? .empty : .text(text)
                    }
                }
            })
        }).bytes()
    }
}
