import EventLog

/// Reads the members of an event's `data` object, naming the field in every error.
struct Fields {
    let type: String
    let object: JSONValue

    init(type: String, _ data: JSONValue) throws {
        guard case .object = data else { throw EventDataError(type: type, field: "data", problem: "must be a JSON object") }
        self.type = type
        self.object = data
    }

    func fail(_ field: String, _ problem: String) -> EventDataError {
        EventDataError(type: type, field: field, problem: problem)
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw fail(key, "must be a string") }
        return text.isEmpty ? nil : text
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key) else { throw fail(key, "is required (a non-empty string)") }
        return text
    }

    func day(_ key: String) throws -> Day {
        let text = try string(key)
        guard let day = Day(text) else { throw fail(key, "must be a date written YYYY-MM-DD, not \"\(text)\"") }
        return day
    }

    func optionalDay(_ key: String) throws -> Day? {
        guard let text = try optionalString(key) else { return nil }
        guard let day = Day(text) else { throw fail(key, "must be a date written YYYY-MM-DD, not \"\(text)\"") }
        return day
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = object[key]?.intValue, range.contains(number) else {
            throw fail(key, "is required: an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func oneOf<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws -> T where T.RawValue == String {
        let text = try string(key)
        guard let value = T(rawValue: text) else {
            throw fail(key, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(text)\"")
        }
        return value
    }

    func strings(_ key: String) throws -> [String] {
        guard let value = object[key] else { return [] }
        guard let items = value.arrayValue, items.allSatisfy({ $0.stringValue != nil }) else {
            throw fail(key, "must be a list of strings")
        }
        return items.compactMap(\.stringValue)
    }
}

/// An event's data that does not match its type's schema in docs/events.md.
public struct EventDataError: Error, Equatable, CustomStringConvertible {
    public let type: String
    public let field: String
    public let problem: String
    public var description: String { "\(type): \(field) \(problem)" }
}

/// Builds a data object with `at` first and absent optionals left out.
struct DataBuilder {
    private(set) var members: [(key: String, value: JSONValue)] = []

    init(at: Day) { members.append(("at", .string(at.description))) }

    /// A nested object, without `at`.
    init() {}

    mutating func add(_ key: String, _ value: String?) {
        if let value { members.append((key, .string(value))) }
    }

    mutating func add(_ key: String, _ value: Int) { members.append((key, .integer(value))) }

    mutating func add(_ key: String, _ value: JSONValue) { members.append((key, value)) }

    mutating func add(_ key: String, _ values: [String]) { members.append((key, .array(values.map { .string($0) }))) }

    var json: JSONValue { .object(members) }
}
