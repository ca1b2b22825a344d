#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#else
    import Darwin
#endif

/// The keys of the objects being read, innermost last, so that a key written twice in one object is
/// refused: RFC 8259 leaves its meaning to each reader, and readers differ (we read the first,
/// Python's `json` and JavaScript the last).
///
/// Keys are compared by their UTF-8 bytes once escapes are decoded, that is as Unicode scalars, as
/// those readers compare them. Swift's `==` is not used: it also equates canonically equivalent keys
/// (a Kelvin sign and `K`) that other readers keep apart.
struct ObjectKeys {
    /// The keys of every open object, one after another.
    private var bytes: [UInt8] = []
    /// Where each key lies in `bytes`.
    private var keys: [Range<Int>] = []
    /// Where each open object's keys start in `keys`.
    private var starts: [Int] = []
    /// For an object with many keys, a set of them, by where its keys start: no quadratic search
    /// on hostile input.
    private var sets: [Int: Set<[UInt8]>] = [:]
    private static let linearSearchLimit = 16

    /// Forgets everything, keeping the buffers.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        sets.removeAll()
    }

    mutating func open() { starts.append(keys.count) }

    mutating func close() {
        let start = starts.removeLast()
        if start < keys.count {
            bytes.removeLast(bytes.count - keys[start].lowerBound)
            keys.removeLast(keys.count - start)
        }
        if !sets.isEmpty { sets[start] = nil }
    }

    /// Adds `key` (its UTF-8 bytes) to the innermost object; false if the object already holds it.
    mutating func insert(_ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[starts.count - 1]
        if keys.count - start < Self.linearSearchLimit {
            for range in keys[start...] where range.count == key.count {
                let same = bytes.withUnsafeBytes { all in key.count == 0 || memcmp(all.baseAddress! + range.lowerBound, key.baseAddress!, key.count) == 0 }
                if same { return false }
            }
        } else {
            if sets[start] == nil { sets[start] = Set(keys[start...].map { Array(bytes[$0]) }) }
            guard sets[start]!.insert(Array(key)).inserted else { return false }
        }
        let lower = bytes.count
        bytes.append(contentsOf: key)
        keys.append(lower..<bytes.count)
        return true
    }

    /// The first key of `members` that appears in it twice, or nil. (A writer checks every object it
    /// writes with this, so a small object costs no allocation.)
    static func firstRepeated(in members: [(key: String, value: JSONValue)]) -> String? {
        if members.count <= linearSearchLimit {
            for i in members.indices.dropFirst() where members[..<i].contains(where: { same($0.key, members[i].key) }) {
                return members[i].key
            }
            return nil
        }
        var seen = Set<[UInt8]>()
        return members.first { !seen.insert(Array($0.key.utf8)).inserted }?.key
    }

    /// A key as messages show it: quoted and escaped, so that it stays on one line, and cut short.
    static func shown(_ key: String) -> String {
        let scalars = key.unicodeScalars
        guard scalars.count > 40 else { return JSONWriter.string(.string(key)) }
        return JSONWriter.string(.string(String(scalars.prefix(40)))) + "…"
    }

    /// Whether two keys are the same key: the same Unicode scalars.
    static func same(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8) }
}
