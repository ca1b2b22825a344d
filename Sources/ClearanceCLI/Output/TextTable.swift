import Projections

/// Lines up table cells on a terminal, Chinese text included.
///
/// Columns have fixed widths so that rows can be written as they are read (a listing of a
/// million entries never waits for the last row to learn the widths). Longer cells are cut with `…`.
struct TextTable {
    /// Terminal columns per column; the last column is never padded or cut.
    let widths: [Int]
    let headers: [String]

    init(_ columns: [(header: String, width: Int)], labels: Labels? = nil) {
        headers = columns.map { labels?($0.header) ?? $0.header }
        widths = columns.map(\.width)
    }

    var headerLine: String { line(headers) }

    func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            let flat = Self.cell(cell)
            guard index < cells.count - 1, index < widths.count else { return flat }
            return DisplayWidth.pad(DisplayWidth.truncate(flat, to: widths[index]), to: widths[index])
        }.joined(separator: "  ")
    }

    /// Text as one line of a table or a `show`: each line break (CRLF, CR or LF) and tab a space, so
    /// that a title cannot start a row of its own, and controls escaped (`TerminalText`) before the
    /// width is measured, so that the columns after it still line up.
    static func cell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return TerminalText.escape(text) }
        return TerminalText.escape(String(text.map { $0 == "\r\n" || $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }
}
