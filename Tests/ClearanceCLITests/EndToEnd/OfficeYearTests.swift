import EventLog
import Foundation
import Testing
import TestSupport

/// The general office's year on the city demo (to 2009-03-31): the assessment's lost points rest on
/// entries of the unit or of the obligation it failed; the reports balance and the city's is their
/// sum; each paper as of a point equals the paper of the log cut there; no public report and no reply
/// carries an exempt record's title.
@Suite struct OfficeYearTests {
    static func json(_ outcome: BuiltProgram.Outcome) throws -> JSONValue {
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try JSONParser.parse(Array(outcome.stdout.utf8))
    }

    /// seq -> the entry, and what each record, request, feedback and finding id belongs to.
    static func index(_ cli: CLITestCase) throws -> (entries: [Int: LogEntry], owner: [String: String]) {
        var entries: [Int: LogEntry] = [:]
        var owner: [String: String] = [:]
        try LogReader(directory: cli.folder.file("event-log")).forEachEntry { entry in
            entries[entry.seq] = entry
            if ["record.registered", "request.received", "feedback.received", "inspection.finding"].contains(entry.type), let data = try? entry.data() {
                let id = data["record"]?.stringValue ?? data["request"]?.stringValue ?? data["feedback"]?.stringValue ?? data["finding"]?.stringValue ?? ""
                owner[id] = data["unit"]?.stringValue
            }
            return true
        }
        return (entries, owner)
    }

    @Test func everyLostPointRestsOnEntriesOfTheUnitOrOfTheObligationItFailed() throws {
        let cli = try SharedCityDemo.copy()
        let assessment = try Self.json(try cli.run(["assess", "--year", "2008", "--json"]))
        let (entries, owner) = try Self.index(cli)
        let units = try #require(assessment["units"]?.arrayValue)
        #expect(units.count == 909)
        var lostPoints = 0
        for unit in units {
            let id = unit["unit"]?.stringValue ?? ""
            var sum = 0.0
            for indicator in unit["indicators"]?.arrayValue ?? [] {
                sum += Double(JSONWriter.string(indicator["points"] ?? .null)) ?? 0
                for lost in indicator["lost"]?.arrayValue ?? [] {
                    lostPoints += 1
                    let seqs = lost["seqs"]?.arrayValue?.compactMap(\.intValue) ?? []
                    #expect(!seqs.isEmpty, "\(id): \(lost["reason"]?.stringValue ?? "") cites no entry")
                    for seq in seqs {
                        let entry = try #require(entries[seq], "\(id) cites seq \(seq), which is not in the log")
                        let data = try entry.data()
                        let subject = data["record"]?.stringValue ?? data["request"]?.stringValue ?? data["feedback"]?.stringValue ?? data["finding"]?.stringValue
                        let concernsUnit = data["unit"]?.stringValue == id || subject.map { owner[$0] == id } == true
                        let setsObligation = ["stage.scheduled", "report-forms.declared", "rubric.declared"].contains(entry.type)
                        #expect(concernsUnit || setsObligation, "\(id) cites seq \(seq) (\(entry.type)), which is neither its own nor an obligation")
                    }
                }
            }
            #expect(abs(sum - (Double(JSONWriter.string(unit["score"] ?? .null)) ?? -1)) < 0.01, "\(id): the score is the sum of its indicators")
        }
        #expect(lostPoints > 100, "the demo's units lose points")
        // Ranks run from 1 within each tier.
        for tier in 1...3 { #expect(units.contains { $0["tier"]?.intValue == tier && $0["rank"]?.intValue == 1 }) }
    }

    @Test func filedReportsBalanceAndTheCityReportIsTheirSum() throws {
        let cli = try SharedCityDemo.copy()
        var received = 0, carriedOver = 0, handled = 0, carriedForward = 0, filed = 0
        try LogReader(directory: cli.folder.file("event-log")).forEachEntry { entry in
            guard entry.type == "report.filed", let data = try? entry.data() else { return true }
            filed += 1
            for column in data["figures"]?["requests"]?.arrayValue ?? [] {
                let r = column["received"]?.intValue ?? 0, o = column["carriedOver"]?.intValue ?? 0, f = column["carriedForward"]?.intValue ?? 0
                let h = (column["handled"]?.objectValue ?? []).compactMap { $0.value.intValue }.reduce(0, +)
                #expect(r + o == h + f, "the report of \(data["unit"]?.stringValue ?? "") does not balance")
                (received, carriedOver, handled, carriedForward) = (received + r, carriedOver + o, handled + h, carriedForward + f)
            }
            return true
        }
        #expect(filed > 800)
        let city = try Self.json(try cli.run(["annual-report", "--city", "--year", "2008", "--json"]))
        #expect(city["filed"]?.intValue == filed)
        let requests = try #require(city["requests"])
        #expect(requests["received"]?.intValue == received && requests["carriedOver"]?.intValue == carriedOver)
        #expect(requests["handled"]?.intValue == handled && requests["carriedForward"]?.intValue == carriedForward)
        // A unit's filed report carries the log's figures: its draft from the log would be the same.
        let unit = try #require(city["notFiled"]?.arrayValue).isEmpty ? "cd-bgt" : "cd-bgt"
        let report = try Self.json(try cli.run(["annual-report", "--unit", unit, "--year", "2008", "--json"]))
        #expect(report["status"]?.stringValue != "draft" && report["form"]?.stringValue == "chengdu-2008")
    }

    /// Each paper as of a point is the paper a copy of the log cut there draws.
    @Test func eachPaperAsOfAPointIsThatOfTheLogCutThere() throws {
        let cli = try SharedCityDemo.copy()
        let bytes = try cli.logBytes()
        let lineEnds = bytes.indices.filter { bytes[$0] == 0x0A }
        // Within the year-end work: after the first reports are filed.
        let entries = try LogReader(directory: cli.folder.file("event-log")).entries()
        let firstReport = try #require(entries.first { $0.type == "report.filed" }).seq
        let cut = firstReport + 40
        try FileManager.default.createDirectory(atPath: cli.folder.file("cut/event-log"), withIntermediateDirectories: true)
        try cli.folder.write("cut/event-log/events.jsonl", Array(bytes[...lineEnds[cut - 1]]))
        // The kept notice texts are beside the log: the cut copy has them too.
        try FileManager.default.copyItem(atPath: cli.folder.file("event-log/documents"), toPath: cli.folder.file("cut/event-log/documents"))
        for command in [
            ["notice", "--date", "2008-03-31", "--json"], ["assess", "--year", "2008", "--tier", "2", "--json"],
            ["annual-report", "--city", "--year", "2008", "--json"], ["annual-report", "--unit", "cd-bgt", "--year", "2008", "--json"],
            ["notice", "--list"], ["todo", "--unit", "cd-bgt", "--json"], ["inspect", "cd-bgt", "--json"],
        ] {
            let asOf = try cli.run(command + ["--as-of-seq", String(cut)])
            let onCopy = try cli.run(command + ["--log", "cut/event-log"])
            #expect(asOf.status == 0 && onCopy.status == 0, "\(command): \(asOf.stderr) \(onCopy.stderr)")
            #expect(asOf.stdout == onCopy.stdout, "\(command.joined(separator: " ")) as of seq \(cut) differs from the cut log's")
        }
    }

    @Test func noPublicReportAndNoReplyCarriesAnExemptTitle() throws {
        let cli = try SharedCityDemo.copy()
        #expect(try cli.run(["rebuild"]).status == 0)
        var exempt: Set<String> = []
        var titles: [String: String] = [:]
        try LogReader(directory: cli.folder.file("event-log")).forEachEntry { entry in
            guard let data = try? entry.data() else { return true }
            if entry.type == "record.registered" { titles[data["record"]?.stringValue ?? ""] = data["title"]?.stringValue }
            if entry.type == "record.classified", data["disclosure"]?.stringValue == "exempt", let title = titles[data["record"]?.stringValue ?? ""] { exempt.insert(title) }
            return true
        }
        #expect(exempt.count > 10)
        var checked = 0
        for folder in ["projections/annual-reports", "projections/internal/replies"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: cli.folder.file(folder)) {
                let text = String(decoding: try cli.folder.read("\(folder)/\(name)"), as: UTF8.self)
                for title in exempt { #expect(!text.contains(title), "\(folder)/\(name) carries the exempt title \(title)") }
                checked += 1
            }
        }
        #expect(checked > 100)
        let manifest = String(decoding: try cli.folder.read("projections/manifest.json"), as: UTF8.self)
        #expect(manifest.contains("\"intact\":true"))
    }

    /// Every answer's reply, in the form of its outcome, names the article of the 2007 rules and the
    /// remedies of its day; the replies are drawn for each outcome the demo gave.
    @Test func everyOutcomeHasItsReply() throws {
        let cli = try SharedCityDemo.copy()
        var byOutcome: [String: String] = [:]
        try LogReader(directory: cli.folder.file("event-log")).forEachEntry { entry in
            if entry.type == "request.answered", let data = try? entry.data(), let outcome = data["outcome"]?.stringValue, byOutcome[outcome] == nil {
                byOutcome[outcome] = data["request"]?.stringValue
            }
            return true
        }
        #expect(byOutcome.count >= 5)
        let expected = ["disclosed": "获取该政府信息的方式和途径", "partly-disclosed": "能够作区分处理", "not-disclosed/state-secret": "不予公开",
                        "not-this-body": "不属于本机关公开", "not-exist": "不存在"]
        for (outcome, request) in byOutcome {
            let reply = try cli.run(["request", "notice", request])
            #expect(reply.status == 0, "\(reply.stderr)")
            #expect(reply.stdout.contains("政府信息公开申请答复书") && reply.stdout.contains("《中华人民共和国政府信息公开条例》第"))
            #expect(reply.stdout.contains("60 日内") && reply.stdout.contains("3 个月内"), "\(outcome): the remedies of 2008")
            if let phrase = expected[outcome] { #expect(reply.stdout.contains(phrase), "\(outcome): \(phrase)") }
        }
        let english = try cli.run(["request", "notice", try #require(byOutcome["disclosed"]), "--lang", "en"])
        #expect(english.stdout.contains("Reply to a request"))
        let unknown = try cli.run(["request", "notice", "NO-SUCH"])
        #expect(unknown.status == 1 && unknown.stderr.contains("never received"))
    }
}
