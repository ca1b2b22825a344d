import EventLog
import Foundation

/// A copy of the log lines that matter to the state (the header, reference and domain events), up
/// to an entry identified by seq, hash and byte offset; kept beside the log as `domain.checkpoint`.
///
/// It lets a command fold the state without reading the rest of a long log (annotations, probes):
/// it replays the copied lines, then only the log after the checkpoint. It is derived and disposable:
/// if the entry it names no longer has that hash (history rewritten) or it cannot be read, it is
/// ignored and the whole log is replayed. Lines are copied verbatim, so each can be checked against
/// the log. Format: a first line `{"format":1,"seq":N,"hash":"…","offset":O,"length":L}`, then the lines.
public struct DomainCheckpoint {
    public static let fileName = "domain.checkpoint"
    /// Write a new checkpoint when a load had to read at least this many log entries past the old one.
    public static let refreshAfter = 10_000

    public let seq: Int
    public let hashHex: String
    public let offset: Int
    public let length: Int
    public let lines: [[UInt8]]

    public init(seq: Int, hashHex: String, offset: Int, length: Int, lines: [[UInt8]]) {
        (self.seq, self.hashHex, self.offset, self.length, self.lines) = (seq, hashHex, offset, length, lines)
    }

    static func path(in directory: String) -> String { directory + "/" + fileName }

    /// The checkpoint beside the log, or nil if there is none or it cannot be read.
    public static func read(in directory: String) -> DomainCheckpoint? {
        guard let data = FileManager.default.contents(atPath: path(in: directory)) else { return nil }
        var lines = Array(data).split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
        guard !lines.isEmpty, let header = try? JSONParser.parse(lines.removeFirst()), header["format"]?.intValue == 1,
            let seq = header["seq"]?.intValue, let hash = header["hash"]?.stringValue,
            let offset = header["offset"]?.intValue, let length = header["length"]?.intValue
        else { return nil }
        return DomainCheckpoint(seq: seq, hashHex: hash, offset: offset, length: length, lines: lines)
    }

    /// Whether the log still holds, at `offset`, the entry this checkpoint was taken at.
    public func matches(_ reader: LogReader) -> Bool {
        guard let line = try? reader.bytes(at: offset, length: length),
            let entry = try? line.withUnsafeBytes({ try LogEntry(line: $0, offset: offset) })
        else { return false }
        return entry.seq == seq && entry.hashHex == hashHex
    }

    /// Writes atomically (a temporary file renamed over the old one), so a reader sees the old or the new.
    public func write(in directory: String) throws {
        var bytes = Array(JSONWriter.bytes(.object([
            ("format", .integer(1)), ("seq", .integer(seq)), ("hash", .string(hashHex)), ("offset", .integer(offset)),
            ("length", .integer(length)),
        ])))
        bytes.append(0x0A)
        for line in lines {
            bytes.append(contentsOf: line)
            bytes.append(0x0A)
        }
        let temporary = Self.path(in: directory) + ".tmp-\(getpid())"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, Self.path(in: directory)) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
