import EventLog

/// The general office registers an Ed25519 public key that may sign for `actor` from the next
/// submission on (docs/log-format.md, "Submissions and signatures", fixes `actor` and `key`).
public struct KeyRegistered: DomainEvent, Equatable {
    public static let type = SignatureFormat.keyRegisteredType
    public var at: Day
    public var actor: String
    /// 64 lowercase hex digits.
    public var key: String

    public init(at: Day, actor: String, key: String) { (self.at, self.actor, self.key) = (at, actor, key) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), actor: try f.string("actor"), key: try f.string("key"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("actor", actor)
        b.add("key", key)
        return b.json
    }
}
