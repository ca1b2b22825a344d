import EventLog
import Foundation
import Testing

/// The whole job from the command line, as four people: the general office, a clerk, a reviewer
/// and a publisher, each with only their own role.
@Suite struct ClearanceWalkTests {
    /// A seeded log with roles in jinjiang-jsj and its norm adopted.
    static func seededCase() throws -> CLITestCase {
        let cli = CLITestCase()
        let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path
        #expect(try cli.run(["init", "--try-out", "--seed", seed, "--actor", "office.chen"]).status == 0)
        for (person, role) in [("clerk.wang", "clerk"), ("reviewer.zhang", "reviewer"), ("publisher.li", "publisher")] {
            #expect(try cli.run(["role", "grant", person, role, "--unit", "jinjiang-jsj", "--actor", "office.chen"]).status == 0)
        }
        let norm = #"{"classes":[{"id":"plans","name":"规划计划","keyItems":["10-02","11-01","10-08","10-10"],"timeLimitDays":20,"review":"one-level","office":"办公室"},{"id":"finance","name":"财政与采购","keyItems":["10-04","10-06"],"timeLimitDays":20,"review":"one-level","office":"财务科"},{"id":"land","name":"征地拆迁","keyItems":["11-03"],"timeLimitDays":20,"review":"two-level","office":"拆迁办"},{"id":"licensing","name":"行政许可","keyItems":["10-07"],"timeLimitDays":15,"review":"two-level","office":"审批科"},{"id":"inspection","name":"检查通报","keyItems":["10-11"],"timeLimitDays":20,"review":"one-level","office":"安监科"}],"feedbackDays":15}"#
        try cli.folder.write("norm.json", Array(norm.utf8))
        #expect(try cli.run(["norm", "adopt", "jinjiang-jsj", "--file", "norm.json", "--actor", "clerk.wang"]).status == 0)
        return cli
    }

    @Test func aRecordAndARequestWalkThroughEveryStepAsFourPeople() throws {
        let cli = try Self.seededCase()
        func ok(_ arguments: [String], as actor: String) throws {
            let outcome = try cli.run(arguments + ["--actor", actor])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        func refused(_ arguments: [String], as actor: String, rule: String) throws {
            let outcome = try cli.run(arguments + ["--actor", actor])
            #expect(outcome.status == 1 && outcome.stderr.contains("refused by the \(rule) rule"), "\(arguments): \(outcome.stderr)")
        }
        try ok(["record", "register", "R-0042", "--unit", "jinjiang-jsj", "--title", "锦江区建设局关于2007年度城市道路维修计划的通知", "--doc", "锦建发〔2007〕112号", "--created", "2007-12-20", "--at", "2007-12-21"], as: "clerk.wang")
        try refused(["record", "review", "R-0042", "--approve", "--checked", "密级、文号", "--grounds", "同意公开"], as: "reviewer.zhang", rule: "transition")
        try ok(["record", "classify", "R-0042", "--class", "plans", "--item", "11-01", "--disclosure", "proactive", "--at", "2007-12-21"], as: "clerk.wang")
        try refused(["record", "review", "R-0042", "--approve", "--checked", "密级、文号", "--grounds", "同意公开"], as: "clerk.wang", rule: "role")
        try ok(["record", "review", "R-0042", "--return", "文号有误", "--checked", "文号", "--at", "2007-12-24"], as: "reviewer.zhang")
        try refused(["record", "publish", "R-0042"], as: "publisher.li", rule: "transition")
        try ok(["record", "classify", "R-0042", "--class", "plans", "--item", "11-01", "--disclosure", "proactive", "--at", "2007-12-25"], as: "clerk.wang")
        try ok(["record", "review", "R-0042", "--approve", "--checked", "密级、文号", "--grounds", "同意公开", "--at", "2007-12-26"], as: "reviewer.zhang")
        try ok(["record", "publish", "R-0042", "--at", "2007-12-27"], as: "publisher.li")
        let shown = try cli.run(["record", "show", "R-0042", "--json"])
        #expect(shown.stdout.contains(#""indexNumber":"jinjiang-jsj/2007-00001""#))
        #expect(shown.stdout.contains(#""publishBy":"2008-01-18"#), "20 working days from 2007-12-20, across New Year: \(shown.stdout)")

        try ok(["feedback", "receive", "F-1", "--unit", "jinjiang-jsj", "--record", "R-0042", "--text", "维修路段清单能否公开？", "--at", "2008-01-02"], as: "clerk.wang")
        try ok(["feedback", "answer", "F-1", "--text", "已在附件中公开", "--at", "2008-01-04"], as: "clerk.wang")

        // A request received before Spring Festival 2008: 15 working days, extended once by 15.
        try ok(["request", "receive", "Q-2008-001", "--unit", "jinjiang-jsj", "--applicant", "张三", "--description", "道路维修资金使用情况", "--at", "2008-01-28"], as: "clerk.wang")
        #expect(try cli.run(["request", "show", "Q-2008-001"]).stdout.contains("2008-02-21"))
        try ok(["request", "extend", "Q-2008-001", "--approved-by", "局长", "--reason", "需会同财政局核实", "--at", "2008-02-18"], as: "clerk.wang")
        try refused(["request", "extend", "Q-2008-001", "--approved-by", "局长", "--reason", "again", "--at", "2008-02-19"], as: "clerk.wang", rule: "deadline")
        #expect(try cli.run(["request", "show", "Q-2008-001"]).stdout.contains("2008-03-13"))
        try ok(["request", "answer", "Q-2008-001", "--outcome", "disclosed", "--at", "2008-03-10"], as: "clerk.wang")
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// A record withheld in 2008 is due for reassessment once the 2019 rules ask for it (Art. 18; the
    /// seed's 12 months from 2019-05-15): the funnel lists it, without its title, until it is reassessed.
    @Test func withheldRecordsAreDueForReassessmentUnderThe2019Rules() throws {
        let cli = try Self.seededCase()
        func ok(_ arguments: [String], as actor: String) throws {
            let outcome = try cli.run(arguments + ["--actor", actor])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        func reassessments(on day: String) throws -> [JSONValue] {
            let text = try cli.run(["progress", "--funnel", "--date", day, "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return (try JSONParser.parse(text)["pastDeadline"]?.arrayValue ?? []).filter { $0["kind"] == .string("reassessment") }
        }
        try ok(["record", "register", "R-9", "--unit", "jinjiang-jsj", "--title", "某涉密工程图纸", "--created", "2008-01-10", "--at", "2008-01-15"], as: "clerk.wang")
        try ok(["record", "classify", "R-9", "--class", "plans", "--disclosure", "exempt", "--basis", "state-secret", "--at", "2008-01-15"], as: "clerk.wang")
        try ok(["record", "review", "R-9", "--approve", "--checked", "密级标注", "--grounds", "属国家秘密", "--at", "2008-01-16"], as: "reviewer.zhang")
        #expect(try reassessments(on: "2019-01-01").isEmpty, "the 2007 rules ask for no periodic reassessment")
        let due = try reassessments(on: "2020-06-01")
        #expect(due.count == 1 && due.first?["item"] == .string("R-9") && due.first?["due"] == .string("2020-05-15"))
        #expect(due.first?["title"] == .string(""), "a withheld record's title stays out of the funnel")
        try ok(["record", "reassess", "R-9", "--keep", "--grounds", "仍属国家秘密", "--at", "2020-06-01"], as: "reviewer.zhang")
        #expect(try reassessments(on: "2020-06-02").isEmpty)
        #expect(try reassessments(on: "2021-06-02").first?["due"] == .string("2021-06-01"))
        #expect(try cli.run(["audit", "--record", "R-9"]).stdout.contains("reassessed: keep-withheld: 仍属国家秘密"))
    }

    /// Reference data is history: a new unit and a moved deadline are events, by the general office only.
    @Test func aNewUnitAndAMovedDeadlineAreEvents() throws {
        let cli = try Self.seededCase()
        let register = ["unit", "register", "jinjiang-xzfwzx", "--name", "锦江区行政服务中心", "--kind", "department", "--tier", "2", "--parent", "jinjiang", "--district", "jinjiang"]
        let refused = try cli.run(register + ["--actor", "clerk.wang"])
        #expect(refused.status == 1 && refused.stderr.contains("refused by the role rule"))
        let orphan = try cli.run(["unit", "register", "nowhere-jsj", "--name", "某局", "--kind", "department", "--tier", "2", "--parent", "nowhere", "--actor", "office.chen"])
        #expect(orphan.status == 1 && orphan.stderr.contains("refused by the reference rule") && orphan.stderr.contains("parent nowhere"), "\(orphan.stderr)")
        #expect(try cli.run(register + ["--actor", "office.chen"]).status == 0)
        #expect(try cli.run(["unit", "show", "jinjiang-xzfwzx"]).stdout.contains("锦江区行政服务中心"))
        #expect(try cli.run(["unit", "list", "--district", "jinjiang", "--tier", "2"]).stdout.contains("jinjiang-xzfwzx"))

        #expect(try cli.run(["stage", "list"]).stdout.contains("2008-03-31"))
        #expect(try cli.run(["stage", "reschedule", "6", "--deadline", "2008-04-30", "--actor", "clerk.wang"]).status == 1)
        #expect(try cli.run(["stage", "reschedule", "6", "--deadline", "2008-04-30", "--note", "延期一个月", "--actor", "office.chen"]).status == 0)
        let stages = try cli.run(["stage", "list", "--json"]).stdout.split(separator: "\n")
        #expect(stages.count == 7)
        #expect(stages.first { $0.contains(#""number":6"#) }?.contains(#""deadline":"2008-04-30""#) == true)
    }

    @Test func referenceEventsAppendedLaterMustHaveTheirShape() throws {
        let cli = try Self.seededCase()
        let before = try cli.logBytes()
        for bad in [
            #"{"type":"unit.registered","data":{"at":"2007-12-20","id":"x","name":"某单位","kind":"department","tier":7}}"#,
            #"{"type":"unit.registered","data":{"at":"2007-12-20","id":"x","name":"某单位","kind":"shop","tier":2}}"#,
            #"{"type":"stage.scheduled","data":{"at":"2007-12-20","number":6,"deadline":"2008-04-31"}}"#,
            #"{"type":"calendar.year-declared","data":{"at":"2007-12-20","year":2010,"holidays":[{"from":"2010-02-30","to":"2010-03-01"}]}}"#,
        ] {
            let outcome = try cli.run(["append", "--actor", "office.chen"], stdin: bad + "\n")
            #expect(outcome.status == 1 && outcome.stderr.contains("refused by the schema rule"), "\(bad): \(outcome.stderr)")
        }
        #expect(try cli.logBytes() == before)
    }

    /// The public catalogue shows what was published and, by title, what is available on request;
    /// nothing exempt or not yet reviewed appears in any of its formats.
    @Test func theCatalogueNeverShowsWhatIsNotPublic() throws {
        let cli = try Self.seededCase()
        let sample = packageRoot().deletingLastPathComponent().appendingPathComponent("shared/samples/records-office-export.csv").path
        #expect(try cli.run(["import", sample, "--unit", "jinjiang-jsj", "--default-class", "plans", "--actor", "clerk.wang"]).status == 0)
        let prefix = "jinjiang-jsj-records-office-export-"
        for n in [1, 4] { #expect(try cli.run(["record", "review", prefix + "\(n)", "--approve", "--checked", "密级、文号", "--grounds", "同意公开", "--actor", "reviewer.zhang"]).status == 0) }
        #expect(try cli.run(["record", "publish", prefix + "1", "--actor", "publisher.li"]).status == 0)
        let hidden = ["关于某某建筑公司投标报价的内部审查意见", "拆迁户张某某家庭情况核查表", "关于涉密工程图纸管理的规定", "锦江区建设局行政许可事项目录"]
        for format in ["text", "csv", "json", "html"] {
            let outcome = try cli.run(["catalogue", "jinjiang-jsj", "--format", format, "--out", "catalogue.\(format)"])
            #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
            let text = String(decoding: try cli.folder.read("catalogue.\(format)"), as: UTF8.self)
            #expect(text.contains("锦江区建设局关于2007年度城市道路维修计划的通知"), "\(format)")
            #expect(text.contains("2008年度部门预算（草案）"), "\(format): the on-request title is listed")
            for title in hidden { #expect(!text.contains(title), "\(format) shows \(title)") }
        }
        let csv = try cli.folder.read("catalogue.csv")
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF] && String(decoding: csv, as: UTF8.self).contains("\r\n"))
        #expect(try cli.run(["catalogue", "--district", "jinjiang"]).stdout.contains("1 published"))
        // As things stood right after the seed was loaded: nothing published yet.
        #expect(try cli.run(["catalogue", "jinjiang-jsj", "--as-of-seq", "\(seededLogEntries)"]).stdout.contains("0 published"))
        #expect(try cli.run(["catalogue", "jinjiang-jsj", "--as-of-seq", "\(seededLogEntries)", "--as-of", "2008-01-01"]).status == 2)
        #expect(try cli.run(["catalogue"]).status == 2)
    }

    /// The guide is generated from the unit's profile and norm, and names what is missing.
    @Test func theGuideSaysWhatIsMissingUntilTheProfileIsComplete() throws {
        let cli = try Self.seededCase()
        let incomplete = try cli.run(["guide", "jinjiang-jsj"])
        #expect(incomplete.status == 0 && incomplete.stderr.contains("it lacks office, address, hours, phone, fax, email"))
        #expect(incomplete.stdout.contains("# 锦江区建设局政府信息公开指南") && incomplete.stdout.contains("待补充"))
        #expect(incomplete.stdout.contains("规划计划（plans）"), "the norm's classes are the arrangement")
        let shown = try JSONParser.parse(try cli.run(["unit", "show", "jinjiang-jsj", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(shown["profileGaps"]?.arrayValue?.compactMap(\.stringValue) == ["office", "address", "hours", "phone", "fax", "email"])
        #expect(try cli.run([
            "unit", "profile", "jinjiang-jsj", "--office", "锦江区建设局办公室", "--address", "成都市锦江区东大街1号", "--hours", "工作日 9:00–17:00",
            "--phone", "028-12345678", "--fax", "028-12345679", "--email", "gk@example.gov.cn", "--actor", "clerk.wang",
        ]).status == 0)
        let filled = try JSONParser.parse(try cli.run(["unit", "show", "jinjiang-jsj", "--json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(filled["profileGaps"]?.arrayValue?.isEmpty == true)
        let complete = try cli.run(["guide", "jinjiang-jsj", "--format", "html"])
        #expect(complete.status == 0 && !complete.stderr.contains("error") && !complete.stdout.contains("待补充"))
        #expect(complete.stdout.contains("成都市锦江区东大街1号") && complete.stdout.contains("20 个工作日内予以答复"), "the 2019 rules are in force today")
        #expect(try cli.run(["guide", "nowhere"]).status == 1)
    }

    /// An auditor sees who did what in which role, with the flags an inspection looks for, and
    /// whether the chain holds.
    @Test func theAuditTrailFlagsWhatInspectorsLookFor() throws {
        let cli = try Self.seededCase()
        func ok(_ arguments: [String], as actor: String) throws {
            let outcome = try cli.run(arguments + ["--actor", actor])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        try ok(["record", "register", "R-7", "--unit", "jinjiang-jsj", "--title", "内部审查意见", "--created", "2007-11-20", "--at", "2007-11-21"], as: "clerk.wang")
        try ok(["record", "classify", "R-7", "--class", "finance", "--item", "10-06", "--disclosure", "exempt", "--basis", "commercial-secret", "--at", "2007-11-22"], as: "clerk.wang")
        try ok(["record", "review", "R-7", "--return", "依据不充分", "--checked", "不予公开依据"], as: "reviewer.zhang")
        let text = try cli.run(["audit", "--record", "R-7"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("chain intact:"))
        #expect(text.stdout.contains("exempt: commercial-secret") && text.stdout.contains("returned: 依据不充分"))
        #expect(text.stdout.contains("backdated"), "the 2007 business dates were recorded today")
        #expect(text.stdout.contains("classified → registered"))
        let json = try cli.run(["audit", "--record", "R-7", "--format", "json"]).stdout.split(separator: "\n")
        #expect(json.count == 3)
        let firstSeq = try #require(try JSONParser.parse(String(json[0]))["seq"]?.intValue)
        #expect(try cli.run(["audit", "--record", "R-7", "--format", "json", "--as-of-seq", String(firstSeq)]).stdout.split(separator: "\n").count == 1)
        #expect(json[2].contains(#""roles":"reviewer""#))
        #expect(try cli.run(["audit", "--actor", "office.chen", "--type", "role.*", "--format", "csv"]).stdout.contains("role.granted"))
        // A damaged entry in history is reported, loudly, at the top; damage in the last batch stops the
        // command itself (a reader cannot tell where history ends).
        let original = try cli.logBytes()
        var bytes = original
        // Halfway through what was recorded after the seed's reference data.
        let seedEnd = try #require(bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst(seededLogEntries - 1).first)
        bytes[(seedEnd + bytes.count) / 2] ^= 0x01
        try cli.folder.write("event-log/events.jsonl", bytes)
        let damaged = try cli.run(["audit"])
        #expect(damaged.stdout.hasPrefix("CHAIN BROKEN: the log is damaged at seq"), "\(damaged.stdout.prefix(300))\(damaged.stderr)")
        bytes = original
        bytes[bytes.count - 100] ^= 0x01
        try cli.folder.write("event-log/events.jsonl", bytes)
        let tail = try cli.run(["audit"])
        #expect(tail.status == 1 && tail.stderr.contains("the log is damaged at seq"))
    }

    @Test func labelsAreChineseOrEnglish() throws {
        let cli = try Self.seededCase()
        #expect(try cli.run(["record", "register", "R-1", "--unit", "jinjiang-jsj", "--title", "通知", "--actor", "clerk.wang"]).status == 0)
        #expect(try cli.run(["record", "classify", "R-1", "--class", "plans", "--disclosure", "proactive", "--actor", "clerk.wang"]).status == 0)
        let zh = try cli.run(["record", "list", "--lang", "zh"])
        #expect(zh.stdout.contains("状态") && zh.stdout.contains("已定类") && zh.stdout.contains("主动公开"))
        let fromLang = try cli.run(["record", "show", "R-1"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(fromLang.stdout.contains("公开属性") && fromLang.stdout.contains("公开时限"))
        let en = try cli.run(["record", "list"])
        #expect(en.stdout.contains("STATUS") && en.stdout.contains("classified") && en.stdout.contains("proactive"))
        // JSON stays English for programs.
        #expect(try cli.run(["record", "show", "R-1", "--json", "--lang", "zh"]).stdout.contains(#""status":"classified""#))
        #expect(try cli.run(["record", "list", "--lang", "fr"]).status == 2)
    }

    @Test func rawAppendPassesTheSameRules() throws {
        let cli = try Self.seededCase()
        let before = try cli.logBytes()
        let bad = #"{"type":"record.published","data":{"at":"2007-12-21","record":"nope","indexNumber":"x/2007-00001","channel":"portal"}}"#
        let outcome = try cli.run(["append", "--actor", "publisher.li"], stdin: bad + "\n")
        #expect(outcome.status == 1 && outcome.stderr.contains("refused by the reference rule: record nope is not registered"))
        let schema = try cli.run(["append", "--actor", "clerk.wang"], stdin: #"{"type":"record.registered","data":{"record":"R-1"}}"# + "\n")
        #expect(schema.status == 1 && schema.stderr.contains("refused by the schema rule"))
        #expect(try cli.logBytes() == before)
        // Types outside the catalogue are stored as they are, by an actor with a role that writes.
        let stranger = try cli.run(["append", "--actor", "anyone"], stdin: #"{"type":"probe.ping"}"# + "\n")
        #expect(stranger.status == 1 && stranger.stderr.contains("refused by the role rule: anyone may not append probe.ping"))
        #expect(try cli.run(["append", "--actor", "clerk.wang"], stdin: #"{"type":"probe.ping"}"# + "\n").status == 0)
    }

    @Test func theSampleExportImportsAllOrNothing() throws {
        let cli = try Self.seededCase()
        let sample = packageRoot().deletingLastPathComponent().appendingPathComponent("shared/samples/records-office-export.csv").path
        let missing = try cli.run(["import", sample, "--unit", "jinjiang-jsj", "--actor", "clerk.wang"])
        #expect(missing.status == 1 && missing.stderr.contains("line 10, column 关键条目") && missing.stderr.contains("line 14"))
        let before = try cli.logBytes()
        let imported = try cli.run(["import", sample, "--unit", "jinjiang-jsj", "--default-class", "plans", "--actor", "clerk.wang"])
        #expect(imported.status == 0 && imported.stdout.contains("12 records") && imported.stdout.contains("GB18030"), "\(imported.stdout) \(imported.stderr)")
        #expect(try cli.logLines().count == String(decoding: before, as: UTF8.self).split(separator: "\n").count + 24)
        let exempt = try cli.run(["record", "list", "--json"])
        #expect(exempt.stdout.components(separatedBy: #""disclosure":"exempt""#).count - 1 == 3)
        #expect(exempt.stdout.contains(#""basis":"personal-privacy""#))
        // Again: nothing new.
        let again = try cli.run(["import", sample, "--unit", "jinjiang-jsj", "--default-class", "plans", "--actor", "clerk.wang"])
        #expect(again.status == 0 && again.stdout.contains("appended nothing new"))

        let badFile = "序号,信息名称,文号,生成日期,内容概述,关键条目,公开属性,不予公开依据\r\n1,,x,2007-13-01,s,99-99,公开,\r\n2,好,,2007/1/2,s,10-04,不予公开,\r\n"
        try cli.folder.write("bad.csv", Array(badFile.utf8))
        let countBefore = try cli.logLines().count
        let bad = try cli.run(["import", "bad.csv", "--unit", "jinjiang-jsj", "--actor", "clerk.wang"])
        #expect(bad.status == 1)
        for expected in ["line 2, column 信息名称", "line 2, column 生成日期", "line 2, column 关键条目", "line 2, column 公开属性", "line 3, column 不予公开依据", "nothing was appended (5 problems)"] {
            #expect(bad.stderr.contains(expected), "missing \(expected)")
        }
        #expect(try cli.logLines().count == countBefore)
    }
}
