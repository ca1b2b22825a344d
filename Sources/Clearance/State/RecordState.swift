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

    // Stored in this order so that the one-byte fields fill the padding after a `Day?` (9 bytes):
    // a city keeps over a million of these in memory, and each byte is a megabyte.
    public var registration: RecordRegistered
    public var registeredBy: String
    public var classification: RecordClassified?
    public var classifiedBy: String?
    /// Who approved the first review level while a second is still due: the second is someone else's.
    public var firstApprovedBy: String?
    public var indexNumber: String?
    public var lastReturn: Return?
    /// The day the last review level approved it.
    public var approvedOn: Day?
    public var status: Status = .registered
    private var approvedLevelsStored: Int8 = 0
    private var requiredLevelsStored: Int8 = 1
    public var published: Day?
    /// The latest reassessment of a withheld record (2019 Art. 18), which restarts its interval.
    public var reassessedOn: Day?
    /// The day the 20-working-day publication clock started: creation, or the latest correction.
    public var changed: Day

    /// Review levels approved since the latest classification (a norm asks for one or two).
    public var approvedLevels: Int {
        get { Int(approvedLevelsStored) }
        set { approvedLevelsStored = Int8(clamping: newValue) }
    }

    /// The levels the norm asked for when the record was classified.
    public var requiredLevels: Int {
        get { Int(requiredLevelsStored) }
        set { requiredLevelsStored = Int8(clamping: newValue) }
    }

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
