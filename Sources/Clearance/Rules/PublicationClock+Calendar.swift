extension PublicationClock {
    /// The due day counted on `calendar`, as the funnel counts it; nil without a calendar or when the
    /// count reaches a day whose holiday notice is not declared yet.
    public func due(on calendar: WorkingCalendar?) -> Day? {
        due(after: try? calendar?.adding(workingDays: workingDays, to: start).due)
    }
}
