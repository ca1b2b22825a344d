import EventLog

/// The unit answered a piece of feedback.
public struct FeedbackAnswered: DomainEvent, Equatable {
    public static let type = "feedback.answered"
    public var at: Day
    public var feedback: String
    public var answer: String

    public init(at: Day, feedback: String, answer: String) { (self.at, self.feedback, self.answer) = (at, feedback, answer) }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        self.init(at: try f.day("at"), feedback: try f.string("feedback"), answer: try f.string("answer"))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("feedback", feedback)
        b.add("answer", answer)
        return b.json
    }
}
