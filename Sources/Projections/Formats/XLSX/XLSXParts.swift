/// The fixed parts of a workbook, which say where the sheets are and how they look. Part names and
/// content types follow ECMA-376 Part 1 (SpreadsheetML) and Part 2 (Open Packaging Conventions).
enum XLSXParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
    static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    static func worksheetPath(_ number: Int) -> String { "xl/worksheets/sheet\(number).xml" }

    /// `[Content_Types].xml`: the type of every part, without which no reader finds the workbook.
    static func contentTypes(sheets: Int) -> String {
        var xml = declaration
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(contentTypePrefix).sheet.main+xml"/>"#
        for number in 1...sheets {
            xml += #"<Override PartName="/\#(worksheetPath(number))" ContentType="\#(contentTypePrefix).worksheet+xml"/>"#
        }
        xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(contentTypePrefix).styles+xml"/>"#
        xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(contentTypePrefix).sharedStrings+xml"/>"#
        xml += "</Types>"
        return xml
    }

    /// `_rels/.rels`: the package's entry point.
    static let rootRelationships =
        declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipsNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    /// `xl/workbook.xml`: the sheets in order, by their already sanitised names.
    static func workbook(sheetNames: [String]) -> String {
        var xml = declaration
        xml += #"<workbook xmlns="\#(spreadsheetNamespace)" xmlns:r="\#(relationshipsNamespace)">"#
        xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        xml += "</sheets></workbook>"
        return xml
    }

    /// `xl/_rels/workbook.xml.rels`: rId1…rIdN are the sheets, then the styles and the strings.
    static func workbookRelationships(sheets: Int) -> String {
        var xml = declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        for number in 1...sheets {
            xml += #"<Relationship Id="rId\#(number)" Type="\#(relationshipsNamespace)/worksheet" Target="worksheets/sheet\#(number).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheets + 1)" Type="\#(relationshipsNamespace)/styles" Target="styles.xml"/>"#
        xml += #"<Relationship Id="rId\#(sheets + 2)" Type="\#(relationshipsNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        xml += "</Relationships>"
        return xml
    }

    /// `xl/styles.xml`: cell format 0 is plain, 1 is bold (the header). Excel requires the two
    /// default fills and one border even when nothing uses them.
    static let styles =
        declaration + #"<styleSheet xmlns="\#(spreadsheetNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"
}
