/// Reads CSV as RFC 4180 writes it, plus what spreadsheet programs do: rows end with CRLF, LF or a
/// lone CR; fields are separated by commas; a field in double quotes may hold commas, line breaks
/// (kept exactly as written) and quotes written twice (`""`). Spaces and tabs around an unquoted
/// field, and around a quoted field's quotes, are not part of the field. Lines that are empty or hold
/// only spaces are skipped. The first row that is left is the header.
public struct CSVReader: Sendable {
    /// The longest field, in UTF-8 bytes.
    public var maxFieldBytes: Int
    /// The most fields in one row.
    public var maxFields: Int
    /// The most data rows (the header not counted).
    public var maxRows: Int

    public init(maxFieldBytes: Int = 64 * 1024, maxFields: Int = 256, maxRows: Int = 200_000) {
        self.maxFieldBytes = maxFieldBytes
        self.maxFields = maxFields
        self.maxRows = maxRows
    }

    /// The header and the rows of `text`. Rows are not checked against the header's width.
    ///
    /// Throws `ImportError` at the first thing that is not CSV, naming its physical line and column
    /// (1-based, in characters): a stray quote in an unquoted field, text after a closing quote, a
    /// quote never closed (the position of its opening quote), a field, row or file over the limits,
    /// or no header at all. Nothing is returned then: a file is read whole or not at all.
    public func read(_ text: String) throws -> CSVTable {
        var text = text
        return try text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, limits: self)
            return try parser.table()
        }
    }
}

/// One pass over the UTF-8 bytes, tracking the physical line and the column in characters.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: CSVReader
    var index = 0
    var line = 1
    var column = 1

    init(bytes: UnsafeBufferPointer<UInt8>, limits: CSVReader) {
        self.bytes = bytes
        self.limits = limits
    }

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    var atEnd: Bool { index >= bytes.count }
    var atRowEnd: Bool { atEnd || bytes[index] == Self.cr || bytes[index] == Self.lf }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// Moves past one byte that is not a line break; UTF-8 continuation bytes do not advance the column.
    mutating func step() {
        if bytes[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
    }

    /// Moves past a line break (CRLF, LF or CR) at `index`.
    mutating func stepOverLineBreak() {
        if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { index += 1 }
        index += 1
        line += 1
        column = 1
    }

    mutating func table() throws -> CSVTable {
        var header: [String]?
        var headerLine = 1
        var rows: [CSVRow] = []
        var fields: [String] = []
        var rowLine = line
        var onlyUnquotedField = true
        while true {
            while !atEnd, Self.isBlank(bytes[index]) { step() }
            if !atEnd, bytes[index] == Self.quote {
                fields.append(try quotedField())
                onlyUnquotedField = false
            } else {
                fields.append(try unquotedField())
            }
            if fields.count > limits.maxFields { throw ImportError.tooManyFields(line: rowLine, limit: limits.maxFields) }
            if !atEnd, bytes[index] == Self.comma {
                step()
                continue
            }
            // The row ends here: a line break or the end of the text.
            let blank = onlyUnquotedField && fields.count == 1 && fields[0].isEmpty
            if !blank {
                if header == nil {
                    header = fields
                    headerLine = rowLine
                } else {
                    guard rows.count < limits.maxRows else { throw ImportError.tooManyRows(line: rowLine, limit: limits.maxRows) }
                    rows.append(CSVRow(line: rowLine, fields: fields))
                }
            }
            fields.removeAll(keepingCapacity: true)
            onlyUnquotedField = true
            if atEnd { break }
            stepOverLineBreak()
            rowLine = line
        }
        guard let header else { throw ImportError.noHeader }
        return CSVTable(header: header, headerLine: headerLine, rows: rows)
    }

    /// From the first non-blank byte to the next comma or line break, trailing blanks dropped.
    mutating func unquotedField() throws -> String {
        let start = index, startColumn = column
        var end = index
        while !atRowEnd, bytes[index] != Self.comma {
            if bytes[index] == Self.quote { throw ImportError.strayQuote(line: line, column: column) }
            if !Self.isBlank(bytes[index]) { end = index + 1 }
            step()
        }
        guard end - start <= limits.maxFieldBytes else {
            throw ImportError.fieldTooLong(line: line, column: startColumn, limit: limits.maxFieldBytes)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// From an opening quote at `index` past its closing quote and any blanks after it.
    mutating func quotedField() throws -> String {
        let openLine = line, openColumn = column
        step()
        var value: [UInt8] = []
        while true {
            guard !atEnd else { throw ImportError.unterminatedQuote(line: openLine, column: openColumn) }
            let byte = bytes[index]
            if byte == Self.quote {
                step()
                guard !atEnd, bytes[index] == Self.quote else { break }
                value.append(Self.quote)
                step()
            } else if byte == Self.cr || byte == Self.lf {
                let start = index
                stepOverLineBreak()
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            } else {
                value.append(byte)
                step()
            }
            guard value.count <= limits.maxFieldBytes else {
                throw ImportError.fieldTooLong(line: openLine, column: openColumn, limit: limits.maxFieldBytes)
            }
        }
        while !atEnd, Self.isBlank(bytes[index]) { step() }
        guard atRowEnd || bytes[index] == Self.comma else {
            throw ImportError.textAfterClosingQuote(line: line, column: column)
        }
        return String(decoding: value, as: UTF8.self)
    }
}
