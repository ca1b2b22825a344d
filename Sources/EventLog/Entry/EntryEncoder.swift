/// Serializes entries in the log's exact byte form and chains their hashes.
///
/// Our own serializer, not `JSONEncoder`: the key order and spelling are part of what is hashed.
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
        out.append(contentsOf: EntryFormat.seqKey)
        appendDecimal(nextSeq, to: &out)
        out.append(contentsOf: EntryFormat.idKey)
        out.append(contentsOf: id.utf8)
        out.append(contentsOf: EntryFormat.recordedKey)
        out.append(contentsOf: recorded.utf8)
        out.append(contentsOf: EntryFormat.actorKey)
        out.append(contentsOf: entry.actor.utf8)
        out.append(contentsOf: EntryFormat.typeKey)
        out.append(contentsOf: entry.type.utf8)
        out.append(contentsOf: EntryFormat.dataKey)
        JSONWriter.write(entry.data, to: &out)
        out.append(contentsOf: EntryFormat.batchEndKey)
        appendDecimal(batchEnd, to: &out)
        out.append(contentsOf: EntryFormat.prevKey)
        out.append(contentsOf: prevHex)
        let hashedEnd = out.count + 1  // through the closing quote of prev
        out.append(contentsOf: EntryFormat.hashKey)
        let digest = out.withUnsafeBytes { SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[start..<hashedEnd])) }
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
