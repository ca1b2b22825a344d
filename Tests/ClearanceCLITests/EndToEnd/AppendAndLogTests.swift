import Projections
import Foundation
import Testing

@Suite struct AppendAndLogTests {
    @Test func initCreatesTheDefaultLogInTheWorkingFolderAndRefusesASecondTime() throws {
        let cli = CLITestCase()
        let created = try cli.run(["init", "--actor", "office.chen"])
        #expect(created.status == 0)
        #expect(created.stdout.contains("head 3:"), "header, identity bound, key registered")
        let before = try cli.logBytes()
        let again = try cli.run(["init", "--actor", "someone.else"])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try cli.logBytes() == before)
    }

    @Test func theLogDirectoryComesFromTheOptionOrTheEnvironment() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init"], environment: ["CLEARANCE_LOG": "elsewhere", "CLEARANCE_ACTOR": "office.chen"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.file("elsewhere/events.jsonl")))
        #expect(try cli.run(["init", "--log", "third", "--actor", "a"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.file("third/events.jsonl")))
    }

    @Test func appendWritesOneBatchAndPrintsTheHeadThatVerifyConfirms() throws {
        let cli = CLITestCase()
        let head = try cli.makeLog(events: [
            #"{"type":"note.filed","data":{"title":"锦江区关于2007年度城市道路维修计划的通知"}}"#,
            #"{"type":"note.sorted","actor":"clerk.li","data":{"item":"10-08"}}"#,
        ])
        #expect(head.hasPrefix("head 5:"))
        let lines = try cli.logLines()
        #expect(lines.count == 5)
        #expect(lines[3].contains("\"actor\":\"clerk.wang\"") && lines[4].contains("\"actor\":\"clerk.li\""))
        #expect(lines[3].contains("锦江区关于2007年度"), "Chinese is stored as itself, not escaped")
        #expect(lines[3].contains("\"batchEnd\":5") && lines[4].contains("\"batchEnd\":5"))
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0)
        #expect(verified.stdout.contains(head))
        // --json prints the stored lines exactly.
        #expect(try cli.run(["log", "--json"]).stdout == lines.joined(separator: "\n") + "\n")
    }

    @Test func badInputIsReportedLineByLineAndNothingIsAppended() throws {
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a.b"}"#])
        let before = try cli.logBytes()
        let outcome = try cli.run(["append", "--actor", "clerk.wang"], stdin: "{\"type\":\"ok\"}\n{\"type\":1}\n{oops\n{\"type\":\"x\",\"data\":\"s\"}\n")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("line 2:") && outcome.stderr.contains("line 3:") && outcome.stderr.contains("line 4:"))
        #expect(outcome.stderr.contains("nothing was appended"))
        #expect(try cli.logBytes() == before)
    }

    @Test func expectSeqRefusesAStaleHead() throws {
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"a.b"}"#])
        let before = try cli.logBytes()
        let stale = try cli.run(["append", "--actor", "clerk.li", "--expect-seq", "3"], stdin: "{\"type\":\"a\"}\n")
        #expect(stale.status == 1 && stale.stderr.contains("the head is seq 4, not the expected 3"))
        #expect(try cli.logBytes() == before)
        #expect(try cli.run(["append", "--actor", "clerk.li", "--expect-seq", "4"], stdin: "{\"type\":\"a\"}\n").status == 0)
    }

    @Test func anEventWhoseIDIsInTheLogIsNotWrittenTwice() throws {
        let cli = CLITestCase()
        try cli.makeLog(events: [#"{"type":"inquiry.logged","id":"req-2008-001"}"#])
        let again = try cli.run(["append", "--actor", "clerk.li"], stdin: "{\"type\":\"inquiry.logged\",\"id\":\"req-2008-001\"}\n")
        #expect(again.status == 0)
        #expect(again.stderr.contains("id \"req-2008-001\" is already in the log at seq 4"))
        #expect(try cli.logLines().count == 4)
    }

    @Test func logFiltersByTypeActorSeqTimeAndLimit() throws {
        let cli = CLITestCase()
        try cli.makeTryOut(writers: ["wang", "li", "zhang"])  // seq 1, then 2–4
        for (actor, type) in [("wang", "note.filed"), ("li", "note.sorted"), ("wang", "note.filed"), ("zhang", "note.checked")] {
            _ = try cli.run(["append", "--actor", actor], stdin: "{\"type\":\"\(type)\"}\n")
        }
        func seqs(_ arguments: [String]) throws -> [Int] {
            let outcome = try cli.run(["log"] + arguments)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            return outcome.stdout.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: " ").first ?? "") }
        }
        #expect(try seqs([]) == Array(1...8))
        #expect(try seqs(["--type", "note.filed"]) == [5, 7])
        #expect(try seqs(["--type", "note.*"]) == [5, 6, 7, 8])
        #expect(try seqs(["--actor", "wang", "--actor", "zhang"]) == [5, 7, 8])
        #expect(try seqs(["--from-seq", "6", "--to-seq", "7"]) == [6, 7])
        #expect(try seqs(["--limit", "2"]) == [1, 2])
        #expect(try seqs(["--reverse", "--limit", "2"]) == [8, 7])
        #expect(try seqs(["--since", "2000-01-01", "--until", "2000-01-02"]) == [])
        #expect(try seqs(["--since", "2000-01-01"]) == Array(1...8))
    }

    @Test func theTableLinesUpChineseText() throws {
        let cli = CLITestCase()
        _ = try cli.run(["init", "--try-out", "--actor", "办公厅.陈"])
        _ = try cli.run(["append", "--actor", "办公厅.陈"], stdin: "{\"type\":\"a\",\"data\":{\"t\":\"中文\"}}\n")
        let lines = try cli.run(["log"]).stdout.split(separator: "\n").map(String.init)
        // The TYPE column starts at the same terminal column on every row.
        let typeColumns = zip(lines, ["TYPE", "log.created", "a"]).map { line, type -> Int in
            let upToType = line.range(of: " " + type + " ")!.lowerBound
            return DisplayWidthProbe.columns(String(line[..<upToType]))
        }
        #expect(Set(typeColumns).count == 1, "\(lines)")
    }
}

/// Counts terminal columns independently of the code under test (CJK ideographs are two).
enum DisplayWidthProbe {
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }
}

@Suite struct CalendarCommandTests {
    @Test func dueDatesShowTheHolidaysCrossed() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let outcome = try cli.run(["calendar", "due", "2008-01-28", "15", "--seed", seed])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("due 2008-02-21 (thursday)"))
        #expect(outcome.stdout.contains("crossed holiday: 春节 Spring Festival 2008-02-06..2008-02-12"))
        #expect(outcome.stdout.contains("counted adjusted working day: 2008-02-02 (saturday)"))
        let json = try cli.run(["calendar", "due", "2008-01-28", "15", "--seed", seed, "--json"])
        #expect(json.stdout.contains(#""due":"2008-02-21""#))
    }

    @Test func badDatesAndUncoveredYearsAreRefused() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        #expect(try cli.run(["calendar", "due", "2008-02-30", "3", "--seed", seed]).status == 2)
        #expect(try cli.run(["calendar", "due", "2008-02-01", "x", "--seed", seed]).status == 2)
        let outside = try cli.run(["calendar", "due", "2026-12-20", "15", "--seed", seed])
        #expect(outside.status == 1 && outside.stderr.contains("unknown until the 2027 holiday notice"), "\(outside.stderr)")
        #expect(try cli.run(["calendar", "due", "2008-02-01", "3", "--seed", "/nonexistent"]).status == 1)
    }
}

@Suite struct SeededInitTests {
    @Test func initWithASeedLoadsReferenceDataAndDeadlinesFollowTheLog() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let created = try cli.run(["init", "--seed", seed, "--actor", "office.chen"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("909 unit.registered") && created.stdout.contains("7 stage.scheduled"))
        // The header, the creator's identity and key, then the seed's reference data, signed as one submission.
        #expect(try cli.logLines().count == seededLogEntries + 2)
        #expect(try cli.run(["verify"]).stdout.contains("ok: \(seededLogEntries + 2) entries, 1 signed submission"))
        // The calendar comes from the log...
        #expect(try cli.run(["calendar", "due", "2008-01-28", "15"]).stdout.contains("due 2008-02-21"))
        let undeclared = try cli.run(["calendar", "due", "2026-12-21", "10"])
        #expect(undeclared.status == 1 && undeclared.stderr.contains("unknown until the 2027 holiday notice"), "\(undeclared.stderr)")
        #expect(undeclared.stderr.contains("3 working days counted from 2026-12-21 up to 2026-12-24"), "\(undeclared.stderr)")
        // ...so a later notice, declared as an event, extends it.
        let notice2027 = #"{"type":"calendar.notice-declared","data":{"at":"2026-12-07","year":2027,"zh":"测试通知","number":null,"date":"2026-12-01","holidays":[{"zh":"元旦","en":"New Year","from":"2027-01-01","to":"2027-01-03"}],"workingWeekends":[]}}"#
        #expect(try cli.run(["append", "--actor", "office.chen"], stdin: notice2027 + "\n").status == 0)
        let due = try cli.run(["calendar", "due", "2026-12-21", "10"])
        #expect(due.stdout.contains("due 2027-01-05") && due.stdout.contains("元旦"), "\(due.stdout)\(due.stderr)")
    }

    @Test func aBadSeedCreatesNoLog() throws {
        let cli = CLITestCase()
        let outcome = try cli.run(["init", "--seed", "no-such-seed", "--actor", "office.chen"])
        #expect(outcome.status == 1 && outcome.stderr.contains("no-such-seed/seed.json"))
        #expect(!FileManager.default.fileExists(atPath: cli.logPath))
    }

    @Test func aLogWithoutACalendarSaysHowToGetOne() throws {
        let cli = CLITestCase()
        _ = try cli.run(["init", "--actor", "office.chen"])
        let outcome = try cli.run(["calendar", "due", "2008-01-28", "15"])
        #expect(outcome.status == 1 && outcome.stderr.contains("declares no calendar"))
    }
}
