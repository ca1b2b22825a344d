import Clearance
import EventLog
import Foundation
import Testing
import TestSupport

/// `clearance todo` on the city demo: a unit's list agrees with the funnel and the log, a reviewer's
/// holds only reviews of their units, and mistakes are one line and exit 2.
@Suite struct WorklistTests {
    static func json(_ outcome: BuiltProgram.Outcome) throws -> JSONValue {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONParser.parse(Array(outcome.stdout.utf8))
    }

    static func strings(_ items: [JSONValue], _ key: String) -> [String] { items.compactMap { $0[key]?.stringValue } }

    /// On the log as it stands (the demo runs to the end of 2008, so little is left) and as recorded by
    /// 2008-03-20 (records waiting at every step): a unit's records on the list are exactly those the
    /// funnel counts as not published, less those approved for no publication (on request, exempt);
    /// its feedback and requests are those not answered, not waiting for a correction.
    @Test(arguments: [[String](), ["--as-of", "2008-03-20"]])
    func aUnitsListHoldsWhatTheFunnelCountsAsNotPublished(asOf: [String]) throws {
        let cli = try SharedCityDemo.copy()
        let service = ClearanceService(directory: cli.folder.file("event-log"))
        let state = try asOf.isEmpty ? service.load().state : service.load(asOf: .recorded(Timestamp(parsing: "2008-03-20T23:59:59.999Z")!)).state
        let funnel = try Self.json(try cli.run(["progress", "--funnel", "--json", "--date", "2008-03-20"] + asOf))
        let rows = try #require(funnel["units"]?.arrayValue)
        let late = funnel["pastDeadline"]?.arrayValue ?? []
        // The units with the most not published, and those with something late, a dozen in all.
        let waiting = rows.filter { ($0["registered"]?.intValue ?? 0) > ($0["published"]?.intValue ?? 0) }
            .sorted { ($0["registered"]!.intValue! - $0["published"]!.intValue!) > ($1["registered"]!.intValue! - $1["published"]!.intValue!) }
        let units = Array(Set(Self.strings(Array(waiting.prefix(8)), "unit") + Self.strings(Array(late.prefix(4)), "unit"))).sorted()
        #expect(units.count >= 8)
        var records = 0
        for unit in units {
            let todo = try Self.json(try cli.run(["todo", "--unit", unit, "--date", "2008-03-20", "--json"] + asOf))
            #expect(todo["asOf"]?.stringValue == "2008-03-20" && todo["unit"]?.stringValue == unit)
            let items = try #require(todo["items"]?.arrayValue)
            #expect(Set(Self.strings(items, "unit")) == (items.isEmpty ? [] : [unit]))
            var listed: Set<String> = [], done: Set<String> = []
            state.records.forEach(inUnits: [unit]) { record in
                guard record.published == nil else { return }
                let finished = record.status == .approved && record.classification?.disclosure != .proactive
                if finished { done.insert(record.registration.record) } else { listed.insert(record.registration.record) }
            }
            #expect(Set(Self.strings(items.filter { $0["kind"]?.stringValue == "record" }, "id")) == listed, "\(unit)")
            let row = try #require(rows.first { $0["unit"]?.stringValue == unit })
            #expect(row["registered"]!.intValue! - row["published"]!.intValue! == listed.count + done.count, "\(unit): the funnel's not published")
            records += listed.count

            let answers = Set(state.feedback.filter { $0.value.received.unit == unit && $0.value.answered == nil }.keys)
                .union(state.requests.filter { $0.value.received.unit == unit && $0.value.answered == nil && $0.value.awaitingCorrection == nil }.keys)
            #expect(Set(Self.strings(items.filter { $0["task"]?.stringValue == "answer" }, "id")) == answers, "\(unit)")
            // What the funnel finds past its deadline and still not done is overdue here, due the same day.
            for item in late where item["unit"]?.stringValue == unit && item["done"] == .null && item["kind"]?.stringValue != "reassessment" {
                let listedItem = try #require(items.first { $0["id"] == item["item"] }, "\(item)")
                #expect(listedItem["status"]?.stringValue == "overdue" && listedItem["due"] == item["due"], "\(item)")
            }
            let dues = items.compactMap { $0["due"]?.stringValue }
            #expect(dues == dues.sorted(), "by due day")
        }
        #expect(records > 0)
    }

    /// A reviewer's list holds only reviews of their units; the second level of a two-level record
    /// is on the list of the unit's other reviewer, not the one who approved the first.
    @Test func aReviewerSeesOnlyReviewsOfTheirUnits() throws {
        let cli = try SharedCityDemo.copy()
        let asOf = ["--as-of", "2008-01-10"]
        let all = try #require(try Self.json(try cli.run(["todo", "--json"] + asOf))["items"]?.arrayValue)
        let second = try #require(all.first { $0["task"]?.stringValue == "review" && $0["level"] == .integer(2) }, "a record awaiting its second review")
        let unit = try #require(second["unit"]?.stringValue)
        let roles = try cli.run(["role", "list", "--json"]).stdout.split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
        let reviewers = roles.filter { $0["role"]?.stringValue == "reviewer" && $0["units"]?.arrayValue?.contains(.string(unit)) == true }
        #expect(reviewers.count == 2)
        var holding = 0
        for reviewer in Self.strings(reviewers, "person") {
            let held = Set(roles.filter { $0["person"]?.stringValue == reviewer && $0["role"]?.stringValue == "reviewer" }.flatMap { $0["units"]?.arrayValue ?? [] }.compactMap(\.stringValue))
            let mine = try Self.json(try cli.run(["todo", "--actor", reviewer, "--json"] + asOf))
            #expect(mine["actor"]?.stringValue == reviewer)
            let items = try #require(mine["items"]?.arrayValue)
            #expect(items.allSatisfy { $0["task"]?.stringValue == "review" }, "\(reviewer): \(items)")
            #expect(Set(Self.strings(items, "unit")).isSubset(of: held.isEmpty ? [unit] : held))
            if items.contains(where: { $0["id"] == second["id"] }) { holding += 1 }
        }
        #expect(holding == 1, "exactly one of the unit's two reviewers may give the second level")
    }

    @Test func textIsGroupedByUnitForTheOfficeAndInChineseOnRequest() throws {
        let cli = try SharedCityDemo.copy()
        let office = try cli.run(["todo", "--as-of", "2008-03-20"])
        #expect(office.status == 0, "\(office.stderr)")
        let lines = office.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("worklist of every unit as of 2008-03-20: ") == true && lines.count > 4)
        #expect(lines[1].hasPrefix("STATUS") && lines[1].contains("DUE DAY") && lines[1].contains("TO DO"))
        // The first unit's heading names its counts; its first item is its most urgent.
        #expect(lines[3].contains(" overdue, ") && lines[4].hasPrefix("overdue"), "\(lines.prefix(6))")
        let zh = try cli.run(["todo", "--as-of", "2008-03-20", "--lang", "zh"])
        #expect(zh.stdout.hasPrefix("待办事项（全部单位，截至 2008-03-20）：") && zh.stdout.contains("已逾期") && zh.stdout.contains("期限"))
    }

    @Test(arguments: [
        (["--unit", "nowhere"], "--unit takes a unit id of the log's reference data (`clearance unit list`), not 'nowhere'"),
        (["--actor", "nobody"], "--actor: 'nobody' holds no role in this log"),
        (["--actor", "auditor.sun"], "--actor: 'auditor.sun' holds no role that acts (an auditor only reads)"),
        (["--warn", "soon"], "--warn must be an integer between 0 and 250, not 'soon'"),
        (["--date", "2008-13-01"], "--date takes YYYY-MM-DD, not '2008-13-01'"),
    ])
    func mistakesAreOneLineAndExitTwo(arguments: [String], message: String) throws {
        let cli = try SharedCityDemo.copy()
        let outcome = try cli.run(["todo"] + arguments)
        #expect(outcome.status == 2 && outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("error: \(message)") && outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
    }
}
