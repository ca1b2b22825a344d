/// Where one request for disclosure stands.
public struct RequestState: Sendable, Equatable {
    public var received: RequestReceived
    /// A correction asked and not yet received: the clock is paused (2007) or will restart (2019).
    public var awaitingCorrection: Day?
    /// The day the reply clock runs from (receipt, or the corrected request under the 2019 rules).
    public var clockStart: Day
    /// Working days spent before a pause, carried over when the clock resumes (2007 rules).
    public var pausedDays = 0
    public var extended = false
    public var answered: RequestStep?

    init(_ received: RequestReceived) {
        self.received = received
        self.clockStart = received.at
    }
}

/// Where one piece of feedback stands.
public struct FeedbackState: Sendable, Equatable {
    public var received: FeedbackReceived
    public var answered: FeedbackAnswered?
}
