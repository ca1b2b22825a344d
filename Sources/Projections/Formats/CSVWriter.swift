/// Writes CSV that Excel and LibreOffice open correctly with Chinese text: UTF-8 with a byte-order
/// mark, CRLF line ends, and fields quoted when they hold a comma, a quote or a line break (RFC 4180).
public enum CSVWriter {
    public static func document(header: [String], rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in [header] + rows {
            out.append(contentsOf: Array(row.map(field).joined(separator: ",").utf8))
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
