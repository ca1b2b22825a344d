import EventLog

extension ClearanceRules {
    /// Only the general office vouches for identities and keys (docs/security.md).
    func checkIdentityBound(_ e: IdentityBound) throws {
        try requireGeneralOffice("bind identities to actors")
        try name(e.actor, "actor")
        try name(e.identity, "identity")
        if state.trust.isBound(e.actor, to: Trust.Identity(kind: e.kind, name: e.identity)) {
            throw RuleViolation(.uniqueness, "\(e.actor) is already bound to \(e.kind.rawValue) \(e.identity)")
        }
    }

    func checkIdentityUnbound(_ e: IdentityUnbound) throws {
        try requireGeneralOffice("unbind identities")
        guard state.trust.isBound(e.actor, to: Trust.Identity(kind: e.kind, name: e.identity)) else {
            throw RuleViolation(.reference, "\(e.actor) is not bound to \(e.kind.rawValue) \(e.identity)")
        }
    }

    func checkKeyRegistered(_ e: KeyRegistered) throws {
        try requireGeneralOffice("register keys")
        try name(e.actor, "actor")
        guard SignatureFormat.isPublicKeyHex(e.key), let bytes = [UInt8](hex: e.key), (try? Ed25519.PublicKey(bytes: bytes)) != nil else {
            throw RuleViolation(.schema, "key must be an Ed25519 public key (a point of the curve) as 64 lowercase hex digits, not '\(e.key)'")
        }
        if let holder = state.trust.keys.first(where: { $0.value.contains(e.key) })?.key {
            throw RuleViolation(.uniqueness, "key \(e.key) is already registered for \(holder)")
        }
    }

    func checkKeyRevoked(_ e: KeyRevoked) throws {
        try requireGeneralOffice("revoke keys")
        guard state.trust.keys[e.actor]?.contains(e.key) == true else {
            throw RuleViolation(.reference, "key \(e.key) is not in force for \(e.actor)")
        }
    }

    /// A type outside the catalogue (an annotation such as `note.filed`) is still written by someone
    /// the office knows: an actor holding a role that writes (not only the auditor's, which reads).
    public func checkOtherType(_ type: String) throws {
        guard state.trust.rulesVersion >= 2 else { return }  // version 1 stored such entries as sent
        let writers: [Role] = [.clerk, .reviewer, .publisher, .generalOffice]
        guard let held = state.roles[actor], writers.contains(where: { held[$0] != nil }) else {
            throw RuleViolation(.role, "\(actor) may not append \(type): it holds no role that writes (clerk, reviewer, publisher or the general office)")
        }
    }

    /// The general office moves a log onto this program's rules (`RulesVersion`); never backwards.
    public func checkRulesChanged(_ data: JSONValue) throws {
        try requireGeneralOffice("change the rules' version")
        guard let version = data["version"]?.intValue, version <= RulesVersion.current, version > state.trust.rulesVersion else {
            throw RuleViolation(.schema, "\(RulesVersion.changedType) must name a version after the log's \(state.trust.rulesVersion), up to \(RulesVersion.current)")
        }
    }

    private func name(_ value: String, _ field: String) throws {
        guard EntryFormat.isValidName(value) else {
            throw RuleViolation(.schema, "\(field) '\(value)' must be 1-128 bytes without quotes, backslashes or control characters")
        }
    }
}
