import EventLog

/// An event of the clearance catalogue (docs/events.md): a past-tense fact with its business date.
public protocol DomainEvent: Sendable {
    static var type: String { get }
    /// The business date the fact happened; may be earlier than `recorded`, never later.
    var at: Day { get }
    /// Decodes and checks the schema; throws `EventDataError` naming the field.
    init(data: JSONValue) throws
    var data: JSONValue { get }
}

extension DomainEvent {
    /// The entry to append for this event.
    public func entry(actor: String, id: String? = nil) -> NewEntry {
        NewEntry(id: id, actor: actor, type: Self.type, data: data)
    }
}
