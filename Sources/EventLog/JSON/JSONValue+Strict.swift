extension JSONValue {
    /// Why this value, once written, would not pass `JSONParser` (a key twice in one object, a number
    /// outside `JSONNumberForm`, nesting deeper than `JSONParser.maximumDepth`), or nil. Values built in
    /// code skip the parser; the log checks them with this before writing, so that it never holds a line
    /// its readers refuse. (Strings need no check: a Swift string is always well-formed Unicode.)
    public var strictnessProblem: String? { problem(depth: 0) }

    private func problem(depth: Int) -> String? {
        switch self {
        case .null, .bool, .string: return nil
        case .number(let literal): return JSONNumberForm.problem(literal.utf8)
        case .array(let items):
            guard depth < JSONParser.maximumDepth else { return "nesting deeper than \(JSONParser.maximumDepth) levels" }
            for item in items { if let problem = item.problem(depth: depth + 1) { return problem } }
            return nil
        case .object(let members):
            guard depth < JSONParser.maximumDepth else { return "nesting deeper than \(JSONParser.maximumDepth) levels" }
            if let key = ObjectKeys.firstRepeated(in: members) {
                return "duplicate key \(ObjectKeys.shown(key)): an object holds each key once"
            }
            for member in members { if let problem = member.value.problem(depth: depth + 1) { return problem } }
            return nil
        }
    }
}
