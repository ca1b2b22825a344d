import Clearance
import EventLog

/// Each unit's clearance funnel as of a day: registered, classified, reviewed (approved), published,
/// on request, exempt and the exemption rate; publications that came (or are) past their time limit;
/// feedback and requests past their deadline. Deadlines use the calendar the log holds.
public struct FunnelProjection: Sendable {
    public struct Row: Sendable, Equatable {
        public let unit: String
        public var registered = 0, classified = 0, approved = 0, published = 0, onRequest = 0, exempt = 0
        public var latePublications = 0, lateFeedback = 0, lateRequests = 0

        public var exemptionRate: Double { classified == 0 ? 0 : Double(exempt) / Double(classified) }
    }

    public let day: Day
    public let rows: [Row]

    public init(state: ClearanceState, units: Set<String>, on day: Day) {
        self.day = day
        let calendar = try? state.reference.calendar()
        func due(_ start: Day, _ days: Int) -> Day? { try? calendar?.adding(workingDays: days, to: start).due }
        var rows: [String: Row] = [:]
        state.records.forEach(inUnits: units) { record in
            let unit = record.registration.unit
            var row = rows[unit] ?? Row(unit: unit)
            row.registered += 1
            if let c = record.classification {
                row.classified += 1
                if c.disclosure == .onRequest { row.onRequest += 1 }
                if c.disclosure == .exempt { row.exempt += 1 }
                if c.disclosure == .proactive {
                    let limit = min(state.norms[unit]?.classes.first { $0.id == c.contentClass }?.timeLimitDays ?? 20, 20)
                    if let deadline = due(record.changed, limit), (record.published ?? day) > deadline { row.latePublications += 1 }
                }
            }
            if record.approvedOn != nil { row.approved += 1 }
            if record.published != nil { row.published += 1 }
            rows[unit] = row
        }
        for (_, item) in state.feedback where units.contains(item.received.unit) {
            guard let days = state.norms[item.received.unit]?.feedbackDays, let deadline = due(item.received.at, days) else { continue }
            if (item.answered?.at ?? day) > deadline { rows[item.received.unit, default: Row(unit: item.received.unit)].lateFeedback += 1 }
        }
        for (_, request) in state.requests where units.contains(request.received.unit) {
            guard let rules = state.reference.ruleSet(on: request.received.at)?.data["request"],
                let days = rules["workingDays"]?.intValue
            else { continue }
            let extra = request.extended ? rules["extension"]?["workingDays"]?.intValue ?? 0 : 0
            guard let deadline = due(request.clockStart, days + extra) else { continue }
            if (request.answered?.at ?? day) > deadline { rows[request.received.unit, default: Row(unit: request.received.unit)].lateRequests += 1 }
        }
        self.rows = rows.values.sorted { $0.unit < $1.unit }
    }

    public var json: JSONValue {
        .object([
            ("asOf", .string(day.description)),
            ("units", .array(rows.map { r in
                .object([
                    ("unit", .string(r.unit)), ("registered", .integer(r.registered)), ("classified", .integer(r.classified)),
                    ("approved", .integer(r.approved)), ("published", .integer(r.published)), ("onRequest", .integer(r.onRequest)),
                    ("exempt", .integer(r.exempt)), ("exemptionRate", .number(String(format: "%.3f", r.exemptionRate))),
                    ("latePublications", .integer(r.latePublications)), ("lateFeedback", .integer(r.lateFeedback)),
                    ("lateRequests", .integer(r.lateRequests)),
                ])
            })),
        ])
    }
}

import Foundation
