import Clearance

/// A group of units a supervisor compares progress by: a tier (1–3), or a district (its government
/// and the units under it). Membership is the catalogue's (`CatalogueProjection.units`), so a
/// district's progress and its catalogue cover the same units.
public struct ProgressGroup: Sendable, Equatable {
    public enum Kind: String, Sendable { case tier, district }

    public let kind: Kind
    /// The tier's number, or the district government's unit id.
    public let id: String
    /// The tier's name as the plan uses it (`市级部门`), or the district government's name.
    public let name: String
    /// The chosen units in the group (never empty).
    public let units: Set<String>

    /// Unique among the groups: `tier-1`… for tiers, the unit id for districts.
    public var key: String { kind == .tier ? "tier-\(id)" : id }

    /// The tiers, then the districts in the order the reference data registered them, each cut down to
    /// the chosen units; groups left without any chosen unit are dropped.
    public static func groups(of chosen: Set<String>, in state: ClearanceState) -> [ProgressGroup] {
        var groups: [ProgressGroup] = []
        for tier in 1...3 {
            let units = CatalogueProjection.units(unit: nil, tier: tier, district: nil, in: state).intersection(chosen)
            if !units.isEmpty { groups.append(ProgressGroup(kind: .tier, id: "\(tier)", name: state.reference.tierName(tier), units: units)) }
        }
        for district in districts(in: state) {
            let units = CatalogueProjection.units(unit: nil, tier: nil, district: district, in: state).intersection(chosen)
            let name = state.reference.units[district]?.name ?? district
            if !units.isEmpty { groups.append(ProgressGroup(kind: .district, id: district, name: name, units: units)) }
        }
        return groups
    }

    /// The district governments' unit ids, in the order the reference data registered them.
    public static func districts(in state: ClearanceState) -> [String] {
        state.reference.unitOrder.filter { state.reference.units[$0]?.kind == .districtGovernment }
    }
}
