/// Sheet names as Excel accepts them: a workbook with a name it refuses does not open.
enum SheetNames {
    /// Excel counts a name's length in UTF-16 code units.
    static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// One name per sheet, in order: forbidden characters become `_`, control characters go,
    /// apostrophes and spaces are trimmed from the ends (Excel refuses a name that starts or ends
    /// with an apostrophe), the name is cut to 31 code units without splitting a character, an empty
    /// name becomes `Sheet<n>`, `History` (reserved by Excel) becomes `History_`, and a name already
    /// taken, compared without case as Excel compares, gets ` (2)`, ` (3)`, ….
    static func sanitised(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        return names.enumerated().map { position, name in
            var base = cleaned(name)
            if base.isEmpty { base = "Sheet\(position + 1)" }
            if base.lowercased() == "history" { base += "_" }
            var candidate = base
            var copy = 1
            while taken.contains(candidate.lowercased()) {
                copy += 1
                let suffix = " (\(copy))"
                candidate = trimmed(prefix(of: base, fitting: maximumLength - suffix.utf16.count)) + suffix
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
    }

    private static func cleaned(_ name: String) -> String {
        var kept = ""
        for character in name {
            if forbidden.contains(character) {
                kept.append("_")
            } else if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && XMLText.isAllowed($0) }) {
                kept.append(character)
            }
        }
        return trimmed(prefix(of: trimmed(kept), fitting: maximumLength))
    }

    private static func trimmed(_ name: String) -> String {
        let isEdge = { (character: Character) in character == "'" || character.isWhitespace }
        return String(name.drop(while: isEdge).reversed().drop(while: isEdge).reversed())
    }

    /// The longest run of whole characters from the start of `name` within `units` UTF-16 code units.
    private static func prefix(of name: String, fitting units: Int) -> String {
        var kept = ""
        var used = 0
        for character in name {
            used += character.utf16.count
            if used > units { break }
            kept.append(character)
        }
        return kept
    }
}
