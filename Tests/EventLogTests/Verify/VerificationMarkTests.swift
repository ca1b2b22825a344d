import Testing

@testable import EventLog

@Suite struct VerificationMarkTests {
    /// A mark left by a check of fewer rules (before rule 5) must not let the entries before it escape
    /// the rules that check did not cover: it is not resumed from.
    @Test func aMarkFromACheckOfFewerRulesIsNotResumedFrom() throws {
        let mark = VerificationMark(
            seq: 3, offset: 500, end: 760, hashHex: String(repeating: "a", count: 64), checkedAt: Timestamp(millisecondsSinceEpoch: 0),
            fullCheckAt: Timestamp(millisecondsSinceEpoch: 0), signatures: SignatureChecker.Resume(keys: [:], lastSigned: [:], signedThrough: 0, submissions: 0, batchEnd: 0))
        #expect(VerificationMark(json: mark.json) == mark)
        guard case .object(let members) = mark.json else { return }
        #expect(VerificationMark(json: .object(members.filter { $0.key != "rules" })) == nil)
        #expect(VerificationMark(json: .object(members.map { $0.key == "rules" ? ("rules", JSONValue.integer(4)) : $0 })) == nil)
    }
}

@Suite struct VerificationMarkHoldsTests {
    /// The marked line changed in place, its hash left as it was, and entries appended after it: the
    /// chain after the mark still holds, so only hashing the marked line again catches the change.
    @Test func aMarkedLineChangedUnderItsOwnHashIsNotResumedAfter() throws {
        let fixture = try LogFixture(batches: [1, 1])
        let mark = try #require(try fixture.verify().mark)
        let log = try LogFile.open(in: fixture.directory.path)
        _ = try log.append([NewEntry(actor: "clerk.wang", type: "record.registered", data: .object([("n", .integer(3))]))])
        var bytes = try fixture.bytes()
        let line = Array(bytes[mark.offset..<(mark.end - 1)])
        let title = try #require(line.firstRange(of: Array("关于".utf8)))
        bytes.replaceSubrange((mark.offset + title.lowerBound)..<(mark.offset + title.upperBound), with: Array("有关".utf8))
        try fixture.write(bytes)
        #expect(!mark.holds(in: try LogReader(directory: fixture.directory.path)))
        #expect {
            try LogVerifier.verify(directory: fixture.directory.path, resumingFrom: mark)
        } throws: { error in
            guard case EventLogError.corrupt(let seq, _, _) = error else { return false }
            return seq == mark.seq
        }
    }
}
