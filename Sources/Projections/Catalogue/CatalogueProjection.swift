import Clearance
import EventLog

/// A disclosure catalogue (公开目录): every published proactive record of the chosen units, with the
/// fields the Regulations' catalogue entry asks for, and the titles of what is available on request.
/// Exempt, unreviewed and withdrawn records never appear.
///
/// This is one catalogue in memory, for the `catalogue` command; a rebuild writes hundreds of them
/// straight to files with `CatalogueFiles`, from the same rows and in the same formats.
public struct CatalogueProjection: Sendable {
    public struct Entry: Sendable, Equatable {
        public let indexNumber: String
        public let title: String
        public let summary: String
        public let created: String
        public let unit: String
        public let unitName: String
        public let documentNumber: String
        /// The class's id and, for people, its name in the unit's norm (the id if the norm has none).
        public let contentClass: String
        public let className: String
        public let keyItem: String
        public let form: String
        public let published: String
    }

    public let title: String
    /// By index number.
    public let entries: [Entry]
    /// Titles (and units) of records disclosed on request, by unit and title.
    public let onRequest: [(unit: String, title: String)]

    /// The catalogue of the units `units` (one unit, a tier, a district), as `state` has it.
    public init(title: String, units: Set<String>, state: ClearanceState) {
        let rows = CatalogueRows(units: units, state: state)
        self.init(title: title, entries: rows.entries(ofUnits: units), onRequest: rows.onRequest(ofUnits: units))
    }

    init(title: String, entries: [Entry], onRequest: [(unit: String, title: String)]) {
        (self.title, self.entries, self.onRequest) = (title, entries, onRequest)
    }

    /// Units selected by id, by tier or by district, from the reference data.
    public static func units(unit: String?, tier: Int?, district: String?, in state: ClearanceState) -> Set<String> {
        Set(state.reference.units.filter { id, u in
            (unit == nil || id == unit) && (tier == nil || u.tier == tier) && (district == nil || u.district == district || id == district)
        }.keys)
    }

    public static let header = ["索引号", "信息名称", "内容概述", "生成日期", "发布机构", "文号", "类别", "关键条目", "公开形式", "发布日期"]

    /// The catalogue as a file in `format` holds it (a JSON document ends with a newline).
    public func document(_ format: CatalogueFormat) -> [UInt8] {
        var out: [UInt8] = []
        var document = CatalogueDocument(format: format, title: title, to: &out)
        for index in entries.indices { document.append(entries[index], to: &out) }
        for item in onRequest { document.append(onRequest: item.unit, title: item.title, to: &out) }
        document.finish(to: &out)
        return out
    }

    /// The published entries, then after an empty row a second table: the titles available on request.
    public var csv: [UInt8] { document(.csv) }

    public var html: String { String(decoding: document(.html), as: UTF8.self) }

    /// The catalogue as a JSON value (`document(.json)` writes its bytes without building it).
    public var json: JSONValue {
        .object([
            ("title", .string(title)),
            ("entries", .array(entries.map { e in
                .object([
                    ("indexNumber", .string(e.indexNumber)), ("title", .string(e.title)), ("summary", .string(e.summary)),
                    ("created", .string(e.created)), ("unit", .string(e.unit)), ("issuer", .string(e.unitName)),
                    ("documentNumber", .string(e.documentNumber)), ("class", .string(e.contentClass)),
                    ("className", .string(e.className)), ("keyItem", .string(e.keyItem)),
                    ("form", .string(e.form)), ("published", .string(e.published)),
                ])
            })),
            ("onRequest", .array(onRequest.map { .object([("unit", .string($0.unit)), ("title", .string($0.title))]) })),
        ])
    }
}
