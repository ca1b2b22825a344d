import EventLog
import Foundation

/// The folded state as of one log entry (named by seq, hash and byte offset), kept beside the log as
/// `state.snapshot`, so a command reads it and then only the log after that entry.
///
/// Layout: a header line `{"format":1,"seq":N,"hash":"…","offset":O,"length":L,"core":C,"records":R,"index":X,"slots":S}`;
/// then C bytes of core JSON and a newline (everything but the records: reference data, roles, norms,
/// profiles, counters, milestones, requests, feedback); then one JSON line a record; then at byte X a
/// hash index of S slots of 16 bytes (FNV-1a of the record id, 1 + the byte offset of its line; 0 = empty),
/// little-endian, probed linearly. It is derived and disposable: a snapshot whose entry no longer has
/// that hash (history rewritten), or that cannot be read, is ignored and the log replayed.
public enum StateSnapshot {
    public static let fileName = "state.snapshot"
    /// Write a new snapshot when a load had to fold at least this many log entries past the old one.
    public static let refreshAfter = 10_000

    static func path(in directory: String) -> String { directory + "/" + fileName }

    struct Header {
        let seq: Int
        let hashHex: String
        let offset: Int
        let length: Int
        let core: Int
        let records: Int
        let index: Int
        let slots: Int
    }

    /// The state as of the snapshot and where in the log it stands, or nil if there is no usable snapshot.
    public static func load(in directory: String, matching reader: LogReader) -> (state: ClearanceState, resumeAt: Int)? {
        let path = path(in: directory)
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        guard let first = try? file.read(upToCount: 4096), let newline = first.firstIndex(of: 0x0A),
            let json = try? JSONParser.parse(Array(first[first.startIndex..<newline])), json["format"]?.intValue == 1,
            let header = header(json)
        else { return nil }
        // The entry the snapshot was taken at must still be in the log, unchanged.
        guard let line = try? reader.bytes(at: header.offset, length: header.length),
            let entry = try? line.withUnsafeBytes({ try LogEntry(line: $0, offset: header.offset) }),
            entry.seq == header.seq, entry.hashHex == header.hashHex
        else { return nil }
        let coreStart = newline - first.startIndex + 1
        try? file.seek(toOffset: UInt64(coreStart))
        guard let core = try? file.read(upToCount: header.core), core.count == header.core,
            let coreJSON = try? JSONParser.parse(Array(core))
        else { return nil }
        // The records stay on disk, read through this open file as they are asked for.
        let stored = StoredRecords(file: file, recordsStart: header.records, indexStart: header.index, slots: header.slots)
        guard var state = try? StateCodec.decodeCore(coreJSON, records: RecordTable(stored: stored)) else { return nil }
        state.seq = header.seq
        return (state, header.offset + header.length + 1)
    }

    private static func header(_ json: JSONValue) -> Header? {
        // Two offsets are written as zero-padded strings, so the header's length does not depend on them.
        func number(_ key: String) -> Int? { json[key]?.intValue ?? json[key]?.stringValue.flatMap { Int($0) } }
        guard let seq = number("seq"), let hash = json["hash"]?.stringValue, let offset = number("offset"),
            let length = number("length"), let core = number("core"), let records = number("records"),
            let index = number("index"), let slots = number("slots")
        else { return nil }
        return Header(seq: seq, hashHex: hash, offset: offset, length: length, core: core, records: records, index: index, slots: slots)
    }

    /// Writes the snapshot of `state`, taken at `entry`, atomically (a temporary file renamed over the old one).
    public static func write(_ state: ClearanceState, at entry: LogEntry, in directory: String) throws {
        let core = JSONWriter.bytes(StateCodec.encodeCore(state))
        let records = state.records.all
        var body: [UInt8] = []
        var lines: [(hash: UInt64, offset: Int)] = []
        for id in records.keys.sorted() {
            lines.append((SnapshotHash.of(id), body.count))
            JSONWriter.write(StateCodec.encode(records[id]!, id: id), to: &body)
            body.append(0x0A)
        }
        // The offsets depend on the header's length: write them at a fixed width so it is known first.
        func headerBytes(_ recordsStart: Int, _ indexStart: Int, _ slots: Int) -> [UInt8] {
            var bytes = JSONWriter.bytes(.object([
                ("format", .integer(1)), ("seq", .integer(entry.seq)), ("hash", .string(entry.hashHex)),
                ("offset", .integer(entry.offset)), ("length", .integer(entry.line.count)), ("core", .integer(core.count)),
                ("records", .string(String(format: "%015d", recordsStart))), ("index", .string(String(format: "%015d", indexStart))),
                ("slots", .integer(slots)),
            ]))
            bytes.append(0x0A)
            return bytes
        }
        let slots = max(1, lines.count * 2)
        let headerLength = headerBytes(0, 0, slots).count
        let recordsStart = headerLength + core.count + 1
        let indexStart = recordsStart + body.count
        var index = [UInt8](repeating: 0, count: slots * 16)
        for line in lines {
            var slot = Int(line.hash % UInt64(slots))
            while index[slot * 16 + 8..<slot * 16 + 16].contains(where: { $0 != 0 }) { slot = (slot + 1) % slots }
            withUnsafeBytes(of: line.hash.littleEndian) { index.replaceSubrange(slot * 16..<slot * 16 + 8, with: $0) }
            withUnsafeBytes(of: UInt64(recordsStart + line.offset + 1).littleEndian) { index.replaceSubrange(slot * 16 + 8..<slot * 16 + 16, with: $0) }
        }
        var bytes = headerBytes(recordsStart, indexStart, slots)
        bytes += core
        bytes.append(0x0A)
        bytes += body
        bytes += index
        let temporary = path(in: directory) + ".tmp-\(getpid())"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path(in: directory)) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
