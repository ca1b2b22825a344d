import Foundation
import Testing

/// Issue 13: a line must mean one thing to every reader. A line that readers would read differently
/// (a key twice: the first value to one reader, the last to Python and JavaScript; a number too long
/// for some of them), written by hand with a right hash, is refused by `clearance verify` and by
/// docs/tools/verify-log.py alike, naming the same seq and offset; `clearance append` never writes one.
@Suite struct OneMeaningTests {
    struct Trick: CustomTestStringConvertible, Sendable {
        let name: String
        let data: String
        var testDescription: String { name }
    }

    static let tricks = [
        Trick(name: "a key twice in data", data: #"{"record":"R-1","title":"PUBLIC","title":"SECRET"}"#),
        Trick(name: "a key twice deep in data", data: #"{"record":"R-1","review":[{"disclosure":"exempt","disclosure":"proactive"}]}"#),
        Trick(name: "a 5,000-digit number", data: "{\"n\":\(String(repeating: "7", count: 5000))}"),
        Trick(name: "a number with an exponent", data: #"{"n":1e400}"#),
    ]

    @Test(arguments: tricks)
    func aHandWrittenLineIsRefusedByBothVerifiers(trick: Trick) throws {
        let (trick, data) = (trick.name, trick.data)
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a","data":{"t":"一"}}"#])
        let head = try cli.head()
        let line = HandWrittenLine.make(seq: head.seq + 1, batchEnd: head.seq + 1, prev: head.hash, data: data)
        try cli.folder.write("event-log/events.jsonl", try cli.logBytes() + line + [0x0A])
        let place = "seq \(head.seq + 1) at byte offset \(head.end)"
        let ours = try cli.run(["verify"])
        #expect(ours.status == 1 && ours.stderr.contains(place), "\(trick): \(ours.stderr)")
        let python = try cli.runPythonVerifier()
        #expect(python.status == 1 && python.stderr.contains(place), "\(trick): \(python.stderr)")
    }

    @Test(arguments: tricks + [Trick(name: "a key twice in the event itself", data: "")])
    func appendRefusesItAndLeavesTheLogByteForByte(trick: Trick) throws {
        let (trick, data) = (trick.name, trick.data)
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a"}"#])
        let before = try cli.logBytes()
        let event = data.isEmpty ? #"{"type":"x.note","type":"log.created"}"# : #"{"type":"x.note","data":\#(data)}"#
        let outcome = try cli.run(["append", "--actor", "w"], stdin: #"{"type":"x.fine"}"# + "\n" + event + "\n")
        #expect(outcome.status == 1 && outcome.stderr.contains("line 2: not valid JSON"), "\(trick): \(outcome.stderr)")
        #expect(outcome.stderr.contains("nothing was appended"))
        #expect(try cli.logBytes() == before, "\(trick): the log changed")
    }

    /// The issue's own case: `record show` read the first title, Python the last. Now no reader picks one.
    @Test func aRecordWithTwoTitlesIsShownByNoReader() throws {
        let cli = CLITestCase()
        try cli.run(["init", "--seed", packageRoot().appendingPathComponent("seeds/chengdu-2007").path, "--actor", "office.chen"])
        let head = try cli.head()
        let data = #"{"at":"2007-10-09","record":"jj-2","unit":"jinjiang-jsj","title":"PUBLIC","title":"SECRET","created":"2007-10-01","summary":"s"}"#
        let line = HandWrittenLine.make(seq: head.seq + 1, batchEnd: head.seq + 1, prev: head.hash, type: "record.registered", data: data)
        try cli.folder.write("event-log/events.jsonl", try cli.logBytes() + line + [0x0A])
        let shown = try cli.run(["record", "show", "jj-2"])
        #expect(shown.status == 1 && !shown.stdout.contains("PUBLIC"), "\(shown.stdout)")
        #expect(shown.stderr.contains("seq \(head.seq + 1)") && shown.stderr.contains(#"duplicate key "title""#), "\(shown.stderr)")
    }
}
