/// Where one record stands in its clearance.
public struct RecordState: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Registered, or returned at review: waiting for (re)classification.
        case registered
        /// Classified; reviews under way until every level the norm asks for has approved.
        case classified
        /// Every review level approved: ready to publish (if proactive).
        case approved
        case published
        case withdrawn
    }

    public var registration: RecordRegistered
    public var registeredBy: String
    public var status: Status = .registered
    public var classification: RecordClassified?
    public var classifiedBy: String?
    /// Review levels approved since the latest classification.
    public var approvedLevels = 0
    /// The levels the norm asked for when the record was classified.
    public var requiredLevels = 1
    public var lastReturn: Return?
    /// The day the last review level approved it.
    public var approvedOn: Day?
    public var indexNumber: String?
    public var published: Day?
    /// The day the 20-working-day publication clock started: creation, or the latest correction.
    public var changed: Day

    /// When the latest review returned the record, and the entry that says so.
    public struct Return: Sendable, Equatable {
        public let day: Day
        public let seq: Int
    }

    init(_ registration: RecordRegistered, by actor: String) {
        self.registration = registration
        self.registeredBy = actor
        self.changed = registration.created
    }

}
