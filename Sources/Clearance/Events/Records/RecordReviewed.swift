import EventLog

/// A reviewer checks a record for secrecy and accuracy, in writing, at one review level.
public struct RecordReviewed: DomainEvent, Equatable {
    public static let type = "record.reviewed"
    public enum Check: String, CaseIterable, Sendable { case passed, failed }
    public enum Outcome: String, CaseIterable, Sendable { case approved, returned }

    public var at: Day
    public var record: String
    /// 1 for the first review, 2 for the second where the norm asks for two levels.
    public var level: Int
    public var secrecy: Check
    public var accuracy: Check
    public var outcome: Outcome
    /// What the reviewer checked (the document, its secrecy marking, the summary against the text…):
    /// the written review the plan and the Regulations ask for (2007 Art. 14; 2019 Art. 17).
    public var checked: String?
    /// The grounds of the conclusion: why it may be disclosed as classified, or why it goes back.
    public var grounds: String?
    public var note: String?

    public init(
        at: Day, record: String, level: Int, secrecy: Check, accuracy: Check, outcome: Outcome, checked: String? = nil, grounds: String? = nil,
        note: String? = nil
    ) {
        (self.at, self.record, self.level, self.secrecy, self.accuracy, self.outcome, self.note) =
            (at, record, level, secrecy, accuracy, outcome, note)
        (self.checked, self.grounds) = (checked, grounds)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(
            at: try f.day("at"), record: try f.string("record"), level: try f.int("level", in: 1...2),
            secrecy: try f.oneOf("secrecy", Check.self), accuracy: try f.oneOf("accuracy", Check.self),
            outcome: try f.oneOf("outcome", Outcome.self), checked: try f.optionalString("checked"), grounds: try f.optionalString("grounds"),
            note: try f.optionalString("note"))
        if outcome == .approved && (secrecy == .failed || accuracy == .failed) {
            throw f.fail("outcome", "cannot be approved when a check failed")
        }
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("record", record)
        b.add("level", level)
        b.add("secrecy", secrecy.rawValue)
        b.add("accuracy", accuracy.rawValue)
        b.add("outcome", outcome.rawValue)
        b.add("checked", checked)
        b.add("grounds", grounds)
        b.add("note", note)
        return b.json
    }
}
