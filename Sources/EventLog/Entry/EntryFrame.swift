/// The parts of a line that the chain depends on, found without parsing the `data` object:
/// enough to verify a log at disk speed.
public struct EntryFrame {
    public let seq: Int
    public let batchEnd: Int
    /// Offsets within the line (which excludes its `\n`).
    public let prevRange: Range<Int>
    public let hashRange: Range<Int>
    public let hashedCount: Int
    /// The `signed` block, on the last entry of a signed submission.
    public let signed: SignedBlock?

    /// Reads the frame of one line; throws a `FrameError` naming what is wrong.
    public init(line: UnsafeRawBufferPointer) throws {
        let n = line.count
        guard n > EntryFormat.prevKeyStartFromEnd + EntryFormat.seqKey.count,
            line.starts(with: EntryFormat.seqKey)
        else { throw FrameError("the line does not start with {\"seq\":") }
        guard let (seq, afterSeq) = parseDecimal(line, from: EntryFormat.seqKey.count),
            line[afterSeq] == UInt8(ascii: ",")
        else { throw FrameError("seq is not a positive integer up to 2^53 − 1") }
        guard line[n - 1] == UInt8(ascii: "}"), line[n - 2] == UInt8(ascii: "\""),
            matches(line, at: n - EntryFormat.hashedEndFromEnd, EntryFormat.hashKey.dropFirst()),
            matches(line, at: n - EntryFormat.prevKeyStartFromEnd, EntryFormat.prevKey),
            line[n - EntryFormat.hashedEndFromEnd - 1] == UInt8(ascii: "\"")
        else { throw FrameError("the line does not end with ,\"prev\":\"…\",\"hash\":\"…\"}") }
        let hashRange = (n - EntryFormat.hashStartFromEnd)..<(n - 2)
        let prevRange = (n - EntryFormat.prevStartFromEnd)..<(n - EntryFormat.hashedEndFromEnd - 1)
        guard isLowerHex(line, hashRange), isLowerHex(line, prevRange) else {
            throw FrameError("prev and hash must be 64 lowercase hex digits")
        }
        // `,"batchEnd":<digits>` stands right before `,"prev":`, or before a `,"signed":{…}` block there.
        var batchEndStop = n - EntryFormat.prevKeyStartFromEnd
        if let (block, start) = try SignedBlock.parse(line, endingAt: batchEndStop) {
            signed = block
            batchEndStop = start
        } else {
            signed = nil
        }
        var digitStart = batchEndStop
        while digitStart > 0, (0x30...0x39).contains(line[digitStart - 1]) { digitStart -= 1 }
        let keyStart = digitStart - EntryFormat.batchEndKey.count
        guard keyStart > afterSeq, matches(line, at: keyStart, EntryFormat.batchEndKey[...]),
            let (batchEnd, stop) = parseDecimal(line, from: digitStart), stop == batchEndStop
        else { throw FrameError("batchEnd (a positive integer up to 2^53 − 1) is missing before prev") }
        self.seq = seq
        self.batchEnd = batchEnd
        self.prevRange = prevRange
        self.hashRange = hashRange
        self.hashedCount = n - EntryFormat.hashedEndFromEnd
        self.batchEndKeyStart = keyStart
        self.afterSeq = afterSeq
    }

    /// Where `,"batchEnd":` begins, so the decoder knows where `data` stops.
    let batchEndKeyStart: Int
    let afterSeq: Int

    /// Whether the recorded hash is the SHA-256 of the hashed bytes.
    public func hashMatches(in line: UnsafeRawBufferPointer) -> Bool {
        let digest = SHA256.hash(UnsafeRawBufferPointer(rebasing: line[0..<hashedCount]))
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { hex in
            digest.writeHex(to: hex.baseAddress!)
            return memoryEqual(hex.baseAddress!, line.baseAddress! + hashRange.lowerBound, 64)
        }
    }
}

/// What is wrong with a line's frame, in words for the error message.
public struct FrameError: Error, Equatable {
    public let reason: String
    init(_ reason: String) { self.reason = reason }
}

@inline(__always)
func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    let b = b.assumingMemoryBound(to: UInt8.self)
    for i in 0..<count where a[i] != b[i] { return false }
    return true
}

@inline(__always)
func matches<C: Collection>(_ line: UnsafeRawBufferPointer, at offset: Int, _ expected: C) -> Bool
where C.Element == UInt8 {
    guard offset >= 0, offset + expected.count <= line.count else { return false }
    var i = offset
    for b in expected {
        if line[i] != b { return false }
        i += 1
    }
    return true
}

/// A positive decimal without sign or leading zeros, at most 2^53 − 1 like every integer in a line
/// (`JSONNumberForm`); returns the value and the offset after it.
@inline(__always)
func parseDecimal(_ line: UnsafeRawBufferPointer, from start: Int) -> (Int, Int)? {
    var i = start
    var value = 0
    while i < line.count, i - start < 17, (0x30...0x39).contains(line[i]) {
        value = value * 10 + Int(line[i] - 0x30)
        i += 1
    }
    guard i > start, !(line[start] == 0x30 && i - start > 1), value > 0, value <= JSONNumberForm.largestInteger else { return nil }
    return (value, i)
}

@inline(__always)
func isLowerHex(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
    for i in range {
        let b = line[i]
        if !((0x30...0x39).contains(b) || (0x61...0x66).contains(b)) { return false }
    }
    return true
}
