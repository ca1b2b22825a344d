import Clearance
import EventLog

/// The progress notice (工作进展通报) the general office sends to the units: each stage's progress,
/// with the figures of `ProgressProjection` for the same day and units (the notice is built on it, so
/// the two cannot differ); good practice (units early and thorough, with the facts that qualify them);
/// problems (each overdue unit by name, what it lacks, how many working days late); and what is due next.
public struct ProgressNotice: Sendable {
    /// A unit the notice commends, with the facts that qualify it.
    public struct Commendation: Sendable, Equatable {
        public let unit: String
        public let name: String
        /// Working days ahead of the deadlines, summed over the stages it has done.
        public let workingDaysEarly: Int
        public let facts: [Fact]
    }

    /// One fact behind a commendation: a stage done on a day, ahead of its deadline.
    public struct Fact: Sendable, Equatable {
        public let stage: Int
        public let done: Day
        public let workingDaysEarly: Int
        /// The backlog records the stage covered, for the stages read off the records.
        public let records: Int?
        public let newestFirst: Bool
    }

    /// How many units the notice names as good practice, at most: a notice holds up examples, not a list.
    public static let commendedAtMost = 10

    public let progress: ProgressProjection
    public let number: Int
    public let issued: Day
    public let scope: String
    /// Every unit that qualifies, most ahead first; the notice prints the first `commendedAtMost`.
    public let goodPractice: [Commendation]
    public let programme: String
    public let issuer: String

    /// - Parameters: `units` and `day` as for `ProgressProjection`; `stage` limits it to one stage;
    ///   `number` and `issued` are the notice's number in its year and its date; `scope` names the units.
    public init(state: ClearanceState, units: Set<String>, on day: Day, stage: Int?, number: Int, issued: Day, scope: String) {
        let full = ProgressProjection(state: state, units: units, on: day)
        progress = full.only(stage: stage)
        (self.number, self.issued, self.scope) = (number, issued, scope)
        programme = state.reference.programme ?? "政府信息公开指南和公开目录编制工作"
        issuer = state.reference.unitOrder.compactMap { state.reference.units[$0] }.first { $0.kind == .generalOffice }?.name ?? "政府办公厅"
        goodPractice = Self.goodPractice(full, state: state, units: units, on: day)
    }

    /// Units early and thorough on `day`: every stage of theirs whose deadline has come done on time,
    /// at least one of the stages read off their own work (norm, records) done, stage 4's backlog
    /// cleared newest first, and nothing of theirs past its deadline (no publication, feedback or
    /// request late, in the funnel's terms). Ranked by working days ahead of the deadlines.
    static func goodPractice(_ progress: ProgressProjection, state: ClearanceState, units: Set<String>, on day: Day) -> [Commendation] {
        let calendar = try? state.reference.calendar()
        let late = Set(FunnelProjection(state: state, units: units, on: day).pastDeadline.map(\.unit))
        let summaries = state.records.summaries(ofUnits: units, backlogCutoff: state.reference.backlogCutoff)
        var found: [Commendation] = []
        for unit in units.sorted() where !late.contains(unit) {
            var facts: [Fact] = []
            var qualifies = true
            for stage in progress.stages {
                let behind = stage.behind.first { $0.unit == unit }
                if behind?.status == .overdue { qualifies = false }
                guard let done = stage.doneOn[unit], let deadline = stage.deadline else { continue }
                guard done <= deadline else {
                    qualifies = false
                    continue
                }
                let completion = state.reference.stages[stage.number]?.completion ?? .milestone
                guard completion != .milestone else { continue }
                let summary = summaries[unit]
                let order = summary.flatMap(ClearingOrder.init)
                if completion == .recordsCleared, order?.newestFirst != true { qualifies = false }
                let early = (try? calendar?.workingDays(after: done, through: deadline)) ?? 0
                facts.append(Fact(
                    stage: stage.number, done: done, workingDaysEarly: early,
                    records: completion == .normAdopted ? nil : summary?.backlog, newestFirst: completion == .recordsCleared))
            }
            guard qualifies, !facts.isEmpty else { continue }
            let name = state.reference.units[unit]?.name ?? unit
            found.append(Commendation(unit: unit, name: name, workingDaysEarly: facts.map(\.workingDaysEarly).reduce(0, +), facts: facts))
        }
        return found.sorted { ($0.workingDaysEarly, $1.unit) > ($1.workingDaysEarly, $0.unit) }
    }

    /// The units overdue on some stage, stage by stage: the notice's problems.
    public var problems: [(stage: ProgressProjection.StageRow, unit: ProgressProjection.Behind)] {
        progress.stages.flatMap { stage in stage.behind.filter { $0.status == .overdue }.map { (stage, $0) } }
    }

    /// The stages whose deadline is still ahead, with the units not yet done.
    public var dueNext: [ProgressProjection.StageRow] {
        progress.stages.filter { stage in stage.total.units > 0 && stage.deadline.map { $0 > progress.day } ?? false }
    }

    public var title: String { "关于\(programme)进展情况的通报" }

    /// The notice's number as printed: 2008年第3期.
    public func numberText(_ language: PaperLanguage) -> String {
        language("\(issued.year)年第\(number)期", "No. \(number) of \(issued.year)")
    }
}
