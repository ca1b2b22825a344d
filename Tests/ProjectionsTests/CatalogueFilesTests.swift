import EventLog
import Foundation
import Testing
import TestSupport

@testable import Projections

/// Catalogues written a piece at a time (`CatalogueFormat`, `CatalogueFiles`) are byte for byte what
/// the whole-document renderers wrote: a JSON tree through `JSONWriter`, `CSVWriter.document`, and
/// `HTML.page` around `HTML.table`.
@Suite struct CatalogueFilesTests {
    typealias Entry = CatalogueProjection.Entry

    static func entry(_ number: String, unit: String, title: String = "标题", summary: String = "") -> Entry {
        Entry(
            indexNumber: number, title: title, summary: summary, created: "2007-10-07", unit: unit, unitName: "单位 \(unit)",
            documentNumber: "〔2007〕430号", contentClass: "plans", className: "规划计划", keyItem: "11-01", form: "portal", published: "2007-11-05")
    }

    /// The catalogue as the renderers before `CatalogueFormat` made it, whole.
    static func wholeDocument(_ catalogue: CatalogueProjection, _ format: CatalogueFormat) -> [UInt8] {
        let rows = catalogue.entries.map {
            [$0.indexNumber, $0.title, $0.summary, $0.created, $0.unitName, $0.documentNumber, $0.className, $0.keyItem, $0.form, $0.published]
        }
        switch format {
        case .csv:
            return CSVWriter.document(header: CatalogueProjection.header, rows: rows + [[]] + [["依申请公开信息"]] + catalogue.onRequest.map { [$0.title] })
        case .json:
            return JSONWriter.bytes(catalogue.json) + [0x0A]
        case .html:
            var body = "<h1>\(HTML.escape(catalogue.title))</h1>\n<h2>主动公开目录</h2>\n" + HTML.table(header: CatalogueProjection.header, rows: rows)
            body += "\n<h2>依申请公开信息</h2>\n<ul>\n"
            for item in catalogue.onRequest { body += "<li>\(HTML.escape(item.title))</li>\n" }
            return Array(HTML.page(title: catalogue.title, body: body + "</ul>").utf8)
        }
    }

    /// Text every format must escape or quote its own way.
    static let awkward = [
        "", "普通标题", #"关于"红星路"拆迁, 补偿"#, "两行\n文字\r\n", "tab\there", "back\\slash", "control \u{01}\u{1F}\u{08}\u{0C}",
        "<script>alert('x') & \"y\"</script>", "emoji 🏛️ and é", ",leading comma",
    ]

    @Test(arguments: CatalogueFormat.allCases)
    func piecesMakeWhatTheWholeRenderersMade(format: CatalogueFormat) {
        let entries = Self.awkward.enumerated().map { index, text in
            Self.entry("u/2007-\(String(format: "%05d", index + 1))", unit: index % 2 == 0 ? "u" : "u&\"1\"", title: text, summary: text)
        }
        let onRequest = Self.awkward.map { (unit: "u,\"x\"", title: $0) }
        for catalogue in [
            CatalogueProjection(title: #"目录 <"引号"> & 'x'"#, entries: entries, onRequest: onRequest),
            CatalogueProjection(title: "只有条目", entries: entries, onRequest: []),
            CatalogueProjection(title: "只有依申请", entries: [], onRequest: onRequest),
            CatalogueProjection(title: "", entries: [], onRequest: []),
            CatalogueProjection(title: "一条", entries: [entries[2]], onRequest: [onRequest[3]]),
        ] {
            let document = catalogue.document(format)
            #expect(document == Self.wholeDocument(catalogue, format), "\(format): \(catalogue.title)")
        }
    }

    /// Rows of a tier of three units and two districts, where one unit's index numbers fall between
    /// another's (numbers the rules would not issue, but the catalogue must still order them).
    static func rows(interleaved: Bool) -> CatalogueRows {
        let a = (1...5).map { Self.entry("a/2007-0000\($0)", unit: "a", title: "甲\($0)") }
        let b = (1...3).map { Self.entry(interleaved ? "a/2007-0000\($0)x" : "b/2007-0000\($0)", unit: "b", title: "乙\($0)") }
        let c = [Self.entry("c/2008-00001", unit: "c", title: "丙")]
        return CatalogueRows(units: [
            "a": .init(entries: a, onRequest: ["甲依申请"]), "b": .init(entries: b, onRequest: ["乙一", "乙二"]),
            "c": .init(entries: c, onRequest: []), "d": .init(entries: [], onRequest: ["丁"]),
        ])
    }

    static let scopes = [
        CatalogueScope(name: "a", title: "甲 目录", units: ["a"]), CatalogueScope(name: "b", title: "乙 目录", units: ["b"]),
        CatalogueScope(name: "c", title: "丙 目录", units: ["c"]), CatalogueScope(name: "d", title: "丁 目录", units: ["d"]),
        CatalogueScope(name: "tier-1", title: "第1层级 目录", units: ["a", "b", "c", "d"]),
        CatalogueScope(name: "east", title: "东区 目录", units: ["a", "c"]), CatalogueScope(name: "empty", title: "空 目录", units: ["e", "f"]),
        // A district named like one of its units replaces that unit's files, as it did when written in turn.
        CatalogueScope(name: "b", title: "乙区 目录", units: ["b", "d"]),
    ]

    @Test(arguments: [false, true])
    func eachFileIsItsCatalogueInIndexNumberOrder(interleaved: Bool) throws {
        let rows = Self.rows(interleaved: interleaved)
        let folder = TemporaryDirectory("catalogues")
        try CatalogueFiles.write(Self.scopes, of: rows, into: folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 7 * 3)
        for (index, scope) in Self.scopes.enumerated() where index != 1 {
            let entries = rows.entries(ofUnits: scope.units)
            let all = scope.units.flatMap { rows.units[$0]?.entries ?? [] }
            #expect(entries.map(\.indexNumber) == all.map(\.indexNumber).sorted() && entries.count == all.count)
            let catalogue = CatalogueProjection(title: scope.title, entries: entries, onRequest: rows.onRequest(ofUnits: scope.units))
            for format in CatalogueFormat.allCases {
                #expect(try folder.read("\(scope.name).\(format.rawValue)") == Self.wholeDocument(catalogue, format), "\(scope.name).\(format)")
            }
        }
    }

    @Test func aUnitWhoseNumbersInterleaveIsSplitIntoRuns() {
        let runs = Self.rows(interleaved: true).runs(ofUnits: ["a", "b", "c", "d"])
        #expect(runs.map(\.unit) == ["a", "b", "a", "b", "a", "b", "a", "c"])
        #expect(Self.rows(interleaved: false).runs(ofUnits: ["c", "b", "a"]).map(\.unit) == ["a", "b", "c"])
    }
}
