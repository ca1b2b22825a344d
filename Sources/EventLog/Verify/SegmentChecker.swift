/// Verifies one stretch of lines: frames, hashes, data, the chain inside the stretch, the header and the anchor.
enum SegmentChecker {
    static func check(
        _ reader: LogReader, from start: Int, to end: Int, anchor: LogVerifier.Anchor?
    ) -> SegmentResult {
        var result = SegmentResult()
        result.lastHash = [UInt8](repeating: 0, count: 64)
        let anchorHash = anchor.map { Array($0.hashHex.utf8) }
        var scratch = JSONParser.Scratch()
        do {
            try reader.forEachLine(from: start, to: end) { line, offset in
                let frame: EntryFrame
                do { frame = try EntryFrame(line: line) } catch let error as FrameError {
                    result.failure = EventLogError.corrupt(seq: TailInspector.leadingSeq(line), offset: offset, reason: error.reason)
                    return false
                }
                // Rule 1 covers the whole envelope, not only the frame the chain needs.
                let envelope: EntryEnvelope
                do { envelope = try EntryEnvelope(line: line, frame: frame) } catch let error as FrameError {
                    result.failure = EventLogError.corrupt(seq: frame.seq, offset: offset, reason: error.reason)
                    return false
                }
                guard frame.hashMatches(in: line) else {
                    result.failure = EventLogError.corrupt(seq: frame.seq, offset: offset, reason: "its hash does not match its bytes")
                    return false
                }
                // Rule 5, after the hash: a damaged byte is reported as damage, not as bad JSON.
                do { try DataRule.check(line, envelope, scratch: &scratch) } catch let error as FrameError {
                    result.failure = EventLogError.corrupt(seq: frame.seq, offset: offset, reason: error.reason)
                    return false
                }
                if result.entries == 0 {
                    result.firstSeq = frame.seq
                    result.firstPrev = Array(line[frame.prevRange])
                    result.firstBatchEnd = frame.batchEnd
                    result.firstOffset = offset
                } else if frame.seq != result.lastSeq + 1 || frame.batchEnd < frame.seq
                    || (result.lastSeq < result.lastBatchEnd && frame.batchEnd != result.lastBatchEnd)
                    || !memoryEqual(result.lastHash, line.baseAddress! + frame.prevRange.lowerBound, 64)
                {
                    // The slow path only runs on failure: it builds the message.
                    result.failure = ChainRule.check(
                        seq: frame.seq, prev: Array(line[frame.prevRange]), batchEnd: frame.batchEnd, offset: offset,
                        after: (result.lastSeq, result.lastHash, result.lastBatchEnd))
                    return false
                }
                if frame.seq == 1 {
                    guard let header = try? LogEntry(line: line, offset: offset), header.type == EntryFormat.headerType else {
                        result.failure = EventLogError.corrupt(seq: 1, offset: offset, reason: "the first entry is not a \(EntryFormat.headerType) header")
                        return false
                    }
                }
                if let anchor, let anchorHash, frame.seq == anchor.seq, Array(line[frame.hashRange]) != anchorHash {
                    let hash = Array(line[frame.hashRange])
                    result.failure = EventLogError.corrupt(
                        seq: frame.seq, offset: offset,
                        reason: "its hash \(String(decoding: hash, as: UTF8.self)) differs from the anchor's \(anchor.hashHex): history before the anchor was rewritten")
                    return false
                }
                result.entries += 1
                result.lastSeq = frame.seq
                // Overwrite the kept hash in place: no allocation per entry.
                result.lastHash.withUnsafeMutableBufferPointer { target in
                    target.baseAddress!.update(
                        from: line.baseAddress!.assumingMemoryBound(to: UInt8.self) + frame.hashRange.lowerBound, count: 64)
                }
                result.lastBatchEnd = frame.batchEnd
                if frame.signed != nil { result.signedBlocks += 1 }
                return true
            }
        } catch let error as EventLogError {
            result.failure = error
        } catch {
            result.failure = EventLogError.corrupt(seq: nil, offset: start, reason: EventLogError.words(for: error))
        }
        return result
    }
}
