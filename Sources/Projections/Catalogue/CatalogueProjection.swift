import Clearance
import EventLog

/// A disclosure catalogue (公开目录): every published proactive record of the chosen units, with the
/// fields the Regulations' catalogue entry asks for, and the titles of what is available on request.
/// Exempt, unreviewed and withdrawn records never appear.
public struct CatalogueProjection: Sendable {
    public struct Entry: Sendable, Equatable {
        public let indexNumber: String
        public let title: String
        public let summary: String
        public let created: String
        public let unit: String
        public let unitName: String
        public let documentNumber: String
        public let contentClass: String
        public let keyItem: String
        public let form: String
        public let published: String
    }

    public let title: String
    public let entries: [Entry]
    /// Titles (and units) of records disclosed on request.
    public let onRequest: [(unit: String, title: String)]

    /// The catalogue of the units `units` (one unit, a tier, a district), as `state` has it.
    public init(title: String, units: Set<String>, state: ClearanceState) {
        self.title = title
        var entries: [Entry] = []
        var onRequest: [(String, String)] = []
        state.records.forEach(inUnits: units) { record in
            let r = record.registration
            guard let classification = record.classification else { return }
            if record.status == .published, classification.disclosure == .proactive, let number = record.indexNumber {
                let form = state.norms[r.unit]?.classes.first { $0.id == classification.contentClass }?.form ?? ""
                entries.append(Entry(
                    indexNumber: number, title: r.title, summary: r.summary, created: r.created.description, unit: r.unit,
                    unitName: state.reference.units[r.unit]?["name"]?.stringValue ?? r.unit, documentNumber: r.documentNumber ?? "",
                    contentClass: classification.contentClass, keyItem: classification.keyItem ?? "", form: form,
                    published: record.published?.description ?? ""))
            } else if classification.disclosure == .onRequest, record.status == .approved || record.status == .published {
                onRequest.append((r.unit, r.title))
            }
        }
        self.entries = entries.sorted { $0.indexNumber < $1.indexNumber }
        self.onRequest = onRequest.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// Units selected by id, by tier or by district, from the reference data.
    public static func units(unit: String?, tier: Int?, district: String?, in state: ClearanceState) -> Set<String> {
        Set(state.reference.units.filter { id, data in
            (unit == nil || id == unit) && (tier == nil || data["tier"]?.intValue == tier)
                && (district == nil || data["district"]?.stringValue == district || id == district)
        }.keys)
    }

    public static let header = ["索引号", "信息名称", "内容概述", "生成日期", "发布机构", "文号", "类别", "关键条目", "公开形式", "发布日期"]

    var rows: [[String]] {
        entries.map { [$0.indexNumber, $0.title, $0.summary, $0.created, $0.unitName, $0.documentNumber, $0.contentClass, $0.keyItem, $0.form, $0.published] }
    }

    /// The published entries, then after an empty row a second table: the titles available on request.
    public var csv: [UInt8] {
        CSVWriter.document(header: Self.header, rows: rows + [[]] + [["依申请公开信息"]] + onRequest.map { [$0.title] })
    }

    public var json: JSONValue {
        .object([
            ("title", .string(title)),
            ("entries", .array(entries.map { e in
                .object([
                    ("indexNumber", .string(e.indexNumber)), ("title", .string(e.title)), ("summary", .string(e.summary)),
                    ("created", .string(e.created)), ("unit", .string(e.unit)), ("issuer", .string(e.unitName)),
                    ("documentNumber", .string(e.documentNumber)), ("class", .string(e.contentClass)), ("keyItem", .string(e.keyItem)),
                    ("form", .string(e.form)), ("published", .string(e.published)),
                ])
            })),
            ("onRequest", .array(onRequest.map { .object([("unit", .string($0.unit)), ("title", .string($0.title))]) })),
        ])
    }

    public var html: String {
        var body = "<h1>\(HTML.escape(title))</h1>\n<h2>主动公开目录</h2>\n" + HTML.table(header: Self.header, rows: rows)
        body += "\n<h2>依申请公开信息</h2>\n<ul>\n"
        for item in onRequest { body += "<li>\(HTML.escape(item.title))</li>\n" }
        return HTML.page(title: title, body: body + "</ul>")
    }
}
