import Foundation
import Testing

@testable import Projections

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct XLSXTests {
    static let parts = [
        "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml",
    ]

    static let sample = XLSXWorkbook(sheets: [
        .init(
            name: "年度考核", header: ["单位", "得分", "名次"],
            rows: [
                [.text("成都市锦江区人民政府"), .number(92.5), .integer(1)],
                [.text(#"=HYPERLINK("http://x","y")"#), .empty, .integer(2)],
            ]),
        .init(name: "不予公开", header: ["理由"], rows: [[.text("<b>x</b> & 'y'")]]),
    ])

    @Test(arguments: [
        ("", 0x0000_0000), ("a", 0xE8B7_BE43), ("123456789", 0xCBF4_3926),
        ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ] as [(String, UInt32)])
    func crcMatchesKnownVectors(text: String, crc: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == crc)
    }

    @Test func crcOfZeroBytesIsTheKnownValue() {
        #expect(CRC32.checksum([UInt8](repeating: 0, count: 32)) == 0x190A_55AD)
    }

    @Test func centralDirectoryListsEveryPartWithItsChecksum() throws {
        let zip = try StoredZIP(Self.sample.bytes())
        #expect(zip.entries.map(\.name) == Self.parts)
        for entry in zip.entries {
            #expect(entry.method == 0, "\(entry.name) is not stored")
            #expect(entry.crc == CRC32.checksum(entry.contents), "\(entry.name) carries a wrong CRC-32")
            #expect(entry.localHeaderAgrees, "\(entry.name): local header and central directory disagree")
            #expect(entry.dosDate == 0x0021 && entry.dosTime == 0, "\(entry.name) has a date other than 1980-01-01")
        }
    }

    @Test func everyPartIsWellFormedXML() throws {
        // The parser must refuse what a spreadsheet would refuse, or this test proves nothing.
        #expect(XMLPartReader.texts(in: Array("<a>\u{1}</a>".utf8), of: "a") == nil)
        let zip = try StoredZIP(Self.sample.bytes())
        for entry in zip.entries {
            #expect(XMLPartReader.texts(in: entry.contents, of: "never") != nil, "\(entry.name) is not well-formed XML")
        }
    }

    @Test func sameWorkbookGivesTheSameBytes() {
        let first = Self.sample.bytes()
        #expect(first == Self.sample.bytes())
        let rebuilt = XLSXWorkbook(sheets: Self.sample.sheets.map { .init(name: $0.name, header: $0.header, rows: $0.rows) })
        #expect(rebuilt.bytes() == first)
    }

    @Test(arguments: [
        ("年度考核", "年度考核"), ("a/b:c*d?e[f]g\\h", "a_b_c_d_e_f_g_h"), ("", "Sheet1"), ("'报表'", "报表"),
        ("History", "History_"), ("tab\there\u{1}", "tabhere"),
        (String(repeating: "x", count: 40), String(repeating: "x", count: 31)),
        (String(repeating: "政", count: 40), String(repeating: "政", count: 31)),
        // An emoji is two UTF-16 code units: cut before it rather than through it.
        (String(repeating: "a", count: 30) + "😀", String(repeating: "a", count: 30)),
        (String(repeating: "a", count: 30) + "'b", String(repeating: "a", count: 30)),
    ])
    func sheetNameFollowsExcelsRules(given: String, written: String) {
        #expect(SheetNames.sanitised([given]) == [written])
    }

    @Test func sheetNamesAreUniqueWithoutRegardToCase() {
        #expect(SheetNames.sanitised(["Data", "data", "DATA", "a:b", "a/b"]) == ["Data", "data (2)", "DATA (3)", "a_b", "a_b (2)"])
        let long = String(repeating: "表", count: 40)
        let names = SheetNames.sanitised([long, long])
        #expect(names == [String(repeating: "表", count: 31), String(repeating: "表", count: 27) + " (2)"])
        #expect(SheetNames.sanitised(["", ""]) == ["Sheet1", "Sheet2"])
    }

    @Test func sanitisedNamesReachTheWorkbookEscaped() throws {
        let book = XLSXWorkbook(sheets: [.init(name: "A&B/<C>", header: [], rows: []), .init(name: "a&b_<c>", header: [], rows: [])])
        let xml = try StoredZIP(book.bytes()).text(of: "xl/workbook.xml")
        #expect(xml.contains(#"<sheet name="A&amp;B_&lt;C&gt;" sheetId="1" r:id="rId1"/>"#))
        #expect(xml.contains(#"<sheet name="a&amp;b_&lt;c&gt; (2)" sheetId="2" r:id="rId2"/>"#))
    }

    @Test func textIsEscapedAndForbiddenCharactersDropped() {
        var out: [UInt8] = []
        XMLText.append("<b>x</b> & \"q\" 'a'\r\n\tend\u{1}\u{B}\u{FFFE}\u{FFFF}政", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &apos;a&apos;&#13;\n\tend政")
        #expect(XMLText.escaped("成都市锦江区") == "成都市锦江区")
    }

    @Test func escapeLookalikesAreProtectedOnlyInCellText() {
        var cell: [UInt8] = []
        XMLText.append("a_x0041_b _x12_ _xZZZZ_", to: &cell, protectingEscapes: true)
        #expect(String(decoding: cell, as: UTF8.self) == "a_x005F_x0041_b _x12_ _xZZZZ_")
        #expect(XMLText.escaped("a_x0041_b") == "a_x0041_b")
    }

    @Test func textComesBackAsWrittenNeverAsAFormula() throws {
        let titles = [#"=HYPERLINK("http://x","y")"#, "+1", "-2", "@SUM(A1)", "<b>x</b> & y", " padded ", "a_x0041_b", "line\r\nbreak"]
        let book = XLSXWorkbook(sheets: [.init(name: "s", header: ["标题"], rows: titles.map { [.text($0)] })])
        let zip = try StoredZIP(book.bytes())
        let sheet = try zip.text(of: "xl/worksheets/sheet1.xml")
        #expect(!sheet.contains("<f>") && !sheet.contains("<f "))
        for row in 2...(titles.count + 1) {
            #expect(sheet.contains(#"<c r="A\#(row)" t="s"><v>\#(row - 1)</v></c>"#))
        }
        let strings = XMLPartReader.texts(in: try zip.entry("xl/sharedStrings.xml").contents, of: "t")
        let decoded = strings?.map { $0.replacingOccurrences(of: "_x005F_", with: "_") }
        #expect(decoded == ["标题"] + titles)
    }

    @Test func numbersAndIntegersAreNumberCells() throws {
        let book = XLSXWorkbook(sheets: [
            .init(name: "s", header: [], rows: [[.integer(42), .number(3.5), .integer(-7), .number(.nan), .empty, .text("")]])
        ])
        let sheet = try StoredZIP(book.bytes()).text(of: "xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<row r="1"><c r="A1"><v>42</v></c><c r="B1"><v>3.5</v></c><c r="C1"><v>-7</v></c><c r="D1" t="s"><v>0</v></c></row>"#))
    }

    @Test func headerIsBoldAndFrozen() throws {
        let zip = try StoredZIP(Self.sample.bytes())
        let sheet = try zip.text(of: "xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<row r="1"><c r="A1" s="1" t="s"><v>0</v></c>"#))
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<c r="A2" t="s">"#))
        let styles = try zip.text(of: "xl/styles.xml")
        #expect(styles.contains(#"<font><b/>"#) && styles.contains(#"<xf numFmtId="0" fontId="1""#))
        let noHeader = XLSXWorkbook(sheets: [.init(name: "s", header: [], rows: [[.integer(1)]])])
        #expect(try !StoredZIP(noHeader.bytes()).text(of: "xl/worksheets/sheet1.xml").contains("<pane"))
    }

    @Test func columnsAreWideEnoughForTheirContentCountingCJKTwice() throws {
        #expect(ColumnWidths.displayWidth(of: "成都市") == 6)
        #expect(ColumnWidths.displayWidth(of: "abc") == 3)
        #expect(ColumnWidths.displayWidth(of: "第一行\nab") == 6)
        let widths = ColumnWidths.widths(
            header: ["单位", "n"], rows: [[.text("成都市锦江区人民政府"), .integer(1)], [.text("x"), .number(123456.25)]],
            columns: 3)
        #expect(widths == [22, 11, ColumnWidths.narrowest])
        #expect(ColumnWidths.widths(header: [String(repeating: "政", count: 100)], rows: [], columns: 1) == [ColumnWidths.widest])
        let sheet = try StoredZIP(Self.sample.bytes()).text(of: "xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<col min="1" max="1" width="28.0" customWidth="1"/>"#))
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
    func columnLetters(column: Int, letters: String) {
        #expect(CellReference.column(column) == letters)
    }

    @Test func cellTextIsCutToExcelsLimitWithoutSplittingACharacter() {
        var strings = SharedStrings()
        _ = strings.index(of: String(repeating: "a", count: 32_766) + "😀")
        let document = String(decoding: strings.document(), as: UTF8.self)
        #expect(document.contains(String(repeating: "a", count: 32_766) + "</t>"))
    }

    @Test func repeatedTextIsStoredOnce() throws {
        let book = XLSXWorkbook(sheets: [.init(name: "s", header: [], rows: [[.text("不予公开")], [.text("不予公开")]])])
        let strings = try StoredZIP(book.bytes()).text(of: "xl/sharedStrings.xml")
        #expect(strings.contains(#"count="2" uniqueCount="1""#))
    }

    @Test func aWorkbookWithoutSheetsStillHasOne() throws {
        let zip = try StoredZIP(XLSXWorkbook(sheets: []).bytes())
        #expect(zip.entries.map(\.name).contains("xl/worksheets/sheet1.xml"))
        #expect(try zip.text(of: "xl/workbook.xml").contains(#"<sheet name="Sheet1""#))
    }
}

/// Reads back the archives `ZIPArchive` writes: stored entries only, found through the central
/// directory as a spreadsheet finds them.
struct StoredZIP {
    struct Entry {
        var name: String
        var method: UInt16
        var crc: UInt32
        var dosTime: UInt16
        var dosDate: UInt16
        var contents: [UInt8]
        var localHeaderAgrees: Bool
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    let entries: [Entry]

    init(_ bytes: [UInt8]) throws {
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        let end = bytes.count - 22
        guard end >= 0, u32(end) == 0x0605_4B50 else { throw Malformed(description: "no end-of-central-directory record at \(end)") }
        let count = Int(u16(end + 10))
        var at = Int(u32(end + 16))
        guard at + Int(u32(end + 12)) == end else { throw Malformed(description: "central directory does not end at \(end)") }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard u32(at) == 0x0201_4B50 else { throw Malformed(description: "no central directory header at \(at)") }
            let nameLength = Int(u16(at + 28))
            let skip = nameLength + Int(u16(at + 30)) + Int(u16(at + 32))
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            let size = Int(u32(at + 24))
            let local = Int(u32(at + 42))
            guard u32(local) == 0x0403_4B50 else { throw Malformed(description: "no local header for \(name) at \(local)") }
            let dataStart = local + 30 + Int(u16(local + 26)) + Int(u16(local + 28))
            let localName = String(decoding: bytes[(local + 30)..<(local + 30 + Int(u16(local + 26)))], as: UTF8.self)
            let agrees =
                localName == name && u32(local + 14) == u32(at + 16) && u32(local + 18) == u32(at + 20)
                && u32(local + 22) == u32(at + 24) && u16(local + 8) == u16(at + 10)
            entries.append(
                Entry(
                    name: name, method: u16(at + 10), crc: u32(at + 16), dosTime: u16(at + 12), dosDate: u16(at + 14),
                    contents: Array(bytes[dataStart..<(dataStart + size)]), localHeaderAgrees: agrees))
            at += 46 + skip
        }
        self.entries = entries
    }

    func entry(_ name: String) throws -> Entry {
        guard let entry = entries.first(where: { $0.name == name }) else { throw Malformed(description: "no part \(name)") }
        return entry
    }

    func text(of name: String) throws -> String { String(decoding: try entry(name).contents, as: UTF8.self) }
}

/// Parses a part with Foundation's XML parser and gives the text of every element named `name`, or
/// nil when the part is not well-formed.
final class XMLPartReader: NSObject, XMLParserDelegate {
    private let name: String
    private var texts: [String] = []
    private var current: String?

    private init(name: String) { self.name = name }

    static func texts(in bytes: [UInt8], of name: String) -> [String]? {
        let parser = XMLParser(data: Data(bytes))
        let reader = XMLPartReader(name: name)
        parser.delegate = reader
        return parser.parse() ? reader.texts : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName == name { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == name, let text = current { texts.append(text) }
        current = nil
    }
}
