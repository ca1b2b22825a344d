import Clearance

/// The bodies a unit's guide names, by name, for complaints (2007 Art. 33; 2019 Art. 51): the
/// administrative body above it, the supervision bureau of the government it answers to, and that
/// government's general office, the competent department for disclosure (2007 and 2019 Art. 3).
/// Read off the units' `parent` links; a body the reference data does not hold is left out.
struct GuideSupervisors {
    let superior: String?
    let supervision: String?
    let competentOffice: String?

    init(of unit: String, in reference: ReferenceData) {
        let units = reference.units
        let parent = units[unit]?.parent
        // The government the unit answers to: its parent (a department's government, a township's
        // district, a district's city); the city government answers to its own offices here.
        let government = parent ?? unit
        superior = parent.flatMap { units[$0]?.name }
        let governmentName = units[government]?.name ?? ""
        let under = reference.unitOrder.filter { $0 != unit && units[$0]?.parent == government }
        func name(_ id: String?) -> String? { id.flatMap { units[$0]?.name } }
        supervision = name(under.first { name($0)?.hasSuffix("监察局") == true })
        competentOffice = name(under.first { id in
            units[id]?.kind == .generalOffice || [governmentName + "办公室", governmentName + "办公厅"].contains(name(id) ?? "")
        })
    }

    /// The bodies `kinds` names (`superior`, `supervision`, `competent-office`), in that order.
    func names(_ kinds: [String]) -> [String] {
        kinds.compactMap { kind in
            switch kind {
            case "superior": superior
            case "supervision": supervision
            case "competent-office": competentOffice.map { "\($0)（政府信息公开工作主管部门）" }
            default: nil
            }
        }
    }
}
