import Testing

@testable import Clearance

@Suite struct TextDecodingTests {
    @Test func utf8WithoutBOM() throws {
        let decoded = try TextDecoding.decode(Array("信息名称,title\r\n".utf8))
        #expect(decoded.text == "信息名称,title\r\n" && decoded.encoding == "UTF-8")
    }

    @Test func utf8BOMIsStripped() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("序号".utf8))
        #expect(decoded.text == "序号" && decoded.encoding == "UTF-8 with BOM")
        #expect(decoded.text.unicodeScalars.first == "序")
    }

    @Test func gb18030WhenNotUTF8() throws {
        // 国家秘密, then a four-byte sequence (U+20000) that only GB18030, not GBK, has.
        let decoded = try TextDecoding.decode([0xB9, 0xFA, 0xBC, 0xD2, 0xC3, 0xD8, 0xC3, 0xDC, 0x95, 0x32, 0x82, 0x36])
        #expect(decoded.text == "国家秘密\u{20000}" && decoded.encoding == "GB18030")
    }

    @Test func emptyInputIsEmptyText() throws {
        #expect(try TextDecoding.decode([]) == ("", "UTF-8"))
    }

    @Test(arguments: [
        ([0x41, 0xFF, 0x42], ImportError.undecodable(offset: 1)),  // 0xFF starts nothing in either
        ([0x41, 0xB9], .undecodable(offset: 1)),  // half a GB18030 character at the end
        ([0xEF, 0xBB, 0xBF, 0x41, 0xB9, 0xFA], .invalidUTF8AfterBOM(offset: 4)),
        ([0xFF, 0xFE, 0x41, 0x00], .utf16),
        ([0xFE, 0xFF, 0x00, 0x41], .utf16),
        (Array("PK\u{3}\u{4}\u{14}\u{0}".utf8), .notText(offset: 5)),  // an .xlsx workbook
        ([0x41, 0x00, 0x42, 0x00], .notText(offset: 1)),  // UTF-16 without a byte-order mark
    ])
    func refusedWithTheOffendingByte(bytes: [UInt8], error: ImportError) {
        #expect(throws: error) { try TextDecoding.decode(bytes) }
    }

    @Test func oversizedInputIsRefusedBeforeDecoding() {
        let bytes = [UInt8](repeating: 0x41, count: TextDecoding.maxBytes + 1)
        #expect(throws: ImportError.tooLarge(bytes: TextDecoding.maxBytes + 1, limit: TextDecoding.maxBytes)) {
            try TextDecoding.decode(bytes)
        }
        #expect("\(ImportError.tooLarge(bytes: 9, limit: 8))".contains("at most 8"))
    }
}
