import Foundation
import Testing

@testable import EventLog

/// Validity rule 5: a line whose data readers would read differently (or not at all) is caught by
/// `verify` with its seq and offset, even when every hash was recomputed.
@Suite struct DataRuleTests {
    @Test(arguments: [
        (#"{"title":"PUBLIC","title":"SECRET"}"#, #"duplicate key "title""#),
        (#"{"record":"R-1","disclosure":{"basis":"a","basis":"b"}}"#, #"duplicate key "basis""#),
        (#"{"a":[{"c":1,"c":2}]}"#, #"duplicate key "c""#),
        ("{\"n\":\(String(repeating: "9", count: 5000))}", "(5000 bytes) is beyond ±9007199254740991"),
        (#"{"n":1e400}"#, "exponent"), (#"{"n":-0}"#, "negative zero"), (#"{"n":0.12345678901234567}"#, "more than 15 digits"),
        (#"{"s":"\ud800"}"#, "lone high surrogate"), (#"{"a":1},"b":{"c":2}"#, "unexpected text after the JSON value"),
        ("{\"a\":\(String(repeating: "[", count: 64))\(String(repeating: "]", count: 64))}", "nesting deeper than 64"),
    ])
    func aRehashedLineWhoseDataBreaksRule5IsCaught(data: String, why: String) throws {
        let fixture = try LogFixture(batches: [1, 1])
        var lines = try fixture.lines()
        lines[1] = ForgedLines.replacingData(of: lines[1], with: data)
        try fixture.write(ForgedLines.rechained(lines).flatMap { $0 + [0x0A] })
        let second = try fixture.lineStarts()[1]
        let failure = try #require(fixture.verifyFailure())
        #expect(failure.seq == 2 && failure.offset == second, "\(failure)")
        #expect(failure.reason.hasPrefix("data: ") && failure.reason.contains(why), "\(failure.reason)")
        // A reader that skips verify refuses it too, naming the entry, rather than picking a meaning.
        let entry = try #require(try LogReader(directory: fixture.directory.path).entries().first { $0.seq == 2 })
        #expect {
            try entry.data()
        } throws: { error in
            guard case EventLogError.corrupt(let seq, _, let reason) = error else { return false }
            return seq == 2 && reason.contains(why)
        }
    }

    @Test func theHeaderIsCheckedToo() throws {
        let fixture = try LogFixture(batches: [1])
        var lines = try fixture.lines()
        lines[0] = ForgedLines.replacingData(of: lines[0], with: #"{"format":1,"clock":"system","clock":"simulated"}"#)
        try fixture.write(ForgedLines.rechained(lines).flatMap { $0 + [0x0A] })
        let failure = try #require(fixture.verifyFailure())
        #expect(failure.seq == 1 && failure.offset == 0 && failure.reason.contains(#"duplicate key "clock""#), "\(failure)")
    }

    @Test func anIDThatIsNotUTF8IsCaught() throws {
        let fixture = try LogFixture(batches: [1])
        var lines = try fixture.lines()
        let id = try #require(lines[1].firstRange(of: Array(#""id":"ev-2""#.utf8)))
        lines[1].replaceSubrange(id, with: Array(#""id":"ev-"#.utf8) + [0xFF, 0x22])
        try fixture.write(ForgedLines.rechained(lines).flatMap { $0 + [0x0A] })
        let failure = try #require(fixture.verifyFailure())
        #expect(failure.seq == 2 && failure.reason == "id is not UTF-8", "\(failure)")
    }

    /// Every number and key form the rule allows passes, and the seams between segments see the same.
    @Test func dataInTheLogsFormPasses() throws {
        let fixture = try LogFixture(batches: [1])
        var lines = try fixture.lines()
        let data = "{\"\u{212A}\":1,\"K\":2,\"n\":[0,-9007199254740991,2.5,0.000000000000001],\"a\":{\"a\":{\"a\":null}},\"s\":\"\\ud83d\\ude00\"}"
        lines[1] = ForgedLines.replacingData(of: lines[1], with: data)
        try fixture.write(ForgedLines.rechained(lines).flatMap { $0 + [0x0A] })
        #expect(fixture.verifyFailure() == nil)
    }
}
