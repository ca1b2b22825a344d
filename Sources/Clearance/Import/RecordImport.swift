import EventLog

/// Turns a checked spreadsheet into the events that register and classify its records, for one unit
/// under its adopted norm. Every problem of every row is reported; with any problem, no events.
public struct RecordImport {
    public let unit: String
    /// Record ids are `<prefix>-<serial or line>`.
    public let idPrefix: String
    /// The content class for rows whose key item no class of the norm covers (or that have none).
    public let defaultClass: String?

    public init(unit: String, idPrefix: String, defaultClass: String?) {
        (self.unit, self.idPrefix, self.defaultClass) = (unit, idPrefix, defaultClass)
    }

    /// What the import would append, or every problem found.
    public func events(from bytes: [UInt8], state: ClearanceState, at day: Day, actor: String) throws
        -> (entries: [NewEntry], rows: [RecordImportRow], encoding: String, problems: [ImportProblem])
    {
        let (text, encoding) = try TextDecoding.decode(bytes)
        let table = try CSVReader().read(text)
        var (rows, problems) = RecordSheet.rows(
            from: table, exemptionBases: state.reference.exemptionNames, keyItems: Set(state.reference.keyItems.keys))
        guard let norm = state.norms[unit] else {
            problems.append(ImportProblem(line: table.headerLine, column: "", reason: "\(unit) has adopted no classification norm (stage 2): adopt one before importing"))
            return ([], rows, encoding, problems)
        }
        var entries: [NewEntry] = []
        for row in rows {
            let covering = row.keyItem.flatMap { item in norm.classes.first { $0.keyItems.contains(item) }?.id }
            guard let contentClass = covering ?? defaultClass else {
                let why = row.keyItem.map { "no class of \(unit)'s norm covers key item \($0)" } ?? "the row has no key item"
                problems.append(ImportProblem(line: row.line, column: "关键条目", reason: "\(why): pass --default-class CLASS (classes: \(norm.classes.map(\.id).joined(separator: ", ")))"))
                continue
            }
            let record = "\(idPrefix)-\(row.serial ?? String(row.line))"
            let registered = RecordRegistered(
                at: day, record: record, unit: unit, title: row.title, documentNumber: row.documentNumber, created: row.created,
                summary: row.summary)
            let classified = RecordClassified(
                at: day, record: record, contentClass: contentClass, keyItem: row.keyItem, disclosure: row.disclosure,
                basis: row.exemptionBasis)
            // Entry ids make a repeated import a no-op instead of a second copy.
            entries.append(registered.entry(actor: actor, id: "import:\(record):registered"))
            entries.append(classified.entry(actor: actor, id: "import:\(record):classified"))
        }
        return (problems.isEmpty ? entries : [], rows, encoding, problems.sorted { $0.line < $1.line })
    }
}
