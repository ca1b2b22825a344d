import EventLog

/// The general office ends a binding (someone left, or an account was renamed): from the next
/// submission on, that identity no longer acts as `actor`. What it did before stays its own.
public struct IdentityUnbound: DomainEvent, Equatable {
    public static let type = "identity.unbound"
    public var at: Day
    public var actor: String
    public var kind: IdentityBound.Kind
    public var identity: String

    public init(at: Day, actor: String, kind: IdentityBound.Kind, identity: String) {
        (self.at, self.actor, self.kind, self.identity) = (at, actor, kind, identity)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), actor: try f.string("actor"), kind: try f.oneOf("kind", IdentityBound.Kind.self),
            identity: try f.string("identity"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("actor", actor)
        b.add("kind", kind.rawValue)
        b.add("identity", identity)
        return b.json
    }
}
