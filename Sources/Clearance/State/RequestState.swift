/// Where one request for disclosure stands.
public struct RequestState: Sendable, Equatable {
    public var received: RequestReceived
    /// A correction asked and not yet received: the clock stands until it arrives.
    public var awaitingCorrection: Day?
    /// The day the applicant was given to correct the request by, while a correction is awaited.
    public var correctBy: Day?
    /// The day the reply clock runs from: receipt, or the corrected request (it restarts, the 2019 rule).
    public var clockStart: Day
    public var extended = false
    public var answered: RequestStep?
    /// Every step after receipt, in order: each correction asked, extension and answer is a written
    /// reply of its own (`clearance request notice`).
    public var steps: [RequestStep] = []

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
