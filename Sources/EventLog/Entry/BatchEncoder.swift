import Dispatch

/// Encodes a whole batch using every core for the part of the work that does not depend on the chain.
///
/// Each line's head (seq, id, recorded, actor, type, data, batchEnd) is known before the previous
/// hash is, and so are the SHA-256 blocks that lie wholly inside it. Those are written and hashed in
/// parallel chunks; meanwhile the calling thread takes the chunks in order as they become ready,
/// appends each prev and finishes each hash from its midstate.
struct BatchEncoder {
    /// Below this many entries a batch is encoded on the calling thread only.
    static let parallelThreshold = 512

    struct Head: Sendable {
        let chunk: Int
        let range: Range<Int>
        let midstate: SHA256.Midstate
    }

    /// Appends the encoded lines to `out`; returns the byte length of each line, in order.
    static func encode(
        _ entries: [NewEntry], ids: [String], firstSeq: Int, recorded: String, batchEnd: Int,
        signed: [Int: (from: Int, SubmissionSignature)] = [:], encoder: inout EntryEncoder, into out: inout [UInt8]
    ) -> [Int] {
        let chunkCount = entries.count < parallelThreshold ? 1 : max(1, LogVerifier.activeProcessorCount()) * 4
        let chunkSize = (entries.count + chunkCount - 1) / chunkCount
        let chunks = ResultSlots<(bytes: [UInt8], heads: [Head])>(count: chunkCount)
        let work: @Sendable (Int) -> Void = { chunk in
            var bytes: [UInt8] = []
            var heads: [Head] = []
            let lower = chunk * chunkSize
            let upper = min(entries.count, lower + chunkSize)
            guard lower < upper else {
                chunks[chunk] = (bytes, heads)
                return
            }
            bytes.reserveCapacity((upper - lower) * 320)
            heads.reserveCapacity(upper - lower)
            for index in lower..<upper {
                let start = bytes.count
                EntryEncoder.writeHead(
                    entries[index], seq: firstSeq + index, id: ids[index], recorded: recorded, batchEnd: batchEnd,
                    signed: signed[index], into: &bytes)
                let midstate = bytes.withUnsafeBytes { raw in
                    SHA256.Midstate(of: UnsafeRawBufferPointer(rebasing: raw[start...]), blocks: (bytes.count - start) / 64)
                }
                heads.append(Head(chunk: chunk, range: start..<bytes.count, midstate: midstate))
            }
            chunks[chunk] = (bytes, heads)
        }
        let ready = (0..<chunkCount).map { _ in DispatchSemaphore(value: 0) }
        if chunkCount == 1 {
            work(0)
            ready[0].signal()
        } else {
            DispatchQueue.global().async {
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    work(chunk)
                    ready[chunk].signal()
                }
            }
        }

        var lengths: [Int] = []
        lengths.reserveCapacity(entries.count)
        for chunk in 0..<chunkCount {
            ready[chunk].wait()
            guard let (bytes, heads) = chunks[chunk] else { continue }
            for head in heads {
                let start = out.count
                out.append(contentsOf: bytes[head.range])
                encoder.finishLine(startingAt: start, midstate: head.midstate, in: &out)
                lengths.append(out.count - start)
            }
        }
        return lengths
    }
}
