/// Why a spreadsheet export cannot be read at all: the file is not text we understand, or it is not
/// CSV. Problems with single rows are not errors but `ImportProblem`s, all of them reported together.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is larger than the import reads.
    case tooLarge(bytes: Int, limit: Int)
    /// A NUL byte: UTF-16 without a byte-order mark, or a binary file such as an .xls or .xlsx workbook.
    case notText(offset: Int)
    /// A UTF-16 byte-order mark.
    case utf16
    /// Starts with a UTF-8 byte-order mark, but the bytes after it are not UTF-8.
    case invalidUTF8AfterBOM(offset: Int)
    /// Neither UTF-8 (the first bad byte is at `offset`) nor GB18030.
    case undecodable(offset: Int)
    /// No header row: the text is empty or holds only blank lines.
    case noHeader
    /// A quote inside a field that did not start with one (`ab"c`).
    case strayQuote(line: Int, column: Int)
    /// Something other than a comma or a line break after a quoted field's closing quote (`"ab"c`).
    case textAfterClosingQuote(line: Int, column: Int)
    /// A quoted field whose closing quote never comes; the position is its opening quote.
    case unterminatedQuote(line: Int, column: Int)
    /// A field longer than the reader's limit, in UTF-8 bytes.
    case fieldTooLong(line: Int, column: Int, limit: Int)
    /// A row with more fields than the reader's limit.
    case tooManyFields(line: Int, limit: Int)
    /// More data rows than the reader's limit.
    case tooManyRows(line: Int, limit: Int)

    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            return "the file has \(bytes) bytes; import reads at most \(limit): split the sheet into smaller files"
        case .notText(let offset):
            return "the file is not text (a NUL byte at offset \(offset)): it may be a workbook (.xls, .xlsx) "
                + "or UTF-16; save the sheet as CSV"
        case .utf16:
            return "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); "
                + "save the sheet as CSV in UTF-8 or GB18030"
        case .invalidUTF8AfterBOM(let offset):
            return "the file starts with a UTF-8 byte-order mark but is not UTF-8: byte offset \(offset) is not valid UTF-8"
        case .undecodable(let offset):
            return "the file is neither UTF-8 (byte offset \(offset) is not valid UTF-8) nor GB18030 text; "
                + "save the sheet as CSV in one of them"
        case .noHeader:
            return "the file has no header row: it is empty or holds only blank lines"
        case .strayQuote(let line, let column):
            return "line \(line), column \(column): a quote inside a field that does not start with one; "
                + "write the whole field in quotes and double the quote (\"\")"
        case .textAfterClosingQuote(let line, let column):
            return "line \(line), column \(column): text after a quoted field's closing quote; "
                + "a quote inside a quoted field is written twice (\"\")"
        case .unterminatedQuote(let line, let column):
            return "line \(line), column \(column): the quoted field that starts here is never closed"
        case .fieldTooLong(let line, let column, let limit):
            return "line \(line), column \(column): a field longer than \(limit) bytes"
        case .tooManyFields(let line, let limit):
            return "line \(line): a row with more than \(limit) fields"
        case .tooManyRows(let line, let limit):
            return "line \(line): more than \(limit) rows; split the sheet into smaller files"
        }
    }
}
