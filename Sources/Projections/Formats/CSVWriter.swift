/// Writes CSV that Excel and LibreOffice open correctly with Chinese text: UTF-8 with a byte-order
/// mark, CRLF line ends, and fields quoted when they hold a comma, a quote or a line break (RFC 4180).
///
/// A field a spreadsheet would take for a formula (one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: a record titled `=HYPERLINK("http://x","y")`) is written inert, as OWASP's "CSV
/// Injection" advice has it: a single quote before it, the whole quoted (`"'=HYPERLINK(""http://x"",""y"")"`).
/// The spreadsheet shows the text, with the quote. A plain negative number (`-12`, `-0.5`: a minus,
/// digits, at most one point followed by digits) is no formula and stays a number.
public enum CSVWriter {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func document(header: [String], rows: [[String]]) -> [UInt8] {
        var out = byteOrderMark
        append(header, to: &out)
        for row in rows { append(row, to: &out) }
        return out
    }

    /// Appends one row and its CRLF (for documents written a piece at a time).
    public static func append(_ row: [String], to out: inout [UInt8]) {
        for (index, text) in row.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(field: text, to: &out)
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Appends one field, quoted if it must be, neutralised if a spreadsheet would run it (for rows
    /// written field by field).
    static func append(field text: String, to out: inout [UInt8]) {
        let special = { (b: UInt8) in b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D }
        // Most fields need no quotes: copy their bytes in one go (catalogues append millions of fields).
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: special), !startsAFormula(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        let formula = startsAFormula(text.utf8)
        guard formula || text.utf8.contains(where: special) else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        if formula { out.append(UInt8(ascii: "'")) }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether a spreadsheet would read a field of these bytes as a formula (or the start of one).
    static func startsAFormula(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case UInt8(ascii: "-"): return !isNegativeNumber(bytes.dropFirst())
        default: return false
        }
    }

    /// Digits, and at most one point with digits after it: what follows the minus of a plain number.
    private static func isNegativeNumber(_ rest: some Collection<UInt8>) -> Bool {
        let isDigit = { (b: UInt8) in (0x30...0x39).contains(b) }
        guard let point = rest.firstIndex(of: UInt8(ascii: ".")) else { return !rest.isEmpty && rest.allSatisfy(isDigit) }
        let whole = rest[..<point]
        let fraction = rest[rest.index(after: point)...]
        return !whole.isEmpty && !fraction.isEmpty && whole.allSatisfy(isDigit) && fraction.allSatisfy(isDigit)
    }
}

import Foundation
