import EventLog
import Foundation

/// The folded state as of one log entry (named by seq, hash and byte offset), kept beside the log as
/// `state.snapshot`, so a command reads it and then only the log after that entry.
///
/// Layout (format 9), so that a query reads only what it needs:
/// - a header line `{"format":9,"seq":N,"hash":"…","offset":O,"length":L,"parts":[["reference",B],…],
///   "records":R,"index":X,"slots":S,"units":U,"summaries":M}`; R, X, U and M are written as
///   zero-padded strings, so the header's length is known before they are;
/// - the parts of the state other than its records, one JSON line each, in the order and with the
///   byte lengths (newline excluded) that `parts` gives: reference data and norms, which every load
///   reads, then roles, profiles, last serials, milestones, requests, feedback, service guides and supervision, which a load reads
///   only if asked (`StateParts`), and trust (identities and keys), which every load reads;
/// - from byte R, one JSON line a record, grouped by unit;
/// - at byte X a hash index of S slots of 16 bytes (FNV-1a of the record id, 1 + the byte offset of
///   its line; 0 = empty), little-endian, probed linearly;
/// - at byte U one JSON line giving each unit's records as a `[start, end)` byte range, so one unit's
///   records are read without the rest;
/// - at byte M one JSON line giving each unit's `UnitRecordSummary` (`UnitRecordSummary.json`), so
///   progress reads no records.
///
/// It is derived and disposable: a snapshot whose entry no longer has that hash (history rewritten),
/// of another format, or that cannot be read, is ignored and the log replayed.
public enum StateSnapshot {
    public static let fileName = "state.snapshot"
    /// 9: a trust part (identities bound to actors, keys in force); 8: a supervision part (notices issued, inspection findings…) and each request's steps; 7: the unit summaries also count the backlog records done with (stage 6's share), and a request
    /// keeps the day it must be corrected by; 6: the unit summaries count the backlog's proactive records for stage 6 (5: every proactive
    /// record, in the same eight fields, so only this number tells the two apart); 5: they judge
    /// stage 4 by the backlog and its clearing order (4: by every record).
    public static let format = 9
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
        /// Each part's name and byte length, in file order.
        let parts: [(name: String, length: Int)]
        let records: Int
        let index: Int
        let slots: Int
        let units: Int
        let summaries: Int
    }

    /// The later of the two snapshots a log directory may hold (the one appends keep and the one
    /// `rebuild` keeps as its checkpoint), whichever still matches the log. Parts not in `parts` are
    /// left empty.
    public static func latest(
        in directory: String, matching reader: LogReader, reading parts: StateParts = .all
    ) -> (state: ClearanceState, resumeAt: Int)? {
        // Only the header lines are read to choose.
        func seq(_ name: String) -> Int {
            guard let file = FileHandle(forReadingAtPath: directory + "/" + name) else { return -1 }
            defer { try? file.close() }
            return headerJSON(file)?.json["seq"]?.intValue ?? -1
        }
        let names = [fileName, checkpointName].sorted { seq($0) > seq($1) }
        return load(in: directory, named: names[0], matching: reader, reading: parts)
            ?? load(in: directory, named: names[1], matching: reader, reading: parts)
    }

    /// The state as of the snapshot and where in the log it stands, or nil if there is no usable
    /// snapshot. Parts not in `parts` are not decoded and are left empty.
    public static func load(
        in directory: String, named name: String = fileName, matching reader: LogReader, reading parts: StateParts = .all
    ) -> (state: ClearanceState, resumeAt: Int)? {
        guard let file = FileHandle(forReadingAtPath: directory + "/" + name) else { return nil }
        guard let (json, headerLength) = headerJSON(file), json["format"]?.intValue == format, let size = try? file.seekToEnd(),
            let header = header(json, fileSize: Int(size)), headerLength + header.parts.reduce(0, { $0 + $1.length + 1 }) == header.records
        else { return nil }
        // The entry the snapshot was taken at must still be in the log, unchanged.
        guard let line = try? reader.bytes(at: header.offset, length: header.length),
            let entry = try? line.withUnsafeBytes({ try LogEntry(line: $0, offset: header.offset) }),
            entry.seq == header.seq, entry.hashHex == header.hashHex
        else { return nil }
        var state = ClearanceState()
        var position = headerLength
        for part in header.parts {
            defer { position += part.length + 1 }
            if let member = StateCodec.member(part.name), !parts.contains(member) { continue }
            guard let bytes = file.bytes(at: position, count: part.length), let json = try? JSONParser.parse(bytes),
                (try? StateCodec.decode(part: part.name, json, into: &state)) != nil
            else { return nil }
        }
        guard let unitLine = file.bytes(at: header.units, count: header.summaries - header.units),
            case .object(let unitMembers)? = try? JSONParser.parse(Array(unitLine.dropLast()))
        else { return nil }
        var unitRanges: [String: Range<Int>] = [:]
        for (unit, range) in unitMembers {
            guard let bounds = range.arrayValue?.compactMap(\.intValue), bounds.count == 2, header.records <= bounds[0],
                bounds[0] <= bounds[1], bounds[1] <= header.index
            else { return nil }
            unitRanges[unit] = bounds[0]..<bounds[1]
        }
        let stored = StoredRecords(
            file: file, recordsStart: header.records, indexStart: header.index, slots: header.slots, unitRanges: unitRanges,
            summariesStart: header.summaries)
        state.records = RecordTable(stored: stored)
        state.seq = header.seq
        return (state, header.offset + header.length + 1)
    }

    /// The header line parsed, and its length with its newline.
    private static func headerJSON(_ file: FileHandle) -> (json: JSONValue, length: Int)? {
        guard let first = try? file.read(upToCount: 4096), let newline = first.firstIndex(of: 0x0A),
            let json = try? JSONParser.parse(Array(first[first.startIndex..<newline]))
        else { return nil }
        return (json, newline - first.startIndex + 1)
    }

    /// The header's fields, if they describe sections that lie in order within a file of `fileSize`
    /// bytes (so no size read from the file can ask for more than the file holds).
    private static func header(_ json: JSONValue, fileSize: Int) -> Header? {
        func number(_ key: String) -> Int? { json[key]?.intValue ?? json[key]?.stringValue.flatMap { Int($0) } }
        var parts: [(name: String, length: Int)] = []
        for item in json["parts"]?.arrayValue ?? [] {
            guard let pair = item.arrayValue, pair.count == 2, let name = pair[0].stringValue, let length = pair[1].intValue,
                (0..<fileSize).contains(length)
            else { return nil }
            parts.append((name, length))
        }
        guard let seq = number("seq"), let hash = json["hash"]?.stringValue, let offset = number("offset"),
            let length = number("length"), let records = number("records"), let index = number("index"),
            let slots = number("slots"), let units = number("units"), let summaries = number("summaries"),
            0 <= records, records <= index, (0...fileSize / 16).contains(slots), index + slots * 16 == units, units < summaries,
            summaries < fileSize
        else { return nil }
        return Header(
            seq: seq, hashHex: hash, offset: offset, length: length, parts: parts, records: records, index: index, slots: slots,
            units: units, summaries: summaries)
    }
}
