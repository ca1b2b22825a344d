import EventLog

extension ClearanceRules {
    /// Reference data (`ReferenceEventType.all`) is changed by the general office only, in the shape
    /// docs/events.md gives (`ReferenceSchema`), and a unit names a parent and district that exist.
    /// Throws the `RuleViolation` to refuse the batch with.
    public func checkReference(type: String, data: JSONValue) throws {
        guard state.holds(actor, .generalOffice, for: nil) else {
            throw RuleViolation(.role, "\(actor) may not change reference data (\(type)): only the general office may")
        }
        do { try ReferenceSchema.check(type: type, data: data) } catch let error as EventDataError {
            throw RuleViolation(.schema, error.description)
        }
        if type == ReferenceEventType.unitRegistered {
            for field in ["parent", "district"] {
                // A district government is its own district: it may name itself.
                if let id = data[field]?.stringValue, id != data["id"]?.stringValue, state.reference.units[id] == nil {
                    throw RuleViolation(.reference, "unit \(data["id"]?.stringValue ?? "?") names \(field) \(id), which is not a registered unit")
                }
            }
        }
    }
}
