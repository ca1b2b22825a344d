import Foundation

/// Where a reader's last successful `verify` stopped: the entry it reached (seq, byte offset, hash),
/// when, and what the signature check needs to go on from there. A later `verify` checks only what
/// follows, and every query can say which check its answer rests on.
///
/// A mark is the reader's own (kept in its cache folder, never beside the log, where whoever writes
/// the log could forge one), and it is tied to the chain: it counts only while the log still holds
/// that entry, byte for byte, at that offset. A mark is derived and disposable.
public struct VerificationMark: Sendable, Equatable {
    public let seq: Int
    /// Byte offset of the marked entry's line, and of the byte after its `\n`.
    public let offset: Int
    public let end: Int
    public let hashHex: String
    /// When this check ran, and when the last check from seq 1 did.
    public let checkedAt: Timestamp
    public let fullCheckAt: Timestamp
    let signatures: SignatureChecker.Resume
    /// The validity rules a check covers (docs/log-format.md, 1 to 5). A mark left by a check of fewer
    /// (a `clearance` from before rule 5) is not resumed from: the next check covers all of history.
    static let rules = 5

    /// Whether the log still holds the marked entry at its place, byte for byte: it carries the marked
    /// hash and its bytes still hash to it (a line changed with its hash left as it was would otherwise
    /// be resumed after, and never checked again).
    public func holds(in reader: LogReader) -> Bool {
        guard end <= reader.tail.committedEnd, end > offset, let line = try? reader.bytes(at: offset, length: end - offset - 1),
            line.count > 75
        else { return false }
        return String(decoding: line[(line.count - 66)..<(line.count - 2)], as: UTF8.self) == hashHex
            && line.starts(with: Array("{\"seq\":\(seq),".utf8)) && SHA256.hash(line[..<(line.count - 75)]).hex == hashHex
    }

    var json: JSONValue {
        .object([
            ("seq", .integer(seq)), ("offset", .integer(offset)), ("end", .integer(end)), ("hash", .string(hashHex)),
            ("checkedAt", .string(checkedAt.iso8601)), ("fullCheckAt", .string(fullCheckAt.iso8601)), ("signatures", signatures.json),
            ("rules", .integer(Self.rules)),
        ])
    }

    init(seq: Int, offset: Int, end: Int, hashHex: String, checkedAt: Timestamp, fullCheckAt: Timestamp, signatures: SignatureChecker.Resume) {
        (self.seq, self.offset, self.end, self.hashHex) = (seq, offset, end, hashHex)
        (self.checkedAt, self.fullCheckAt, self.signatures) = (checkedAt, fullCheckAt, signatures)
    }

    init?(json: JSONValue) {
        guard let seq = json["seq"]?.intValue, let offset = json["offset"]?.intValue, let end = json["end"]?.intValue,
            let hash = json["hash"]?.stringValue, let checked = json["checkedAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
            let full = json["fullCheckAt"]?.stringValue.flatMap(Timestamp.init(parsing:)),
            let signatures = json["signatures"].flatMap(SignatureChecker.Resume.init(json:)), json["rules"]?.intValue == Self.rules
        else { return nil }
        self.init(seq: seq, offset: offset, end: end, hashHex: hash, checkedAt: checked, fullCheckAt: full, signatures: signatures)
    }

    /// The mark stored at `path`, or nil (none, unreadable, or of another layout: it is only a shortcut).
    public static func read(from path: String) -> VerificationMark? {
        guard let data = FileManager.default.contents(atPath: path), let json = try? JSONParser.parse(Array(data)) else { return nil }
        return VerificationMark(json: json)
    }

    /// Writes the mark atomically (a temporary file renamed over the old one).
    public func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = path + ".tmp-\(getpid())"
        try Data((JSONWriter.string(json) + "\n").utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw EventLogError.io(operation: "rename", path: path, message: reason)
        }
    }
}
