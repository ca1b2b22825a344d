import EventLog

/// The general office vouches that `actor` is whoever an outside authority knows as `identity`: an
/// account of the operating system (the process's own, or the peer of `clearance serve`'s socket as
/// the kernel reports it), later a database role. In a log whose header binds actors, an actor acts
/// only through an identity bound to it.
public struct IdentityBound: DomainEvent, Equatable {
    public static let type = "identity.bound"

    /// Who vouches for the identity.
    public enum Kind: String, CaseIterable, Sendable {
        /// An account name of the machine the log lives on (`getpwuid` of the uid).
        case osAccount = "os-account"
        /// A PostgreSQL role (`session_user`).
        case databaseRole = "database-role"
    }

    public var at: Day
    public var actor: String
    public var kind: Kind
    public var identity: String

    public init(at: Day, actor: String, kind: Kind, identity: String) {
        (self.at, self.actor, self.kind, self.identity) = (at, actor, kind, identity)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), actor: try f.string("actor"), kind: try f.oneOf("kind", Kind.self), identity: try f.string("identity"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("actor", actor)
        b.add("kind", kind.rawValue)
        b.add("identity", identity)
        return b.json
    }
}
