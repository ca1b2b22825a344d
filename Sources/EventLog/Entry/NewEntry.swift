/// An entry as a writer hands it to the log: the log adds seq, recorded time, batch end, prev and hash.
public struct NewEntry: Sendable, Equatable {
    /// Unique across the log; when nil the log generates one.
    public var id: String?
    public var actor: String
    public var type: String
    /// Must be a JSON object.
    public var data: JSONValue

    public init(id: String? = nil, actor: String, type: String, data: JSONValue = .object([])) {
        self.id = id
        self.actor = actor
        self.type = type
        self.data = data
    }
}
