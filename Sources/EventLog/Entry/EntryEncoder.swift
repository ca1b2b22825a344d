/// Serializes entries in the log's exact byte form and chains their hashes.
///
/// Our own serializer, not `JSONEncoder`: the key order and spelling are part of what is hashed.
/// A line is written in two steps: its head (everything up to `"prev":"`), which does not depend on
/// the chain, and its end (prev, hash), which does. `BatchEncoder` runs the first step on all cores.
public struct EntryEncoder {
    public private(set) var prevHex: [UInt8]
    public private(set) var nextSeq: Int

    /// Starts encoding after the entry `seq`/`hash` (seq 0 and 64 zeros for an empty log).
    public init(afterSeq seq: Int, hashHex: [UInt8]) {
        self.prevHex = hashHex
        self.nextSeq = seq + 1
    }

    /// Appends one line (with its `\n`) to `out` and advances the chain.
    public mutating func encode(
        _ entry: NewEntry, id: String, recorded: String, batchEnd: Int, into out: inout [UInt8]
    ) {
        let start = out.count
        Self.writeHead(entry, seq: nextSeq, id: id, recorded: recorded, batchEnd: batchEnd, into: &out)
        finishLine(startingAt: start, midstate: nil, in: &out)
    }

    /// Writes `{"seq":…,…,"batchEnd":N[,"signed":{…}],"prev":"` for one entry.
    static func writeHead(
        _ entry: NewEntry, seq: Int, id: String, recorded: String, batchEnd: Int, signed: (from: Int, SubmissionSignature)? = nil,
        into out: inout [UInt8]
    ) {
        out.append(contentsOf: EntryFormat.seqKey)
        appendDecimal(seq, to: &out)
        out.append(contentsOf: EntryFormat.idKey)
        appendUTF8(id, to: &out)
        out.append(contentsOf: EntryFormat.recordedKey)
        appendUTF8(recorded, to: &out)
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ",")])
        writeContent(entry, into: &out)
        out.append(contentsOf: EntryFormat.batchEndKey)
        appendDecimal(batchEnd, to: &out)
        if let (from, signature) = signed { signature.writeBlock(from: from, into: &out) }
        out.append(contentsOf: EntryFormat.prevKey)
    }

    /// Writes `"actor":"…","type":"…","data":{…}`: what an actor signs of an entry.
    static func writeContent(_ entry: NewEntry, into out: inout [UInt8]) {
        out.append(contentsOf: EntryFormat.actorKey.dropFirst(2))
        appendUTF8(entry.actor, to: &out)
        out.append(contentsOf: EntryFormat.typeKey)
        appendUTF8(entry.type, to: &out)
        out.append(contentsOf: EntryFormat.dataKey)
        JSONWriter.write(entry.data, to: &out)
    }

    /// Completes the line whose head starts at `start` (the last bytes of `out`): appends prev, the
    /// hash and the newline, and advances the chain. `midstate`, if given, covers the head's leading blocks.
    mutating func finishLine(startingAt start: Int, midstate: SHA256.Midstate?, in out: inout [UInt8]) {
        out.append(contentsOf: prevHex)
        out.append(UInt8(ascii: "\""))
        let hashedEnd = out.count
        out.append(contentsOf: EntryFormat.hashKey.dropFirst())
        let digest = out.withUnsafeBytes { bytes in
            let hashed = UnsafeRawBufferPointer(rebasing: bytes[start..<hashedEnd])
            return midstate.map { SHA256.hash(hashed, resuming: $0) } ?? SHA256.hash(hashed)
        }
        let hexStart = out.count
        out.append(contentsOf: repeatElement(0, count: 64))
        out.withUnsafeMutableBufferPointer { digest.writeHex(to: $0.baseAddress! + hexStart) }
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "}"), UInt8(ascii: "\n")])
        // Reuse prevHex's storage: no allocation per entry on the bulk-append path.
        out.withUnsafeBufferPointer { source in
            prevHex.withUnsafeMutableBufferPointer { target in
                target.baseAddress!.update(from: source.baseAddress! + hexStart, count: 64)
            }
        }
        nextSeq += 1
    }
}

/// Appends a string's UTF-8 bytes in one copy when the string is stored contiguously (native strings are).
@inline(__always)
func appendUTF8(_ s: String, to out: inout [UInt8]) {
    if s.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
        out.append(contentsOf: s.utf8)
    }
}

@inline(__always)
func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    if value < 10 {
        out.append(UInt8(0x30 + value))
        return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { d in
        while v > 0 {
            d[count] = UInt8(0x30 + v % 10)
            v /= 10
            count += 1
        }
        for i in (0..<count).reversed() { out.append(d[i]) }
    }
}
