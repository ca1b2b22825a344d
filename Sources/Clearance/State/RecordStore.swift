/// Records in pages of a fixed size, with an index from id to place.
///
/// A city holds over a million records of a few hundred bytes each. In a `[String: RecordState]`
/// every bucket holds a whole record, the table keeps up to twice as many buckets as records, and
/// growing it copies all of them into a table twice the size: a peak of about three times the
/// records' own size. Here pages never move once full, and the index is an open-addressing table
/// of places alone (4 bytes a slot; the id to compare is the record's own), so it costs about an
/// eighth of a `[String: Int]`.
struct RecordStore: Sendable {
    private static let pageBits = 16
    private static let pageSize = 1 << pageBits

    private var pages: [[RecordState]] = []
    /// Place + 1 of the record whose id hashes to each slot (or to one before it), 0 for none.
    /// Always a power of two in size, at most half full.
    private var slots = [UInt32](repeating: 0, count: 16)
    private(set) var count = 0

    func contains(_ id: String) -> Bool { find(id).place != nil }

    subscript(id: String) -> RecordState? {
        find(id).place.map { self[place: $0] }
    }

    /// The status of the record with `id`, read where it lies (not through a copy of the whole record).
    func status(of id: String) -> RecordState.Status? {
        find(id).place.map { pages[$0 >> Self.pageBits][$0 & (Self.pageSize - 1)].status }
    }

    /// The record at a place `add` returned.
    subscript(place place: Int) -> RecordState {
        pages[place >> Self.pageBits][place & (Self.pageSize - 1)]
    }

    /// Adds `record` under its id, or replaces the record with that id; returns its place and
    /// whether it is new.
    @discardableResult
    mutating func add(_ record: RecordState) -> (place: Int, isNew: Bool) {
        let (found, slot) = find(record.registration.record)
        if let place = found {
            pages[place >> Self.pageBits][place & (Self.pageSize - 1)] = record
            return (place, false)
        }
        if pages.last.map({ $0.count == Self.pageSize }) ?? true {
            pages.append([])
            pages[pages.count - 1].reserveCapacity(Self.pageSize)
        }
        pages[pages.count - 1].append(record)
        let place = count
        count += 1
        slots[slot] = UInt32(place + 1)
        if count * 2 > slots.count { grow() }
        return (place, true)
    }

    /// Changes the record with `id` in place; false (and nothing changed) if there is none.
    mutating func update(_ id: String, _ change: (inout RecordState) -> Void) -> Bool {
        guard let place = find(id).place else { return false }
        change(&pages[place >> Self.pageBits][place & (Self.pageSize - 1)])
        return true
    }

    /// Every record, in the order they were first added.
    func forEach(_ body: (RecordState) throws -> Void) rethrows {
        for page in pages {
            for record in page { try body(record) }
        }
    }

    /// The place of the record with `id`, or the empty slot where it would go.
    private func find(_ id: String) -> (place: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = id.hashValue & mask
        while slots[slot] != 0 {
            let place = Int(slots[slot]) - 1
            if recordID(at: place) == id { return (place, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// The id of the record at `place`, read in place (not through a copy of the whole record).
    private func recordID(at place: Int) -> String {
        pages[place >> Self.pageBits][place & (Self.pageSize - 1)].registration.record
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for place in 0..<count {
            var slot = recordID(at: place).hashValue & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(place + 1)
        }
    }
}
