import Testing

@testable import Clearance

@Suite struct CSVReaderTests {
    func read(_ text: String, _ reader: CSVReader = CSVReader()) throws -> CSVTable { try reader.read(text) }

    @Test func headerAndRowsWithTheirLines() throws {
        let table = try read("a,b\r\n1,2\r\n3,4\r\n")
        let rows = [CSVRow(line: 2, fields: ["1", "2"]), CSVRow(line: 3, fields: ["3", "4"])]
        #expect(table == CSVTable(header: ["a", "b"], rows: rows))
    }

    @Test func crlfLfAndLoneCRAreTheSame() throws {
        let crlf = try read("a,b\r\n1,2\r\n3,4")
        #expect(try read("a,b\n1,2\n3,4\n") == crlf)
        #expect(try read("a,b\r1,2\r3,4\r") == crlf)
        #expect(try read("a,b\n1,2\r\n3,4\r\n") == crlf)
    }

    @Test func quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws {
        let table = try read("h1,h2,h3\r\n\"a, b\",\"he said \"\"hi\"\"\",\"one\r\ntwo\nthree\"\r\nnext,\"\",\"\"\"\"\r\n")
        #expect(table.rows[0] == CSVRow(line: 2, fields: ["a, b", "he said \"hi\"", "one\r\ntwo\nthree"]))
        // The row after a field spanning lines 2–4 starts on line 5.
        #expect(table.rows[1] == CSVRow(line: 5, fields: ["next", "", "\""]))
    }

    @Test func spacesAroundUnquotedFieldsAndQuotesGoQuotedSpacesStay() throws {
        let table = try read("h1,h2,h3\n  a b\t, \" b \" ,\"\"\n")
        #expect(table.rows[0].fields == ["a b", " b ", ""])
    }

    @Test func emptyFieldsAndTrailingCommas() throws {
        let table = try read("a,b,c\n,,\n1,,\n")
        #expect(table.rows.map(\.fields) == [["", "", ""], ["1", "", ""]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let table = try read("\r\n\r\na,b\r\n\r\n   \r\n1,2\r\n\r\n")
        #expect(table.headerLine == 3 && table.header == ["a", "b"])
        #expect(table.rows == [CSVRow(line: 6, fields: ["1", "2"])])
        // A line holding an empty quoted field is not blank.
        #expect(try read("a\n\"\"\n").rows == [CSVRow(line: 2, fields: [""])])
    }

    @Test func rowsAreNotCheckedAgainstTheHeader() throws {
        #expect(try read("a,b\n1\n1,2,3\n").rows.map(\.fields.count) == [1, 3])
    }

    @Test(arguments: [
        ("h\r\n1,\"abc\r\n2,3\r\n", ImportError.unterminatedQuote(line: 2, column: 3)),
        ("h\n\"", .unterminatedQuote(line: 2, column: 1)),
        ("h1,h2\nab\"c,d\n", .strayQuote(line: 2, column: 3)),
        ("h1,h2\n\"ab\"c,d\n", .textAfterClosingQuote(line: 2, column: 5)),
        // Columns count characters, not bytes.
        ("标题,\"x\"y\n", .textAfterClosingQuote(line: 1, column: 7)),
        ("h\n\"a\nb\" c\n", .textAfterClosingQuote(line: 3, column: 4)),
        ("", .noHeader),
        ("\r\n  \n\n", .noHeader),
    ])
    func malformedTextIsNamedByLineAndColumn(text: String, error: ImportError) {
        #expect(throws: error) { try read(text) }
    }

    @Test func errorsReadAsOneLine() {
        let message = "\(ImportError.unterminatedQuote(line: 7, column: 12))"
        #expect(message == "line 7, column 12: the quoted field that starts here is never closed")
    }

    @Test func limitsAreEnforced() throws {
        let small = CSVReader(maxFieldBytes: 4, maxFields: 3, maxRows: 2)
        #expect(try read("abcd,\"汉\"\n", small).header == ["abcd", "汉"])  // 汉 is 3 bytes
        #expect(throws: ImportError.fieldTooLong(line: 2, column: 3, limit: 4)) { try read("h\na,abcde\n", small) }
        #expect(throws: ImportError.fieldTooLong(line: 2, column: 1, limit: 4)) { try read("h\n\"ab\ncd\"\n", small) }
        #expect(throws: ImportError.tooManyFields(line: 2, limit: 3)) { try read("h\n1,2,3,4\n", small) }
        #expect(try read("h\n1\n2\n", small).rows.count == 2)
        #expect(throws: ImportError.tooManyRows(line: 4, limit: 2)) { try read("h\n1\n2\n3\n", small) }
    }
}
