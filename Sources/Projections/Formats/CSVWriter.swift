/// Writes CSV that Excel and LibreOffice open correctly with Chinese text: UTF-8 with a byte-order
/// mark, CRLF line ends, and fields quoted when they hold a comma, a quote or a line break (RFC 4180).
public enum CSVWriter {
    /// The byte-order mark that starts every document.
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

    /// Appends one field, quoted if it must be (for rows written field by field).
    static func append(field text: String, to out: inout [UInt8]) {
        let special = { (b: UInt8) in b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D }
        // Most fields need no quotes: copy their bytes in one go (catalogues append millions of fields).
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: special) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        guard copied == false || text.utf8.contains(where: special) else {
            out.append(contentsOf: text.utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}

import Foundation
