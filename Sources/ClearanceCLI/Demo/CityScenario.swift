import Clearance
import EventLog

/// The seed city's plan from October 2007 to the end of 2008, as the events its people would record,
/// planned day by day: the general office grants roles and holds the trainings; every unit sets its
/// profile, adopts its norm (most on time, some late, a few never), registers the records of the term
/// and clears them (mostly newest first), reviews them (some returned), publishes the proactive ones
/// (some past the 20 working days), corrects or withdraws a few, and answers feedback and requests.
/// Units differ: some are early and thorough, most ordinary, some late, a few stall.
///
/// Deterministic for a seed. Every event is meant to pass the rules; the demo checks each one.
struct CityScenario {
    enum Temper: CaseIterable { case thorough, ordinary, late, stalled }

    /// One unit's people: a clerk, two reviewers (the second signs the second level), a publisher.
    struct Staff {
        let clerk, reviewer, leader, publisher: String
    }

    static let office = "office.chen"
    static let start = Day("2007-10-08")!
    /// The units' own year ends with 2008; the office's year-end work (the annual reports on 2008, the
    /// assessment) runs to the reports' publication deadline.
    static let end = Day("2009-03-31")!

    let reference: ReferenceData
    let calendar: WorkingCalendar
    /// Records registered per unit are scaled by this (1: a few to a few dozen a unit).
    let scale: Double
    // Planned by the scenario's parts (its own file and OfficeYear.swift); read by the demo.
    var plan = DayPlan()
    private var random: SplitMix64

    init(reference: ReferenceData, seed: UInt64, scale: Double) throws {
        guard let calendar = try reference.calendar() else { throw CommandFailure("the seed has no working calendar") }
        (self.reference, self.calendar, self.scale) = (reference, calendar, scale)
        random = SplitMix64(seed: seed)
    }

    /// Plans the whole scenario; the days and their events are then in `plan`.
    mutating func build() throws {
        let units = reference.unitOrder
        var tempers: [String: Temper] = [:]
        var staff: [String: Staff] = [:]
        for unit in units {
            tempers[unit] = pickTemper()
            staff[unit] = makeStaff(unit)
        }
        planRoles(units, staff)
        try planMilestones(units)
        for unit in units {
            try UnitStory(scenario: self, unit: unit, temper: tempers[unit]!, staff: staff[unit]!).tell(into: &plan, random: &random)
        }
        planServiceGuides(units, tempers, staff)
        planOfficeYear(units, tempers, staff)
    }

    private mutating func pickTemper() -> Temper {
        switch random.next() % 100 {
        case 0..<30: .thorough
        case 30..<80: .ordinary
        case 80..<95: .late
        default: .stalled
        }
    }

    /// Four different people: the one who classifies may not review.
    private mutating func makeStaff(_ unit: String) -> Staff {
        var people: [String] = []
        while people.count < 4 {
            let surname = CityTexts.surnames[Int(random.next() % UInt64(CityTexts.surnames.count))]
            let given = CityTexts.givenNames[Int(random.next() % UInt64(CityTexts.givenNames.count))]
            let person = "\(surname).\(given)@\(unit)"
            if !people.contains(person) { people.append(person) }
        }
        return Staff(clerk: people[0], reviewer: people[1], leader: people[2], publisher: people[3])
    }

    /// The general office grants every unit's people their roles on the first day.
    private mutating func planRoles(_ units: [String], _ staff: [String: Staff]) {
        for unit in units {
            let s = staff[unit]!
            for (person, role) in [(s.clerk, Role.clerk), (s.reviewer, .reviewer), (s.leader, .reviewer), (s.publisher, .publisher)] {
                plan.add(Self.start, RoleGranted(at: Self.start, person: person, role: role, units: [unit]).entry(actor: Self.office))
            }
        }
        plan.add(Self.start, RoleGranted(at: Self.start, person: "auditor.sun", role: .auditor, units: []).entry(actor: Self.office))
    }

    /// Each sector's competent department files its enterprises' service guides early in 2008.
    private mutating func planServiceGuides(_ units: [String], _ tempers: [String: Temper], _ staff: [String: Staff]) {
        for unit in units where tempers[unit] != .stalled {
            // The place the department serves: the city, or its district (named after the district government).
            let district = reference.units[unit]?.district
            let place = district.flatMap { reference.units[$0]?.name }?.replacingOccurrences(of: "人民政府", with: "") ?? "成都市"
            for sector in reference.units[unit]?.sectors ?? [] {
                for enterprise in (CityTexts.enterprises[sector] ?? []).map({ place + $0 }) {
                    let day = workingDay(onOrAfter: Day("2008-01-07")!.advanced(by: Int(random.next() % 80)))
                    let title = enterprise + CityTexts.serviceGuideTitles[Int(random.next() % 3)]
                    plan.add(day, ServiceGuideFiled(at: day, unit: unit, sector: sector, enterprise: enterprise, title: title).entry(actor: staff[unit]!.clerk))
                }
            }
        }
    }

    /// The trainings of stages 1 and 5, the system (stage 3) and the portal columns (stage 7, one late).
    private mutating func planMilestones(_ units: [String]) throws {
        let trainings = [(1, "2007-11-02", "政府信息公开指南和目录编制培训"), (5, "2008-01-09", "政府信息公开管理系统操作培训")]
        for (stage, day, title) in trainings {
            let at = Day(day)!
            plan.add(at, TrainingHeld(at: at, stage: stage, title: title, units: units.filter { reference.unitTier($0) != 3 }).entry(actor: Self.office))
        }
        for (stage, unit, day) in [(3, "cd-xxb", "2007-12-27"), (7, "cd-bgt", "2008-03-28"), (7, "cd-xxb", "2008-03-31"), (7, "cd-jjxxzx", "2008-04-15")] {
            guard reference.units[unit] != nil else { continue }
            let at = Day(day)!
            plan.add(at, StageMilestoneReached(at: at, stage: stage, unit: unit).entry(actor: Self.office))
        }
    }

    /// A working day from `day` on (the day itself if it is one).
    func workingDay(onOrAfter day: Day) -> Day {
        var day = day
        while (try? calendar.isWorkingDay(day)) == false { day = day.advanced(by: 1) }
        return day
    }

    func adding(_ workingDays: Int, to day: Day) -> Day {
        (try? calendar.adding(workingDays: workingDays, to: day).due) ?? day.advanced(by: workingDays * 7 / 5)
    }
}

/// The scenario's events by day, in the order they are recorded within a day (the order they were added).
struct DayPlan {
    /// Each entry is built when its day is recorded, in order, so a publication takes the next index number.
    typealias Build = (inout IndexNumbers) -> NewEntry

    private(set) var days: [Day: [Build]] = [:]
    /// Work that needs the state as it stands that day (a notice drawn from the figures, a report's
    /// figures from the log), run after the day's other events and appended in the same batch.
    typealias OfficeStep = (_ state: ClearanceState, _ logDirectory: String) throws -> [NewEntry]
    private(set) var officeWork: [Day: [OfficeStep]] = [:]
    private(set) var count = 0
    /// Records registered in the plan.
    var records = 0

    /// Days after the scenario's end are dropped: the demo records up to the day it says and not a
    /// day beyond (a unit's story is in order, so what follows a dropped step is dropped too).
    mutating func add(_ day: Day, _ build: @escaping Build) {
        guard day <= CityScenario.end else { return }
        days[day, default: []].append(build)
        count += 1
    }

    mutating func add(_ day: Day, _ entry: NewEntry) { add(day) { _ in entry } }

    mutating func office(_ day: Day, _ step: @escaping OfficeStep) {
        guard day <= CityScenario.end else { return }
        officeWork[day, default: []].append(step)
    }

    /// Every day with something to record, in order.
    var allDays: [Day] { Set(days.keys).union(officeWork.keys).sorted() }
}

/// Index numbers issued as publications are recorded: strictly in order per unit and year.
struct IndexNumbers {
    private var last: [String: Int] = [:]

    mutating func next(for unit: String, on day: Day) -> String {
        let serial = (last["\(unit)/\(day.year)"] ?? 0) + 1
        last["\(unit)/\(day.year)"] = serial
        return IndexNumber(unit: unit, year: day.year, serial: serial).description
    }
}
