import Projections
import Clearance
import EventLog

/// `record show` and `record list`.
enum RecordViews {
    static func show(_ action: DomainAction) throws {
        let id = try action.positional(1, "RECORD")
        let (state, _) = try action.service.load()
        guard let record = state.records[id] else { throw CommandFailure("record \(id) is not registered") }
        let json = self.json(id, record, state)
        let labels = action.context.labels
        if action.arguments.has("--json") {
            Terminal.out(JSONWriter.string(json))
            return
        }
        for member in json.objectValue ?? [] {
            let value = member.value.stringValue.map { labels($0) } ?? JSONWriter.string(member.value)
            Terminal.out(DisplayWidth.pad(labels(member.key), to: 20) + TextTable.cell(value))
        }
    }

    static func list(_ action: DomainAction) throws {
        let (state, _) = try action.service.load()
        let labels = action.context.labels
        let unit = action.arguments.value("--unit")
        let status = action.arguments.value("--status")
        var rows: [(key: String, value: RecordState)] = []
        state.records.forEach(inUnits: unit.map { [$0] }) { record in
            if status == nil || record.status.rawValue == status { rows.append((record.registration.record, record)) }
        }
        rows.sort { $0.key < $1.key }
        if action.arguments.has("--json") {
            for (id, record) in rows { Terminal.out(JSONWriter.string(json(id, record, state))) }
            return
        }
        let table = TextTable([("RECORD", 36), ("UNIT", 16), ("STATUS", 10), ("DISCLOSURE", 10), ("TITLE", 0)], labels: labels)
        var output = BufferedOutput()
        output.line(table.headerLine)
        for (id, record) in rows {
            output.line(table.line([
                id, record.registration.unit, labels(record.status.rawValue), labels(record.classification?.disclosure.rawValue ?? ""),
                record.registration.title,
            ]))
        }
        output.flush()
    }

    /// The publication deadline (`PublicationClock`), and how it was counted.
    static func publicationDue(_ record: RecordState, _ state: ClearanceState) -> String {
        guard let clock = PublicationClock(of: record, in: state) else { return "" }
        let counted: Day?
        do {
            counted = try state.reference.calendar()?.adding(workingDays: clock.workingDays, to: clock.start).due
        } catch let error as CalendarError {
            return "\(error.shortText): \(clock.start) + \(clock.workingDays) working days"
        } catch {
            counted = nil
        }
        guard let due = clock.due(after: counted) else { return "unknown: the log declares no calendar" }
        let floor = clock.notBefore == nil ? "" : "; created before the plan: not before its publication deadline"
        return "\(due) (\(clock.workingDays) working days from \(clock.start)\(floor))"
    }

    static func json(_ id: String, _ record: RecordState, _ state: ClearanceState) -> JSONValue {
        let r = record.registration
        var members: [(key: String, value: JSONValue)] = [
            ("record", .string(id)), ("unit", .string(r.unit)), ("title", .string(r.title)), ("status", .string(record.status.rawValue)),
            ("created", .string(r.created.description)), ("registeredBy", .string(record.registeredBy)),
        ]
        if let number = r.documentNumber { members.append(("documentNumber", .string(number))) }
        if !r.summary.isEmpty { members.append(("summary", .string(r.summary))) }
        if let c = record.classification {
            members.append(("class", .string(c.contentClass)))
            if let item = c.keyItem { members.append(("keyItem", .string(item))) }
            members.append(("disclosure", .string(c.disclosure.rawValue)))
            if let basis = c.basis { members.append(("basis", .string(basis))) }
            members.append(("classifiedBy", .string(record.classifiedBy ?? "")))
            members.append(("reviewLevels", .string("\(record.approvedLevels) of \(record.requiredLevels) approved")))
        }
        if let returned = record.lastReturn { members.append(("lastReturned", .string("\(returned.day) (seq \(returned.seq))"))) }
        let due = publicationDue(record, state)
        if !due.isEmpty { members.append(("publishBy", .string(due))) }
        if let number = record.indexNumber { members.append(("indexNumber", .string(number))) }
        if let published = record.published { members.append(("published", .string(published.description))) }
        return .object(members)
    }
}
