/// A1-style references: the column letters Excel uses (A…Z, AA…XFD) and the limits of its grid.
enum CellReference {
    /// Excel's grid; a cell outside it makes Excel refuse the file.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// The letters of the zero-based `column`: 0 is A, 25 is Z, 26 is AA.
    static func column(_ column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column + 1
        while rest > 0 {
            rest -= 1
            letters.append(UInt8(ascii: "A") + UInt8(rest % 26))
            rest /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}
