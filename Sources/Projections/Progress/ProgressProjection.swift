import Clearance
import EventLog

/// Stage progress as of a day: for each of the seven stages, its deadline and, for each unit it
/// applies to, done on time / done late / open / overdue, with the share done; counted over the
/// chosen units (all, a tier, a district). Completion is derived from the events where it can be:
/// stage 2 from an adopted norm, stage 4 from the unit's records all classified and approved, stage 6
/// from its proactive records all published (or withdrawn); the other stages from milestones (or trainings).
public struct ProgressProjection: Sendable {
    public enum Status: String, Sendable, CaseIterable { case onTime = "done on time", late = "done late", open, overdue }

    public struct StageRow: Sendable {
        public let number: Int
        public let title: String
        public let deadline: Day?
        public let counts: [Status: Int]
        public let units: Int
        /// The units still open or overdue, so a supervisor sees who is behind.
        public let behind: [String]

        public var shareDone: Double { units == 0 ? 0 : Double((counts[.onTime] ?? 0) + (counts[.late] ?? 0)) / Double(units) }
    }

    public let day: Day
    public let stages: [StageRow]

    public init(state: ClearanceState, units selected: Set<String>, on day: Day) {
        self.day = day
        var byUnit: [String: [RecordState]] = [:]
        state.records.forEach(inUnits: selected) { record in
            byUnit[record.registration.unit, default: []].append(record)
        }
        var stages: [StageRow] = []
        for number in state.reference.stages.keys.sorted() {
            let stage = state.reference.stages[number]!
            let deadline = stage["deadline"]?.stringValue.flatMap(Day.init)
            let responsible = stage["responsible"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let applies = stage["appliesTo"]?.stringValue == "every-unit" ? selected : selected.intersection(responsible)
            var counts: [Status: Int] = [:]
            var behind: [String] = []
            for unit in applies.sorted() {
                let done = Self.completion(stage: number, kind: stage["completion"]?.stringValue ?? "milestone", unit: unit, records: byUnit[unit] ?? [], state: state)
                let status: Status
                if let done, done <= day {
                    status = deadline.map { done <= $0 } ?? true ? .onTime : .late
                } else {
                    status = deadline.map { day > $0 } ?? false ? .overdue : .open
                    behind.append(unit)
                }
                counts[status, default: 0] += 1
            }
            stages.append(StageRow(
                number: number, title: stage["zh"]?.stringValue ?? "", deadline: deadline, counts: counts, units: applies.count, behind: behind))
        }
        self.stages = stages
    }

    /// The day the unit completed the stage, if it has.
    static func completion(stage: Int, kind: String, unit: String, records: [RecordState], state: ClearanceState) -> Day? {
        switch kind {
        case "norm-adopted":
            return state.norms[unit]?.at
        case "records-cleared":
            guard !records.isEmpty, records.allSatisfy({ $0.approvedOn != nil }) else { return nil }
            return records.compactMap(\.approvedOn).max()
        case "records-published":
            let due = records.filter { $0.classification?.disclosure == .proactive }
            guard !due.isEmpty, due.allSatisfy({ $0.published != nil }) else { return nil }
            return due.compactMap(\.published).max()
        default:
            return state.milestones[stage]?[unit]
        }
    }

    public var json: JSONValue {
        .object([
            ("asOf", .string(day.description)),
            ("stages", .array(stages.map { s in
                .object([
                    ("stage", .integer(s.number)), ("title", .string(s.title)), ("deadline", s.deadline.map { .string($0.description) } ?? .null),
                    ("units", .integer(s.units)),
                    ("counts", .object(Status.allCases.map { ($0.rawValue, .integer(s.counts[$0] ?? 0)) })),
                    ("shareDone", .number(String(format: "%.3f", s.shareDone))), ("behind", .array(s.behind.map { .string($0) })),
                ])
            })),
        ])
    }
}

import Foundation
