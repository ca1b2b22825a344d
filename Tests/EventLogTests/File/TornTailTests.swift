import Foundation
import Testing
import TestSupport

@testable import EventLog

/// A crash can leave any prefix of the last batch on disk. Readers ignore it; the next append
/// moves it to a quarantine file and carries on; nothing acknowledged is ever lost.
@Suite struct TornTailTests {
    /// Builds a log whose last batch is cut at each byte position in turn.
    @Test func everyPrefixOfABatchIsATornTailThatTheNextAppendRecovers() throws {
        let fixture = try LogFixture(batches: [2, 3])
        let full = try fixture.bytes()
        let starts = try fixture.lineStarts()
        let committedEnd = starts[3]  // header + first batch of 2
        let step = max(1, (full.count - committedEnd) / 97)
        for cut in stride(from: committedEnd + 1, to: full.count, by: step) {
            try fixture.write(Array(full[..<cut]))
            let reader = try LogReader(directory: fixture.directory.path)
            #expect(reader.tail.head?.seq == 3, "cut at \(cut)")
            #expect(reader.tail.torn?.offset == committedEnd && reader.tail.torn?.byteCount == cut - committedEnd)
            #expect(try reader.entries().count == 3)
            #expect(try fixture.verify().entries == 3)

            let log = try LogFile.open(in: fixture.directory.path)
            let result = try log.append([NewEntry(actor: "a", type: "after.crash")])
            let recovery = try #require(result.recovered)
            #expect(result.head.seq == 4)
            let quarantined = Array(try Data(contentsOf: URL(fileURLWithPath: recovery.quarantinePath)))
            #expect(quarantined == Array(full[committedEnd..<cut]), "the torn bytes are kept, not deleted")
            #expect(try fixture.verify().entries == 4)
            try FileManager.default.removeItem(atPath: recovery.quarantinePath)
        }
    }

    @Test func aDamagedCompleteLineAtTheEndIsCorruptionNotATornTail() throws {
        let fixture = try LogFixture(batches: [2, 2])
        var bytes = try fixture.bytes()
        let starts = try fixture.lineStarts()
        bytes[starts[4] + 20] ^= 0x01  // inside the last entry
        try fixture.write(bytes)
        let log = try LogFile.open(in: fixture.directory.path)
        #expect {
            try log.append([NewEntry(actor: "a", type: "t")])
        } throws: { error in
            guard case EventLogError.corrupt(let seq, let offset, _) = error else { return false }
            return seq == 5 && offset == starts[4]
        }
        #expect(try fixture.bytes() == bytes, "a refused append changes nothing")
    }

    @Test func aBrokenLineInsideTheTornBatchIsCorruption() throws {
        let fixture = try LogFixture(batches: [1, 3])
        let full = try fixture.bytes()
        let starts = try fixture.lineStarts()
        // Keep two complete lines of the last batch, damage the first of them, and cut mid-line.
        var bytes = Array(full[..<(starts[4] + 10)])
        bytes[starts[2] + 30] ^= 0x01
        try fixture.write(bytes)
        let log = try LogFile.open(in: fixture.directory.path)
        #expect(throws: EventLogError.self) { try log.append([NewEntry(actor: "a", type: "t")]) }
        #expect(try fixture.bytes() == bytes)
    }

    @Test func anInitCutInsideItsHeaderCanBeRunAgain() throws {
        let fixture = try LogFixture(batches: [])
        let full = try fixture.bytes()
        try fixture.write(Array(full[..<40]))
        let reader = try LogReader(directory: fixture.directory.path)
        #expect(reader.tail.head == nil && reader.tail.torn?.byteCount == 40)
        #expect(throws: EventLogError.self) { try LogFile.open(in: fixture.directory.path) }
        let (_, head) = try LogFile.create(in: fixture.directory.path, actor: "office.chen")
        #expect(head.seq == 1)
        #expect(try fixture.verify().entries == 1)
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.contains("quarantine") }
        #expect(quarantined.count == 1)
    }
}

/// What decides between a torn tail and corruption (docs/log-format.md, "The tail"): the complete lines
/// after the last committed batch must each pass every validity rule and chain on, as one unfinished
/// batch; at most a partial line follows.
@Suite struct TailRuleTests {
    enum Tail: String, CaseIterable {
        case validLinesAndAPartialLine, duplicateKeys, aHugeNumber, aLineLongerThanOneMiB, aBadHash, aSecondBatch
    }

    @Test(arguments: Tail.allCases)
    func onlyValidLinesOfOneUnfinishedBatchAreATornTail(tail: Tail) throws {
        let fixture = try LogFixture(batches: [1])
        let committed = try fixture.bytes()
        let head = ForgedLines.hash(of: try fixture.lines().last!)
        var data = #"{"n":1}"#
        switch tail {
        case .duplicateKeys: data = #"{"n":1,"n":2}"#
        case .aHugeNumber: data = "{\"n\":\(String(repeating: "9", count: 5000))}"
        case .aLineLongerThanOneMiB: data = "{\"t\":\"\(String(repeating: "x", count: EntryFormat.maximumLineBytes))\"}"
        default: break
        }
        var first = ForgedLines.line(seq: 3, batchEnd: 5, prev: head, data: data)
        if tail == .aBadHash { first[first.count - 3] = first[first.count - 3] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0") }
        let second = ForgedLines.line(seq: 4, batchEnd: tail == .aSecondBatch ? 6 : 5, prev: ForgedLines.hash(of: first), data: "{}")
        let bytes = committed + first + [0x0A] + second + [0x0A] + Array(#"{"seq":5,"id":"#.utf8)
        try fixture.write(bytes)

        let log = try LogFile.open(in: fixture.directory.path)
        if tail == .validLinesAndAPartialLine {
            let reader = try LogReader(directory: fixture.directory.path)
            #expect(reader.tail.torn?.offset == committed.count && reader.tail.torn?.completeEntries == 2)
            #expect(try fixture.verify().entries == 2)
            #expect(try log.append([NewEntry(actor: "a", type: "t")]).recovered != nil)
            return
        }
        let expected = tail == .aSecondBatch ? (seq: 4, offset: committed.count + first.count + 1) : (seq: 3, offset: committed.count)
        #expect {
            try log.append([NewEntry(actor: "a", type: "t")])
        } throws: { error in
            guard case EventLogError.corrupt(let seq, let offset, _) = error else { return false }
            return seq == expected.seq && offset == expected.offset
        }
        #expect(try fixture.bytes() == bytes, "a refused append changes nothing")
        let failure = try #require(fixture.verifyFailure())
        #expect(failure.seq == expected.seq && failure.offset == expected.offset, "\(failure)")
    }

    @Test func anUnfinishedFirstBatchMustStartWithTheHeader() throws {
        let fixture = try LogFixture(batches: [])
        let zeros = String(repeating: "0", count: 64)
        try fixture.write(ForgedLines.line(seq: 1, batchEnd: 2, prev: zeros, type: "x.note", data: "{}") + [0x0A])
        #expect(throws: EventLogError.self) { try LogReader(directory: fixture.directory.path) }
        try fixture.write(ForgedLines.line(seq: 1, batchEnd: 2, prev: zeros, type: EntryFormat.headerType, data: #"{"format":1,"clock":"system"}"#) + [0x0A])
        #expect(try LogReader(directory: fixture.directory.path).tail.torn?.completeEntries == 1)
    }
}
