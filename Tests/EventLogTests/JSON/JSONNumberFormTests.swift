import Foundation
import Testing

@testable import EventLog

/// Validity rule 5's numbers: only those every JSON reader (Swift, Python's `json`, JavaScript) reads
/// as the same value.
@Suite struct JSONNumberFormTests {
    @Test(arguments: [
        "0", "7", "-1", "2008", "9007199254740991", "-9007199254740991", "0.5", "2.5", "-0.5", "0.0", "1.50",
        "0.123456789012345", "0.000000000000001", "12345678901234.5", "99999999999999.9",
    ])
    func acceptsNumbersEveryReaderReadsAlike(literal: String) throws {
        #expect(JSONNumberForm.problem(literal.utf8) == nil)
        #expect(try JSONParser.parse(#"{"n":\#(literal)}"#)["n"] == .number(literal))
    }

    @Test(arguments: [
        ("9007199254740992", "beyond ±9007199254740991"), ("-9007199254740992", "beyond"), ("12345678901234567890", "beyond"),
        (String(repeating: "9", count: 5000), "(5000 bytes) is beyond"), ("1e5", "exponent"), ("1E+2", "exponent"),
        ("2.5e-3", "exponent"), ("-0", "negative zero"), ("-0.0", "negative zero"), ("-0.000", "negative zero"),
        ("1.234567890123456", "more than 15 digits"), ("0.1234567890123456", "more than 15 digits"),
        ("0.0000000000000001", "more than 15 digits"), ("123456789012345.6", "more than 15 digits"),
        ("01", "not a JSON number"), ("+1", "not a JSON number"), ("1.", "not a JSON number"), (".5", "not a JSON number"),
        ("", "not a JSON number"), ("NaN", "not a JSON number"),
    ])
    func refusesOthersNamingWhy(literal: String, why: String) {
        let problem = JSONNumberForm.problem(literal.utf8)
        #expect(problem?.contains(why) == true, "\(literal): \(String(describing: problem))")
    }

    /// The parser refuses them at the number, in data at any depth, and `validate` says the same.
    @Test(arguments: [#"{"n":1e5}"#, #"{"a":[0,{"b":-0}]}"#, #"{"n":90071992547409930}"#])
    func theParserRefusesThemWhereTheyStand(text: String) throws {
        let offset = try #require(text.utf8.firstIndex { [UInt8(ascii: "1"), UInt8(ascii: "-"), UInt8(ascii: "9")].contains($0) })
        let expected = text.utf8.distance(from: text.utf8.startIndex, to: offset)
        #expect(parseError(text)?.offset == expected, "\(text)")
        #expect(validateError(text) == parseError(text))
    }

    /// Why 15 digits: a decimal of at most 15 significant digits is the one the nearest double prints
    /// back as, so a reader holding a double and one holding the decimal agree on the value.
    @Test func aFractionOfFifteenDigitsComesBackFromItsDouble() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let integerDigits = Int(state >> 60) % 15  // 0 ... 14
            let fractionDigits = 15 - integerDigits
            var digits = String(state % 1_000_000_000_000_000)
            digits = String(repeating: "0", count: max(0, 15 - digits.count)) + digits
            var integer = String(digits.prefix(integerDigits).drop { $0 == "0" })
            if integer.isEmpty { integer = "0" }
            let literal = integer + "." + digits.suffix(fractionDigits)
            #expect(JSONNumberForm.problem(literal.utf8) == nil, "\(literal)")
            let printed = String(format: "%.\(fractionDigits)f", Double(literal)!)
            #expect(printed == literal, "\(literal) came back as \(printed)")
        }
    }

    private func parseError(_ text: String) -> JSONError? {
        do { _ = try JSONParser.parse(text) } catch { return error as? JSONError }
        return nil
    }

    private func validateError(_ text: String) -> JSONError? {
        let bytes = Array(text.utf8)
        do { try bytes.withUnsafeBytes { try JSONParser.validate($0) } } catch { return error as? JSONError }
        return nil
    }
}
