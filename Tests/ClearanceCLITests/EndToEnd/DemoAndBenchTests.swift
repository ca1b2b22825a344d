import EventLog
import Foundation
import Testing

/// Reads `progress --json` into stage number -> status -> count.
enum JSONParserProbe {
    static func stages(_ text: String) throws -> [Int: [String: Int]] {
        let json = try JSONParser.parse(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var out: [Int: [String: Int]] = [:]
        for stage in json["stages"]?.arrayValue ?? [] {
            guard let number = stage["stage"]?.intValue else { continue }
            out[number] = Dictionary(uniqueKeysWithValues: (stage["counts"]?.objectValue ?? []).map { ($0.key, $0.value.intValue ?? 0) })
        }
        return out
    }
}

@Suite struct DemoAndBenchTests {
    @Test func theDemoRunsTheRulesVerifiesAndShowsTamperingCaught() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let first = try cli.run(["demo", "--scenario", "day", "--reference", seed])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("with the chengdu-2007 seed"))
        #expect(first.stdout.contains("verify on the copy: the log is damaged at seq"))
        let entries = try cli.logLines().count
        #expect(first.stdout.contains("verify: \(entries) entries"))
        // What the demo did passed the rules: the state shows it.
        let published = try cli.run(["record", "list", "--status", "published"])
        #expect(published.stdout.contains("jinjiang-jsj:1-1") && published.stdout.contains("青羊区教育局2008年义务教育阶段招生工作方案"))
        let exempt = try cli.run(["record", "show", "qingyang-jyj:1-4", "--json"])
        #expect(exempt.stdout.contains(#""basis":"personal-privacy""#))
        #expect(try cli.run(["record", "show", "jinniu-mzj:1-2"]).stdout.contains("lastReturned"))
        // Running it again adds another day to the same log.
        let second = try cli.run(["demo", "--scenario", "day"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try cli.logLines().count > entries)
        #expect(try cli.run(["record", "show", "jinjiang-jsj:2-1"]).stdout.contains("jinjiang-jsj/2007-00002"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// Progress per stage, derived from the events, on the demo's simulated 2007-12-20.
    @Test func progressCountsWhatIsDoneOnTimeLateOpenAndOverdue() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        #expect(try cli.run(["demo", "--scenario", "day", "--reference", seed]).status == 0)
        // The general office's training of stage 1 was held on 2007-11-08, recorded now (backdated).
        #expect(try cli.run(["stage", "training", "1", "--title", "指南和目录编制培训", "--at", "2007-11-08", "--actor", "office.chen"]).status == 0)
        let json = try cli.run(["progress", "--date", "2008-04-30", "--json"])
        #expect(json.status == 0)
        let stages = try JSONParserProbe.stages(json.stdout)
        #expect(stages[1]?["done on time"] == 1, "stage 1: the training counts for its responsible unit")
        #expect(stages[2]?["done late"] == 3 && stages[2]?["overdue"] == 906, "three norms adopted on 2007-12-20, after 11-20")
        #expect(stages[4]?["overdue"] == 909, "every unit still has records to clear, or none at all")
        let text = try cli.run(["progress", "--stage", "2", "--district", "jinjiang"])
        #expect(text.stdout.contains("behind on stage 2 (43 units):") && text.stdout.contains("overdue   锦江区人民政府 (jinjiang)"), "\(text.stdout)")
        #expect(try cli.run(["progress", "--date", "someday"]).status == 2)
        // The funnel per unit: the returned proactive record is past its 20 working days by the end of February.
        let funnel = try JSONParser.parse(try cli.run(["progress", "--funnel", "--date", "2008-02-29", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let jinjiang = try #require(funnel["units"]?.arrayValue?.first { $0["unit"]?.stringValue == "jinjiang-jsj" })
        #expect(jinjiang["registered"]?.intValue == 4 && jinjiang["exempt"]?.intValue == 1 && jinjiang["published"]?.intValue == 1)
        #expect(jinjiang["latePublications"]?.intValue == 1)
        let early = try JSONParser.parse(try cli.run(["progress", "--funnel", "--date", "2007-12-21", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(early["units"]?.arrayValue?.first?["latePublications"]?.intValue == 0)
    }

    /// `rebuild` writes the projections with a manifest naming the anchor they came from; no title of
    /// a record that is not public appears in any public file (guides and catalogues).
    @Test func rebuildWritesThePublicOutputsWithoutWhatIsNotPublic() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        #expect(try cli.run(["demo", "--scenario", "day", "--reference", seed]).status == 0)
        let rebuilt = try cli.run(["rebuild"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let head = try cli.run(["verify"]).stdout.split(separator: "\n").last.map { String($0.dropFirst("head ".count)) } ?? ""
        let manifest = String(decoding: try cli.folder.read("projections/manifest.json"), as: UTF8.self)
        #expect(manifest.contains(#""builtFrom":"\#(head)""#))
        let entries = try cli.logLines().count
        #expect(manifest.contains(#""chain":{"intact":true,"entries":\#(entries),"head":"\#(head)""#), "\(manifest)")
        #expect(rebuilt.stdout.contains("chain intact (\(entries) entries checked)"), "\(rebuilt.stdout)")
        let hidden = [
            "关于某某建筑公司投标报价的内部审查意见", "关于某学校教师个人档案的核查材料", "关于救灾物资采购供应商报价的评审意见",  // exempt
            "城市应急排涝预案（2007年修订）", "青羊区中小学校舍安全工程实施计划",  // returned at review, not public
        ]
        var publicFiles = 0
        for folder in ["projections/catalogues", "projections/guides"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: cli.folder.file(folder)) {
                let text = String(decoding: try cli.folder.read("\(folder)/\(name)"), as: UTF8.self)
                publicFiles += 1
                for title in hidden { #expect(!text.contains(title), "\(folder)/\(name) shows \(title)") }
            }
        }
        #expect(publicFiles > 20)
        let catalogue = String(decoding: try cli.folder.read("projections/catalogues/jinjiang-jsj.html"), as: UTF8.self)
        #expect(catalogue.contains("锦江区建设局关于2007年度城市道路维修计划的通知") && catalogue.contains("jinjiang-jsj/2007-00001"))

        // Appending more is picked up from the checkpoint: only the new entries' audit rows are added,
        // and the result is what a rebuild from nothing gives.
        let rowsBefore = try cli.folder.read("projections/internal/audit.csv").filter { $0 == 0x0A }.count
        #expect(try cli.run(["demo", "--scenario", "day"]).status == 0)
        let checkpointSeq = try JSONParser.parse(try cli.folder.read("projections/manifest.json"))["builtFromSeq"]?.intValue ?? 0
        let resumed = try cli.run(["rebuild"])
        #expect(resumed.stderr.isEmpty && resumed.stdout.contains("audit rows added after seq \(checkpointSeq)"), "\(resumed.stdout)")
        let fresh = try cli.run(["rebuild", "--out", "fresh"])
        #expect(fresh.status == 0 && !fresh.stdout.contains("added after"), "\(fresh.stdout)")
        var resumedFiles = try RebuildAsOfTests.files(in: cli.folder.file("projections"))
        var freshFiles = try RebuildAsOfTests.files(in: cli.folder.file("fresh"))
        #expect(resumedFiles["internal/audit.csv"]!.filter { $0 == 0x0A }.count > rowsBefore)
        let (resumedManifest, freshManifest) = (resumedFiles.removeValue(forKey: "manifest.json")!, freshFiles.removeValue(forKey: "manifest.json")!)
        #expect(resumedFiles == freshFiles, "a resumed rebuild differs from one from nothing")
        #expect(try JSONParser.parse(resumedManifest)["auditBytes"] == JSONParser.parse(freshManifest)["auditBytes"])

        // Rewriting history (every hash recomputed) is said loudly, and the trail is written anew.
        let forgedFrom = try LogReader(directory: cli.folder.file("event-log")).entries()
        var encoder = EntryEncoder(afterSeq: 0, hashHex: EntryFormat.zeroHash)
        var forged: [UInt8] = []
        for entry in forgedFrom {
            var data = try entry.data()
            if entry.type == "record.registered", data["record"]?.stringValue == "jinjiang-jsj:1-1" {
                data = .object((data.objectValue ?? []).map { $0.key == "title" ? ($0.key, .string("改写过的标题")) : $0 })
            }
            encoder.encode(NewEntry(id: entry.id, actor: entry.actor, type: entry.type, data: data), id: entry.id,
                recorded: entry.recorded.iso8601, batchEnd: entry.batchEnd, into: &forged)
        }
        try cli.folder.write("event-log/events.jsonl", forged)
        #expect(try cli.run(["verify"]).status == 0, "a consistent forgery verifies without an anchor...")
        let again = try cli.run(["rebuild"])
        #expect(again.status == 0 && again.stderr.contains("HISTORY WAS REWRITTEN"), "...but the projections' anchor catches it")
        #expect(String(decoding: try cli.folder.read("projections/catalogues/jinjiang-jsj.html"), as: UTF8.self).contains("改写过的标题"))
        #expect(!again.stdout.contains("added after"), "\(again.stdout)")
        try FileManager.default.removeItem(atPath: cli.folder.file("fresh"))
        #expect(try cli.run(["rebuild", "--out", "fresh"]).status == 0)
        #expect(try cli.folder.read("projections/internal/audit.csv") == cli.folder.read("fresh/internal/audit.csv"))
    }

    /// A log altered in place (one title changed, its hash left as it was) is refused before the fold,
    /// with the first bad entry named, and the projections already there are left exactly as they were;
    /// a torn tail is named but refuses nothing.
    @Test func rebuildRefusesADamagedLogAndLeavesTheProjectionsAlone() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        #expect(try cli.run(["demo", "--scenario", "day", "--reference", seed]).status == 0)
        #expect(try cli.run(["rebuild"]).status == 0)
        let before = try RebuildAsOfTests.files(in: cli.folder.file("projections"))
        let title = Array("锦江区建设局关于2007年度城市道路维修计划的通知".utf8)
        var bytes = try cli.logBytes()
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: title) })
        bytes.replaceSubrange(at..<(at + 6), with: Array("青羊".utf8))
        try cli.folder.write("event-log/events.jsonl", bytes)
        let seq = String(decoding: bytes[..<at], as: UTF8.self).split(separator: "\n").last?.split(separator: ",").first.map { String($0.dropFirst(#"{"seq":"#.count)) } ?? "?"

        let refused = try cli.run(["rebuild"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("damaged at seq \(seq) ") && refused.stderr.contains("its hash does not match its bytes"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was rebuilt") && !refused.stderr.contains("Fatal"), "\(refused.stderr)")
        #expect(try RebuildAsOfTests.files(in: cli.folder.file("projections")) == before)
        let elsewhere = try cli.run(["rebuild", "--out", "elsewhere"])
        #expect(elsewhere.status == 1 && !FileManager.default.fileExists(atPath: cli.folder.file("elsewhere")))

        // A torn tail (a batch cut short by a crash) is no damage: the rebuild goes on without it and says so.
        bytes.replaceSubrange(at..<(at + 6), with: title[0..<6])
        let partial = Array(#"{"seq":99999,"id":"cut-"#.utf8)
        try cli.folder.write("event-log/events.jsonl", bytes + partial)
        let torn = try cli.run(["rebuild"])
        #expect(torn.status == 0 && torn.stderr.contains("torn tail of \(partial.count) bytes"), "\(torn.stderr)")
        #expect(torn.stdout.contains("chain intact (\(bytes.filter { $0 == 0x0A }.count) entries checked)"), "\(torn.stdout)")
    }

    @Test func theBenchmarkRunsOnASmallLog() throws {
        let cli = CLITestCase()
        let outcome = try cli.run(["bench", "log", "--events", "3000", "--singles", "20", "--dir", cli.folder.file("bench")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for row in ["bulk append", "durable single append", "verify", "read and decode"] {
            #expect(outcome.stdout.contains(row), "missing \(row)")
        }
        #expect(try cli.run(["bench", "nothing"]).status == 2)
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let domain = try cli.run(["bench", "domain", "--events", "12000", "--runs", "3", "--seed", seed, "--dir", cli.folder.file("bench-domain")])
        #expect(domain.status == 0, "\(domain.stderr)")
        #expect(domain.stdout.contains("record register, end to end"))
        #expect(FileManager.default.fileExists(atPath: cli.folder.file("bench-domain/domain/log/state.snapshot")))
    }

    /// Every suite in one command, on small logs; with sqlite3 installed, its side and the ratios too.
    @Test func everySuiteRunsInOneCommand() throws {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        let outcome = try cli.run(["bench", "--events", "20000", "--singles", "20", "--runs", "2", "--seed", seed, "--vs-sqlite", "--dir", cli.folder.file("all")])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for row in [
            "bulk append", "verify", "record register, end to end", "full rebuild of every projection", "floor: the chain check alone",
            "floor: writing what the rebuild wrote", "query with the checkpoint warm: one catalogue",
        ] {
            #expect(outcome.stdout.contains(row), "missing \(row)")
        }
        if SQLiteProgram.installed {
            #expect(outcome.stdout.contains("sqlite3: GROUP BY unit, type over every entry"))
            #expect(outcome.stdout.contains("count per unit over every entry (clearance: progress, warm): "))
        }
    }
}

/// Whether the `sqlite3` program is on the PATH (the comparison is skipped without it).
enum SQLiteProgram {
    static var installed: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/sqlite3")
        }
    }
}
