import Clearance
import EventLog
import Testing
import TestSupport

@testable import Projections

/// The worklist on a small state made through the rules, around the 2008 Spring Festival
/// (2008-02-06..12 off; Sat 02-02 and Sun 02-03 worked).
@Suite struct WorklistTests {
    static let jsj = "jinjiang-jsj"
    static let fgw = "cd-fgw"

    /// Two units: jinjiang-jsj with a one-level and a two-level class, cd-fgw with one class; records at
    /// every step, feedback, requests (one sent back for correction) and an inspection finding.
    static func state() throws -> ClearanceState { try made.get() }

    // Made once for every test: each only reads it.
    private static let made: Result<ClearanceState, any Error> = Result { try make() }

    private static func make() throws -> ClearanceState {
        let directory = TemporaryDirectory("worklist")
        let reference = try SeedFolder(path: AsOfTests.seedPath()).events(actor: "office.chen", at: AsOfTests.day)
        // Recorded after every business date below.
        _ = try LogFile.create(
            in: directory.path, actor: "office.chen", clock: .simulated(start: Timestamp(parsing: "2008-03-01T01:00:00Z")!), entries: reference)
        let service = ClearanceService(directory: directory.path)
        let d = { (text: String) in Day(text)! }
        let start = d("2008-01-02")
        let grants: [(String, Role, String)] = [
            ("clerk.wang", .clerk, jsj), ("reviewer.zhang", .reviewer, jsj), ("reviewer.zhao", .reviewer, jsj), ("publisher.li", .publisher, jsj),
            ("clerk.liu", .clerk, fgw), ("reviewer.ma", .reviewer, fgw),
        ]
        try service.append { _ in
            grants.map { RoleGranted(at: start, person: $0.0, role: $0.1, units: [$0.2]).entry(actor: "office.chen") } + [
                NormAdopted(at: start, unit: jsj, classes: [
                    .init(id: "plans", name: "规划计划", keyItems: ["11-01"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
                    .init(id: "procurement", name: "政府采购", keyItems: ["10-06"], form: "portal", timeLimitDays: 20, review: .twoLevel, office: "财务科"),
                ], feedbackDays: 15).entry(actor: "clerk.wang"),
                NormAdopted(at: start, unit: fgw, classes: [
                    .init(id: "plans", name: "规划计划", keyItems: ["10-02"], form: "portal", timeLimitDays: 20, review: .oneLevel, office: "办公室"),
                ], feedbackDays: 15).entry(actor: "clerk.liu"),
            ]
        }
        func register(_ id: String, _ unit: String, created: String, by clerk: String = "clerk.wang") -> NewEntry {
            RecordRegistered(at: d(created), record: id, unit: unit, title: "通知\(id)", created: d(created), summary: "").entry(actor: clerk)
        }
        func classify(_ id: String, _ at: String, _ contentClass: String, _ disclosure: Disclosure = .proactive, basis: String? = nil) -> NewEntry {
            RecordClassified(at: d(at), record: id, contentClass: contentClass, disclosure: disclosure, basis: basis).entry(actor: "clerk.wang")
        }
        func approve(_ id: String, _ at: String, level: Int = 1, by reviewer: String = "reviewer.zhang") -> NewEntry {
            RecordReviewed(at: d(at), record: id, level: level, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意")
                .entry(actor: reviewer)
        }
        try service.append { _ in
            [
                register("R-1", jsj, created: "2008-01-11"),  // to classify, due 2008-02-13
                register("R-2", jsj, created: "2008-01-21"), classify("R-2", "2008-01-22", "procurement"), approve("R-2", "2008-01-23"),
                register("R-3", jsj, created: "2008-01-25"), classify("R-3", "2008-01-25", "plans"), approve("R-3", "2008-01-28"),
                register("R-4", jsj, created: "2008-01-14"), classify("R-4", "2008-01-14", "plans"), approve("R-4", "2008-01-15"),
                register("R-5", jsj, created: "2008-01-14"), classify("R-5", "2008-01-14", "plans", .onRequest), approve("R-5", "2008-01-15"),
                register("R-6", jsj, created: "2008-01-14"), classify("R-6", "2008-01-14", "plans", .exempt, basis: "state-secret"),
                register("R-10", fgw, created: "2008-01-30", by: "clerk.liu"),
            ]
        }
        try service.append { state in
            [RecordPublished(at: d("2008-01-16"), record: "R-4", indexNumber: IndexNumber.next(for: jsj, year: 2008, in: state).description, channel: "portal")
                .entry(actor: "publisher.li")]
        }
        try service.append { _ in
            [
                FeedbackReceived(at: d("2008-01-21"), feedback: "F-1", unit: jsj, text: "网站无法访问").entry(actor: "clerk.wang"),
                RequestReceived(at: d("2008-01-28"), request: "Q-1", unit: jsj, applicant: "张三", description: "道路维修资金").entry(actor: "clerk.wang"),
                RequestReceived(at: d("2008-01-28"), request: "Q-2", unit: jsj, applicant: "李四", description: "那个文件").entry(actor: "clerk.wang"),
                RequestStep(kind: .correctionAsked, at: d("2008-01-29"), request: "Q-2", note: "请写明文件名称").entry(actor: "clerk.wang"),
                InspectionFinding(at: d("2008-02-01"), finding: "K-1", unit: fgw, about: "目录缺少文号", remedyBy: d("2008-03-10")).entry(actor: "office.chen"),
            ]
        }
        return try service.load().state
    }

    static let day = Day("2008-02-05")!

    @Test func itemsComeByDueDayThoseWithoutOneLast() throws {
        let list = Worklist(state: try Self.state(), units: nil, on: Self.day)
        #expect(list.items.map(\.id) == ["R-1", "F-1", "Q-1", "R-2", "R-3", "R-10", "K-1", "R-6"])
        #expect(list.items.map { $0.due.day?.description ?? "-" } == [
            "2008-02-13", "2008-02-14", "2008-02-21", "2008-02-21", "2008-02-27", "2008-03-03", "2008-03-10", "-",
        ])
        #expect(list.items.map(\.task) == [.classify, .answer, .answer, .review, .publish, .classify, .remedy, .review])
        #expect(list.items.last?.due == WorkItem.Due.none, "an exempt record under review has no publication deadline")
        #expect(!list.items.contains { ["R-4", "R-5"].contains($0.id) }, "published, and approved on request: nothing to do")
        #expect(list.items.filter { $0.kind == .feedback || $0.kind == .request }.allSatisfy { $0.title.isEmpty }, "no applicant's name")
    }

    /// R-1 is due 2008-02-13, the first working day after the festival: a week of holiday between
    /// 02-05 and 02-13 is one working day, so it is due soon on 02-05; on 02-01 the two worked
    /// weekend days count, five working days to go.
    @Test(arguments: [
        ("2008-02-01", 3, WorkItem.Status.pending), ("2008-02-01", 5, .dueSoon), ("2008-02-05", 3, .dueSoon), ("2008-02-05", 0, .pending),
        ("2008-02-10", 0, .pending), ("2008-02-13", 0, .dueSoon), ("2008-02-14", 3, .overdue),
    ])
    func urgencyIsCountedInWorkingDaysAcrossTheSpringFestival(day: String, warn: Int, status: WorkItem.Status) throws {
        let list = Worklist(state: try Self.state(), units: [Self.jsj], on: Day(day)!, warn: warn)
        let item = try #require(list.items.first { $0.id == "R-1" })
        #expect(item.due == .on(Day("2008-02-13")!) && item.status == status)
        let count = try #require(list.units.first)
        #expect(count.overdue == list.items.filter { $0.status == .overdue }.count && count.items == list.items.count)
    }

    @Test func theSecondLevelIsForAnotherReviewerThanTheFirst() throws {
        let state = try Self.state()
        let first = Worklist(state: state, units: nil, for: "reviewer.zhang", on: Self.day)
        let second = Worklist(state: state, units: nil, for: "reviewer.zhao", on: Self.day)
        #expect(first.items.map(\.id) == ["R-6"], "zhang approved R-2's first level: its second is someone else's")
        #expect(second.items.map(\.id) == ["R-2", "R-6"])
        let r2 = try #require(second.items.first)
        #expect(r2.task == .review && r2.level == 2 && r2.levels == 2 && r2.notBy == ["clerk.wang", "reviewer.zhang"])
    }

    @Test func aRequestAwaitingCorrectionIsNotOnTheList() throws {
        let list = Worklist(state: try Self.state(), units: [Self.jsj], on: Self.day)
        #expect(list.items.contains { $0.id == "Q-1" })
        #expect(!list.items.contains { $0.id == "Q-2" }, "Q-2 waits for the applicant's correction")
    }

    @Test func anActorSeesOnlyTheUnitsAndTasksOfItsRoles() throws {
        let state = try Self.state()
        let liu = Worklist(state: state, units: nil, for: "clerk.liu", on: Self.day)
        #expect(liu.items.map(\.id) == ["R-10", "K-1"] && liu.units.map(\.unit) == [Self.fgw])
        let wang = Worklist(state: state, units: nil, for: "clerk.wang", on: Self.day)
        #expect(wang.items.map(\.id) == ["R-1", "F-1", "Q-1"], "a clerk classifies and answers; reviews and publications are not theirs")
        #expect(Worklist(state: state, units: nil, for: "publisher.li", on: Self.day).items.map(\.id) == ["R-3"])
        #expect(Worklist(state: state, units: [Self.fgw], for: "clerk.wang", on: Self.day).items.isEmpty, "not wang's unit")
        #expect(Worklist(state: state, units: nil, for: "reviewer.ma", on: Self.day).items.isEmpty)
        #expect(Worklist(state: state, units: nil, for: "office.chen", on: Self.day).items.count == 8, "the general office sees everything")
        #expect(Worklist(state: state, units: nil, for: "nobody", on: Self.day).items.isEmpty)
        #expect(!Worklist.acts("auditor.sun", in: state) && !Worklist.acts("nobody", in: state) && Worklist.acts("reviewer.ma", in: state))
    }

    @Test func unitsWithTheMostOverdueComeFirst() throws {
        let list = Worklist(state: try Self.state(), units: nil, on: Day("2008-03-11")!)
        #expect(list.units.map(\.unit) == [Self.jsj, Self.fgw])
        #expect(list.units.map(\.overdue) == [5, 2] && list.units.map(\.dueSoon) == [0, 0])
        #expect(list.units[0].pending == 1 && list.name(of: Self.fgw) == "成都市发展和改革委员会")
    }

    @Test func aDeadlineBeyondTheDeclaredYearsIsUnknownNotGuessed() throws {
        let calendar = try #require(try Self.state().reference.calendar())
        var deadlines = WorkDeadlines(calendar: calendar)
        let due = deadlines.due(Day("2026-12-20")!, plus: 20)
        guard case .unknown(let why) = due else { Issue.record("\(due)"); return }
        #expect(why.hasPrefix("unknown until the 2027 notice"))
        #expect(Worklist.status(of: Day("2026-12-31")!, on: Day("2026-12-30")!, warn: 3, calendar: calendar) == .pending, "cannot count into 2027")
    }
}
