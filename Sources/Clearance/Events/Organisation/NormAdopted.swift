import EventLog

/// A unit adopts its classification norm (stage 2): content classes mapped to key items, with the
/// disclosure form, time limit, review procedure and responsible office of each.
public struct NormAdopted: DomainEvent, Equatable {
    public static let type = "norm.adopted"

    public struct ContentClass: Equatable, Sendable {
        public enum Review: String, CaseIterable, Sendable { case oneLevel = "one-level", twoLevel = "two-level" }
        public var id: String
        public var name: String
        public var keyItems: [String]
        public var form: String
        /// Working days to publish after creation or change (the Regulations' 20 unless shorter).
        public var timeLimitDays: Int
        public var review: Review
        public var office: String

        public var reviewLevels: Int { review == .twoLevel ? 2 : 1 }

        public init(id: String, name: String, keyItems: [String], form: String, timeLimitDays: Int, review: Review, office: String) {
            (self.id, self.name, self.keyItems, self.form, self.timeLimitDays, self.review, self.office) =
                (id, name, keyItems, form, timeLimitDays, review, office)
        }
    }

    public var at: Day
    public var unit: String
    public var classes: [ContentClass]
    /// Working days to answer public feedback.
    public var feedbackDays: Int

    public init(at: Day, unit: String, classes: [ContentClass], feedbackDays: Int) {
        (self.at, self.unit, self.classes, self.feedbackDays) = (at, unit, classes, feedbackDays)
    }

    public init(data: JSONValue) throws {
        let f = try Fields(type: Self.type, data)
        guard let items = data["classes"]?.arrayValue, !items.isEmpty else {
            throw f.fail("classes", "must be a non-empty list of content classes")
        }
        var classes: [ContentClass] = []
        for (i, item) in items.enumerated() {
            let c = try Fields(type: "\(Self.type) classes[\(i)]", item)
            classes.append(ContentClass(
                id: try c.string("id"), name: try c.string("name"), keyItems: try c.strings("keyItems"),
                form: try c.optionalString("form") ?? "portal", timeLimitDays: try c.int("timeLimitDays", in: 1...20),
                review: try c.oneOf("review", ContentClass.Review.self), office: try c.string("office")))
        }
        if Set(classes.map(\.id)).count != classes.count { throw f.fail("classes", "have repeated ids") }
        self.init(at: try f.day("at"), unit: try f.string("unit"), classes: classes, feedbackDays: try f.int("feedbackDays", in: 1...60))
    }

    public var data: JSONValue {
        var b = DataBuilder(at: at)
        b.add("unit", unit)
        b.add("classes", .array(classes.map { c in
            .object([
                ("id", .string(c.id)), ("name", .string(c.name)), ("keyItems", .array(c.keyItems.map { .string($0) })),
                ("form", .string(c.form)), ("timeLimitDays", .integer(c.timeLimitDays)), ("review", .string(c.review.rawValue)),
                ("office", .string(c.office)),
            ])
        }))
        b.add("feedbackDays", feedbackDays)
        return b.json
    }
}
