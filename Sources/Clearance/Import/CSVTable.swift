/// A CSV file read by `CSVReader`: its header and its data rows, as text, with the physical line
/// each row starts on (a quoted field may span lines).
public struct CSVTable: Equatable, Sendable {
    public var header: [String]
    /// The physical line of the header: 1 unless blank lines precede it.
    public var headerLine: Int
    public var rows: [CSVRow]

    public init(header: [String], headerLine: Int = 1, rows: [CSVRow]) {
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }
}

/// One data row: its fields as written (quoted fields unescaped), possibly more or fewer than the header's.
public struct CSVRow: Equatable, Sendable {
    /// The physical line where the row starts; the header of a file without leading blank lines is line 1.
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
