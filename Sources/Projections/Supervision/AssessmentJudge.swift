import Clearance
import EventLog

/// How each rubric rule is judged from the log for one unit: one home for the assessment's rules.
public struct AssessmentJudge {
    let year: Int
    let day: Day
    let state: ClearanceState
    let yearEnd: Day
    let progress: ProgressProjection
    let calendar: WorkingCalendar?

    init(year: Int, day: Day, state: ClearanceState, units: Set<String>) {
        (self.year, self.day, self.state) = (year, day, state)
        yearEnd = min(Day("\(year)-12-31")!, day)
        progress = ProgressProjection(state: state, units: units, on: yearEnd)
        calendar = try? state.reference.calendar()
    }

    /// Shown with one decimal at most: 2.5, 5.
    public static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    func score(_ indicator: Rubric.Indicator, unit: String) -> Assessment.Score {
        let lost: [Assessment.Lost] = switch indicator.rule {
        case .stageDone: stageDone(indicator, unit)
        case .rolesHeld: rolesHeld(indicator, unit)
        case .guideComplete: guideComplete(indicator, unit)
        case .shareOnTime: shareOnTime(indicator, unit)
        case .findingsRemedied: findingsRemedied(indicator, unit)
        case .reportFiled, .reportPublished: report(indicator, unit)
        }
        let total = min(indicator.points, lost.map(\.points).reduce(0, +))
        return Assessment.Score(indicator: indicator, points: max(0, indicator.points - total), lost: lost)
    }

    private func stageDone(_ indicator: Rubric.Indicator, _ unit: String) -> [Assessment.Lost] {
        guard let number = indicator.stage, let stage = progress.stages.first(where: { $0.number == number }), let deadline = stage.deadline else { return [] }
        let applies = state.reference.stages[number].map { $0.appliesToEveryUnit || $0.responsible.contains(unit) } ?? false
        guard applies else { return [] }
        let evidence = stageEvidence(number, unit, deadline: deadline)
        if let done = stage.doneOn[unit] {
            guard done > deadline else { return [] }
            let lost = indicator.points * (1 - indicator.lateShare)
            return [.init(points: lost, reason: "stage \(number) done on \(done), after its deadline \(deadline) (\(Self.points(indicator.lateShare * 100))% of the points for late)", refs: [.stage(number)] + evidence)]
        }
        return [.init(points: indicator.points, reason: "stage \(number) (\(stage.title)): nothing by \(yearEnd), deadline \(deadline)", refs: [.stage(number)] + evidence)]
    }

    /// What in the unit's own log shows where it stood on a stage: its norm, or the backlog records
    /// cleared or published after the deadline or not at all (the first 20).
    private func stageEvidence(_ number: Int, _ unit: String, deadline: Day) -> [Assessment.Ref] {
        switch state.reference.stages[number]?.completion {
        case .normAdopted: return state.norms[unit] != nil ? [.unitEvent(type: NormAdopted.type, unit: unit)] : []
        case .recordsCleared, .recordsPublished:
            let publishing = state.reference.stages[number]?.completion == .recordsPublished
            var refs: [Assessment.Ref] = []
            let cutoff = state.reference.backlogCutoff
            state.records.forEach(inUnits: [unit]) { record in
                guard refs.count < 20, let cutoff, record.registration.created <= cutoff else { return }
                let done = publishing && record.classification?.disclosure == .proactive ? record.published : record.approvedOn
                if done.map({ $0 > deadline }) ?? true { refs.append(.record(record.registration.record)) }
            }
            return refs
        default: return []
        }
    }

    private func rolesHeld(_ indicator: Rubric.Indicator, _ unit: String) -> [Assessment.Lost] {
        let missing = indicator.roles.filter { role in
            !state.roles.contains { _, held in Role(rawValue: role).flatMap { held[$0] }?.contains(unit) == true }
        }
        guard !missing.isEmpty else { return [] }
        return [.init(points: indicator.points, reason: "no one holds the \(missing.joined(separator: ", ")) role for the unit: nothing by \(yearEnd)", refs: [.rubric])]
    }

    private func guideComplete(_ indicator: Rubric.Indicator, _ unit: String) -> [Assessment.Lost] {
        let gaps = GuideProjection.gaps(of: unit, in: state)
        let refs: [Assessment.Ref] = state.profiles[unit] != nil ? [.unitEvent(type: UnitProfileSet.type, unit: unit)] : []
        guard gaps.isEmpty else {
            return [.init(points: indicator.points, reason: "the guide lacks \(gaps.map(\.key).joined(separator: ", ")): nothing by \(yearEnd)", refs: (indicator.byStage ? [.stage(indicator.stage ?? 6)] : [.rubric]) + refs)]
        }
        guard indicator.byStage, let number = indicator.stage, let deadline = state.reference.stages[number]?.deadline else { return [] }
        let completed = [state.profiles[unit]?.at, state.norms[unit]?.at].compactMap { $0 }.max()
        guard let completed, completed > deadline else { return [] }
        return [.init(points: indicator.points * (1 - indicator.lateShare), reason: "the guide was complete only on \(completed), after stage \(number)'s deadline \(deadline)", refs: [.stage(number)] + refs)]
    }

    /// The share of the unit's items due in the year that were done by their due day.
    private func shareOnTime(_ indicator: Rubric.Indicator, _ unit: String) -> [Assessment.Lost] {
        var due = 0
        var late: [(id: String, due: Day, done: Day?)] = []
        func judge(_ id: String, _ deadline: Day?, _ done: Day?) {
            guard let deadline, deadline.year == year, deadline <= day else { return }
            due += 1
            if (done ?? day) > deadline { late.append((id, deadline, done)) }
        }
        switch indicator.items {
        case "publications":
            state.records.forEach(inUnits: [unit]) { record in
                guard let clock = PublicationClock(of: record, in: state) else { return }
                judge(record.registration.record, clock.due(after: try? calendar?.adding(workingDays: clock.workingDays, to: clock.start).due), record.published)
            }
        case "requests":
            for (id, request) in state.requests where request.received.unit == unit {
                let clock = RequestClock(of: request, in: state, on: day)
                guard let calendar, let deadline = try? clock.due(on: calendar) else { continue }
                judge(id, deadline, request.answered?.at)
            }
        case "feedback":
            for (id, item) in state.feedback where item.received.unit == unit {
                guard let clock = FeedbackClock(of: item, in: state), let calendar else { continue }
                judge(id, try? clock.due(on: calendar), item.answered?.at)
            }
        default: return []
        }
        guard due > 0, !late.isEmpty else { return [] }
        late.sort { ($0.due, $0.id) < ($1.due, $1.id) }
        let kind = indicator.items ?? "items"
        let lost = indicator.points * Double(late.count) / Double(due)
        let ref: (String) -> Assessment.Ref = { id in kind == "publications" ? .record(id) : kind == "requests" ? .request(id) : .feedback(id) }
        let shown = late.prefix(20).map { "\($0.id) due \($0.due), " + ($0.done.map { "done \($0)" } ?? "nothing by \(day)") }
        return [.init(points: lost, reason: "\(late.count) of \(due) \(kind) due in \(year) were late: " + shown.joined(separator: "; ") + (late.count > 20 ? "; …" : ""), refs: late.prefix(20).map { ref($0.id) })]
    }

    private func findingsRemedied(_ indicator: Rubric.Indicator, _ unit: String) -> [Assessment.Lost] {
        state.supervision.findings(at: unit).filter { $0.found.at.year == year && $0.found.remedyBy <= day }.compactMap { finding in
            let by = finding.found.remedyBy
            if let remedied = finding.remedied, remedied.at <= by { return nil }
            let when = finding.remedied.map { "remedied on \($0.at)" } ?? "nothing by \(day)"
            return .init(points: indicator.perFinding, reason: "finding \(finding.found.finding) (\(finding.found.about)) was to be remedied by \(by): \(when)", refs: [.finding(finding.found.finding)])
        }
    }

    private func report(_ indicator: Rubric.Indicator, _ unit: String) -> [Assessment.Lost] {
        let deadlines = ReportDeadlines(unit: unit, year: year, reference: state.reference)
        let report = state.supervision.reports[Supervision.reportKey(unit, year)]
        let filing = indicator.rule == .reportFiled
        guard let due = filing ? deadlines.filing : deadlines.publishing, due <= day else { return [] }
        let done = filing ? report?.filed.at : report?.published?.at
        let what = filing ? "filed with the general office" : "published"
        let type = filing ? ReportFiled.type : ReportPublished.type
        if let done {
            guard done > due else { return [] }
            return [.init(points: indicator.points, reason: "the report on \(year) was \(what) on \(done), after \(due)", refs: [.reportForms, .unitEvent(type: type, unit: unit)])]
        }
        return [.init(points: indicator.points, reason: "the report on \(year) was to be \(what) by \(due): nothing by \(day)", refs: [.reportForms] + (report != nil ? [.unitEvent(type: ReportFiled.type, unit: unit)] : []))]
    }
}
