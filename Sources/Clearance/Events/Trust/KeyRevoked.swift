import EventLog

/// The general office withdraws a key (lost, or its holder left): from the next submission on it no
/// longer signs for `actor`; what it signed before stays valid.
public struct KeyRevoked: DomainEvent, Equatable {
    public static let type = SignatureFormat.keyRevokedType
    public var at: Day
    public var actor: String
    public var key: String
    public var reason: String

    public init(at: Day, actor: String, key: String, reason: String) {
        (self.at, self.actor, self.key, self.reason) = (at, actor, key, reason)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), actor: try f.string("actor"), key: try f.string("key"), reason: try f.string("reason"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("actor", actor)
        b.add("key", key)
        b.add("reason", reason)
        return b.json
    }
}
