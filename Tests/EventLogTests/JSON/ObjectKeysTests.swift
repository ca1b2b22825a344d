import Testing

@testable import EventLog

/// Validity rule 5's keys: a key written twice in one object means the first value to us and the last
/// to Python and JavaScript, so it is refused wherever it stands.
@Suite struct ObjectKeysTests {
    @Test(arguments: [
        (#"{"title":"PUBLIC","title":"SECRET"}"#, "title", 18),
        (#"{"a":{"b":1,"c":2,"b":3}}"#, "b", 18),
        (#"{"a":[1,{"x":null,"x":null}]}"#, "x", 18),
        (#"{"a":1,"\u0061":2}"#, "a", 7),  // the same key once its escape is decoded
        (#"{"":1,"":2}"#, "", 6),
        (#"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k3":3}"#, "k3", 143),
        ("{\"a\":\(String(repeating: "[", count: 60)){\"d\":1,\"d\":2}\(String(repeating: "]", count: 60))}", "d", 72),
    ])
    func aKeyTwiceInOneObjectIsRefusedAtAnyDepth(text: String, key: String, offset: Int) {
        let error = parseError(text)
        #expect(error?.message.hasPrefix("duplicate key \"\(key)\"") == true, "\(String(describing: error))")
        #expect(error?.offset == offset)
        #expect(validateError(text) == error, "validate and parse give one answer")
    }

    @Test(arguments: [
        #"{"a":{"a":1},"b":{"a":2}}"#, #"[{"a":1},{"a":2}]"#, #"{"a":1,"A":2,"a ":3}"#,
        // Canonically equivalent, but other scalars: other readers keep them apart, and so do we.
        "{\"\u{212A}\":1,\"K\":2}", "{\"\u{E9}\":1,\"e\u{301}\":2}",
    ])
    func keysThatDifferInAnyScalarAreDistinct(text: String) throws {
        #expect(parseError(text) == nil && validateError(text) == nil)
    }

    /// A lookup matches keys as other readers do: the Kelvin sign is not `K`.
    @Test func aLookupMatchesScalarForScalar() throws {
        let value = try JSONParser.parse("{\"\u{212A}\":1,\"K\":2}")
        #expect(value["K"] == .integer(2) && value["\u{212A}"] == .integer(1))
    }

    @Test func messagesShowTheKeyOnOneLine() {
        let error = parseError(#"{"a\nb":1,"a\nb":2}"#)
        #expect(error?.message.hasPrefix(#"duplicate key "a\nb""#) == true, "\(String(describing: error))")
    }

    /// Values built in code skip the parser; the log checks them with `strictnessProblem` before writing.
    @Test func aValueBuiltInCodeIsCheckedByTheSameRule() {
        let nested = JSONValue.object([("a", .array([.object([("t", .null), ("t", .bool(true))])]))])
        #expect(nested.strictnessProblem?.hasPrefix("duplicate key \"t\"") == true)
        #expect(JSONValue.object([("n", .number("1e5"))]).strictnessProblem?.contains("exponent") == true)
        var deep = JSONValue.object([])
        for _ in 0..<63 { deep = .array([deep]) }
        #expect(deep.strictnessProblem == nil, "64 levels, as many as the parser reads")
        #expect(JSONValue.array([deep]).strictnessProblem?.contains("nesting deeper than 64") == true)
        let many = JSONValue.object((0..<40).map { ("k\($0 % 39)", .integer($0)) })
        #expect(many.strictnessProblem?.hasPrefix("duplicate key \"k0\"") == true)
        #expect(JSONValue.object([("\u{212A}", .null), ("K", .null), ("n", .number("2.5"))]).strictnessProblem == nil)
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
