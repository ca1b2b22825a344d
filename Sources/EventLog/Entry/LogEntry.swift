/// One entry as read back from the log.
public struct LogEntry: Sendable {
    public let seq: Int
    public let id: String
    public let recorded: Timestamp
    public let actor: String
    public let type: String
    public let batchEnd: Int
    /// The signature of the submission this entry ends, if it ends a signed one.
    public let signed: SignedBlock?
    /// Byte offset of the line's first byte in `events.jsonl`.
    public let offset: Int
    /// The whole line without its `\n`, exactly as stored.
    public let line: [UInt8]
    let dataRange: Range<Int>

    /// Where `data`'s object starts within the line.
    public var dataRangeStart: Int { dataRange.lowerBound }

    /// `"actor":"…","type":"…","data":{…}`: what the actor signed of this entry.
    public var contentBytes: ArraySlice<UInt8> { line[contentStart..<dataRange.upperBound] }
    let contentStart: Int

    /// The raw bytes of the `data` object.
    public var dataBytes: ArraySlice<UInt8> { line[dataRange] }

    /// The `data` object parsed (the hot paths use `dataBytes` and parse only what they need).
    /// Data that breaks validity rule 5 (a key twice, say) throws `.corrupt` naming this entry.
    public func data() throws -> JSONValue {
        // Parsed where it lies in the line: a fold parses every entry's data, and a copy each is a
        // million allocations a million entries.
        do { return try line.withUnsafeBytes { try JSONParser.parse(UnsafeRawBufferPointer(rebasing: $0[dataRange])) } } catch let error as JSONError {
            throw EventLogError.corrupt(
                seq: seq, offset: offset, reason: "data: \(error.message) (at byte \(dataRange.lowerBound + error.offset) of the line)")
        }
    }

    public var hashHex: String { String(decoding: line[(line.count - 66)..<(line.count - 2)], as: UTF8.self) }
    public var prevHex: String { String(decoding: line[(line.count - 140)..<(line.count - 76)], as: UTF8.self) }
    public var text: String { String(decoding: line, as: UTF8.self) }

    /// Decodes a line (without its `\n`) that starts at `offset` in the file.
    ///
    /// Checks the envelope's keys and their order, not the hash: that is the verifier's job.
    public init(line raw: UnsafeRawBufferPointer, offset: Int) throws {
        let frame = try EntryFrame(line: raw)
        let envelope = try EntryEnvelope(line: raw, frame: frame)
        func text(_ range: Range<Int>, _ field: String) throws -> String {
            guard let s = UTF8Text.string(validating: UnsafeRawBufferPointer(rebasing: raw[range])) else {
                throw FrameError("\(field) is not UTF-8")
            }
            return s
        }
        let id = try text(envelope.id, "id")
        let actor = try text(envelope.actor, "actor")
        let type = try text(envelope.type, "type")
        let recorded = envelope.recorded
        let dataStart = envelope.data.lowerBound
        self.seq = frame.seq
        self.id = id
        self.recorded = recorded
        self.actor = actor
        self.type = type
        self.batchEnd = frame.batchEnd
        self.signed = frame.signed
        self.contentStart = envelope.actor.lowerBound - (EntryFormat.actorKey.count - 2)
        self.offset = offset
        self.line = Array(raw)
        self.dataRange = dataStart..<frame.batchEndKeyStart
    }
}
