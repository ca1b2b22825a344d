import EventLog

/// Who each actor is, as the general office has vouched (`identity.bound`), and which public keys
/// sign for it (`key.registered`, less `key.revoked`): what an append in a log that binds actors is
/// checked against.
public struct Trust: Sendable, Equatable {
    public struct Identity: Hashable, Sendable {
        public let kind: IdentityBound.Kind
        public let name: String

        public init(kind: IdentityBound.Kind, name: String) { (self.kind, self.name) = (kind, name) }
    }

    /// Identities bound to each actor.
    public internal(set) var identities: [String: Set<Identity>] = [:]
    /// Keys in force for each actor (lowercase hex).
    public internal(set) var keys: [String: Set<String>] = [:]
    /// The `at` of each key's last signed submission (the next must be later).
    public internal(set) var lastSigned: [String: Timestamp] = [:]
    /// The version of the rules entries are checked against from here on (`RulesVersion`).
    public internal(set) var rulesVersion = 1

    public init() {}

    mutating func bind(_ e: IdentityBound) { identities[e.actor, default: []].insert(Identity(kind: e.kind, name: e.identity)) }

    mutating func unbind(_ e: IdentityUnbound) {
        identities[e.actor]?.remove(Identity(kind: e.kind, name: e.identity))
        if identities[e.actor]?.isEmpty == true { identities[e.actor] = nil }
    }

    /// The actors `identity` may act as, sorted.
    public func actors(boundTo identity: Identity) -> [String] {
        identities.filter { $0.value.contains(identity) }.map(\.key).sorted()
    }

    public func isBound(_ actor: String, to identity: Identity) -> Bool { identities[actor]?.contains(identity) == true }

    var json: JSONValue {
        .object([
            ("identities", .object(identities.sorted { $0.key < $1.key }.map { actor, set in
                (actor, .array(set.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }.map {
                    .array([.string($0.kind.rawValue), .string($0.name)])
                }))
            })),
            ("keys", .object(keys.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.sorted().map { .string($0) })) })),
            ("lastSigned", .object(lastSigned.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.iso8601)) })),
            ("rulesVersion", .integer(rulesVersion)),
        ])
    }

    init(json: JSONValue) {
        rulesVersion = json["rulesVersion"]?.intValue ?? 1
        for (actor, list) in json["identities"]?.objectValue ?? [] {
            for pair in list.arrayValue ?? [] {
                guard let p = pair.arrayValue, p.count == 2, let kind = p[0].stringValue.flatMap(IdentityBound.Kind.init(rawValue:)),
                    let name = p[1].stringValue
                else { continue }
                identities[actor, default: []].insert(Identity(kind: kind, name: name))
            }
        }
        for (actor, list) in json["keys"]?.objectValue ?? [] {
            keys[actor] = Set(list.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        for (key, at) in json["lastSigned"]?.objectValue ?? [] {
            if let time = at.stringValue.flatMap(Timestamp.init(parsing:)) { lastSigned[key] = time }
        }
    }
}
