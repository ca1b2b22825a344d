import EventLog
import Foundation
import Testing
import TestSupport

/// `clearance notice`: the general office's progress notice, with the figures of `progress` for the
/// same day, issued as an event whose text is kept beside the log under its hash.
@Suite struct ProgressNoticeTests {
    static func json(_ outcome: BuiltProgram.Outcome) throws -> JSONValue { try JSONParser.parse(Array(outcome.stdout.utf8)) }

    @Test(arguments: ["2008-01-15", "2008-03-31"])
    func theNoticeCarriesTheFiguresOfProgressForTheSameDay(day: String) throws {
        let cli = try SharedCityDemo.copy()
        let notice = try Self.json(try cli.run(["notice", "--date", day, "--json"]))
        let progress = try Self.json(try cli.run(["progress", "--date", day, "--json"]))
        let stages = try #require(notice["stages"]?.arrayValue)
        let expected = try #require(progress["stages"]?.arrayValue)
        #expect(stages.count == expected.count && !stages.isEmpty)
        for (got, want) in zip(stages, expected) {
            for key in ["stage", "deadline", "units", "counts", "shareDone"] {
                #expect(got[key] == want[key], "stage \(want["stage"]?.intValue ?? 0): \(key) differs from progress")
            }
        }
        // Every problem is a unit progress lists as overdue on that stage, with the same working days late.
        var overdue: [String: JSONValue] = [:]
        for stage in expected {
            for unit in stage["behind"]?.arrayValue ?? [] where unit["status"]?.stringValue == "overdue" {
                overdue["\(stage["stage"]?.intValue ?? 0)/\(unit["unit"]?.stringValue ?? "")"] = unit
            }
        }
        let problems = try #require(notice["problems"]?.arrayValue)
        #expect(problems.count == overdue.count)
        for problem in problems {
            let key = "\(problem["stage"]?.intValue ?? 0)/\(problem["unit"]?.stringValue ?? "")"
            let unit = try #require(overdue[key], "\(key) is not overdue in progress")
            #expect(problem["workingDaysLate"] == unit["workingDaysLate"] ?? .null)
            #expect(problem["overdueSince"] == unit["overdueSince"] ?? .null)
        }
        // A unit held up as good practice has nothing past its deadline in the funnel of that day, and
        // did every stage it has done no later than the deadline.
        let funnel = try Self.json(try cli.run(["progress", "--funnel", "--date", day, "--json"]))
        let late = Set((funnel["pastDeadline"]?.arrayValue ?? []).compactMap { $0["unit"]?.stringValue })
        let commended = try #require(notice["goodPractice"]?.arrayValue)
        for unit in commended {
            let id = unit["unit"]?.stringValue ?? ""
            #expect(!late.contains(id), "\(id) is commended with items past their deadline")
            #expect(!overdue.keys.contains { $0.hasSuffix("/" + id) }, "\(id) is commended while overdue")
            for fact in unit["facts"]?.arrayValue ?? [] {
                let stage = expected.first { $0["stage"] == fact["stage"] }
                #expect((fact["done"]?.stringValue ?? "9") <= (stage?["deadline"]?.stringValue ?? ""), "\(id): a fact after the deadline")
            }
        }
        if day == "2008-03-31" { #expect(!commended.isEmpty && !problems.isEmpty) }
    }

    @Test func issuingANoticeKeepsItsTextBesideTheLogUnderItsHash() throws {
        let cli = try SharedCityDemo.copy()
        func kept() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: cli.folder.file("event-log/documents"))) }
        // The demo's office issued its own notices, two of them in 2008; the next of 2008 is the third.
        let before = try LogReader(directory: cli.folder.file("event-log")).entries().filter { $0.type == "notice.issued" }
        let in2008 = try before.filter { try $0.data()["at"]?.stringValue?.hasPrefix("2008") == true }.count
        let keptBefore = try kept()
        #expect(keptBefore.count == before.count && !before.isEmpty)
        let refused = try cli.run(["notice", "--date", "2008-03-31", "--issue", "--actor", "clerk.cd-xxb"])
        #expect(refused.status == 1 && refused.stderr.contains("only the general office may"), "\(refused.stderr)")
        #expect(try kept() == keptBefore, "a refused notice leaves no text behind")

        let issued = try cli.run(["notice", "--date", "2008-03-31", "--issue", "--actor", "office.chen"])
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stdout.contains("2008年第\(in2008 + 1)期") && issued.stdout.contains("appended seq"))
        let second = try cli.run(["notice", "--date", "2008-03-31", "--stage", "6", "--issue", "--actor", "office.chen"])
        #expect(second.status == 0 && second.stdout.contains("2008年第\(in2008 + 2)期"), "numbers run on within the year")

        let events = Array(try LogReader(directory: cli.folder.file("event-log")).entries().filter { $0.type == "notice.issued" }.dropFirst(before.count))
        #expect(events.count == 2)
        for event in events {
            let data = try event.data()
            let name = try #require(data["document"]?.stringValue)
            let stored = try cli.folder.read("event-log/documents/\(name)")
            var hasher = SHA256()
            hasher.update(stored)
            #expect(hasher.finalize().hex == name, "the stored text hashes to the name the event carries")
            #expect(String(decoding: stored, as: UTF8.self).contains("关于成都市政府信息公开指南和公开目录编制工作进展情况的通报"))
        }
        #expect(try events[0].data()["number"]?.intValue == in2008 + 1 && events[1].data()["stage"]?.intValue == 6)
        let first = try cli.folder.read("event-log/documents/\(try #require(try events[0].data()["document"]?.stringValue))")
        #expect(issued.stdout.hasSuffix(String(decoding: first, as: UTF8.self)), "what was printed is what was kept")

        let listed = try cli.run(["notice", "--list"])
        #expect(listed.status == 0 && listed.stdout.contains("2008年第\(in2008 + 2)期") && listed.stdout.contains("intact") && !listed.stdout.contains("altered"), "\(listed.stdout)\(listed.stderr)")
        // A kept text altered afterwards is caught when the notices are listed.
        let path = cli.folder.file("event-log/documents/\(try #require(try events[1].data()["document"]?.stringValue))")
        try Data("改过的通报\n".utf8).write(to: URL(fileURLWithPath: path))
        let caught = try cli.run(["notice", "--list"])
        #expect(caught.status == 1 && caught.stdout.contains("altered"), "\(caught.stdout)\(caught.stderr)")
    }

    @Test func theNoticePrintsOnA4AndSpeaksEnglishWhenAsked() throws {
        let cli = try SharedCityDemo.copy()
        let page = try cli.run(["notice", "--date", "2008-03-31", "--format", "html"])
        #expect(page.status == 0 && page.stdout.contains(#"<html lang="zh-CN">"#))
        #expect(page.stdout.contains("@page{size:A4") && page.stdout.contains("thead{display:table-header-group}"))
        for outside in ["<script", "<link", "src=", "@import", "url("] { #expect(!page.stdout.contains(outside), "the page fetches \(outside)") }
        #expect(page.stdout.contains("<h2>三、存在的问题</h2>") && page.stdout.contains("<caption>附表一：逾期未完成的单位</caption>"))

        let english = try cli.run(["notice", "--date", "2008-03-31", "--lang", "en"])
        #expect(english.status == 0 && english.stdout.contains("Progress notice") && english.stdout.contains("3. Problems"))
        let bad = try cli.run(["notice", "--date", "2008-13-01"])
        #expect(bad.status == 2 && bad.stderr.contains("--date"))
        let district = try cli.run(["notice", "--date", "2008-03-31", "--district", "nowhere"])
        #expect(district.status == 2 && district.stderr.contains("district government"))
    }

    /// The annexed lists as a workbook LibreOffice opens, Chinese intact, with the notice's own figures.
    @Test func theAnnexesOpenInASpreadsheet() async throws {
        let cli = try SharedCityDemo.copy()
        let refused = try cli.run(["notice", "--date", "2008-03-31", "--format", "xlsx"])
        #expect(refused.status == 2 && refused.stderr.contains("--out"))
        let written = try cli.run(["notice", "--date", "2008-03-31", "--format", "xlsx", "--out", "notice.xlsx"])
        #expect(written.status == 0, "\(written.stderr)")
        let notice = try Self.json(try cli.run(["notice", "--date", "2008-03-31", "--json"]))
        let sheets = try await LibreOffice.sheets(of: "notice.xlsx", in: cli.folder, names: ["各阶段完成情况", "附表一：逾期未完成的单位", "附表二：按时提前完成的单位"])
        let problems = try #require(sheets?["附表一：逾期未完成的单位"])
        #expect(problems.first?.map(\.text) == ["单位", "代码", "阶段", "所缺事项", "逾期起始", "逾期工作日"])
        let expected = (notice["problems"]?.arrayValue ?? []).map { [$0["unit"]?.stringValue ?? "", "\($0["stage"]?.intValue ?? 0)", "\($0["workingDaysLate"]?.intValue ?? 0)"] }
        #expect(problems.dropFirst().map { [$0[1].text, $0[2].text, $0[5].text] } == expected)
        #expect(problems.dropFirst().allSatisfy { $0[0].quoted && !$0[2].quoted }, "names are text, stages numbers")
        let stages = try #require(sheets?["各阶段完成情况"])
        #expect(stages.count == 8 && stages[2][1].text == "逐级制定政府信息公开分类规范")
        let commended = try #require(sheets?["附表二：按时提前完成的单位"])
        #expect(commended.count == (notice["goodPractice"]?.arrayValue?.count ?? 0) + 1)
    }
}
