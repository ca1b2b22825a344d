/// Records in pages of a fixed size, with an index from id to place.
///
/// A city holds over a million records of a few hundred bytes each. In a `[String: RecordState]`
/// every bucket holds a whole record, the table keeps up to twice as many buckets as records, and
/// growing it copies all of them into a table twice the size: a peak of about three times the
/// records' own size. Here the index holds only ids and places, and pages never move once full.
struct RecordStore: Sendable {
    private static let pageBits = 16
    private static let pageSize = 1 << pageBits

    private var pages: [[RecordState]] = []
    private var places: [String: Int] = [:]

    var count: Int { places.count }

    func contains(_ id: String) -> Bool { places[id] != nil }

    subscript(id: String) -> RecordState? {
        places[id].map { self[place: $0] }
    }

    /// The record at a place `add` returned.
    subscript(place place: Int) -> RecordState {
        pages[place >> Self.pageBits][place & (Self.pageSize - 1)]
    }

    /// Adds `record` under its id, or replaces the record with that id; returns its place and
    /// whether it is new.
    @discardableResult
    mutating func add(_ record: RecordState) -> (place: Int, isNew: Bool) {
        let id = record.registration.record
        if let place = places[id] {
            pages[place >> Self.pageBits][place & (Self.pageSize - 1)] = record
            return (place, false)
        }
        if pages.last.map({ $0.count == Self.pageSize }) ?? true {
            pages.append([])
            pages[pages.count - 1].reserveCapacity(Self.pageSize)
        }
        pages[pages.count - 1].append(record)
        let place = places.count
        places[id] = place
        return (place, true)
    }

    /// Changes the record with `id` in place; false (and nothing changed) if there is none.
    mutating func update(_ id: String, _ change: (inout RecordState) -> Void) -> Bool {
        guard let place = places[id] else { return false }
        change(&pages[place >> Self.pageBits][place & (Self.pageSize - 1)])
        return true
    }

    /// Every record, in the order they were first added.
    func forEach(_ body: (RecordState) throws -> Void) rethrows {
        for page in pages {
            for record in page { try body(record) }
        }
    }
}
