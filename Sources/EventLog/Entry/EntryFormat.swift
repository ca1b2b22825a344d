/// The fixed parts of a log line, shared by the writer, the reader and the verifier.
/// `docs/log-format.md` specifies them byte by byte.
public enum EntryFormat {
    public static let version = 2
    /// The type of the first entry, which says what the log is.
    public static let headerType = "log.created"
    public static let zeroHash = [UInt8](repeating: UInt8(ascii: "0"), count: 64)

    /// Bounds on what input controls, so a hostile line cannot exhaust memory.
    public static let maximumLineBytes = 1 << 20
    public static let maximumNameBytes = 128

    static let seqKey = Array(#"{"seq":"#.utf8)
    static let idKey = Array(#","id":""#.utf8)
    static let recordedKey = Array(#"","recorded":""#.utf8)
    static let actorKey = Array(#"","actor":""#.utf8)
    static let typeKey = Array(#"","type":""#.utf8)
    static let dataKey = Array(#"","data":"#.utf8)
    static let batchEndKey = Array(#","batchEnd":"#.utf8)
    static let prevKey = Array(#","prev":""#.utf8)
    static let hashKey = Array(#"","hash":""#.utf8)

    /// A line ends `…,"prev":"<64 hex>","hash":"<64 hex>"}`: the hash starts 66 bytes before the end
    /// and the hashed bytes stop where `,"hash":` begins, 75 bytes before the end.
    static let hashStartFromEnd = 66
    static let hashedEndFromEnd = 75
    static let prevStartFromEnd = 140
    static let prevKeyStartFromEnd = 149

    /// Lowercase ASCII letters, digits and `.`, `_`, `-`; starts with a letter.
    public static func isValidType(_ type: String) -> Bool {
        let bytes = Array(type.utf8)
        guard let first = bytes.first, bytes.count <= maximumNameBytes, (0x61...0x7A).contains(first) else {
            return false
        }
        return bytes.allSatisfy { b in
            (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == 0x2E
                || b == 0x5F || b == 0x2D
        }
    }

    /// Whether `type` matches `pattern`: the type itself, or a family written `record.*`.
    public static func type(_ type: String, matches pattern: String) -> Bool {
        pattern.hasSuffix(".*") ? type.hasPrefix(String(pattern.dropLast(1))) : type == pattern
    }

    /// Non-empty, at most 128 bytes, no control characters, no quote or backslash
    /// (ids and actors are written unescaped, so the fast reader can take them as they are).
    public static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return !bytes.isEmpty && bytes.count <= maximumNameBytes
            && bytes.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F }
    }
}
