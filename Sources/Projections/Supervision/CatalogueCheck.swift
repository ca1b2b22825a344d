import Clearance

/// The worksheet's check of a unit's catalogue against its records: every record published is listed
/// (as `CatalogueRows` lists it, the rows every catalogue of the unit is made of), nothing else is,
/// the listed entry says what the record says, and the index numbers run without gaps. Withdrawn and
/// corrected records are shown as such, with the log's withdrawal and corrections, rather than vanished.
public struct CatalogueCheck: Sendable {
    /// A record that holds an index number (published, or withdrawn after publication).
    public struct Line: Sendable {
        public let record: RecordState
        public let indexNumber: String
        /// Whether the catalogue lists it.
        public let listed: Bool
        /// The log's corrections of the record, in order.
        public let corrections: [Correction]
        public let withdrawal: RecordWithdrawn?
    }

    public struct Correction: Sendable {
        public let event: RecordCorrected
        /// Whether the record was published when it was corrected (its publication clock then restarts).
        public let afterPublication: Bool
    }

    public enum Problem: String, Sendable, CaseIterable {
        case notListed = "published-not-listed"
        case listedNotPublished = "listed-not-published"
        case withdrawnListed = "withdrawn-listed"
        case entryDiffers = "entry-differs"
        case duplicateNumber = "duplicate-index-number"
        case foreignNumber = "foreign-index-number"
    }

    /// Something the catalogue and the records disagree on, by record id (empty for a listed entry no
    /// record holds) and index number.
    public struct Discrepancy: Sendable, Equatable {
        public let record: String
        public let indexNumber: String
        public let problem: Problem
        /// What differs, for `entryDiffers`.
        public let detail: String
    }

    public let registered: Int
    /// Records published and not withdrawn.
    public let published: Int
    public let withdrawn: Int
    /// Entries the catalogue lists for the unit.
    public let listed: Int
    /// Records with any correction in the log, and those corrected after publication.
    public let corrected: Int
    public let correctedAfterPublication: Int
    /// By index number.
    public let lines: [Line]
    public let numbers: IndexNumberGaps
    public let discrepancies: [Discrepancy]

    /// - Parameters: `records` are the unit's records; `entries` its catalogue rows; `steps` its
    ///   records' trails from the log (for corrections and withdrawals).
    public init(unit: String, records: [RecordState], entries: [CatalogueProjection.Entry], steps: [String: [AuditTrail.RecordStep]]) {
        var corrections: [String: [Correction]] = [:]
        var withdrawals: [String: RecordWithdrawn] = [:]
        for (record, trail) in steps {
            for step in trail {
                switch step.event {
                case .recordCorrected(let e):
                    // A correction leaves the status as it was: the trail's status column is the one it had.
                    corrections[record, default: []].append(Correction(event: e, afterPublication: step.row.change == RecordState.Status.published.rawValue))
                case .recordWithdrawn(let e): withdrawals[record] = e
                default: break
                }
            }
        }
        let entriesByNumber = Dictionary(entries.map { ($0.indexNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let numbered = records.filter { $0.indexNumber != nil }.sorted { ($0.indexNumber!, $0.registration.record) < ($1.indexNumber!, $1.registration.record) }
        var found: [Discrepancy] = []
        var lines: [Line] = []
        for record in numbered {
            let number = record.indexNumber!
            let id = record.registration.record
            let entry = entriesByNumber[number]
            lines.append(Line(record: record, indexNumber: number, listed: entry != nil, corrections: corrections[id] ?? [], withdrawal: withdrawals[id]))
            switch (record.status, entry) {
            case (.published, nil): found.append(Discrepancy(record: id, indexNumber: number, problem: .notListed, detail: ""))
            case (.withdrawn, _?): found.append(Discrepancy(record: id, indexNumber: number, problem: .withdrawnListed, detail: ""))
            case (.published, let entry?):
                let differs = Self.differences(entry, record)
                if !differs.isEmpty { found.append(Discrepancy(record: id, indexNumber: number, problem: .entryDiffers, detail: differs)) }
            default: break
            }
        }
        let holders = Dictionary(grouping: numbered, by: { $0.indexNumber! })
        for entry in entries where holders[entry.indexNumber]?.contains(where: { $0.status == .published || $0.status == .withdrawn }) != true {
            found.append(Discrepancy(record: holders[entry.indexNumber]?.first?.registration.record ?? "", indexNumber: entry.indexNumber, problem: .listedNotPublished, detail: ""))
        }
        numbers = IndexNumberGaps(unit: unit, numbers: numbered.map { $0.indexNumber! })
        for number in numbers.duplicates {
            for holder in holders[number] ?? [] { found.append(Discrepancy(record: holder.registration.record, indexNumber: number, problem: .duplicateNumber, detail: "")) }
        }
        for number in numbers.foreign {
            for holder in holders[number] ?? [] { found.append(Discrepancy(record: holder.registration.record, indexNumber: number, problem: .foreignNumber, detail: "")) }
        }
        self.lines = lines
        discrepancies = found
        registered = records.count
        published = records.filter { $0.status == .published }.count
        withdrawn = records.filter { $0.status == .withdrawn }.count
        listed = entries.count
        corrected = corrections.count
        correctedAfterPublication = corrections.values.filter { $0.contains(where: \.afterPublication) }.count
    }

    /// The fields a listed entry shows that differ from its record: `title`, `published`.
    private static func differences(_ entry: CatalogueProjection.Entry, _ record: RecordState) -> String {
        var fields: [String] = []
        if entry.title != record.registration.title { fields.append("title") }
        if entry.published != (record.published?.description ?? "") { fields.append("published") }
        if entry.created != record.registration.created.description { fields.append("created") }
        return fields.joined(separator: ", ")
    }
}
