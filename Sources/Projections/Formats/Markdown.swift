/// Plain text written as Markdown that shows it as it is: what a unit typed into its profile (an
/// address of `[click](javascript:alert(1))`, a phone of `# heading`, a `<script>`) must come out of any
/// Markdown renderer as those characters, not as a link, a heading or HTML.
///
/// CommonMark lets any ASCII punctuation be escaped with a backslash, so the characters that start
/// inline markup (links, emphasis, code, raw HTML, entities, and GitHub's tables and strikethrough) are
/// escaped wherever they are, and those that start a block (a heading, a list, a thematic break)
/// where a paragraph starts. A paragraph is kept on one line: line breaks in the text become spaces,
/// as they do when a page shows it, so no later line can start a block.
public enum Markdown {
    /// `text` as a paragraph of its own, shown literally.
    public static func paragraph(_ text: String) -> String {
        var line = inline(text.replacing("\r\n", with: " ").replacing("\r", with: " ").replacing("\n", with: " "))
        // Four spaces or a tab would start a code block: leading blanks show as nothing anyway.
        line = String(line.drop { $0 == " " || $0 == "\t" })
        guard let first = line.first else { return line }
        if "#-+=".contains(first) { return "\\" + line }
        // An ordered list starts with up to nine digits and `.` or `)`: escape that mark.
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let mark = line.dropFirst(digits.count).first, mark == "." || mark == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }

    /// `text` inside a line whose start is not its own (a heading's words), shown literally.
    public static func inline(_ text: String) -> String {
        guard text.utf8.contains(where: { inlineMarks.contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if let ascii = character.asciiValue, inlineMarks.contains(ascii) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The ASCII characters that can start inline markup: `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` `|` `~`.
    private static let inlineMarks: Set<UInt8> = Set("\\`*_[]<>&|~".utf8)
}
