import Clearance
import EventLog
import Foundation

/// Each unit's clearance funnel as of a day: registered, classified, reviewed (approved), published,
/// on request, exempt and the exemption rate; and what came (or is) past its deadline, by name:
/// publications past their time limit, feedback and requests past their deadline. Deadlines use the
/// calendar the log holds.
public struct FunnelProjection: Sendable {
    public struct Row: Sendable, Equatable {
        public let unit: String
        public let name: String
        public var registered = 0, classified = 0, approved = 0, published = 0, onRequest = 0, exempt = 0
        public var latePublications = 0, lateFeedback = 0, lateRequests = 0
        /// Withheld records whose periodic reassessment is overdue on the funnel's day (2019 Art. 18).
        public var overdueReassessments = 0

        public var exemptionRate: Double { classified == 0 ? 0 : Double(exempt) / Double(classified) }

        /// Proactive records: classified, less those on request or exempt.
        public var proactive: Int { classified - onRequest - exempt }

        public var pastDeadline: Int { latePublications + lateFeedback + lateRequests + overdueReassessments }
    }

    public let day: Day
    /// Units with records or with something past its deadline, by unit id.
    public let rows: [Row]
    /// Every item past its deadline, by due day, then unit and item.
    public let pastDeadline: [PastDeadline]

    public init(state: ClearanceState, units: Set<String>, on day: Day) {
        self.day = day
        let calendar = try? state.reference.calendar()
        // A city's records share a few hundred start days and limits: count each deadline's working days once.
        var deadlines: [DeadlineKey: Day?] = [:]
        func due(_ start: Day, _ days: Int) -> Day? {
            let key = DeadlineKey(start: start, days: days)
            if let known = deadlines[key] { return known }
            let day = try? calendar?.adding(workingDays: days, to: start).due
            deadlines[key] = .some(day)
            return day
        }
        func name(_ unit: String) -> String { state.reference.units[unit]?.name ?? unit }
        var rows: [String: Row] = [:]
        var late: [PastDeadline] = []
        // The one rule for lateness: a deadline, and the day it was done (or the funnel's day if not yet).
        func check(_ kind: PastDeadline.Kind, _ item: String, title: String = "", unit: String, due deadline: Day, done: Day?) {
            guard (done ?? day) > deadline else { return }
            late.append(PastDeadline(kind: kind, item: item, title: title, unit: unit, unitName: name(unit), due: deadline, done: done))
            var row = rows[unit] ?? Row(unit: unit, name: name(unit))
            switch kind {
            case .publication: row.latePublications += 1
            case .feedback: row.lateFeedback += 1
            case .request: row.lateRequests += 1
            case .reassessment: row.overdueReassessments += 1
            }
            rows[unit] = row
        }
        state.records.forEach(inUnits: units) { record in
            let id = record.registration.record
            let unit = record.registration.unit
            var row = rows[unit] ?? Row(unit: unit, name: name(unit))
            row.registered += 1
            if let c = record.classification {
                row.classified += 1
                if c.disclosure == .onRequest { row.onRequest += 1 }
                if c.disclosure == .exempt { row.exempt += 1 }
            }
            if record.approvedOn != nil { row.approved += 1 }
            if record.published != nil { row.published += 1 }
            rows[unit] = row
            if let clock = PublicationClock(of: record, in: state), let deadline = clock.due(after: due(clock.start, clock.workingDays)) {
                check(.publication, id, title: record.registration.title, unit: unit, due: deadline, done: record.published)
            }
            // A reassessment moves the next one on, so only one still owed on the day is listed.
            if let clock = ReassessmentClock(of: record, in: state, on: day) {
                check(.reassessment, id, unit: unit, due: clock.due, done: nil)
            }
        }
        for (id, item) in state.feedback where units.contains(item.received.unit) {
            guard let clock = FeedbackClock(of: item, in: state), let deadline = due(clock.start, clock.workingDays) else { continue }
            check(.feedback, id, unit: item.received.unit, due: deadline, done: item.answered?.at)
        }
        // RequestClock says whether the clock runs (not while a correction is awaited, not once the
        // request counts as withdrawn) and from when: the same answer `request list` gives.
        for (id, request) in state.requests where units.contains(request.received.unit) {
            let clock = RequestClock(of: request, in: state, on: day)
            guard clock.isCounting, let days = clock.workingDays, let deadline = due(clock.start, days) else { continue }
            check(.request, id, unit: request.received.unit, due: deadline, done: request.answered?.at)
        }
        self.rows = rows.values.sorted { $0.unit < $1.unit }
        late.sort { ($0.due, $0.unit, $0.item) < ($1.due, $1.unit, $1.item) }
        pastDeadline = late
    }

    private struct DeadlineKey: Hashable {
        let start: Day
        let days: Int
    }

    /// The funnel as JSON, handed to `emit` a few megabytes at a time: a city's list of items past
    /// their deadline runs to over a hundred megabytes, too much to build as one value first.
    public func writeJSON(to emit: ([UInt8]) throws -> Void) rethrows {
        let units = rows.map { r in
            JSONValue.object([
                ("unit", .string(r.unit)), ("name", .string(r.name)), ("registered", .integer(r.registered)),
                ("classified", .integer(r.classified)), ("approved", .integer(r.approved)), ("published", .integer(r.published)),
                ("onRequest", .integer(r.onRequest)), ("exempt", .integer(r.exempt)),
                ("exemptionRate", .number(String(format: "%.3f", r.exemptionRate))),
                ("latePublications", .integer(r.latePublications)), ("lateFeedback", .integer(r.lateFeedback)),
                ("lateRequests", .integer(r.lateRequests)), ("overdueReassessments", .integer(r.overdueReassessments)),
            ])
        }
        try JSONWriter.stream([("asOf", .string(day.description)), ("units", .array(units))], then: "pastDeadline", items: pastDeadline, { p in
            .object([
                ("kind", .string(p.kind.rawValue)), ("item", .string(p.item)), ("title", .string(p.title)), ("unit", .string(p.unit)),
                ("unitName", .string(p.unitName)), ("due", .string(p.due.description)), ("done", p.done.map { .string($0.description) } ?? .null),
            ])
        }, to: emit)
    }
}
