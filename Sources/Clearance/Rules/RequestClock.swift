/// When a request must be answered: the one rule every view asks (`request list`, the funnel, the
/// progress pages, the demo's report), so that no two of them disagree.
///
/// The request follows the rule set in force on its day of receipt (`RuleSet.request`): its time
/// limit, plus the extension once it is extended. A correction asked stops the clock until the
/// corrected request arrives, and the clock starts again from that day where the rule set says so
/// (2019 Art. 30); where it does not, the clock runs from receipt throughout. A request not corrected
/// by the day the agency set counts as withdrawn where the rule set says so (2019 Art. 30).
public struct RequestClock: Sendable, Equatable {
    public enum Standing: Sendable, Equatable {
        /// The clock runs: the answer is due `workingDays` working days after `start`.
        case running
        /// A correction was asked on `since`; the clock stands until the applicant answers.
        case awaitingCorrection(since: Day, correctBy: Day?)
        /// Not corrected by `on`, the day the agency set: the request counts as withdrawn.
        case withdrawn(on: Day)
        case answered(on: Day)
    }

    public let ruleSet: RuleSet?
    /// The day the working days are counted from (the day after it is the first).
    public let start: Day
    /// The time limit, with the extension once granted; nil when no rule set governs the receipt day.
    public let workingDays: Int?
    public let standing: Standing

    /// The clock of `request` on `day` (its standing depends on the day only for a lapsed correction).
    public init(of request: RequestState, in state: ClearanceState, on day: Day? = nil) {
        ruleSet = state.reference.ruleSet(on: request.received.at)
        let procedure = ruleSet?.request
        workingDays = procedure.map { $0.limit.workingDays + (request.extended ? $0.extensionDays : 0) }
        let restarts = procedure?.correction?.restartsClock ?? true
        start = restarts ? request.clockStart : request.received.at
        if let answered = request.answered {
            standing = .answered(on: answered.at)
        } else if let since = request.awaitingCorrection {
            let lapses = procedure?.correction?.lapsesWhenUncorrected ?? false
            if lapses, let by = request.correctBy, let day, day > by {
                standing = .withdrawn(on: by)
            } else {
                standing = .awaitingCorrection(since: since, correctBy: request.correctBy)
            }
        } else {
            standing = .running
        }
    }

    /// Whether the clock counts against the agency: not while a correction is awaited under a rule
    /// set whose clock restarts on it, nor once the request counts as withdrawn.
    public var isCounting: Bool {
        switch standing {
        case .running, .answered: true
        case .awaitingCorrection: !(ruleSet?.request.correction?.restartsClock ?? true)
        case .withdrawn: false
        }
    }

    /// The due day on `calendar`; nil when no rule set governs the request or the clock is stopped.
    /// Throws `CalendarError` when the count reaches a year the calendar has not declared yet.
    public func due(on calendar: WorkingCalendar) throws -> Day? {
        guard isCounting, let workingDays else { return nil }
        return try calendar.adding(workingDays: workingDays, to: start).due
    }
}
