/// One entry as read back from the log.
public struct LogEntry: Sendable {
    public let seq: Int
    public let id: String
    public let recorded: Timestamp
    public let actor: String
    public let type: String
    public let batchEnd: Int
    /// Byte offset of the line's first byte in `events.jsonl`.
    public let offset: Int
    /// The whole line without its `\n`, exactly as stored.
    public let line: [UInt8]
    let dataRange: Range<Int>

    /// Where `data`'s object starts within the line.
    public var dataRangeStart: Int { dataRange.lowerBound }

    /// The raw bytes of the `data` object.
    public var dataBytes: ArraySlice<UInt8> { line[dataRange] }

    /// The `data` object parsed (the hot paths use `dataBytes` and parse only what they need).
    public func data() throws -> JSONValue {
        try JSONParser.parse(Array(line[dataRange]))
    }

    public var hashHex: String { String(decoding: line[(line.count - 66)..<(line.count - 2)], as: UTF8.self) }
    public var prevHex: String { String(decoding: line[(line.count - 140)..<(line.count - 76)], as: UTF8.self) }
    public var text: String { String(decoding: line, as: UTF8.self) }

    /// Decodes a line (without its `\n`) that starts at `offset` in the file.
    ///
    /// Checks the envelope's keys and their order, not the hash: that is the verifier's job.
    public init(line raw: UnsafeRawBufferPointer, offset: Int) throws {
        let frame = try EntryFrame(line: raw)
        var cursor = Cursor(line: raw, at: frame.afterSeq)
        try cursor.expect(EntryFormat.idKey, "id")
        let id = try cursor.name(until: UInt8(ascii: "\""), "id")
        try cursor.expect(EntryFormat.recordedKey, "recorded")
        guard cursor.index + 24 < raw.count,
            let recorded = Timestamp(stored: UnsafeRawBufferPointer(rebasing: raw[cursor.index..<(cursor.index + 24)]))
        else { throw FrameError("recorded is not a UTC time like 2008-01-28T09:30:00.000Z") }
        cursor.index += 24
        try cursor.expect(EntryFormat.actorKey, "actor")
        let actor = try cursor.name(until: UInt8(ascii: "\""), "actor")
        try cursor.expect(EntryFormat.typeKey, "type")
        let type = try cursor.name(until: UInt8(ascii: "\""), "type")
        try cursor.expect(EntryFormat.dataKey, "data")
        let dataStart = cursor.index
        guard dataStart < frame.batchEndKeyStart, raw[dataStart] == UInt8(ascii: "{"),
            raw[frame.batchEndKeyStart - 1] == UInt8(ascii: "}")
        else { throw FrameError("data is not an object followed by batchEnd") }
        self.seq = frame.seq
        self.id = id
        self.recorded = recorded
        self.actor = actor
        self.type = type
        self.batchEnd = frame.batchEnd
        self.offset = offset
        self.line = Array(raw)
        self.dataRange = dataStart..<frame.batchEndKeyStart
    }
}

/// Walks the fixed prefix of a line.
private struct Cursor {
    let line: UnsafeRawBufferPointer
    var index: Int

    init(line: UnsafeRawBufferPointer, at index: Int) {
        self.line = line
        self.index = index
    }

    mutating func expect<C: Collection>(_ bytes: C, _ key: String) throws where C.Element == UInt8 {
        guard matches(line, at: index, bytes) else { throw FrameError("expected the key \"\(key)\" in its place") }
        index += bytes.count
    }

    /// Reads up to (not including) `terminator`; names are written without escapes.
    mutating func name(until terminator: UInt8, _ key: String) throws -> String {
        let start = index
        while index < line.count, line[index] != terminator {
            if line[index] == UInt8(ascii: "\\") || line[index] < 0x20 {
                throw FrameError("\(key) holds an escape or control character")
            }
            index += 1
        }
        guard index < line.count, index > start,
            let s = String(validating: UnsafeRawBufferPointer(rebasing: line[start..<index]), as: UTF8.self)
        else { throw FrameError("\(key) is empty, unterminated or not UTF-8") }
        return s
    }
}
