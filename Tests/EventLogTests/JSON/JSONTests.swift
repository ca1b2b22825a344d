import Testing

@testable import EventLog

@Suite struct JSONTests {
    @Test func writesCompactlyInGivenOrderWithChineseAsItself() {
        let value = JSONValue.object([
            ("z", .integer(1)), ("a", .string("锦江区")), ("list", .array([.bool(true), .null, .number("-1.5e3")])),
        ])
        #expect(JSONWriter.string(value) == #"{"z":1,"a":"锦江区","list":[true,null,-1.5e3]}"#)
    }

    @Test func escapesOnlyWhatJSONRequires() {
        let text = "quote\" back\\ nl\n tab\t bell\u{07} slash/ 中"
        #expect(JSONWriter.string(.string(text)) == #""quote\" back\\ nl\n tab\t bell\u0007 slash/ 中""#)
    }

    @Test(arguments: [
        #"{"a":1,"b":[1,2,{"c":null}],"d":"x"}"#, #"[]"#, #"{}"#, #""\u4e2d\ud83d\ude00""#, "-0.5", "2.5", "true",
    ])
    func roundTrips(text: String) throws {
        let value = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\u4e2d\ud83d\ude00\n""#) == .string("中😀\n"))
    }

    @Test(arguments: [
        ("{", "expected a quoted key"), ("[", "unexpected end of input"), (#"{"a" 1}"#, "expected ':'"), ("[1,]", "unexpected character"),
        ("01", "unexpected text after"), (#""\ud800""#, "lone high surrogate"), ("\"a\nb\"", "control character"),
        ("{} x", "unexpected text after"), ("nul", "expected 'null'"), (#""\x""#, "invalid escape"),
    ])
    func rejectsMalformedInputNamingTheProblem(text: String, message: String) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            (error as? JSONError)?.message.contains(message) == true
        }
    }

    @Test func reportsTheByteOffset() {
        do {
            _ = try JSONParser.parse(#"{"a":1,"b":tru}"#)
            Issue.record("expected an error")
        } catch let error as JSONError {
            #expect(error.offset == 14)  // where "e" of "true" was expected
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }
}
