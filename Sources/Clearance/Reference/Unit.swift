import EventLog

/// A body that compiles a guide and a catalogue (a `unit.registered` event; units.json): a
/// government, its general office, a department, a township or a sub-district office, in one of the
/// plan's three tiers.
public struct Unit: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case cityGovernment = "city-government"
        case generalOffice = "general-office"
        case department
        case districtGovernment = "district-government"
        case township
        case subDistrict = "sub-district"
    }

    public let id: String
    public let name: String
    public let kind: Kind
    /// 1: the city government and its departments; 2: districts, county-level cities and counties;
    /// 3: townships and sub-districts.
    public let tier: Int
    /// The body it answers to (a department's government, a township's district).
    public let parent: String?
    /// The district government it lies in, if any.
    public let district: String?
    /// The sectors whose public enterprises' service guides it files as competent department.
    public let sectors: [String]
    /// The event's data as declared, for `unit show` and `unit list --json`.
    public let data: JSONValue

    /// Nil unless the id, name, a known kind and a tier are there (ReferenceSchema checks them first).
    init?(_ data: JSONValue) {
        guard let id = data["id"]?.stringValue, let name = data["name"]?.stringValue,
            let kind = data["kind"]?.stringValue.flatMap(Kind.init), let tier = data["tier"]?.intValue
        else { return nil }
        (self.id, self.name, self.kind, self.tier) = (id, name, kind, tier)
        parent = data["parent"]?.stringValue
        district = data["district"]?.stringValue
        sectors = data["sectors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.data = data
    }
}
