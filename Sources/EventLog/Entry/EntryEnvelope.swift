/// Where the envelope's fields lie in a line, checked without allocating: the keys in their order,
/// id and actor (1–128 bytes, no quote, backslash or control character), recorded (the 24-character
/// UTC form), type (the type rule), and data opening with `{` and closing with `}` before batchEnd.
/// Both the reader and the verifier use it, so validity rule 1 means one thing.
struct EntryEnvelope {
    let id: Range<Int>
    let recorded: Timestamp
    let actor: Range<Int>
    let type: Range<Int>
    let data: Range<Int>

    init(line: UnsafeRawBufferPointer, frame: EntryFrame) throws {
        var index = frame.afterSeq
        func expect(_ key: [UInt8], _ name: String) throws {
            guard matches(line, at: index, key) else { throw FrameError("expected the key \"\(name)\" in its place") }
            index += key.count
        }
        /// A name up to its closing quote; `first` checks the first byte, `rest` the others.
        func name(_ field: String, first: (UInt8) -> Bool, rest: (UInt8) -> Bool) throws -> Range<Int> {
            let start = index
            while index < line.count, line[index] != UInt8(ascii: "\"") {
                let b = line[index]
                guard index == start ? first(b) : rest(b) else { throw FrameError("\(field) holds a character it may not") }
                index += 1
            }
            guard index < line.count, index > start, index - start <= EntryFormat.maximumNameBytes else {
                throw FrameError("\(field) must be 1 to \(EntryFormat.maximumNameBytes) bytes")
            }
            return start..<index
        }
        let nameByte = { (b: UInt8) in b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F }
        let typeFirst = { (b: UInt8) in (0x61...0x7A).contains(b) }
        let typeByte = { (b: UInt8) in
            (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == 0x2E || b == 0x5F || b == 0x2D
        }
        try expect(EntryFormat.idKey, "id")
        id = try name("id", first: nameByte, rest: nameByte)
        try expect(EntryFormat.recordedKey, "recorded")
        guard index + 24 < line.count,
            let time = Timestamp(stored: UnsafeRawBufferPointer(rebasing: line[index..<(index + 24)]))
        else { throw FrameError("recorded is not a UTC time like 2008-01-28T09:30:00.000Z") }
        recorded = time
        index += 24
        try expect(EntryFormat.actorKey, "actor")
        actor = try name("actor", first: nameByte, rest: nameByte)
        try expect(EntryFormat.typeKey, "type")
        type = try name("type", first: typeFirst, rest: typeByte)
        try expect(EntryFormat.dataKey, "data")
        guard index < frame.batchEndKeyStart, line[index] == UInt8(ascii: "{"), line[frame.batchEndKeyStart - 1] == UInt8(ascii: "}")
        else { throw FrameError("data is not an object followed by batchEnd") }
        data = index..<frame.batchEndKeyStart
    }
}
