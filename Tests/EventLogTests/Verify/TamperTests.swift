import Testing

@testable import EventLog

/// An auditor must be able to trust the log without trusting the software that wrote it:
/// every kind of edit is found, at the entry where it happened.
@Suite struct TamperTests {
    /// Flip each byte of a small log in turn; verify must name the line holding that byte.
    @Test func everySingleByteChangeIsCaughtAtItsEntry() throws {
        let fixture = try LogFixture(batches: [2, 1, 2])
        let original = try fixture.bytes()
        let starts = try fixture.lineStarts()
        for position in original.indices {
            var changed = original
            changed[position] ^= 0x01
            try fixture.write(changed)
            let lineStart = starts.last { $0 <= position }!
            if position == original.count - 1 {
                // The final newline: the last line becomes a partial line, so its whole batch is an
                // unfinished one, a torn tail that `verify` reports; the head falls back before it.
                let report = try fixture.verify()
                #expect(report.torn.map { $0.offset <= lineStart && $0.offset + $0.byteCount == original.count } == true)
                #expect(report.head?.seq == 4)
                continue
            }
            let failure = fixture.verifyFailure()
            #expect(failure?.offset == lineStart, "byte \(position): \(String(describing: failure))")
        }
        try fixture.write(original)
        #expect(fixture.verifyFailure() == nil)
    }

    @Test func deletingAnyLineButTheLastBatchIsCaught() throws {
        let fixture = try LogFixture(batches: [2, 1, 2])
        let lines = try fixture.lines()
        let starts = try fixture.lineStarts()
        for removed in 0..<(lines.count - 2) {
            var kept = lines
            kept.remove(at: removed)
            try fixture.write(kept.flatMap { $0 + [0x0A] })
            let failure = fixture.verifyFailure()
            #expect(failure != nil, "line \(removed + 1) deleted")
            #expect(failure?.offset ?? -1 <= starts[removed], "line \(removed + 1) deleted: \(String(describing: failure))")
        }
    }

    @Test func cuttingTheLastBatchOffIsCaughtByAnAnchor() throws {
        let fixture = try LogFixture(batches: [2, 1, 2])
        let head = try #require(try fixture.verify().head)
        let anchor = try #require(LogVerifier.Anchor(head.anchor))
        let lines = try fixture.lines()
        try fixture.write(lines.dropLast(2).flatMap { $0 + [0x0A] })
        // Without the anchor the shorter log is a valid log...
        #expect(fixture.verifyFailure() == nil)
        // ...but not the one whose head was published.
        let failure = try #require(fixture.verifyFailure(anchor: anchor))
        #expect(failure.seq == head.seq && failure.reason.contains("history was cut"))
    }

    @Test func duplicatingALineIsCaughtAtTheCopy() throws {
        let fixture = try LogFixture(batches: [2, 1, 2])
        let lines = try fixture.lines()
        let starts = try fixture.lineStarts()
        for copied in 0..<lines.count {
            var edited = lines
            edited.insert(lines[copied], at: copied + 1)
            try fixture.write(edited.flatMap { $0 + [0x0A] })
            let failure = fixture.verifyFailure()
            #expect(failure?.offset == starts[copied + 1], "line \(copied + 1) duplicated: \(String(describing: failure))")
        }
    }

    @Test func swappingTwoLinesIsCaughtAtTheFirstOfThem() throws {
        let fixture = try LogFixture(batches: [2, 1, 2])
        let lines = try fixture.lines()
        let starts = try fixture.lineStarts()
        for first in 0..<(lines.count - 1) {
            var edited = lines
            edited.swapAt(first, first + 1)
            try fixture.write(edited.flatMap { $0 + [0x0A] })
            let failure = fixture.verifyFailure()
            #expect(failure?.offset == starts[first], "lines \(first + 1) and \(first + 2) swapped: \(String(describing: failure))")
        }
    }

    /// Someone rewrites an old entry and recomputes every later hash: the chain is consistent
    /// again, but a published anchor catches it.
    @Test func rewrittenHistoryWithRecomputedHashesFailsAgainstAnAnchor() throws {
        let fixture = try LogFixture(batches: [2, 1, 2])
        let head = try #require(try fixture.verify().head)
        let anchor = try #require(LogVerifier.Anchor(head.anchor))
        let entries = try LogReader(directory: fixture.directory.path).entries()
        var encoder = EntryEncoder(afterSeq: 0, hashHex: EntryFormat.zeroHash)
        var forged: [UInt8] = []
        for entry in entries {
            var data = try entry.data()
            if entry.seq == 3 { data = .object([("n", .integer(2)), ("title", .string("改过的标题"))]) }
            encoder.encode(
                NewEntry(id: entry.id, actor: entry.actor, type: entry.type, data: data), id: entry.id,
                recorded: entry.recorded.iso8601, batchEnd: entry.batchEnd, into: &forged)
        }
        try fixture.write(forged)
        #expect(fixture.verifyFailure() == nil)
        let failure = try #require(fixture.verifyFailure(anchor: anchor))
        #expect(failure.seq == head.seq && failure.reason.contains("rewritten"))
    }

    /// Validity rule 1 covers the whole envelope: a line rewritten with a bad id or an impossible
    /// time is caught even when every hash was recomputed.
    @Test(arguments: [
        ("id\twith-a-tab", "2007-10-08T09:00:00.000Z"), ("fine", "2026-13-45T25:61:61.000Z"), (String(repeating: "x", count: 129), "2007-10-08T09:00:00.000Z"),
        ("fine", "0000-01-01T00:00:00.000Z"),  // no year 0: not every reader has one
    ])
    func aRehashedLineWithABadEnvelopeIsStillCaught(id: String, recorded: String) throws {
        let fixture = try LogFixture(batches: [1])
        let entries = try LogReader(directory: fixture.directory.path).entries()
        var encoder = EntryEncoder(afterSeq: 0, hashHex: EntryFormat.zeroHash)
        var forged: [UInt8] = []
        var offsets: [Int] = []
        for entry in entries {
            offsets.append(forged.count)
            let bad = entry.seq == 2
            encoder.encode(
                NewEntry(id: entry.id, actor: entry.actor, type: entry.type, data: try entry.data()), id: bad ? id : entry.id,
                recorded: bad ? recorded : entry.recorded.iso8601, batchEnd: entry.batchEnd, into: &forged)
        }
        try fixture.write(forged)
        let failure = try #require(fixture.verifyFailure())
        #expect(failure.seq == 2 && failure.offset == offsets[1], "\(failure)")
    }

    @Test(arguments: ["1:abc", "0:" + String(repeating: "a", count: 64), "x:y", "5", "5:" + String(repeating: "A", count: 64)])
    func malformedAnchorsAreRejected(text: String) {
        #expect(LogVerifier.Anchor(text) == nil)
    }
}
