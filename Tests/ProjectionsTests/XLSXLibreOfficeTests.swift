import Foundation
import Projections
import Testing
import TestSupport

/// End to end: LibreOffice opens a workbook the project wrote and gives back every value as written.
/// The test fails, never skips, when LibreOffice is missing, so that a machine without it cannot
/// pass unnoticed; `.ci/run` installs it.
@Suite struct XLSXLibreOfficeTests {
    static let annual: [[XLSXWorkbook.Cell]] = [
        [.text("成都市锦江区人民政府"), .integer(1_234_567), .number(92.5), .text("主动公开")],
        [.text(#"=HYPERLINK("http://x","y")"#), .integer(-3), .number(0.25), .text("<b>x</b>")],
        [.text("+1"), .empty, .integer(0), .text("A & B 'quoted' \"double\"")],
        [.text("@SUM(A1)"), .integer(7), .empty, .text("第一行\n第二行")],
    ]
    static let withheld: [[XLSXWorkbook.Cell]] = [
        [.text("不予公开"), .text("a_x0041_b")],
        [.text("007"), .text(" padded ")],
    ]
    static let workbook = XLSXWorkbook(sheets: [
        .init(name: "年度报表", header: ["单位", "件数", "得分", "备注"], rows: annual),
        .init(name: "不予公开", header: ["理由", "说明"], rows: withheld),
    ])

    /// Comma, double quote, UTF-8 (76), from line 1, every text cell quoted (so that the CSV tells a
    /// text cell from a number), values as stored rather than as shown, no formulas, and (LibreOffice
    /// 7.2 and later) every sheet to its own file.
    static let filter = #"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1"#

    @Test func libreOfficeReadsBackWhatWasWritten() async throws {
        guard let soffice = LibreOffice.executable() else {
            Issue.record(
                "soffice (LibreOffice) was not found on PATH or in /usr/lib/libreoffice/program: install libreoffice-calc-nogui (.ci/run does) to run this test"
            )
            return
        }
        let folder = TemporaryDirectory("clearance-xlsx")
        try folder.write("tables.xlsx", Self.workbook.bytes())
        let converted = try await LibreOffice.run(
            soffice,
            [
                // A private profile: parallel runs sharing one would hand the job to each other.
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--norestore", "--nolockcheck",
                "--convert-to", Self.filter, "--outdir", folder.file("out"), folder.file("tables.xlsx"),
            ], in: folder, timeout: .seconds(300))
        guard converted.succeeded else {
            Issue.record("soffice failed to convert tables.xlsx (\(converted.status)): \(converted.output)")
            return
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.file("out"))) ?? []
        for (sheet, rows) in [("年度报表", Self.annual), ("不予公开", Self.withheld)] {
            let name = "tables-\(sheet).csv"
            guard let csv = try? folder.read("out/" + name) else {
                Issue.record("LibreOffice wrote \(written.sorted()), not \(name) (one CSV per sheet needs LibreOffice 7.2 or later): \(converted.output)")
                continue
            }
            let header = sheet == "年度报表" ? ["单位", "件数", "得分", "备注"] : ["理由", "说明"]
            let expected = [header.map { CSVRecords.Field(text: $0, quoted: true) }] + rows.map { $0.map(Self.field) }
            #expect(CSVRecords.parse(csv) == expected, "sheet \(sheet)")
        }
    }

    /// The CSV field LibreOffice writes for a cell: text quoted, numbers as stored and bare.
    static func field(_ cell: XLSXWorkbook.Cell) -> CSVRecords.Field {
        switch cell {
        case .text(let text): .init(text: text, quoted: true)
        case .integer(let value): .init(text: "\(value)", quoted: false)
        case .number(let value): .init(text: "\(value)", quoted: false)
        case .empty: .init(text: "", quoted: false)
        }
    }
}
