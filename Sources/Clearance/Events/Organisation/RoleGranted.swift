import EventLog

/// The general office grants a person a role, for some units (clerk, reviewer, publisher) or everywhere.
public struct RoleGranted: DomainEvent, Equatable {
    public static let type = "role.granted"
    public var at: Day
    public var person: String
    public var role: Role
    /// The units the role covers; empty for the general office and auditors, who act everywhere.
    public var units: [String]

    public init(at: Day, person: String, role: Role, units: [String]) {
        (self.at, self.person, self.role, self.units) = (at, person, role, units)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), person: try f.string("person"), role: try f.oneOf("role", Role.self), units: try f.strings("units"))
        let scoped: Set<Role> = [.clerk, .reviewer, .publisher]
        if scoped.contains(role) && units.isEmpty { throw f.fail("units", "must name at least one unit for a \(role.rawValue)") }
        if !scoped.contains(role) && !units.isEmpty { throw f.fail("units", "must be empty: a \(role.rawValue) acts everywhere") }
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("person", person)
        b.add("role", role.rawValue)
        b.add("units", units)
        return b.json
    }
}
