import Testing

@testable import Clearance

@Suite struct RecordSheetTests {
    static let chineseHeader = "序号,信息名称,文号,生成日期,内容概述,关键条目,公开属性,不予公开依据"

    func check(_ csv: String) throws -> (rows: [RecordImportRow], problems: [ImportProblem]) {
        let table = try CSVReader().read(csv)
        return RecordSheet.rows(
            from: table, exemptionBases: try ImportFixtures.exemptionBases(), keyItems: try ImportFixtures.keyItems())
    }

    /// ../shared/samples/records-office-export.csv, as a district bureau exported it.
    @Test func theRealSampleImportsWhole() throws {
        let sample = try ImportFixtures.importSheet(try ImportFixtures.sampleBytes())
        #expect(sample.encoding == "GB18030")
        #expect(sample.problems == [])
        let rows = sample.rows
        try #require(rows.count == 12)
        #expect(rows.map(\.serial) == (1...12).map { "\($0)" })
        // Lines: the summary of serial 10 spans lines 11–12.
        #expect(rows.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14])

        // Three ways of writing a date.
        #expect(rows[0].created == Day("2007-12-20"))
        #expect(rows[1].created == Day("2007-12-18"))
        #expect(rows[2].created == Day("2007-12-10"))
        #expect(rows[9].created == Day("2007-10-30"))

        #expect(rows[0].title == "锦江区建设局关于2007年度城市道路维修计划的通知")
        #expect(rows[0].documentNumber == "锦建发〔2007〕112号" && rows[0].keyItem == "11-01")
        #expect(rows[9].summary == "东大街改造等6个重大项目的审批和实施进度，\n附项目清单")
        #expect(rows[10].title == "建设工程招标代理机构名录, 2007")

        // Optional columns left empty.
        #expect(rows[1].documentNumber == nil && rows[8].keyItem == nil && rows[11].keyItem == nil)

        #expect(rows[3].disclosure == .onRequest)
        let exempt = rows.filter { $0.disclosure == .exempt }
        #expect(exempt.map(\.serial) == ["6", "8", "12"])
        #expect(exempt.map(\.exemptionBasis) == ["commercial-secret", "personal-privacy", "state-secret"])
        #expect(rows.filter { $0.disclosure != .exempt }.allSatisfy { $0.exemptionBasis == nil })
    }

    @Test func theSampleInUTF8WithBOMAndLFReadsTheSame() throws {
        let gb18030 = try ImportFixtures.importSheet(try ImportFixtures.sampleBytes())
        let (text, _) = try TextDecoding.decode(try ImportFixtures.sampleBytes())
        let lf = String(text.unicodeScalars.filter { $0 != "\r" }.map(Character.init))
        let utf8 = try ImportFixtures.importSheet([0xEF, 0xBB, 0xBF] + Array(lf.utf8))
        #expect(utf8.encoding == "UTF-8 with BOM")
        #expect(utf8.problems == [])
        #expect(utf8.rows == gb18030.rows)
    }

    @Test func englishHeadersInAnyCaseAndOrder() throws {
        let csv = """
            Title,Created,DISCLOSURE,Exemption_Basis,key-item,Document Number,Summary,notes
            规划,2008/1/5,On-Request,,10-02,锦建发〔2008〕1号,概述,ignored
            图纸,2008年1月6日,exempt,State Secret,,,,

            """
        let result = try check(csv)
        #expect(result.problems == [])
        #expect(
            result.rows == [
                RecordImportRow(
                    line: 2, serial: nil, title: "规划", documentNumber: "锦建发〔2008〕1号", created: Day("2008-01-05")!,
                    summary: "概述", keyItem: "10-02", disclosure: .onRequest, exemptionBasis: nil),
                RecordImportRow(
                    line: 3, serial: nil, title: "图纸", documentNumber: nil, created: Day("2008-01-06")!, summary: "",
                    keyItem: nil, disclosure: .exempt, exemptionBasis: "state-secret"),
            ])
    }

    /// Every problem of every row, each with its line and the column as the header names it.
    @Test func everyProblemOfEveryRowIsReported() throws {
        let csv = [
            Self.chineseHeader,
            "1,,,2007.12.20,概述,10-99,公开,",  // four problems
            "2,标题,,2007-02-30,概述,,不予公开,",  // not a real day; exempt without a basis
            "3,标题,,2007-12-01,概述,,主动公开,国家秘密",  // a basis on a proactive record
            "4,标题,,2007-12-01,概述,,不予公开,机密",  // an unknown basis
            "5,标题,2007-12-01,概述,,主动公开",  // six fields
            "6,好的,,2007年1月5日,概述,,依申请公开,",  // fine
            ",,,,,,,",  // a blank spreadsheet row
            "7,\"多行",
            "标题\",,,概述,,,",  // starts on line 9: no date, no disclosure
        ].joined(separator: "\r\n")
        let result = try check(csv)
        #expect(result.rows.map(\.serial) == ["6"])
        let lines = result.problems.map(\.description)
        let expected: [(String, String)] = [
            ("line 2, column 信息名称: ", "is empty"),
            ("line 2, column 生成日期: ", "\"2007.12.20\" is not a real day written as 2007-12-20, 2007/12/20 or 2007年12月20日"),
            ("line 2, column 关键条目: ", "\"10-99\" is not a key item of the scheme (allowed: 10-01…10-11, 11-01…11-04, 12-01…12-08)"),
            ("line 2, column 公开属性: ", "\"公开\" is not a disclosure; write one of 主动公开 (proactive), 依申请公开 (on-request), 不予公开 (exempt)"),
            ("line 3, column 生成日期: ", "\"2007-02-30\" is not a real day"),
            ("line 3, column 不予公开依据: ", "is empty but the record is 不予公开 (exempt); name its basis"),
            ("line 4, column 不予公开依据: ", "names a basis but the record is 主动公开 (proactive), not exempt"),
            ("line 5, column 不予公开依据: ", "\"机密\" is not an exemption basis (allowed: commercial-secret (商业秘密); internal-affairs (内部事务信息);"),
            ("line 6: ", "the row has 6 fields but the header has 8; every row needs all its fields, empty ones too"),
            ("line 9, column 生成日期: ", "is empty; write the day"),
            ("line 9, column 公开属性: ", "is empty; write one of"),
        ]
        #expect(lines.count == expected.count, "\(lines)")
        for (line, (prefix, text)) in zip(lines, expected) {
            #expect(line.hasPrefix(prefix + text), "\(line)")
        }
        #expect(result.problems.first?.line == 2 && result.problems.first?.column == "信息名称")
    }

    @Test func missingRequiredColumnsAreNamedInTheHeadersLanguage() throws {
        let english = try check("serial,Title,summary\n1,a,b\n")
        #expect(english.rows == [])
        #expect(english.problems.map(\.description) == [
            "line 1, column created: the header has no such column (write 生成日期 or created)",
            "line 1, column disclosure: the header has no such column (write 公开属性 or disclosure)",
        ])
        let chinese = try check("序号,内容概述\n1,b\n")
        #expect(chinese.problems.map(\.column) == ["信息名称", "生成日期", "公开属性"])
    }

    @Test func aColumnNamedTwiceIsAProblem() throws {
        let result = try check("信息名称,title,生成日期,公开属性\na,b,2007-12-01,主动公开\n")
        #expect(result.rows == [])
        #expect(result.problems.map(\.description) == [
            "line 1, column title: named twice in the header (columns 1 and 2); keep one"
        ])
    }

    @Test func anExemptRowWithoutABasisColumnIsStillCaught() throws {
        let result = try check("信息名称,生成日期,公开属性\na,2007-12-01,不予公开\nb,2007-12-01,主动公开\n")
        #expect(result.rows.map(\.title) == ["b"])
        #expect(result.problems.map(\.column) == ["不予公开依据"] && result.problems.first?.line == 2)
    }

    @Test func aByteOrderMarkLeftInTheHeaderIsIgnored() throws {
        let table = CSVTable(
            header: ["\u{FEFF}信息名称", "生成日期", "公开属性"], rows: [CSVRow(line: 2, fields: ["a", "2007/1/5", "主动公开"])])
        let result = RecordSheet.rows(from: table, exemptionBases: [:], keyItems: [])
        #expect(result.problems == [] && result.rows.map(\.created) == [Day("2007-01-05")!])
    }

    @Test func keyItemsAreListedAsRuns() {
        let ids: Set = ["10-01", "10-02", "10-03", "11-01", "11-02", "12-05", "x", "10-10"]
        #expect(RecordSheet.runs(of: ids) == "10-01…10-03, 10-10, 11-01, 11-02, 12-05, x")
        #expect(RecordSheet.runs(of: []) == "")
    }

    @Test(arguments: [
        ("主动公开", Disclosure.proactive), ("proactive", .proactive), (" Proactive ", .proactive),
        ("依申请公开", .onRequest), ("on-request", .onRequest), ("On request", .onRequest), ("on_request", .onRequest),
        ("不予公开", .exempt), ("EXEMPT", .exempt),
    ])
    func disclosureIsReadInEitherLanguage(text: String, disclosure: Disclosure) {
        #expect(Disclosure(written: text) == disclosure)
    }

    @Test(arguments: ["", "公开", "public", "onrequest", "不公开"])
    func otherDisclosureWordsAreRefused(text: String) {
        #expect(Disclosure(written: text) == nil)
    }
}
