extension ClearanceRules {
    func checkRoleGranted(_ e: RoleGranted) throws {
        try requireGeneralOffice("grant roles")
        for u in e.units { try unit(u) }
    }

    func checkRoleRevoked(_ e: RoleRevoked) throws {
        try requireGeneralOffice("revoke roles")
        guard state.roles[e.person]?[e.role] != nil else {
            throw RuleViolation(.reference, "\(e.person) does not hold the \(e.role.rawValue) role")
        }
    }

    func checkNormAdopted(_ e: NormAdopted) throws {
        try require(.clerk, for: try unit(e.unit), doing: "adopt the norm of \(e.unit)")
        let tier = state.reference.unitTier(e.unit)
        for c in e.classes {
            for item in c.keyItems {
                guard let tiers = state.reference.keyItems[item] else {
                    throw RuleViolation(.reference, "class \(c.id): key item \(item) is not in the disclosure scheme")
                }
                if let tier, !tiers.contains(tier) {
                    throw RuleViolation(.reference, "class \(c.id): key item \(item) applies to tiers \(tiers.map(String.init).joined(separator: ", ")), not to \(e.unit) (tier \(tier))")
                }
            }
        }
    }

    /// Only a department competent for the sector files its enterprises' service guides.
    func checkServiceGuideFiled(_ e: ServiceGuideFiled) throws {
        try require(.clerk, for: try unit(e.unit), doing: "file service guides for \(e.unit)")
        let competent = state.reference.units[e.unit]?.sectors ?? []
        guard competent.contains(e.sector) else {
            let which = competent.isEmpty ? "no sector" : "only \(competent.joined(separator: ", "))"
            throw RuleViolation(.reference, "\(e.unit) is competent for \(which), not \(e.sector): the sector's competent department files its service guides")
        }
    }
}
