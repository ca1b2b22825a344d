import EventLog

/// What the general office has done to supervise the work, in the order recorded: the progress
/// notices it issued and the findings of its inspections, with their remedies; and what units
/// answer to it for: their annual reports, and the reconsiderations and lawsuits over their decisions.
public struct Supervision: Sendable, Equatable {
    public struct Finding: Sendable, Equatable {
        public let found: InspectionFinding
        public var remedied: InspectionRemedied?

        /// Whether it is still open on `day` (remedied later, or not at all).
        public func isOpen(on day: Day) -> Bool { found.at <= day && (remedied.map { $0.at > day } ?? true) }
    }

    public struct RemedyCase: Sendable, Equatable {
        public let filed: RemedyFiled
        public var decided: RemedyDecided?
    }

    public struct Report: Sendable, Equatable {
        public let filed: ReportFiled
        public var published: ReportPublished?
    }

    public internal(set) var notices: [NoticeIssued] = []
    /// Reconsiderations and lawsuits over disclosure decisions, by case id.
    public internal(set) var remedyCases: [String: RemedyCase] = [:]
    /// Annual reports filed, by `reportKey(unit, year)`.
    public internal(set) var reports: [String: Report] = [:]

    public static func reportKey(_ unit: String, _ year: Int) -> String { "\(unit)/\(year)" }
    public internal(set) var findings: [String: Finding] = [:]
    /// Finding ids in the order found.
    public internal(set) var findingOrder: [String] = []

    public init() {}

    /// The next notice's number in `year`: notices are numbered from 1 each year (第N期).
    public func nextNoticeNumber(in year: Int) -> Int {
        (notices.filter { $0.at.year == year }.map(\.number).max() ?? 0) + 1
    }

    /// The findings at `unit` (every unit when nil), in the order found.
    public func findings(at unit: String? = nil) -> [Finding] {
        findingOrder.compactMap { findings[$0] }.filter { unit == nil || $0.found.unit == unit }
    }

    var json: JSONValue {
        .object([
            ("notices", .array(notices.map(\.data))),
            ("findings", .array(findings(at: nil).map { finding in
                .object([("found", finding.found.data)] + (finding.remedied.map { [("remedied", $0.data)] } ?? []))
            })),
            ("remedyCases", .array(remedyCases.keys.sorted().map { id in
                let item = remedyCases[id]!
                return .object([("filed", item.filed.data)] + (item.decided.map { [("decided", $0.data)] } ?? []))
            })),
            ("reports", .array(reports.keys.sorted().map { key in
                let item = reports[key]!
                return .object([("filed", item.filed.data)] + (item.published.map { [("published", $0.data)] } ?? []))
            })),
        ])
    }

    init(json: JSONValue) throws {
        notices = try (json["notices"]?.arrayValue ?? []).map { try NoticeIssued(data: $0) }
        for item in json["findings"]?.arrayValue ?? [] {
            let found = try InspectionFinding(data: item["found"] ?? .null)
            findingOrder.append(found.finding)
            findings[found.finding] = Finding(found: found, remedied: try item["remedied"].map { try InspectionRemedied(data: $0) })
        }
        for item in json["remedyCases"]?.arrayValue ?? [] {
            let filed = try RemedyFiled(data: item["filed"] ?? .null)
            remedyCases[filed.remedyCase] = RemedyCase(filed: filed, decided: try item["decided"].map { try RemedyDecided(data: $0) })
        }
        for item in json["reports"]?.arrayValue ?? [] {
            let filed = try ReportFiled(data: item["filed"] ?? .null)
            reports[Self.reportKey(filed.unit, filed.year)] = Report(filed: filed, published: try item["published"].map { try ReportPublished(data: $0) })
        }
    }
}
