/// A dictionary of things read lately that forgets all of them once it holds `limit`: lookups that
/// repeat soon after (a rule reading the record an event names, then the fold applying it) hit it,
/// and a long pass over many keys cannot make it grow without end.
struct RecentCache<Key: Hashable, Value> {
    let limit: Int
    private var entries: [Key: Value] = [:]

    init(limit: Int) { self.limit = limit }

    subscript(key: Key) -> Value? { entries[key] }

    var count: Int { entries.count }

    mutating func keep(_ value: Value, for key: Key) {
        if entries.count >= limit, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
    }
}
