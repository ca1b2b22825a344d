/// A paper as plain text for a terminal or a file: headings underlined, tables in aligned columns
/// (Chinese counted two columns wide), fields as `label: value`.
public enum PaperText {
    public static func render(_ paper: Paper) -> String {
        var lines = [paper.title]
        if let number = paper.number { lines.append(number) }
        lines.append(String(repeating: "=", count: max(8, DisplayWidth.of(paper.title))))
        if let addressee = paper.addressee { lines += ["", addressee + paper.language("：", ":")] }
        for block in paper.blocks {
            switch block {
            case .heading(let text):
                lines += ["", text, String(repeating: "-", count: max(4, DisplayWidth.of(text)))]
            case .paragraph(let text):
                lines += ["", text]
            case .items(let items):
                lines.append("")
                lines += items.map { "  - " + $0 }
            case .fields(let fields):
                lines.append("")
                let width = fields.map { DisplayWidth.of($0.label) }.max() ?? 0
                lines += fields.map { DisplayWidth.pad($0.label + paper.language("：", ":"), to: width + 2) + " " + $0.value }
            case .table(let table):
                lines += ["", table.name] + tableLines(table)
            case .pageBreak:
                lines += ["", String(repeating: "·", count: 24)]
            }
        }
        if !paper.signature.isEmpty { lines += [""] + paper.signature }
        if let anchor = paper.anchor { lines += ["", paper.language("（据事件日志 \(anchor) 生成）", "(drawn from log entry \(anchor))")] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table's columns as wide as their widest cell; numbers aligned right.
    static func tableLines(_ table: Paper.Table) -> [String] {
        let rows = table.rows.map { $0.map(\.shown) }
        let widths = table.header.indices.map { column in
            ([table.header[column]] + rows.map { column < $0.count ? $0[column] : "" }).map { DisplayWidth.of(flat($0)) }.max() ?? 0
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.indices.map { column in
                let text = flat(cells[column])
                guard column < widths.count, column < cells.count - 1 || numeric[column] else { return text }
                let gap = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(text)))
                return numeric[column] ? gap + text : text + gap
            }.joined(separator: "  ")
        }
        let plain = Array(repeating: false, count: table.header.count)
        var lines = [line(table.header, numeric: plain)]
        for row in table.rows {
            let numeric = table.header.indices.map { column -> Bool in
                guard column < row.count, case .integer = row[column] else { return false }
                return true
            }
            lines.append(line(row.map(\.shown), numeric: numeric))
        }
        return lines
    }

    /// A cell on one line: its line breaks as spaces.
    private static func flat(_ text: String) -> String {
        text.contains("\n") ? text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") : text
    }
}
