/// A records office's spreadsheet of records (see docs/import.md): a `CSVTable` whose header names
/// the columns in Chinese or English, turned into checked `RecordImportRow`s.
public enum RecordSheet {
    /// The columns a sheet may have, by their Chinese and English names.
    enum Column: Int, CaseIterable {
        case serial, title, documentNumber, created, summary, keyItem, disclosure, exemptionBasis

        var chinese: String {
            ["序号", "信息名称", "文号", "生成日期", "内容概述", "关键条目", "公开属性", "不予公开依据"][rawValue]
        }
        var english: String {
            [
                "serial", "title", "document number", "created", "summary", "key item", "disclosure",
                "exemption basis",
            ][rawValue]
        }
        var isRequired: Bool { self == .title || self == .created || self == .disclosure }

        /// Reads a header cell: the Chinese name, or the English one in any case with `_` or `-` for spaces.
        init?(header: String) {
            let name = header.filter { $0 != "\u{FEFF}" }.trimmingWhitespace()
            let english = name.lowercased()
                .split(whereSeparator: { $0 == "_" || $0 == "-" || $0.isWhitespace }).joined(separator: " ")
            guard let match = Self.allCases.first(where: { $0.chinese == name || $0.english == english }) else { return nil }
            self = match
        }
    }

    /// The records of `table` and every problem found in it, in line order.
    ///
    /// `exemptionBases` maps what a sheet may write in its basis column (a label such as `商业秘密`, or
    /// an id) to the basis id; matching ignores case and surrounding whitespace. `keyItems` are the
    /// scheme's key item ids.
    ///
    /// Nothing is thrown: a row with any problem is left out of `rows` and each of its problems is
    /// listed, so one pass shows everything to fix. A header without a title, created or disclosure
    /// column, or naming a column twice, gives only those problems and no rows. Columns with other
    /// names are ignored; rows whose fields are all empty are skipped. A row whose number of fields
    /// differs from the header's gives that one problem, as its fields cannot be matched to columns.
    public static func rows(
        from table: CSVTable, exemptionBases: [String: String], keyItems: Set<String>
    ) -> (rows: [RecordImportRow], problems: [ImportProblem]) {
        var columns: [Column: Int] = [:]
        var problems: [ImportProblem] = []
        for (index, name) in table.header.enumerated() {
            guard let column = Column(header: name) else { continue }
            if let earlier = columns[column] {
                problems.append(
                    ImportProblem(
                        line: table.headerLine, column: name.trimmingWhitespace(),
                        reason: "named twice in the header (columns \(earlier + 1) and \(index + 1)); keep one"))
            } else {
                columns[column] = index
            }
        }
        // Name missing columns in the header's language.
        let english =
            !columns.isEmpty && columns.allSatisfy { table.header[$0.value].trimmingWhitespace() != $0.key.chinese }
        for column in Column.allCases where column.isRequired && columns[column] == nil {
            problems.append(
                ImportProblem(
                    line: table.headerLine, column: english ? column.english : column.chinese,
                    reason: "the header has no such column (write \(column.chinese) or \(column.english))"))
        }
        if !problems.isEmpty { return ([], problems) }

        let sheet = Sheet(
            header: table.header, columns: columns, english: english, bases: BasisTable(exemptionBases),
            keyItems: keyItems)
        var rows: [RecordImportRow] = []
        for row in table.rows {
            switch sheet.read(row) {
            case .record(let record): rows.append(record)
            case .problems(let found): problems += found
            case .blank: continue
            }
        }
        return (rows, problems)
    }
}

extension RecordSheet {
    /// `10-01…10-11, 11-01…11-04`: ids sorted, with runs of consecutive numbers after the same prefix
    /// written as their ends.
    static func runs(of ids: Set<String>) -> String {
        func split(_ id: String) -> (prefix: Substring, number: Int, width: Int)? {
            guard let dash = id.lastIndex(of: "-"), let number = Int(id[id.index(after: dash)...]) else { return nil }
            return (id[...dash], number, id.distance(from: id.index(after: dash), to: id.endIndex))
        }
        var parts: [String] = []
        var run: [String] = []
        func close() {
            if let first = run.first, let last = run.last {
                parts.append(run.count > 2 ? "\(first)…\(last)" : run.joined(separator: ", "))
            }
            run = []
        }
        for id in ids.sorted() {
            if let previous = run.last, let a = split(previous), let b = split(id),
                a.prefix == b.prefix, a.width == b.width, b.number == a.number + 1
            {
                run.append(id)
            } else {
                close()
                run = [id]
            }
        }
        close()
        return parts.joined(separator: ", ")
    }
}

/// The caller's basis table, matched exactly first and then ignoring case, and the list of what it
/// allows, for messages.
private struct BasisTable {
    let exact: [String: String]
    let folded: [String: String]
    let allowed: String

    init(_ table: [String: String]) {
        exact = Dictionary(table.map { ($0.key.trimmingWhitespace(), $0.value) }, uniquingKeysWith: { a, b in min(a, b) })
        folded = Dictionary(exact.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, b in min(a, b) })
        // Each id with its shortest label (usually the Chinese one), to keep messages readable.
        let labels = Dictionary(grouping: table.filter { $0.key != $0.value }, by: \.value).compactMapValues {
            $0.map(\.key).min { ($0.count, $0) < ($1.count, $1) }
        }
        let described = Set(table.values).sorted().map { id in labels[id].map { "\(id) (\($0))" } ?? id }
        allowed = described.isEmpty ? "none are declared" : described.joined(separator: "; ")
    }

    /// The basis id `text` names (already trimmed), or nil.
    func id(of text: String) -> String? { exact[text] ?? folded[text.lowercased()] }
}

/// Reads one row at a time against a header that has every required column once.
private struct Sheet {
    let header: [String]
    let columns: [RecordSheet.Column: Int]
    let english: Bool
    let bases: BasisTable
    let keyItems: Set<String>

    enum Outcome {
        case record(RecordImportRow)
        case problems([ImportProblem])
        case blank
    }

    init(
        header: [String], columns: [RecordSheet.Column: Int], english: Bool, bases: BasisTable, keyItems: Set<String>
    ) {
        self.header = header
        self.columns = columns
        self.english = english
        self.bases = bases
        self.keyItems = keyItems
    }

    /// The column's name as the header writes it or, when absent, in the header's language.
    func name(_ column: RecordSheet.Column) -> String {
        if let index = columns[column] { return header[index].trimmingWhitespace() }
        return english ? column.english : column.chinese
    }

    func read(_ row: CSVRow) -> Outcome {
        if row.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { return .blank }
        guard row.fields.count == header.count else {
            let hint =
                row.fields.count > header.count
                ? "a field holding a comma must be in quotes" : "every row needs all its fields, empty ones too"
            let reason = "the row has \(row.fields.count) fields but the header has \(header.count); \(hint)"
            return .problems([ImportProblem(line: row.line, column: "", reason: reason)])
        }
        // The field as written, or "" when the sheet has no such column.
        func field(_ column: RecordSheet.Column) -> String { columns[column].map { row.fields[$0] } ?? "" }
        func optional(_ column: RecordSheet.Column) -> String? {
            let value = field(column).trimmingWhitespace()
            return value.isEmpty ? nil : value
        }
        var found: [(column: RecordSheet.Column, reason: String)] = []

        let title = field(.title)
        if title.trimmingWhitespace().isEmpty { found.append((.title, "is empty; every record needs a title")) }

        let createdText = field(.created).trimmingWhitespace()
        let created = LooseDate.day(from: createdText)
        if createdText.isEmpty {
            found.append((.created, "is empty; write the day the information was created as \(LooseDate.acceptedForms)"))
        } else if created == nil {
            found.append((.created, "\"\(createdText)\" is not a real day written as \(LooseDate.acceptedForms)"))
        }

        let disclosureText = field(.disclosure).trimmingWhitespace()
        let disclosure = Disclosure(written: disclosureText)
        if disclosure == nil {
            let allowed = Disclosure.allCases.map(\.label).joined(separator: ", ")
            let what = disclosureText.isEmpty ? "is empty" : "\"\(disclosureText)\" is not a disclosure"
            found.append((.disclosure, "\(what); write one of \(allowed)"))
        }

        let keyItem = optional(.keyItem)
        if let keyItem, !keyItems.contains(keyItem) {
            let allowed = keyItems.isEmpty ? "none are declared" : RecordSheet.runs(of: keyItems)
            let reason = "\"\(keyItem)\" is not a key item of the scheme (allowed: \(allowed)); leave it empty if none applies"
            found.append((.keyItem, reason))
        }

        let basisText = optional(.exemptionBasis)
        let basis = basisText.flatMap(bases.id(of:))
        if let basisText, basis == nil {
            found.append((.exemptionBasis, "\"\(basisText)\" is not an exemption basis (allowed: \(bases.allowed))"))
        }
        if disclosure == .exempt, basisText == nil {
            let reason = "is empty but the record is \(Disclosure.exempt.label); name its basis (\(bases.allowed))"
            found.append((.exemptionBasis, reason))
        }
        if let disclosure, disclosure != .exempt, basisText != nil {
            let reason =
                "names a basis but the record is \(disclosure.label), not exempt; "
                + "clear the basis or mark the record \(Disclosure.exempt.chinese)"
            found.append((.exemptionBasis, reason))
        }

        guard found.isEmpty, let created, let disclosure else {
            // In the order of the file's columns, so the list reads left to right.
            func position(_ item: (offset: Int, element: (column: RecordSheet.Column, reason: String))) -> (Int, Int) {
                (columns[item.element.column] ?? Int.max, item.offset)
            }
            let ordered = found.enumerated().sorted { position($0) < position($1) }.map(\.element)
            return .problems(ordered.map { ImportProblem(line: row.line, column: name($0.column), reason: $0.reason) })
        }
        return .record(
            RecordImportRow(
                line: row.line, serial: optional(.serial), title: title, documentNumber: optional(.documentNumber),
                created: created, summary: field(.summary), keyItem: keyItem, disclosure: disclosure,
                exemptionBasis: basis))
    }
}
