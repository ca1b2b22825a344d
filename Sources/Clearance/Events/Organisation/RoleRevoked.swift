import EventLog

/// The general office takes a role away from a person (for all the units it covered).
public struct RoleRevoked: DomainEvent, Equatable {
    public static let type = "role.revoked"
    public var at: Day
    public var person: String
    public var role: Role

    public init(at: Day, person: String, role: Role) { (self.at, self.person, self.role) = (at, person, role) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), person: try f.string("person"), role: try f.oneOf("role", Role.self))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("person", person)
        b.add("role", role.rawValue)
        return b.json
    }
}
