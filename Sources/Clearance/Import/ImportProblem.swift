/// Why one row (or the header) of an import cannot be taken as it is, by physical line and column name.
public struct ImportProblem: Equatable, Sendable, CustomStringConvertible {
    /// The physical line the row starts on (the header is line 1).
    public let line: Int
    /// The column's name as the file's header writes it; empty when the problem is the whole row's.
    public let column: String
    public let reason: String

    public init(line: Int, column: String, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line 7, column 生成日期: …`, or `line 7: …` for a problem of the whole row.
    public var description: String {
        column.isEmpty ? "line \(line): \(reason)" : "line \(line), column \(column): \(reason)"
    }
}
