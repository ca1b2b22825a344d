import Clearance

/// The catalogue rows of the chosen units, found in one pass over the records and kept by unit:
/// each unit's published entries in index-number order and the titles it discloses on request.
/// A catalogue of any set of these units is then a merge of their rows (`entries(ofUnits:)`), so a
/// rebuild gathers the rows once for its hundreds of catalogues, not once per catalogue.
///
/// The entries share their strings with the records; no record is copied.
public struct CatalogueRows: Sendable {
    public typealias Entry = CatalogueProjection.Entry

    /// One unit's part of every catalogue that lists the unit.
    public struct UnitRows: Sendable {
        /// Published proactive records, by index number.
        public internal(set) var entries: [Entry] = []
        /// Titles of records approved or published for disclosure on request, sorted.
        public internal(set) var onRequest: [String] = []
    }

    public private(set) var units: [String: UnitRows] = [:]
    /// Every unit with a record, catalogued or not (a rebuild writes each one's catalogue).
    public private(set) var unitsWithRecords: Set<String> = []

    /// The rows of the records of `units` (nil: of every unit), as `state` has them.
    public init(units: Set<String>?, state: ClearanceState) {
        var gathering = Gathering(state: state)
        state.records.forEach(inUnits: units) { gathering.add($0) }
        for slot in gathering.rows.indices {
            gathering.rows[slot].entries.sort { $0.indexNumber < $1.indexNumber }
            gathering.rows[slot].onRequest.sort()
            self.units[gathering.units[slot].id] = gathering.rows[slot]
        }
        unitsWithRecords = Set(gathering.units.map(\.id))
    }

    /// Rows made beforehand (each unit's entries by index number, titles sorted).
    init(units: [String: UnitRows]) {
        self.units = units
        unitsWithRecords = Set(units.keys)
    }

    /// The titles `units` disclose on request, ordered by unit and title.
    public func onRequest(ofUnits units: Set<String>) -> [(unit: String, title: String)] {
        units.sorted().flatMap { unit in (self.units[unit]?.onRequest ?? []).map { (unit, $0) } }
    }

    /// The published entries of `units`, by index number.
    public func entries(ofUnits units: Set<String>) -> [Entry] {
        runs(ofUnits: units).flatMap { self.entries(of: $0) }
    }

    func entries(of run: Run) -> ArraySlice<Entry> {
        (units[run.unit]?.entries ?? [])[run.range]
    }
}

extension CatalogueRows {
    /// The one pass: what each unit seen so far needs to make its rows. A record costs one lookup of
    /// its unit; the unit's name and forms are looked up once.
    private struct Gathering {
        struct Unit {
            let id: String
            let name: String
            /// The unit's content classes, from its norm.
            let classes: [NormAdopted.ContentClass]
        }

        let state: ClearanceState
        var units: [Unit] = []
        /// Kept apart from `units` so that appending a row never copies a unit's rows.
        var rows: [UnitRows] = []
        var slots: [String: Int] = [:]
        /// Dates as written: a million rows have a few hundred distinct days.
        var dayText: [Int: String] = [:]

        init(state: ClearanceState) { self.state = state }

        mutating func add(_ record: RecordState) {
            let r = record.registration
            let slot = slots[r.unit] ?? newSlot(r.unit)
            guard let classification = record.classification else { return }
            if record.status == .published, classification.disclosure == .proactive, let number = record.indexNumber {
                let unit = units[slot]
                let contentClass = unit.classes.first { $0.id == classification.contentClass }
                rows[slot].entries.append(Entry(
                    indexNumber: number, title: r.title, summary: r.summary, created: text(of: r.created), unit: r.unit,
                    unitName: unit.name, documentNumber: r.documentNumber ?? "", contentClass: classification.contentClass,
                    className: contentClass?.name ?? classification.contentClass, keyItem: classification.keyItem ?? "",
                    form: contentClass?.form ?? "", published: record.published.map { text(of: $0) } ?? ""))
            } else if classification.disclosure == .onRequest, record.status == .approved || record.status == .published {
                rows[slot].onRequest.append(r.title)
            }
        }

        private mutating func newSlot(_ id: String) -> Int {
            let name = state.reference.units[id]?.name ?? id
            units.append(Unit(id: id, name: name, classes: state.norms[id]?.classes ?? []))
            rows.append(UnitRows())
            slots[id] = units.count - 1
            return units.count - 1
        }

        private mutating func text(of day: Day) -> String {
            if let known = dayText[day.ordinal] { return known }
            let text = day.description
            dayText[day.ordinal] = text
            return text
        }
    }
}
