/// Column widths that roughly fit their content, since a workbook has no "fit to content" of its own
/// and Excel opens every column at its narrow default. Excel's width unit is one digit of the
/// default font; a CJK character takes about two.
enum ColumnWidths {
    static let narrowest = 8.0
    /// Wider than this a long title would push every other column off the screen.
    static let widest = 60.0

    /// One width per column, from the widest line of any cell in it plus a little margin.
    static func widths(header: [String], rows: some Sequence<[XLSXWorkbook.Cell]>, columns: Int) -> [Double] {
        var longest = [Int](repeating: 0, count: columns)
        for (column, text) in header.prefix(columns).enumerated() {
            longest[column] = max(longest[column], displayWidth(of: text))
        }
        for row in rows {
            for (column, cell) in row.prefix(columns).enumerated() {
                let width: Int
                switch cell {
                case .text(let text): width = displayWidth(of: text)
                case .number(let value): width = "\(value)".utf8.count
                case .integer(let value): width = "\(value)".utf8.count
                case .empty: width = 0
                }
                longest[column] = max(longest[column], width)
            }
        }
        return longest.map { min(widest, max(narrowest, Double($0) + 2)) }
    }

    /// The width of the longest line of `text`, counting East Asian wide characters twice.
    static func displayWidth(of text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                current = 0
                continue
            }
            current += isWide(scalar) ? 2 : 1
            longest = max(longest, current)
        }
        return longest
    }

    /// Hangul Jamo, CJK (radicals to Yi), Hangul syllables, compatibility ideographs, vertical and
    /// fullwidth forms, and the supplementary ideograph planes.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }
}
