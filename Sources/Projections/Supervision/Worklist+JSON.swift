import Clearance
import EventLog

extension Worklist {
    /// The worklist as JSON for programs, handed to `emit` a few megabytes at a time (a city's list
    /// runs to hundreds of thousands of items). `due` is a day or null; `dueNote` says why it is null.
    public func writeJSON(actor: String?, unit: String?, to emit: ([UInt8]) throws -> Void) rethrows {
        let counts = units.map { c in
            JSONValue.object([
                ("unit", .string(c.unit)), ("name", .string(c.name)), ("items", .integer(c.items)), ("overdue", .integer(c.overdue)),
                ("dueSoon", .integer(c.dueSoon)), ("pending", .integer(c.pending)),
            ])
        }
        let members: [(key: String, value: JSONValue)] = [
            ("asOf", .string(day.description)), ("warn", .integer(warn)), ("actor", actor.map(JSONValue.string) ?? .null),
            ("unit", unit.map(JSONValue.string) ?? .null), ("units", .array(counts)),
        ]
        try JSONWriter.stream(members, then: "items", items: items, { item in
            var fields: [(key: String, value: JSONValue)] = [
                ("kind", .string(item.kind.rawValue)), ("id", .string(item.id)), ("unit", .string(item.unit)),
                ("unitName", .string(name(of: item.unit))), ("title", .string(item.title)), ("task", .string(item.task.rawValue)),
            ]
            if let level = item.level, let levels = item.levels { fields += [("level", .integer(level)), ("levels", .integer(levels))] }
            fields.append(("due", item.due.day.map { .string($0.description) } ?? .null))
            switch item.due {
            case .on: break
            case .unknown(let why): fields.append(("dueNote", .string(why)))
            case .none: fields.append(("dueNote", .string("no time limit")))
            }
            fields.append(("status", .string(item.status.rawValue)))
            return .object(fields)
        }, to: emit)
    }
}
