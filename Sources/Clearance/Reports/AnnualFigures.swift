import EventLog

/// A unit's figures for an annual report on `year`, read off the log: records published and
/// classified in the year; requests received, carried over, handled by outcome row and carried
/// forward, per kind of applicant where the report counts by kind; reconsiderations and lawsuits by
/// how they ended. A filed report must carry exactly these (`report.filed`), and the city's report is
/// the sum of its units' filed ones.
public struct AnnualFigures: Sendable, Equatable {
    /// One applicant column of the request table (`all` where the table has one).
    public struct RequestColumn: Sendable, Equatable {
        public var column: String
        public var received = 0, carriedOver = 0, carriedForward = 0
        /// Outcome row id -> requests handled in the year with it (a lapsed request: `other`).
        public var handled: [String: Int] = [:]
        public var handledTotal: Int { handled.values.reduce(0, +) }
        /// received + carried over = handled + carried forward: the table's own check.
        public var balances: Bool { received + carriedOver == handledTotal + carriedForward }

        public init(column: String) { self.column = column }
    }

    public var year: Int
    public var published = 0, classifiedOnRequest = 0, classifiedExempt = 0
    /// Records published in the year by the key item of the disclosure scheme they were classified
    /// under (`none` without one): proactive disclosure by category.
    public var publishedByKeyItem: [String: Int] = [:]
    public var requests: [RequestColumn] = []
    /// `reconsideration`, `litigation/direct`, `litigation/after-reconsideration` -> outcome (upheld,
    /// corrected, other, pending) -> cases.
    public var remedies: [String: [String: Int]] = [:]
    /// For each figure of `requests`, the requests behind it (`received/natural-person`,
    /// `handled/disclosed/all`…), so a difference can name them. Not part of equality.
    public var behind: [String: [String]] = [:]

    public static func == (a: AnnualFigures, b: AnnualFigures) -> Bool {
        (a.year, a.published, a.classifiedOnRequest, a.classifiedExempt, a.requests, a.remedies)
            == (b.year, b.published, b.classifiedOnRequest, b.classifiedExempt, b.requests, b.remedies)
            && a.publishedByKeyItem == b.publishedByKeyItem
    }

    public init(year: Int) { self.year = year }

    /// The figures of `unit` for `year` as the state holds them.
    public init(unit: String, year: Int, state: ClearanceState) {
        self.year = year
        let first = Day("\(year)-01-01")!, last = Day("\(year)-12-31")!
        state.records.forEach(inUnits: [unit]) { record in
            if let day = record.published, day.year == year {
                published += 1
                publishedByKeyItem[record.classification?.keyItem ?? "none", default: 0] += 1
            }
            if let c = record.classification, c.at.year == year {
                if c.disclosure == .onRequest { classifiedOnRequest += 1 }
                if c.disclosure == .exempt { classifiedExempt += 1 }
            }
        }
        let ruleSet = state.reference.ruleSet(on: last.advanced(by: 1))
        let kinds = ruleSet?.applicantKinds.map(\.id) ?? []
        var columns = Dictionary(uniqueKeysWithValues: (kinds.isEmpty ? ["all"] : kinds).map { ($0, RequestColumn(column: $0)) })
        for (id, request) in state.requests.filter({ $0.value.received.unit == unit }).sorted(by: { $0.key < $1.key }) {
            let column = kinds.isEmpty ? "all" : request.received.applicantKind ?? "natural-person"
            // Finished on the day it was answered, or the day it lapsed uncorrected.
            let clock = RequestClock(of: request, in: state, on: last)
            let finished: (day: Day, row: String)? = request.answered.map { ($0.at, $0.outcome ?? "other") }
                ?? { if case .withdrawn(let on) = clock.standing { return (on, "other") } else { return nil } }()
            let received = request.received.at
            guard received <= last, finished.map({ $0.day >= first }) ?? true else { continue }
            func count(_ figure: String, _ change: (inout RequestColumn) -> Void) {
                change(&columns[column, default: RequestColumn(column: column)])
                behind["\(figure)/\(column)", default: []].append(id)
            }
            if received >= first { count("received") { $0.received += 1 } } else { count("carriedOver") { $0.carriedOver += 1 } }
            if let finished, finished.day <= last {
                count("handled/\(finished.row)") { $0.handled[finished.row, default: 0] += 1 }
            } else {
                count("carriedForward") { $0.carriedForward += 1 }
            }
        }
        requests = (kinds.isEmpty ? ["all"] : kinds).compactMap { columns[$0] }
        for (_, remedy) in state.supervision.remedyCases where remedy.filed.unit == unit && remedy.filed.at <= last {
            if let decided = remedy.decided, decided.at < first { continue }
            let key = remedy.filed.kind == .reconsideration ? "reconsideration" : "litigation/\(remedy.filed.route?.rawValue ?? "direct")"
            let outcome = remedy.decided.flatMap { $0.at <= last ? $0.outcome.rawValue : nil } ?? "pending"
            remedies[key, default: [:]][outcome, default: 0] += 1
        }
    }

    /// The request table's totals over every column.
    public var total: RequestColumn {
        requests.reduce(into: RequestColumn(column: "total")) { sum, column in
            sum.received += column.received
            sum.carriedOver += column.carriedOver
            sum.carriedForward += column.carriedForward
            for (row, n) in column.handled { sum.handled[row, default: 0] += n }
        }
    }

    /// What differs between `filed` and these (the log's) figures, each naming the requests the log
    /// has behind it; empty when they agree.
    public func differences(from filed: AnnualFigures) -> [String] {
        var out: [String] = []
        for (name, mine, theirs) in [("published", published, filed.published), ("classifiedOnRequest", classifiedOnRequest, filed.classifiedOnRequest), ("classifiedExempt", classifiedExempt, filed.classifiedExempt)] where mine != theirs {
            out.append("\(name): the report says \(theirs), the log has \(mine)")
        }
        if publishedByKeyItem != filed.publishedByKeyItem {
            out.append("published by key item: the report says \(filed.publishedByKeyItem.sorted { $0.key < $1.key }), the log has \(publishedByKeyItem.sorted { $0.key < $1.key })")
        }
        let columns = Set(requests.map(\.column) + filed.requests.map(\.column)).sorted()
        for column in columns {
            let mine = requests.first { $0.column == column } ?? RequestColumn(column: column)
            let theirs = filed.requests.first { $0.column == column } ?? RequestColumn(column: column)
            var figures: [(String, Int, Int)] = [("received", mine.received, theirs.received), ("carriedOver", mine.carriedOver, theirs.carriedOver), ("carriedForward", mine.carriedForward, theirs.carriedForward)]
            for row in Set(mine.handled.keys).union(theirs.handled.keys).sorted() { figures.append(("handled/\(row)", mine.handled[row] ?? 0, theirs.handled[row] ?? 0)) }
            for (figure, m, t) in figures where m != t {
                let ids = behind["\(figure)/\(column)"] ?? []
                let named = ids.isEmpty ? "none" : ids.prefix(20).joined(separator: ", ") + (ids.count > 20 ? ", … (\(ids.count))" : "")
                out.append("requests \(figure) (\(column)): the report says \(t), the log has \(m): \(named)")
            }
        }
        if remedies != filed.remedies { out.append("reconsideration and litigation: the report says \(filed.remedies), the log has \(remedies)") }
        return out
    }

    public var json: JSONValue {
        .object([
            ("year", .integer(year)),
            ("proactive", .object([
                ("published", .integer(published)), ("classifiedOnRequest", .integer(classifiedOnRequest)), ("classifiedExempt", .integer(classifiedExempt)),
                ("byKeyItem", .object(publishedByKeyItem.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
            ])),
            ("requests", .array(requests.map { c in
                .object([
                    ("column", .string(c.column)), ("received", .integer(c.received)), ("carriedOver", .integer(c.carriedOver)),
                    ("handled", .object(c.handled.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
                    ("carriedForward", .integer(c.carriedForward)),
                ])
            })),
            ("remedies", .object(remedies.sorted { $0.key < $1.key }.map { key, outcomes in
                (key, .object(outcomes.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) }))
            })),
        ])
    }

    /// Reads figures as a `report.filed` event carries them; `EventDataError` names a bad field.
    public init(json: JSONValue, type: String) throws {
        let f = try Fields(type: type, json)
        year = try f.int("year", in: 1990...2100)
        func int(_ value: JSONValue?, _ field: String) throws -> Int {
            guard let n = value?.intValue, n >= 0 else { throw f.fail(field, "must be a whole number, 0 or more") }
            return n
        }
        let proactive = json["proactive"]
        published = try int(proactive?["published"], "proactive.published")
        classifiedOnRequest = try int(proactive?["classifiedOnRequest"], "proactive.classifiedOnRequest")
        classifiedExempt = try int(proactive?["classifiedExempt"], "proactive.classifiedExempt")
        for (item, n) in proactive?["byKeyItem"]?.objectValue ?? [] { publishedByKeyItem[item] = try int(n, "proactive.byKeyItem.\(item)") }
        guard let columns = json["requests"]?.arrayValue else { throw f.fail("requests", "must be a list of columns") }
        requests = try columns.enumerated().map { i, c in
            guard let name = c["column"]?.stringValue else { throw f.fail("requests[\(i)].column", "is required") }
            var column = RequestColumn(column: name)
            column.received = try int(c["received"], "requests[\(i)].received")
            column.carriedOver = try int(c["carriedOver"], "requests[\(i)].carriedOver")
            column.carriedForward = try int(c["carriedForward"], "requests[\(i)].carriedForward")
            for (row, n) in c["handled"]?.objectValue ?? [] { column.handled[row] = try int(n, "requests[\(i)].handled.\(row)") }
            return column
        }
        for (key, outcomes) in json["remedies"]?.objectValue ?? [] {
            for (outcome, n) in outcomes.objectValue ?? [] { remedies[key, default: [:]][outcome] = try int(n, "remedies.\(key).\(outcome)") }
        }
    }
}
