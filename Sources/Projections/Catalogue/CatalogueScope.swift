import Foundation
import Clearance

/// One catalogue a rebuild writes: the name of its files, its title, and the units it lists.
public struct CatalogueScope: Sendable {
    public let name: String
    public let title: String
    public let units: Set<String>

    public init(name: String, title: String, units: Set<String>) { (self.name, self.title, self.units) = (name, title, units) }

    /// The catalogues of a rebuild, in this order: every unit with records (named by its id), each tier
    /// (`tier-N`), each district (`district-ID`: a district government is a unit too, and has its own).
    public static func everyCatalogue(in state: ClearanceState, unitsWithRecords: Set<String>) -> [CatalogueScope] {
        let units = state.reference.units
        func title(_ name: String) -> String { "\(name) 政府信息公开目录" }
        var scopes = unitsWithRecords.sorted().map { CatalogueScope(name: $0, title: title(units[$0]?.name ?? $0), units: [$0]) }
        for tier in 1...3 {
            scopes.append(CatalogueScope(name: "tier-\(tier)", title: title(state.reference.tierName(tier)), units: CatalogueProjection.units(unit: nil, tier: tier, district: nil, in: state)))
        }
        for district in state.reference.unitOrder where units[district]?.kind == .districtGovernment {
            scopes.append(CatalogueScope(
                name: "district-\(district)", title: title((units[district]?.name ?? district).replacingOccurrences(of: "人民政府", with: "") + "各单位"),
                units: CatalogueProjection.units(unit: nil, tier: nil, district: district, in: state)))
        }
        return scopes
    }
}
