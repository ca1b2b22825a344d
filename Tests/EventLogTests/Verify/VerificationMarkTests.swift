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
