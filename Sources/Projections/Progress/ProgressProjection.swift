import Clearance
import EventLog

/// Stage progress as of a day: for each of the seven stages, its deadline and, for each unit it
/// applies to, done on time / done late / open / overdue, with the share done; counted over the
/// chosen units (all, a tier, a district) and rolled up by tier and by district. Completion is derived
/// from the events where it can be: stage 2 from an adopted norm, stage 4 from the unit's backlog (its
/// records created by stage 4's deadline) all classified and approved, with the order it was cleared in
/// reported beside it, stage 6 from that backlog cleared, its proactive records all published (or
/// withdrawn) and the unit's guide complete; the other stages from milestones (or trainings).
public struct ProgressProjection: Sendable {
    public enum Status: String, Sendable, CaseIterable { case onTime = "done on time", late = "done late", open, overdue }

    /// A unit not done with a stage: open (its deadline not passed) or overdue; for the stages read
    /// off the records, how far it has come (backlog records cleared, or the backlog's proactive
    /// records published, of all).
    public struct Behind: Sendable, Equatable {
        public let unit: String
        public let name: String
        public let status: Status
        /// How the stage is completed, and so what the unit lacks: a norm, a milestone, backlog records
        /// cleared (`share`), or backlog records done and a complete guide (`share`, `guideGaps`).
        public let completion: Stage.Completion
        /// For a unit overdue: the first day past the deadline, and the working days from the deadline
        /// to the day judged (nil where the calendar does not know them yet).
        public var overdueSince: Day?
        public var workingDaysLate: Int?
        public var share: Share?
        /// For stage 4: whether it has cleared newest first so far (nil until it has cleared a record).
        public var order: ClearingOrder?
        /// For stage 6: what its guide still lacks (the guide and the catalogue are part of the stage).
        public var guideGaps: [GuideGap] = []
    }

    /// How many of a unit's records are done (cleared, or published), of how many.
    public struct Share: Sendable, Equatable {
        public let done: Int
        public let of: Int
    }

    public struct StageRow: Sendable {
        public let number: Int
        public let title: String
        public let deadline: Day?
        /// Whether the stage asks for records cleared newest first (stage 4): then its tallies count
        /// the units done that did (`StageTally.newestFirst`).
        public let countsNewestFirst: Bool
        /// Over every chosen unit the stage applies to.
        public let total: StageTally
        /// By `ProgressGroup.key`; see `tally(of:)`.
        public let byGroup: [String: StageTally]
        /// The units still open or overdue, so a supervisor sees who is behind, by name.
        public let behind: [Behind]
        /// The day each unit done with the stage completed it (a notice commends the early ones).
        public let doneOn: [String: Day]

        /// The group's tally; an empty one when the stage applies to none of its units.
        public func tally(of group: ProgressGroup) -> StageTally { byGroup[group.key] ?? StageTally() }
    }

    public let day: Day
    /// How many units were chosen (a stage may apply to fewer of them).
    public let unitCount: Int
    /// The tiers and districts the chosen units fall in: the rows of every roll-up.
    public let groups: [ProgressGroup]
    public let stages: [StageRow]

    public init(state: ClearanceState, units chosen: Set<String>, on day: Day) {
        self.day = day
        unitCount = chosen.count
        groups = ProgressGroup.groups(of: chosen, in: state)
        var groupsOfUnit: [String: [String]] = [:]
        for group in groups {
            for unit in group.units { groupsOfUnit[unit, default: []].append(group.key) }
        }
        // Summaries, not records: a city's progress then reads no record from the snapshot.
        let cutoff = state.reference.backlogCutoff
        let summaries = state.records.summaries(ofUnits: chosen, backlogCutoff: cutoff)
        var stages: [StageRow] = []
        let calendar = try? state.reference.calendar()
        for number in state.reference.stages.keys.sorted() {
            let stage = state.reference.stages[number]!
            let deadline = stage.deadline
            let applies = stage.appliesToEveryUnit ? chosen : chosen.intersection(stage.responsible)
            let kind = stage.completion
            // Working days late are the same for every unit overdue on a stage: counted once.
            let late: Int? = deadline.flatMap { deadline in day > deadline ? try? calendar?.workingDays(after: deadline, through: day) : nil }
            var total = StageTally()
            var byGroup: [String: StageTally] = [:]
            var behind: [Behind] = []
            var doneOn: [String: Day] = [:]
            for unit in applies.sorted() {
                let records = summaries[unit] ?? UnitRecordSummary(of: [], backlogCutoff: cutoff)
                let done = Self.completion(stage: number, kind: kind, unit: unit, records: records, state: state)
                let order = kind == .recordsCleared ? ClearingOrder(records) : nil
                let status: Status
                // Counted among the units done: an unfinished clearing's order may still go wrong.
                var newestFirst = false
                if let done, done <= day {
                    doneOn[unit] = done
                    status = deadline.map { done <= $0 } ?? true ? .onTime : .late
                    newestFirst = order?.newestFirst == true
                } else {
                    status = deadline.map { day > $0 } ?? false ? .overdue : .open
                    let share: Share? = switch kind {
                    case .recordsCleared: Share(done: records.backlogCleared, of: records.backlog)
                    case .recordsPublished: Share(done: records.backlogDone, of: records.backlog)
                    default: nil
                    }
                    let gaps = kind == .recordsPublished ? GuideProjection.gaps(of: unit, in: state) : []
                    behind.append(Behind(
                        unit: unit, name: state.reference.units[unit]?.name ?? unit, status: status, completion: kind,
                        overdueSince: status == .overdue ? deadline?.advanced(by: 1) : nil, workingDaysLate: status == .overdue ? late : nil,
                        share: share, order: order, guideGaps: gaps))
                }
                total.count(status, newestFirst: newestFirst)
                for key in groupsOfUnit[unit] ?? [] { byGroup[key, default: StageTally()].count(status, newestFirst: newestFirst) }
            }
            stages.append(StageRow(
                number: number, title: stage.title, deadline: deadline, countsNewestFirst: kind == .recordsCleared, total: total,
                byGroup: byGroup, behind: behind, doneOn: doneOn))
        }
        self.stages = stages
    }

    private init(day: Day, unitCount: Int, groups: [ProgressGroup], stages: [StageRow]) {
        (self.day, self.unitCount, self.groups, self.stages) = (day, unitCount, groups, stages)
    }

    /// The same progress with only stage `number` (all of it when nil), for `--stage`.
    public func only(stage number: Int?) -> ProgressProjection {
        guard let number else { return self }
        return ProgressProjection(day: day, unitCount: unitCount, groups: groups, stages: stages.filter { $0.number == number })
    }

    /// The day the unit completed the stage, if it has.
    /// Records-based stages are done when the last backlog record is cleared (every record created by
    /// stage 4's deadline approved: the ones created later are new information, on their own
    /// publication clock), or, for stage 6, when that backlog is cleared and its last proactive record
    /// published (stage 6 publishes what stage 4 cleared; the funnel watches the later ones; a backlog
    /// with no proactive record has only to be cleared) and the unit's guide lacks nothing (its
    /// catalogue and guide are out); a unit without a backlog has not done them. The order of clearing
    /// is reported beside stage 4, not required for it.
    static func completion(stage: Int, kind: Stage.Completion, unit: String, records: UnitRecordSummary, state: ClearanceState) -> Day? {
        switch kind {
        case .normAdopted:
            return state.norms[unit]?.at
        case .recordsCleared:
            return records.allBacklogCleared
        case .recordsPublished:
            // Its backlog cleared and the proactive records of it published (so its catalogue is out), and
            // its guide complete: a record not yet classified may still turn out proactive.
            guard let published = records.allBacklogPublished, GuideProjection.gaps(of: unit, in: state).isEmpty,
                let profile = state.profiles[unit], let norm = state.norms[unit]
            else { return nil }
            return max(published, profile.at, norm.at)
        case .milestone:
            return state.milestones[stage]?[unit]
        }
    }
}
