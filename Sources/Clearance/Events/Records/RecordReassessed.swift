import EventLog

/// Withheld information looked at again (2019 Art. 18: withheld information is reassessed
/// periodically and disclosed when circumstances change): it stays withheld, on a basis valid under
/// the rules in force, or it is to be disclosed, and then goes back to classification.
public struct RecordReassessed: DomainEvent, Equatable {
    public static let type = "record.reassessed"
    public enum Conclusion: String, CaseIterable, Sendable {
        case keepWithheld = "keep-withheld"
        case disclose
    }

    public var at: Day
    public var record: String
    public var conclusion: Conclusion
    /// For `keep-withheld`: the basis it is withheld on now, where it differs from the classification's.
    public var basis: String?
    public var grounds: String

    public init(at: Day, record: String, conclusion: Conclusion, basis: String? = nil, grounds: String) {
        (self.at, self.record, self.conclusion, self.basis, self.grounds) = (at, record, conclusion, basis, grounds)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), record: try f.string("record"), conclusion: try f.oneOf("conclusion", Conclusion.self),
            basis: try f.optionalString("basis"), grounds: try f.string("grounds"))
        if conclusion == .disclose, basis != nil { throw f.fail("basis", "is named only when the record stays withheld") }
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("conclusion", conclusion.rawValue)
        b.add("basis", basis)
        b.add("grounds", grounds)
        return b.json
    }
}
