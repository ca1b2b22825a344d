/// The workbook's table of cell texts (`xl/sharedStrings.xml`): each distinct text once, cells
/// pointing at it by index. Excel itself writes text this way, and every reader understands it.
struct SharedStrings {
    /// Excel's limit for one cell, in UTF-16 code units; a longer text makes Excel repair the file.
    static let maximumLength = 32_767

    /// The escaped XML of each distinct text, in order of first use, so that the part is deterministic.
    private var entries: [[UInt8]] = []
    /// Keyed by the escaped bytes rather than the `String`: Swift compares strings by canonical
    /// equivalence, and a decomposed "é" must not come back precomposed.
    private var indexes: [[UInt8]: Int] = [:]
    private var references = 0

    /// The index of `text` in the table, adding it on first use. Text past 32,767 code units is cut.
    mutating func index(of text: String) -> Int {
        var escaped: [UInt8] = []
        XMLText.append(Self.limited(text), to: &escaped, protectingEscapes: true)
        references += 1
        if let index = indexes[escaped] { return index }
        indexes[escaped] = entries.count
        entries.append(escaped)
        return entries.count - 1
    }

    func document() -> [UInt8] {
        var out = Array(XLSXParts.declaration.utf8)
        out.append(
            contentsOf: #"<sst xmlns="\#(XLSXParts.spreadsheetNamespace)" count="\#(references)" uniqueCount="\#(entries.count)">"#
                .utf8)
        for entry in entries {
            // Preserve leading and trailing spaces, which XML readers may otherwise strip.
            out.append(contentsOf: #"<si><t xml:space="preserve">"#.utf8)
            out.append(contentsOf: entry)
            out.append(contentsOf: "</t></si>".utf8)
        }
        out.append(contentsOf: "</sst>".utf8)
        return out
    }

    private static func limited(_ text: String) -> String {
        guard text.utf16.count > maximumLength else { return text }
        var kept = ""
        var used = 0
        for character in text {
            used += character.utf16.count
            if used > maximumLength { break }
            kept.append(character)
        }
        return kept
    }
}
