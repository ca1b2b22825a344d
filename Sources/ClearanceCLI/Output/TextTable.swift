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
            let flat = cell.contains("\n") ? cell.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") : cell
            guard index < cells.count - 1, index < widths.count else { return flat }
            return DisplayWidth.pad(DisplayWidth.truncate(flat, to: widths[index]), to: widths[index])
        }.joined(separator: "  ")
    }
}
