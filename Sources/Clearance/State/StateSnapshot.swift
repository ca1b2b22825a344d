import EventLog
import Foundation

/// The folded state as of one log entry (named by seq, hash and byte offset), kept beside the log as
/// `state.snapshot`, so a command reads it and then only the log after that entry.
///
/// Layout: a header line `{"format":2,"seq":N,"hash":"…","offset":O,"length":L,"core":C,"records":R,"index":X,"slots":S,"units":U}`;
/// then C bytes of core JSON and a newline (everything but the records: reference data, roles, norms,
/// profiles, counters, milestones, requests, feedback); then one JSON line a record, grouped by unit;
/// then at byte X a hash index of S slots of 16 bytes (FNV-1a of the record id, 1 + the byte offset of
/// its line; 0 = empty), little-endian, probed linearly; then at byte U one JSON line giving each unit's
/// records as `[start, end)` byte ranges, so one unit's records are read without the rest. It is derived
/// and disposable: a snapshot whose entry no longer has that hash (history rewritten), of another
/// format, or that cannot be read, is ignored and the log replayed.
public enum StateSnapshot {
    public static let fileName = "state.snapshot"
    /// Write a new snapshot when a load had to fold at least this many log entries past the old one.
    public static let refreshAfter = 10_000

    /// The snapshot `rebuild` keeps as its checkpoint: beside the log, not among the public projections
    /// (it holds every record, exempt ones included).
    public static let checkpointName = "projections.checkpoint"

    struct Header {
        let seq: Int
        let hashHex: String
        let offset: Int
        let length: Int
        let core: Int
        let records: Int
        let index: Int
        let slots: Int
        let units: Int
    }

    /// The later of the two snapshots a log directory may hold (the one appends keep and the one
    /// `rebuild` keeps as its checkpoint), whichever still matches the log.
    public static func latest(in directory: String, matching reader: LogReader) -> (state: ClearanceState, resumeAt: Int)? {
        // Only the header lines are read to choose: loading a snapshot parses its whole core.
        func seq(_ name: String) -> Int {
            guard let file = FileHandle(forReadingAtPath: directory + "/" + name) else { return -1 }
            defer { try? file.close() }
            guard let first = try? file.read(upToCount: 4096), let newline = first.firstIndex(of: 0x0A),
                let json = try? JSONParser.parse(Array(first[first.startIndex..<newline]))
            else { return -1 }
            return json["seq"]?.intValue ?? -1
        }
        let names = [fileName, checkpointName].sorted { seq($0) > seq($1) }
        return load(in: directory, named: names[0], matching: reader) ?? load(in: directory, named: names[1], matching: reader)
    }

    /// The state as of the snapshot and where in the log it stands, or nil if there is no usable snapshot.
    public static func load(in directory: String, named name: String = fileName, matching reader: LogReader) -> (state: ClearanceState, resumeAt: Int)? {
        let path = directory + "/" + name
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        guard let first = try? file.read(upToCount: 4096), let newline = first.firstIndex(of: 0x0A),
            let json = try? JSONParser.parse(Array(first[first.startIndex..<newline])), json["format"]?.intValue == 2,
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
        try? file.seek(toOffset: UInt64(header.units))
        guard let unitLine = try? file.readToEnd(), let unitJSON = try? JSONParser.parse(Array(unitLine.dropLast())),
            case .object(let unitMembers) = unitJSON
        else { return nil }
        var unitRanges: [String: Range<Int>] = [:]
        for (unit, range) in unitMembers {
            guard let bounds = range.arrayValue?.compactMap(\.intValue), bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
            unitRanges[unit] = bounds[0]..<bounds[1]
        }
        let stored = StoredRecords(file: file, recordsStart: header.records, indexStart: header.index, slots: header.slots, unitRanges: unitRanges)
        guard var state = try? StateCodec.decodeCore(coreJSON, records: RecordTable(stored: stored)) else { return nil }
        state.seq = header.seq
        return (state, header.offset + header.length + 1)
    }

    private static func header(_ json: JSONValue) -> Header? {
        // Two offsets are written as zero-padded strings, so the header's length does not depend on them.
        func number(_ key: String) -> Int? { json[key]?.intValue ?? json[key]?.stringValue.flatMap { Int($0) } }
        guard let seq = number("seq"), let hash = json["hash"]?.stringValue, let offset = number("offset"),
            let length = number("length"), let core = number("core"), let records = number("records"),
            let index = number("index"), let slots = number("slots"), let units = number("units")
        else { return nil }
        return Header(seq: seq, hashHex: hash, offset: offset, length: length, core: core, records: records, index: index, slots: slots, units: units)
    }

    /// Writes the snapshot of `state`, taken at `entry`, atomically (a temporary file renamed over the
    /// old one). Records are streamed to the file a few megabytes at a time, so writing the snapshot of a
    /// city's million records needs no second copy of them in memory.
    public static func write(_ state: ClearanceState, at entry: LogEntry, in directory: String, named name: String = fileName) throws {
        let path = directory + "/" + name
        let core = JSONWriter.bytes(StateCodec.encodeCore(state))
        let records = state.records.all
        var idsByUnit: [String: [String]] = [:]
        for (id, record) in records { idsByUnit[record.registration.unit, default: []].append(id) }
        // The offsets depend on the header's length: write them at a fixed width so it is known first.
        func headerBytes(_ recordsStart: Int, _ indexStart: Int, _ slots: Int, _ unitsStart: Int) -> [UInt8] {
            func fixed(_ n: Int) -> JSONValue { .string(String(format: "%015d", n)) }
            var bytes = JSONWriter.bytes(.object([
                ("format", .integer(2)), ("seq", .integer(entry.seq)), ("hash", .string(entry.hashHex)),
                ("offset", .integer(entry.offset)), ("length", .integer(entry.line.count)), ("core", .integer(core.count)),
                ("records", fixed(recordsStart)), ("index", fixed(indexStart)), ("slots", .integer(slots)), ("units", fixed(unitsStart)),
            ]))
            bytes.append(0x0A)
            return bytes
        }
        let slots = max(1, records.count * 2)
        let recordsStart = headerBytes(0, 0, slots, 0).count + core.count + 1
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let file = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteUnknown)
        }
        var renamed = false
        defer {
            try? file.close()
            if !renamed { try? FileManager.default.removeItem(atPath: temporary) }
        }
        try file.write(contentsOf: headerBytes(0, 0, slots, 0) + core + [0x0A])
        var index = [UInt8](repeating: 0, count: slots * 16)
        var unitRanges: [(key: String, value: JSONValue)] = []
        var chunk: [UInt8] = []
        var position = recordsStart
        for unit in idsByUnit.keys.sorted() {
            let unitStart = position + chunk.count
            for id in idsByUnit[unit]!.sorted() {
                let hash = SnapshotHash.of(id)
                var slot = Int(hash % UInt64(slots))
                while index[slot * 16 + 8..<slot * 16 + 16].contains(where: { $0 != 0 }) { slot = (slot + 1) % slots }
                withUnsafeBytes(of: hash.littleEndian) { index.replaceSubrange(slot * 16..<slot * 16 + 8, with: $0) }
                withUnsafeBytes(of: UInt64(position + chunk.count + 1).littleEndian) { index.replaceSubrange(slot * 16 + 8..<slot * 16 + 16, with: $0) }
                JSONWriter.write(StateCodec.encode(records[id]!, id: id), to: &chunk)
                chunk.append(0x0A)
                if chunk.count >= 4 << 20 {
                    try file.write(contentsOf: chunk)
                    position += chunk.count
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            unitRanges.append((unit, .array([.integer(unitStart), .integer(position + chunk.count)])))
        }
        try file.write(contentsOf: chunk)
        let indexStart = position + chunk.count
        try file.write(contentsOf: index)
        try file.write(contentsOf: JSONWriter.bytes(.object(unitRanges)) + [0x0A])
        try file.seek(toOffset: 0)
        try file.write(contentsOf: headerBytes(recordsStart, indexStart, slots, indexStart + index.count))
        try file.close()
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        renamed = true
    }
}
