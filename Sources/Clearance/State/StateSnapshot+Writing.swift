import EventLog
import Foundation

extension StateSnapshot {
    /// Writes the snapshot of `state`, taken at `entry`, atomically (a temporary file synced, then
    /// renamed over the old one; on failure the old one is left as it was). Records are streamed to the file a few
    /// megabytes at a time, so writing the snapshot of a city's million records needs no second copy
    /// of them in memory.
    public static func write(_ state: ClearanceState, at entry: LogEntry, in directory: String, named name: String = fileName) throws {
        let path = directory + "/" + name
        let temporary = path + ".tmp-\(getpid())"
        // A failure names the temporary file being written (a full disk), which is removed.
        try CocoaError.naming(temporary) { try write(state, at: entry, to: path, through: temporary) }
    }

    private static func write(_ state: ClearanceState, at entry: LogEntry, to path: String, through temporary: String) throws {
        let parts = StateCodec.encodeParts(state).map { (name: $0.name, bytes: JSONWriter.bytes($0.value)) }
        let records = state.records
        // The offsets depend on the header's length: write them at a fixed width so it is known first.
        func headerBytes(records: Int, index: Int, slots: Int, units: Int, summaries: Int) -> [UInt8] {
            func fixed(_ n: Int) -> JSONValue { .string(String(format: "%015d", n)) }
            var bytes = JSONWriter.bytes(.object([
                ("format", .integer(format)), ("seq", .integer(entry.seq)), ("hash", .string(entry.hashHex)),
                ("offset", .integer(entry.offset)), ("length", .integer(entry.line.count)),
                ("parts", .array(parts.map { .array([.string($0.name), .integer($0.bytes.count)]) })),
                ("records", fixed(records)), ("index", fixed(index)), ("slots", .integer(slots)), ("units", fixed(units)),
                ("summaries", fixed(summaries)),
            ]))
            bytes.append(0x0A)
            return bytes
        }
        let slots = max(1, records.count * 2)
        let recordsStart = headerBytes(records: 0, index: 0, slots: slots, units: 0, summaries: 0).count
            + parts.reduce(0) { $0 + $1.bytes.count + 1 }
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let file = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        var renamed = false
        defer {
            try? file.close()
            if !renamed { try? FileManager.default.removeItem(atPath: temporary) }
        }
        try file.write(contentsOf: headerBytes(records: 0, index: 0, slots: slots, units: 0, summaries: 0))
        for part in parts { try file.write(contentsOf: part.bytes + [0x0A]) }
        var index = [UInt8](repeating: 0, count: slots * 16)
        var unitRanges: [(key: String, value: JSONValue)] = []
        var summaries: [(key: String, value: JSONValue)] = []
        var chunk: [UInt8] = []
        var position = recordsStart
        for unit in records.units.sorted() {
            let unitStart = position + chunk.count
            var ofUnit: [RecordState] = []
            records.forEach(inUnits: [unit]) { ofUnit.append($0) }
            ofUnit.sort { $0.registration.record < $1.registration.record }
            // Built from the unit's records at once: the order they were cleared in is judged among them all.
            let summary = UnitRecordSummary(of: ofUnit, backlogCutoff: state.reference.backlogCutoff)
            for record in ofUnit {
                let id = record.registration.record
                let hash = SnapshotHash.of(id)
                var slot = Int(hash % UInt64(slots))
                while index[slot * 16 + 8..<slot * 16 + 16].contains(where: { $0 != 0 }) { slot = (slot + 1) % slots }
                withUnsafeBytes(of: hash.littleEndian) { index.replaceSubrange(slot * 16..<slot * 16 + 8, with: $0) }
                withUnsafeBytes(of: UInt64(position + chunk.count + 1).littleEndian) { index.replaceSubrange(slot * 16 + 8..<slot * 16 + 16, with: $0) }
                JSONWriter.write(StateCodec.encode(record, id: id), to: &chunk)
                chunk.append(0x0A)
                if chunk.count >= 4 << 20 {
                    try file.write(contentsOf: chunk)
                    position += chunk.count
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            unitRanges.append((unit, .array([.integer(unitStart), .integer(position + chunk.count)])))
            summaries.append((unit, summary.json))
        }
        try file.write(contentsOf: chunk)
        let indexStart = position + chunk.count
        try file.write(contentsOf: index)
        let unitLine = JSONWriter.bytes(.object(unitRanges)) + [0x0A]
        try file.write(contentsOf: unitLine)
        try file.write(contentsOf: JSONWriter.bytes(.object(summaries)) + [0x0A])
        try file.seek(toOffset: 0)
        try file.write(contentsOf: headerBytes(
            records: recordsStart, index: indexStart, slots: slots, units: indexStart + index.count,
            summaries: indexStart + index.count + unitLine.count))
        // Synced before it takes the old one's name, so a crash leaves one or the other whole.
        try file.synchronize()
        try file.close()
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        renamed = true
    }
}
