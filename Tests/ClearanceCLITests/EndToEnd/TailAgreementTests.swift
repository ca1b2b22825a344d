import Foundation
import Testing

/// docs/log-format.md, "The tail": lines of an unfinished batch that pass every rule and chain on,
/// then at most one partial line, are a torn tail (ignored and mentioned); anything else after the last
/// committed batch is corruption. `clearance verify` and docs/tools/verify-log.py must say the same of
/// every such ending: both ok with the same entries and a torn tail mentioned, or both an error at the
/// same byte offset (and the same seq, whenever ours names one).
@Suite struct TailAgreementTests {
    enum Tail: String, CaseIterable {
        case aPartialLine, unfinishedLinesThenAPartialLine, unfinishedLinesOnly, aCompleteEntryWithoutItsNewline
        case aCommittedLineThenAPartialLine, aCommittedLineWithABadHash, anUnfinishedLineWithABadHash
        case aLineThatDoesNotChain, aSkippedSeq, aSecondUnfinishedBatch, aBatchEndBeforeItsSeq, aRepeatedKey, aHugeNumber
        case aLineLongerThanOneMiB, aBatchEndBeyond2To53, aBlankLine, anUnfinishedFirstBatchOfAnotherType
        case anInterruptedInit, aDamagedTailAfterAnEarlierDamagedLine
    }

    enum Expected: Equatable {
        case ok(entries: Int)
        /// `seq` -1: no seq named.
        case corrupt(seq: Int, offset: Int)
    }

    @Test(arguments: Tail.allCases)
    func bothVerifiersReadEveryEndingAlike(tail: Tail) throws {
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a","data":{"t":"一"}}"#])
        let head = try cli.head()
        let (bytes, expected) = ending(tail, after: try cli.logBytes(), head: head)
        try cli.folder.write("event-log/events.jsonl", bytes)

        let ours = try cli.run(["verify"])
        let python = try cli.runPythonVerifier()
        let oursSaid = verdict(status: ours.status, out: ours.stdout, err: ours.stderr)
        let pythonSaid = verdict(status: python.status, out: python.stdout, err: python.stderr)
        #expect(oursSaid == expected, "clearance: \(ours.stdout) \(ours.stderr)")
        if tail == .aBlankLine {  // a line with no seq: Python names the one expected there
            #expect(pythonSaid == .corrupt(seq: head.seq + 1, offset: head.end), "python: \(python.stderr)")
        } else {
            #expect(pythonSaid == expected, "python: \(python.stdout) \(python.stderr)")
        }
        if case .ok = expected {  // every ending here that is not corruption is a torn tail
            #expect(ours.stderr.contains("torn tail") && python.stderr.contains("torn tail"))
        }
    }

    /// The log's bytes with `tail` after them, and what both verifiers must say.
    private func ending(_ tail: Tail, after committed: [UInt8], head: (seq: Int, hash: String, end: Int)) -> ([UInt8], Expected) {
        let (s, end) = (head.seq, head.end)
        func line(_ seq: Int, _ batchEnd: Int, prev: String? = nil, data: String = #"{"n":1}"#) -> [UInt8] {
            HandWrittenLine.make(seq: seq, batchEnd: batchEnd, prev: prev ?? head.hash, data: data)
        }
        let partial = Array(#"{"seq":\#(s + 2),"id":"hand"#.utf8)
        let first = line(s + 1, s + 3)
        let second = line(s + 2, s + 3, prev: HandWrittenLine.hash(of: first))
        var badHash = first
        badHash[badHash.count - 3] = badHash[badHash.count - 3] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let atFirst = Expected.corrupt(seq: s + 1, offset: end)
        switch tail {
        case .aPartialLine: return (committed + partial, .ok(entries: s))
        case .unfinishedLinesThenAPartialLine: return (committed + first + [0x0A] + second + [0x0A] + partial, .ok(entries: s))
        case .unfinishedLinesOnly: return (committed + first + [0x0A] + second + [0x0A], .ok(entries: s))
        case .aCompleteEntryWithoutItsNewline: return (committed + line(s + 1, s + 1), .ok(entries: s))
        case .aCommittedLineThenAPartialLine: return (committed + line(s + 1, s + 1) + [0x0A] + partial, .ok(entries: s + 1))
        case .aCommittedLineWithABadHash:
            var bad = line(s + 1, s + 1)
            bad[bad.count - 3] = bad[bad.count - 3] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            return (committed + bad + [0x0A], atFirst)
        case .anUnfinishedLineWithABadHash: return (committed + badHash + [0x0A] + partial, atFirst)
        case .aLineThatDoesNotChain: return (committed + line(s + 1, s + 3, prev: String(repeating: "a", count: 64)) + [0x0A], atFirst)
        case .aSkippedSeq: return (committed + line(s + 2, s + 3) + [0x0A], .corrupt(seq: s + 2, offset: end))
        case .aSecondUnfinishedBatch:
            let other = line(s + 2, s + 4, prev: HandWrittenLine.hash(of: first))
            return (committed + first + [0x0A] + other + [0x0A], .corrupt(seq: s + 2, offset: end + first.count + 1))
        case .aBatchEndBeforeItsSeq: return (committed + line(s + 1, s) + [0x0A], atFirst)
        case .aRepeatedKey: return (committed + line(s + 1, s + 3, data: #"{"n":1,"n":2}"#) + [0x0A] + partial, atFirst)
        case .aHugeNumber:
            return (committed + line(s + 1, s + 3, data: "{\"n\":\(String(repeating: "9", count: 5000))}") + [0x0A], atFirst)
        case .aLineLongerThanOneMiB:
            return (committed + line(s + 1, s + 3, data: "{\"t\":\"\(String(repeating: "x", count: 1 << 20))\"}") + [0x0A], atFirst)
        case .aBatchEndBeyond2To53: return (committed + line(s + 1, 9_007_199_254_740_992) + [0x0A], atFirst)
        case .aBlankLine: return (committed + [0x0A], .corrupt(seq: -1, offset: end))
        case .anInterruptedInit: return (Array(#"{"seq":1,"id":"ev-1","rec"#.utf8), .ok(entries: 0))
        case .aDamagedTailAfterAnEarlierDamagedLine:  // the first bad line is named, not the last
            var earlier = committed
            let second = earlier.firstIndex(of: 0x0A)! + 1
            earlier[second + 30] ^= 0x01
            return (earlier + badHash + [0x0A], .corrupt(seq: 2, offset: second))
        case .anUnfinishedFirstBatchOfAnotherType:
            return (HandWrittenLine.make(seq: 1, batchEnd: 2, prev: String(repeating: "0", count: 64), data: "{}") + [0x0A], .corrupt(seq: 1, offset: 0))
        }
    }

    /// What a verifier's output says: ok with its entries, or the seq (-1 when none is named) and
    /// offset of its error.
    private func verdict(status: Int32, out: String, err: String) -> Expected? {
        if status == 0 {
            return out.firstMatch(of: /ok: (\d+) entries/).map { .ok(entries: Int($0.1)!) }
        }
        guard status == 1, let match = err.firstMatch(of: /(?:seq (\d+) at )?byte offset (\d+)/) else { return nil }
        return .corrupt(seq: match.1.map { Int($0)! } ?? -1, offset: Int(match.2)!)
    }
}
