import Clearance
import EventLog

/// One unit's part of the city scenario: its profile, its norm, the records of the term and of 2008
/// from registration to publication, and the public's feedback and requests. How early and how
/// thoroughly it works depends on its temper.
struct UnitStory {
    let scenario: CityScenario
    let unit: String
    let temper: CityScenario.Temper
    let staff: CityScenario.Staff

    private var name: String { scenario.reference.units[unit]?.name ?? unit }
    private var tier: Int { scenario.reference.unitTier(unit) ?? 2 }
    private var kind: Unit.Kind { scenario.reference.units[unit]?.kind ?? .department }
    /// Content is filled into the system once it is built and its users trained (stages 3 and 5):
    /// nothing is published before the day after the stage 5 training.
    static let publishFrom = Day("2008-01-10")!

    /// A document number for each record that has one, rising with creation within the year, under
    /// the unit's own prefix (锦建发〔2007〕12号). Records listed in any order; those without one are skipped.
    private func documentNumbers(_ records: [(id: String, created: Day)], _ r: inout Dice) -> [String: String] {
        let parent = scenario.reference.units[unit]?.parent.flatMap { scenario.reference.units[$0]?.name }
        let prefix = CityTexts.issuerPrefix(name: name, kind: kind, parentName: parent)
        var numbers: [String: String] = [:]
        var last: [Int: Int] = [:]
        for record in records.filter({ _ in r.chance(40) }).sorted(by: { ($0.created, $0.id) < ($1.created, $1.id) }) {
            let serial = (last[record.created.year] ?? 0) + r.int(1...6)
            last[record.created.year] = serial
            numbers[record.id] = "\(prefix)〔\(record.created.year)〕\(serial)号"
        }
        return numbers
    }

    func tell(into plan: inout DayPlan, random: inout SplitMix64) throws {
        var r = Dice(random: random)
        defer { random = r.random }
        let classes = CityTexts.classes(tier: tier, kind: kind, name: name)
        setProfile(&plan, &r)
        let normDay: Day? = switch temper {
        case .thorough: r.day(from: "2007-10-22", to: "2007-11-12", scenario)
        case .ordinary: r.day(from: "2007-11-05", to: r.chance(20) ? "2007-12-05" : "2007-11-20", scenario)
        case .late: r.day(from: "2007-12-03", to: "2008-01-15", scenario)
        case .stalled: r.chance(50) ? nil : r.day(from: "2008-02-18", to: "2008-04-30", scenario)
        }
        if let normDay {
            plan.add(normDay, NormAdopted(at: normDay, unit: unit, classes: classes, feedbackDays: 15).entry(actor: staff.clerk))
        }

        // The term's records, created before the plan (so due by its publication deadline), are registered, cleared, then the proactive
        // ones published. The thorough and the ordinary register their backlog before they start clearing it and clear it newest first
        // (由近及远), from the day their norm lets them classify, each record approved no earlier than the newer one before it; the late
        // and the stalled take their records as they come.
        let inOrder = temper == .thorough || temper == .ordinary
        let backlog = Int((Double(tier == 3 ? r.int(3...8) : tier == 1 || scenario.reference.units[unit]?.kind == .districtGovernment ? r.int(18...36) : r.int(8...20)) * scenario.scale).rounded())
        let (registerFrom, registerTo, clearFrom, clearTo): (String, String, String, String) = switch temper {
        case .thorough: ("2007-10-22", "2007-11-14", "2007-11-15", "2007-12-24")
        case .ordinary: ("2007-11-01", "2007-11-30", "2007-12-03", "2008-01-25")
        case .late: ("2007-12-10", "2008-02-20", "2008-01-14", "2008-04-25")
        case .stalled: ("2008-01-07", "2008-05-30", "2008-03-03", "2008-09-26")
        }
        var records: [(id: String, created: Day, registered: Day)] = []
        for n in 0..<backlog {
            let created = r.day(from: "2007-01-08", to: "2007-09-28", scenario)
            records.append(("\(unit)-\(String(format: "%04d", n + 1))", created, r.day(from: registerFrom, to: registerTo, scenario)))
        }
        if inOrder { records.sort { $0.created > $1.created } }
        let backlogNumbers = documentNumbers(records.map { ($0.id, $0.created) }, &r)
        // Classifying needs the norm: a unit working in order starts once it has one, or the records it reached first would be skipped.
        var clearStart = Day(clearFrom)!
        if inOrder, let normDay { clearStart = max(clearStart, normDay) }
        let clearDays = (0..<records.count).map { _ in r.day(from: clearStart, to: Day(clearTo)!, scenario) }.sorted()
        var newerApproved: Day?
        for (n, record) in records.enumerated() {
            let cleared = max(clearDays[n], record.registered)
            let clears = normDay.map { cleared >= $0 } ?? false
            let publishDelay = switch temper {
            case .thorough: r.int(2...12)
            case .ordinary: r.int(4...30)
            case .late: r.int(10...45)
            case .stalled: r.int(20...60)
            }
            let approved = follow(record.id, created: record.created, registered: record.registered, documentNumber: backlogNumbers[record.id],
                cleared: clears && !(temper == .stalled && r.chance(60)) ? cleared : nil, approvedNotBefore: inOrder ? newerApproved : nil,
                publishDelay: publishDelay, classes: classes, into: &plan, &r)
            newerApproved = approved ?? newerApproved
        }

        // Records created in 2008, a few a month, each on its own 20-working-day clock.
        guard normDay != nil, temper != .stalled else { return }
        var serial = backlog
        var later: [(id: String, created: Day, registered: Day, cleared: Day)] = []
        for month in 1...12 {
            let count = Int((Double(tier == 3 ? r.int(0...1) : r.int(0...3)) * scenario.scale).rounded())
            for _ in 0..<count {
                serial += 1
                let monthStart = Day(String(format: "2008-%02d-01", month))!
                let created = scenario.workingDay(onOrAfter: monthStart.advanced(by: r.int(0...26)))
                let registered = scenario.adding(r.int(0...3), to: created)
                let cleared = scenario.adding(r.int(1...6), to: registered)
                guard cleared <= CityScenario.end else { continue }
                later.append(("\(unit)-\(String(format: "%04d", serial))", created, registered, cleared))
            }
        }
        let laterNumbers = documentNumbers(later.map { ($0.id, $0.created) }, &r)
        for record in later {
            follow(record.id, created: record.created, registered: record.registered, documentNumber: laterNumbers[record.id],
                cleared: max(record.cleared, normDay!), publishDelay: r.chance(12) ? r.int(18...35) : r.int(1...8), classes: classes, into: &plan, &r)
        }
        planPublicContact(into: &plan, &r)
    }

    private func setProfile(_ plan: inout DayPlan, _ r: inout Dice) {
        var values = ["office": "\(name)政务公开办公室", "address": CityTexts.address(for: name), "hours": "工作日 9:00—12:00，13:30—17:00",
            "phone": "028-\(80_000_000 + r.int(0...9_999_999))"]
        if temper != .late && temper != .stalled {
            values["fax"] = "028-\(80_000_000 + r.int(0...9_999_999))"
            values["email"] = "gkb@\(unit).chengdu.gov.cn"
        }
        let day = r.day(from: "2007-10-09", to: temper == .stalled ? "2008-03-31" : "2007-11-30", scenario)
        plan.add(day, UnitProfileSet(at: day, unit: unit, values: values).entry(actor: staff.clerk))
    }

    /// One record from registration on: classified on `cleared` (if it is cleared at all), reviewed
    /// (sometimes returned and classified again), approved at every level its class asks for, the last
    /// not before `approvedNotBefore` (a unit working through its list in order: a record held up, by a
    /// return say, holds up the older ones behind it), published `publishDelay` working days later if
    /// proactive, and now and then corrected or withdrawn. Returns the day it was approved (nil: never).
    @discardableResult
    private func follow(
        _ id: String, created: Day, registered: Day, documentNumber: String?, cleared: Day?, approvedNotBefore: Day? = nil, publishDelay: Int,
        classes: [NormAdopted.ContentClass], into plan: inout DayPlan, _ r: inout Dice
    ) -> Day? {
        let contentClass = classes[r.int(0...(classes.count - 1))]
        let pick = r.int(0...999)
        let subject = CityTexts.subject(of: contentClass.id, unitName: name, created: created, pick: pick)
        let title = CityTexts.title(unit: name, subject: subject, year: created.year, pick: pick)
        plan.records += 1
        plan.add(registered, RecordRegistered(
            at: registered, record: id, unit: unit, title: title, documentNumber: documentNumber,
            created: created, summary: CityTexts.summary(subject: subject, className: contentClass.name, created: created), term: "2007-2011"
        ).entry(actor: staff.clerk))
        guard let cleared else { return nil }
        let roll = r.int(0...99)
        let disclosure: Disclosure = roll < 72 ? .proactive : roll < 94 ? .onRequest : .exempt
        let basis = disclosure == .exempt ? ["commercial-secret", "personal-privacy", "personal-privacy", "state-secret"][r.int(0...3)] : nil
        let classified = RecordClassified(
            at: cleared, record: id, contentClass: contentClass.id, keyItem: contentClass.keyItems.first, disclosure: disclosure, basis: basis)
        plan.add(cleared, classified.entry(actor: staff.clerk))
        var day = scenario.adding(r.int(1...3), to: cleared)
        if r.chance(7) {
            plan.add(day, RecordReviewed(
                at: day, record: id, level: 1, secrecy: .passed, accuracy: .failed, outcome: .returned, checked: CityTexts.reviewChecked[0],
                grounds: CityTexts.returnNotes[r.int(0...2)]
            ).entry(actor: staff.reviewer))
            day = scenario.adding(r.int(2...5), to: day)
            plan.add(day, RecordClassified(at: day, record: id, contentClass: contentClass.id, keyItem: contentClass.keyItems.first, disclosure: disclosure, basis: basis)
                .entry(actor: staff.clerk))
            day = scenario.adding(r.int(1...3), to: day)
        }
        for level in 1...contentClass.reviewLevels {
            if level == 2 { day = scenario.adding(r.int(1...2), to: day) }
            if level == contentClass.reviewLevels, let approvedNotBefore { day = max(day, approvedNotBefore) }
            plan.add(day, RecordReviewed(
                at: day, record: id, level: level, secrecy: .passed, accuracy: .passed, outcome: .approved,
                checked: CityTexts.reviewChecked[level - 1], grounds: CityTexts.reviewGrounds[level - 1])
                .entry(actor: level == 1 ? staff.reviewer : staff.leader))
        }
        if disclosure == .proactive { publish(id, title: title, approved: day, publishDelay: publishDelay, into: &plan, &r) }
        return day
    }

    /// A proactive record published `publishDelay` working days after its approval, or after the
    /// system training if it was approved before (if by the end), then now and then corrected or withdrawn.
    private func publish(_ id: String, title: String, approved: Day, publishDelay: Int, into plan: inout DayPlan, _ r: inout Dice) {
        let published = scenario.adding(publishDelay, to: max(approved, Self.publishFrom.advanced(by: -1)))
        guard published <= CityScenario.end else { return }
        let unit = unit, publisher = staff.publisher
        plan.add(published) { numbers in
            RecordPublished(at: published, record: id, indexNumber: numbers.next(for: unit, on: published), channel: "portal").entry(actor: publisher)
        }
        let after = scenario.adding(r.int(5...40), to: published)
        guard after <= CityScenario.end else { return }
        if r.chance(2) {
            plan.add(after, RecordCorrected(at: after, record: id, title: title + "（修订）", before: .init(title: title), reason: "原标题文号有误").entry(actor: staff.clerk))
        } else if r.chance(1) {
            plan.add(after, RecordWithdrawn(at: after, record: id, reason: "该文件已被新文件替代").entry(actor: staff.publisher))
        }
    }

    /// Feedback and requests in 2008: most answered in time, a few late, a few still open at the end.
    private func planPublicContact(into plan: inout DayPlan, _ r: inout Dice) {
        let feedbackCount = tier == 3 ? r.int(0...1) : r.int(0...3)
        for n in 0..<feedbackCount {
            let received = r.day(from: "2008-02-01", to: "2008-12-10", scenario)
            let id = "FB-\(unit)-\(n + 1)"
            plan.add(received, FeedbackReceived(at: received, feedback: id, unit: unit, text: CityTexts.feedback[r.int(0...3)]).entry(actor: staff.clerk))
            guard !r.chance(5) else { continue }
            let answered = scenario.adding(r.chance(10) ? r.int(16...30) : r.int(2...14), to: received)
            if answered <= CityScenario.end {
                plan.add(answered, FeedbackAnswered(at: answered, feedback: id, answer: "感谢来信，已按意见处理并在门户网站更新。").entry(actor: staff.clerk))
            }
        }
        let requestCount = tier == 3 ? r.int(0...1) : r.int(0...4)
        for n in 0..<requestCount {
            let received = r.day(from: "2008-05-05", to: "2008-12-26", scenario)
            let id = "YS-\(unit)-\(n + 1)"
            plan.add(received, RequestReceived(at: received, request: id, unit: unit, applicant: CityTexts.applicant(r.int(0...99)), description: CityTexts.requestTopics[r.int(0...3)])
                .entry(actor: staff.clerk))
            var day = received
            let corrected = r.chance(10)
            if corrected {
                day = scenario.adding(r.int(1...3), to: day)
                plan.add(day, RequestStep(kind: .correctionAsked, at: day, request: id, note: "请补充所需信息的名称或文号").entry(actor: staff.clerk))
                day = scenario.adding(r.int(2...8), to: day)
                plan.add(day, RequestStep(kind: .corrected, at: day, request: id).entry(actor: staff.clerk))
            }
            // 15 working days, or 30 once extended (the extension comes before the answer); a few late.
            var answeredAfter = r.chance(8) ? r.int(16...27) : r.int(3...15)
            if r.chance(12) {
                let extended = scenario.adding(r.int(10...14), to: day)
                plan.add(extended, RequestStep(kind: .extended, at: extended, request: id, approvedBy: staff.leader, note: "需征求第三方意见").entry(actor: staff.clerk))
                answeredAfter = r.chance(8) ? r.int(31...42) : r.int(16...30)
            }
            let answered = scenario.adding(answeredAfter, to: day)
            guard answered <= CityScenario.end else { continue }
            plan.add(answered, CityTexts.answer(id, on: answered, roll: r.int(0...99), afterCorrection: corrected).entry(actor: staff.clerk))
        }
    }
}

/// The scenario's random choices, from one generator.
struct Dice {
    var random: SplitMix64

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// A working day between two dates.
    mutating func day(from: String, to: String, _ scenario: CityScenario) -> Day { day(from: Day(from)!, to: Day(to)!, scenario) }

    mutating func day(from a: Day, to b: Day, _ scenario: CityScenario) -> Day {
        scenario.workingDay(onOrAfter: a.advanced(by: int(0...max(0, a.distance(to: b)))))
    }
}
