import EventLog
import Foundation
import Testing
import TestSupport

/// `clearance inspect UNIT`: the inspection worksheet of a unit, checked against the log it is drawn
/// from as an inspector would check it; and the findings it records.
@Suite struct InspectionTests {
    static func json(_ outcome: BuiltProgram.Outcome) throws -> JSONValue {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONParser.parse(Array(outcome.stdout.utf8))
    }

    /// What the test reads of the log itself, to compare the worksheet with.
    struct LogFacts {
        struct Event {
            let seq: Int
            let actor: String
            let type: String
            let data: JSONValue
        }

        /// Each record's events, in log order, and the unit it was registered in.
        var events: [String: [Event]] = [:]
        var unitOf: [String: String] = [:]
        /// Who was granted which role for which units.
        var grants: [(person: String, role: String, units: [String])] = []

        init(_ cli: CLITestCase) throws {
            try LogReader(directory: cli.folder.file("event-log")).forEachEntry { entry in
                let data = try entry.data()
                if entry.type.hasPrefix("record."), let record = data["record"]?.stringValue {
                    events[record, default: []].append(Event(seq: entry.seq, actor: entry.actor, type: entry.type, data: data))
                    if entry.type == "record.registered" { unitOf[record] = data["unit"]?.stringValue }
                }
                if entry.type == "role.granted" {
                    grants.append((data["person"]?.stringValue ?? "", data["role"]?.stringValue ?? "", data["units"]?.arrayValue?.compactMap(\.stringValue) ?? []))
                }
                return true
            }
        }

        /// The records of `unit`, by id.
        func records(of unit: String) -> [String] { unitOf.filter { $0.value == unit }.keys.sorted() }

        /// Records that have an event of `type`, by id.
        func records(with type: String) -> [String] { events.filter { $0.value.contains { $0.type == type } }.keys.sorted() }

        /// A person granted `role` for `unit`.
        func person(_ role: String, of unit: String) -> String? { grants.first { $0.role == role && $0.units.contains(unit) }?.person }
    }

    /// The units with the most record events: the fullest trails.
    static func busiestUnits(_ facts: LogFacts, count: Int) -> [String] {
        var events: [String: Int] = [:]
        for (record, list) in facts.events { events[facts.unitOf[record] ?? "", default: 0] += list.count }
        return events.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(count).map(\.key)
    }

    @Test func theSameSeedDrawsTheSameSampleAndAnotherSeedAnother() throws {
        let cli = try SharedCityDemo.copy()
        let facts = try LogFacts(cli)
        let unit = try #require(Self.busiestUnits(facts, count: 1).first)
        // The demo's units have a few records each: give one twenty more, so that a sample is a choice.
        let registrations = (1...20).map { n in
            #"{"type":"record.registered","data":{"at":"2008-12-01","record":"INSP-\#(n)","unit":"\#(unit)","title":"抽查用记录\#(n)","created":"2008-11-20","summary":"测试"}}"#
        }
        let appended = try cli.run(["append", "--actor", "office.chen"], stdin: registrations.joined(separator: "\n") + "\n")
        #expect(appended.status == 0, "\(appended.stderr)")
        let population = facts.records(of: unit).count + 20

        func sample(_ seed: String) throws -> [String] {
            let worksheet = try Self.json(try cli.run(["inspect", unit, "--sample", "5", "--seed", seed, "--json"]))
            #expect(worksheet["sample"]?["population"]?.intValue == population)
            #expect(worksheet["sample"]?["seed"] == JSONValue.integer(UInt64(seed)!))
            return (worksheet["sample"]?["records"]?.arrayValue ?? []).compactMap { $0["record"]?.stringValue }
        }
        let first = try sample("7")
        #expect(first.count == 5 && Set(first).count == 5)
        #expect(try sample("7") == first, "the same seed and log draw the same records")
        #expect(try sample("8") != first, "another seed draws other records")
        // The default is ten records with seed 1, and the text says so.
        let text = try cli.run(["inspect", unit])
        #expect(text.status == 0 && text.stdout.contains("10 条（共 \(population) 条，种子 1）"), "\(text.stdout)")
    }

    /// Every sampled record's trail is the log's events for it: the same seqs, business dates and
    /// actors, each actor in the role the step needs, each review at its level; and its timeliness is
    /// the funnel's judgement.
    @Test func everySampledTrailNamesTheActorsTheLogHasForTheRecord() throws {
        let cli = try SharedCityDemo.copy()
        let facts = try LogFacts(cli)
        let late = try Self.json(try cli.run(["progress", "--funnel", "--json"]))["pastDeadline"]?.arrayValue ?? []
        let latePublications = Set(late.filter { $0["kind"]?.stringValue == "publication" }.compactMap { $0["item"]?.stringValue })
        let needs = ["record.registered": "clerk", "record.classified": "clerk", "record.reviewed": "reviewer", "record.published": "publisher"]
        var checked = 0
        let units = Self.busiestUnits(facts, count: 4) + facts.records(with: "record.withdrawn").prefix(2).compactMap { facts.unitOf[$0] }
        for unit in units {
            let worksheet = try Self.json(try cli.run(["inspect", unit, "--json"]))
            let sampled = worksheet["sample"]?["records"]?.arrayValue ?? []
            #expect(sampled.count == min(10, facts.records(of: unit).count))
            for record in sampled {
                let id = try #require(record["record"]?.stringValue)
                let steps = record["steps"]?.arrayValue ?? []
                let events = facts.events[id] ?? []
                #expect(steps.map { $0["seq"]?.intValue ?? 0 } == events.map(\.seq), "\(id): the trail's entries are the log's")
                #expect(steps.map { $0["actor"]?.stringValue ?? "" } == events.map(\.actor), "\(id): the trail names the log's actors")
                #expect(steps.map { $0["at"]?.stringValue ?? "" } == events.map { $0.data["at"]?.stringValue ?? "" }, "\(id): business dates")
                for (step, event) in zip(steps, events) {
                    if let role = needs[event.type] {
                        let roles = step["roles"]?.stringValue ?? ""
                        #expect(roles.contains(role) || roles.contains("general-office"), "\(id) seq \(event.seq): \(event.type) by \(event.actor) as \(roles)")
                    }
                    if event.type == "record.reviewed" {
                        #expect(step["level"] == event.data["level"] && step["outcome"] == event.data["outcome"], "\(id) seq \(event.seq): the review's level")
                    }
                }
                let timeliness = record["timeliness"]?.stringValue ?? ""
                #expect(["late", "overdue"].contains(timeliness) == latePublications.contains(id), "\(id) is \(timeliness); the funnel disagrees")
                checked += 1
            }
        }
        #expect(checked >= 8)
        // The text names the people and their roles in Chinese.
        let unit = try #require(units.first)
        let text = try cli.run(["inspect", unit])
        let firstRecord = try #require(facts.records(of: unit).first)
        let firstActor = try #require(facts.events[firstRecord]?.first?.actor)
        #expect(text.stdout.contains("办理轨迹") && text.stdout.contains(firstActor) && text.stdout.contains("信息员"))
    }

    /// Section 2 lists every record the log published for the unit, with the withdrawn one as withdrawn
    /// (not vanished) and the corrected one with its correction; the catalogue's own entries are those listed.
    @Test func theCatalogueCheckListsEveryPublishedRecordWithdrawnAndCorrectedOnesAsSuch() throws {
        let cli = try SharedCityDemo.copy()
        let facts = try LogFacts(cli)
        let withdrawn = try #require(facts.records(with: "record.withdrawn").first)
        let corrected = try #require(facts.records(with: "record.corrected").first { id in
            facts.events[id]!.firstIndex { $0.type == "record.published" }.map { p in facts.events[id]!.lastIndex { $0.type == "record.corrected" }! > p } ?? false
        }, "the demo corrects a published record")
        for record in [withdrawn, corrected] {
            let unit = try #require(facts.unitOf[record])
            let worksheet = try Self.json(try cli.run(["inspect", unit, "--json"]))
            let catalogue = try #require(worksheet["catalogue"])
            let entries = catalogue["entries"]?.arrayValue ?? []
            let published = facts.records(of: unit).compactMap { id in
                facts.events[id]?.first { $0.type == "record.published" }?.data["indexNumber"]?.stringValue
            }
            #expect(entries.compactMap { $0["indexNumber"]?.stringValue }.sorted() == published.sorted(), "every number the log issued is listed")
            #expect(catalogue["registered"]?.intValue == facts.records(of: unit).count)
            #expect(catalogue["discrepancies"]?.arrayValue?.isEmpty == true && catalogue["gaps"]?.arrayValue?.isEmpty == true)
            // What the worksheet says is listed is what `catalogue UNIT` lists.
            let listed = try Self.json(try cli.run(["catalogue", unit, "--json"]))["entries"]?.arrayValue?.compactMap { $0["indexNumber"]?.stringValue } ?? []
            #expect(entries.filter { $0["listed"] == .bool(true) }.compactMap { $0["indexNumber"]?.stringValue } == listed)
            #expect(catalogue["listed"]?.intValue == listed.count)

            let line = try #require(entries.first { $0["record"]?.stringValue == record })
            if record == withdrawn {
                let reason = facts.events[record]!.first { $0.type == "record.withdrawn" }!.data["reason"]
                #expect(line["status"]?.stringValue == "withdrawn" && line["listed"] == .bool(false))
                #expect(line["withdrawn"]?["reason"] == reason)
                let text = try cli.run(["inspect", unit])
                #expect(text.stdout.contains("已撤回") && text.stdout.contains(reason?.stringValue ?? "?"))
            } else {
                let corrections = line["corrections"]?.arrayValue ?? []
                #expect(corrections.count == facts.events[record]!.filter { $0.type == "record.corrected" }.count)
                #expect(corrections.last?["afterPublication"] == .bool(true) && catalogue["correctedAfterPublication"]?.intValue ?? 0 >= 1)
            }
        }
    }

    @Test func recordingAFindingThenItsRemedyChangesTheOpenFindings() throws {
        let cli = try SharedCityDemo.copy()
        let facts = try LogFacts(cli)
        let unit = try #require(Self.busiestUnits(facts, count: 1).first)
        let clerk = try #require(facts.person("clerk", of: unit))
        func openFindings() throws -> [JSONValue] {
            try Self.json(try cli.run(["inspect", unit, "--json"]))["findings"]?["open"]?.arrayValue ?? []
        }
        #expect(try openFindings().isEmpty)

        // A clerk may not record a finding: refused, nothing appended.
        let before = try cli.logBytes()
        let refused = try cli.run(["inspect", unit, "--finding", "DC-1", "--about", "目录缺号", "--remedy-by", "2008-12-20", "--actor", clerk])
        #expect(refused.status == 1 && refused.stderr.contains("only the general office may") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(try cli.logBytes() == before)

        let openBefore = Self.openFindingCount(try cli.run(["progress"]).stdout)
        let found = try cli.run([
            "inspect", unit, "--finding", "DC-1", "--about", "公开指南缺少传真号码", "--remedy-by", "2008-12-20", "--at", "2008-12-10",
            "--item", try #require(facts.records(of: unit).first), "--actor", "office.chen",
        ])
        #expect(found.status == 0 && found.stdout.contains("appended seq"), "\(found.stderr)")
        let findings = try openFindings()
        #expect(findings.count == 1 && findings.first?["finding"]?.stringValue == "DC-1" && findings.first?["about"]?.stringValue == "公开指南缺少传真号码")
        #expect(findings.first?["overdue"] == .bool(true), "judged after its remedy day")
        #expect(try cli.run(["inspect", unit]).stdout.contains("DC-1"))
        // The demo's own round left findings open; this one adds one, past its day, in this unit.
        let progress = try cli.run(["progress"])
        #expect(Self.openFindingCount(progress.stdout) == openBefore + 1, "\(progress.stdout)")
        #expect(progress.stdout.contains(unit), "the unit is named among those with open findings")
        // The worksheet of the day before it was found has no such finding.
        #expect(try Self.json(try cli.run(["inspect", unit, "--date", "2008-12-09", "--json"]))["findings"]?["open"]?.arrayValue?.isEmpty == true)

        let remedied = try cli.run(["inspect", unit, "--remedied", "DC-1", "--note", "已补充传真号码", "--actor", clerk])
        #expect(remedied.status == 0, "\(remedied.stderr)")
        #expect(try openFindings().isEmpty)
        #expect(try Self.json(try cli.run(["inspect", unit, "--json"]))["findings"]?["remedied"]?.intValue == 1)
        #expect(Self.openFindingCount(try cli.run(["progress"]).stdout) == openBefore)
        let again = try cli.run(["inspect", unit, "--remedied", "DC-1", "--note", "又一次", "--actor", clerk])
        #expect(again.status == 1 && again.stderr.contains("already remedied"))
    }

    @Test func badInputIsAClearErrorWithoutAStackTrace() throws {
        let cli = try SharedCityDemo.copy()
        let before = try cli.logBytes()
        let cases: [([String], Int32, String)] = [
            (["inspect", "nowhere"], 2, "unit 'nowhere' is not registered"),
            (["inspect", "cd-bgt", "--sample", "0"], 2, "--sample must be an integer between 1 and 1000, not '0'"),
            (["inspect", "cd-bgt", "--sample", "ten"], 2, "--sample must be an integer"),
            (["inspect", "cd-bgt", "--seed", "-1"], 2, "--seed must be a whole number"),
            (["inspect", "cd-bgt", "--format", "xlsx"], 2, "--out"),
            (["inspect", "cd-bgt", "--date", "2008-02-30"], 2, "--date"),
            (["inspect"], 2, "missing UNIT"),
            (["inspect", "cd-bgt", "--about", "x"], 2, "--about goes with --finding"),
            (["inspect", "cd-bgt", "--finding", "F", "--remedy-by", "2008-12-31", "--actor", "office.chen"], 2, "--about is required"),
            (["inspect", "cd-bgt", "--finding", "F", "--about", "x", "--actor", "office.chen"], 2, "--remedy-by is required"),
            (["inspect", "cd-bgt", "--finding", "F", "--about", "x", "--remedy-by", "2008-12-31", "--sample", "3", "--actor", "office.chen"], 2, "--sample does not go with --finding"),
            (["inspect", "cd-bgt", "--finding", "F", "--remedied", "F", "--actor", "office.chen"], 2, "not both"),
            (["inspect", "cd-bgt", "--finding", "F", "--about", "x", "--remedy-by", "2008-12-31", "--item", "nothing-here", "--actor", "office.chen"], 1, "--item nothing-here is no record"),
            (["inspect", "cd-bgt", "--remedied", "never", "--note", "x", "--actor", "office.chen"], 1, "finding never was never recorded"),
        ]
        for (arguments, status, message) in cases {
            let outcome = try cli.run(arguments)
            #expect(outcome.status == status, "\(arguments): \(outcome.status) \(outcome.stderr)")
            #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1 && !outcome.stderr.contains("Fatal error"), "\(arguments): \(outcome.stderr)")
        }
        #expect(try cli.logBytes() == before)
    }

    @Test func theWorksheetPrintsOnA4WithNothingFromElsewhereAndSpeaksEnglishWhenAsked() throws {
        let cli = try SharedCityDemo.copy()
        let facts = try LogFacts(cli)
        let unit = try #require(Self.busiestUnits(facts, count: 1).first)
        let page = try cli.run(["inspect", unit, "--format", "html"])
        #expect(page.status == 0 && page.stdout.contains(#"<html lang="zh-CN">"#), "\(page.stderr)")
        #expect(page.stdout.contains("@page{size:A4") && page.stdout.contains("<h2>三、随机抽查记录</h2>") && page.stdout.contains("<caption>办理轨迹</caption>"))
        for outside in ["<script", "<link", "src=", "@import", "url(", "http://", "https://"] { #expect(!page.stdout.contains(outside), "the page fetches \(outside)") }
        let english = try cli.run(["inspect", unit, "--lang", "en"])
        #expect(english.status == 0 && english.stdout.contains("Inspection worksheet") && english.stdout.contains("3. Records sampled at random"))
        let written = try cli.run(["inspect", unit, "--out", "worksheet.txt"])
        #expect(written.status == 0 && written.stdout.hasPrefix("wrote worksheet.txt: \(unit): "))
        #expect(String(decoding: try cli.folder.read("worksheet.txt"), as: UTF8.self).contains("七、底稿依据"))
    }

    /// The worksheet's tables as a workbook LibreOffice opens, with the worksheet's own facts.
    @Test func theTablesOpenInASpreadsheet() async throws {
        let cli = try SharedCityDemo.copy()
        let facts = try LogFacts(cli)
        let exempt = try #require(facts.events.first { $0.value.contains { $0.data["disclosure"]?.stringValue == "exempt" } }?.key)
        let unit = try #require(facts.unitOf[exempt])
        let written = try cli.run(["inspect", unit, "--format", "xlsx", "--out", "worksheet.xlsx"])
        #expect(written.status == 0, "\(written.stderr)")
        let worksheet = try Self.json(try cli.run(["inspect", unit, "--json"]))
        let sheets = try await LibreOffice.sheets(of: "worksheet.xlsx", in: cli.folder, names: ["抽查记录", "办理轨迹", "不予公开事项"])
        let trails = try #require(sheets?["办理轨迹"])
        #expect(trails.first?.map(\.text) == ["记录", "日志序号", "业务日期", "环节", "办理人", "角色"])
        let steps = (worksheet["sample"]?["records"]?.arrayValue ?? []).flatMap { record in
            (record["steps"]?.arrayValue ?? []).map { [record["record"]?.stringValue ?? "", "\($0["seq"]?.intValue ?? 0)", $0["actor"]?.stringValue ?? ""] }
        }
        #expect(trails.dropFirst().map { [$0[0].text, $0[1].text, $0[4].text] } == steps)
        #expect(trails.dropFirst().allSatisfy { $0[0].quoted && !$0[1].quoted }, "ids are text, seqs numbers")
        let exemptions = try #require(sheets?["不予公开事项"])
        #expect(exemptions.dropFirst().map { $0[0].text } == (worksheet["exemptions"]?.arrayValue ?? []).compactMap { $0["record"]?.stringValue })
        #expect(exemptions.dropFirst().contains { $0[0].text == exempt })
        #expect(try #require(sheets?["抽查记录"]).count == (worksheet["sample"]?["records"]?.arrayValue?.count ?? 0) + 1)
    }

    /// `--as-of-seq N` draws the worksheet a copy of the log cut at N draws: at the end of the batch
    /// that withdraws a record, and inside it (where the withdrawal is not yet history).
    @Test func anAsOfWorksheetEqualsTheWorksheetOfTheLogCutThere() throws {
        let cli = try SharedCityDemo.copy()
        let facts = try LogFacts(cli)
        let record = try #require(facts.records(with: "record.withdrawn").first)
        let unit = try #require(facts.unitOf[record])
        let withdrawal = try #require(facts.events[record]?.first { $0.type == "record.withdrawn" })
        let entries = try LogReader(directory: cli.folder.file("event-log")).entries()
        let batchEnd = try #require(entries.first { $0.seq == withdrawal.seq }?.batchEnd)
        let bytes = try cli.logBytes()
        let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }
        var statuses: [Int: String] = [:]
        for cut in Set([batchEnd, withdrawal.seq]) {
            try FileManager.default.createDirectory(atPath: cli.folder.file("cut-\(cut)/event-log"), withIntermediateDirectories: true)
            try cli.folder.write("cut-\(cut)/event-log/events.jsonl", Array(bytes[...lineEnds[cut - 1]]))
            for format in ["json", "text"] {
                let asOf = try cli.run(["inspect", unit, "--as-of-seq", "\(cut)", "--format", format])
                let onCopy = try cli.run(["inspect", unit, "--log", "cut-\(cut)/event-log", "--format", format])
                #expect(asOf.status == 0 && onCopy.status == 0, "\(asOf.stderr)\(onCopy.stderr)")
                #expect(asOf.stdout == onCopy.stdout, "as of seq \(cut), \(format)")
            }
            let worksheet = try Self.json(try cli.run(["inspect", unit, "--as-of-seq", "\(cut)", "--json"]))
            statuses[cut] = worksheet["catalogue"]?["entries"]?.arrayValue?.first { $0["record"]?.stringValue == record }?["status"]?.stringValue
        }
        #expect(statuses[batchEnd] == "withdrawn")
        if withdrawal.seq != batchEnd { #expect(statuses[withdrawal.seq] == "published", "the withdrawal's batch is not whole at seq \(withdrawal.seq)") }
    }

    /// N of progress's "open inspection findings: N in M units …" line (0 without it).
    static func openFindingCount(_ text: String) -> Int {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("open inspection findings: ") }) else { return 0 }
        return Int(line.dropFirst("open inspection findings: ".count).prefix { $0.isNumber }) ?? 0
    }
}
