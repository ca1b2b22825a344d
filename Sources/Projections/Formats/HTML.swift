/// The little HTML the projections need: escaping, and a page with a UTF-8 declaration.
public enum HTML {
    /// Escapes text for element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        // Most text (titles, dates, numbers) has nothing to escape: leave it as it is.
        guard text.utf8.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(escaping: text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped as `escape` does, for documents written as bytes.
    public static func append(escaping text: String, to out: inout [UInt8]) {
        // Most text needs no escape: copy its bytes in one go (catalogues append millions of fields).
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: needsEscape) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied == true { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }

    private static func needsEscape(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "&") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == 0x22 || b == 0x27
    }

    public static func page(title: String, language: String = "zh-CN", body: String) -> String {
        pageOpening(title: title, language: language) + body + pageClosing
    }

    /// A page up to where its body's content starts (for pages written a piece at a time).
    public static func pageOpening(title: String, language: String = "zh-CN") -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}</style>
        </head>
        <body>

        """
    }

    /// What follows a page's body content.
    public static let pageClosing = "\n</body>\n</html>\n"

    public static func table(header: [String], rows: [[String]]) -> String {
        var html = tableOpening(header: header)
        for row in rows { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return html + tableClosing
    }

    /// A table up to where its rows start (for tables written a row at a time).
    public static func tableOpening(header: [String]) -> String {
        "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    }

    /// What follows a table's last row.
    public static let tableClosing = "</tbody>\n</table>"
}
