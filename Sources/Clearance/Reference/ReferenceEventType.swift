/// The event types that carry reference data (docs/events.md). Reference data is history: it is
/// loaded by `clearance init --seed` as these events, and a later change is one more of them.
public enum ReferenceEventType {
    public static let seedLoaded = "seed.loaded"
    public static let calendarDeclared = "calendar.declared"
    /// The older way to declare a year's holidays: it replaces that year's notices.
    public static let calendarYearDeclared = "calendar.year-declared"
    public static let calendarNoticeDeclared = "calendar.notice-declared"
    public static let ruleSetDeclared = "rule-set.declared"
    public static let schemeDeclared = "scheme.declared"
    public static let exemptionBasisDeclared = "exemption-basis.declared"
    public static let requestOutcomesDeclared = "request-outcomes.declared"
    public static let sectorsDeclared = "sectors.declared"
    /// The reconsideration and litigation laws, each with the date it took effect (remedies.json).
    public static let remediesDeclared = "remedies.declared"
    /// The plan's three tiers and their names (units.json `tiers`).
    public static let tiersDeclared = "tiers.declared"
    /// The forms of the annual reports, by report year (annual-reports.json).
    public static let reportFormsDeclared = "report-forms.declared"
    /// The general office's assessment rubric (rubric.json); a later one applies from its year.
    public static let rubricDeclared = "rubric.declared"
    public static let unitRegistered = "unit.registered"
    public static let stageScheduled = "stage.scheduled"

    public static let all: Set<String> = [
        seedLoaded, calendarDeclared, calendarYearDeclared, calendarNoticeDeclared, ruleSetDeclared, schemeDeclared, exemptionBasisDeclared,
        requestOutcomesDeclared, sectorsDeclared, tiersDeclared, remediesDeclared, reportFormsDeclared, rubricDeclared, unitRegistered, stageScheduled,
    ]
}
