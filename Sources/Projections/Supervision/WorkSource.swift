import Clearance

/// One kind of thing that waits for someone. `Worklist.sources` lists them all; a new kind of item
/// (an annual report to file by its day, say) is one more type conforming to this, added there, with
/// its case in `WorkItem.Kind` and, if it is a new task, in `WorkItem.Task` (the compiler then asks
/// which role does it).
public protocol WorkSource: Sendable {
    /// Appends the items waiting in `scope`, each with its due day counted on `deadlines`; leaves
    /// their status to the worklist, which judges every kind by the same rule.
    func collect(_ scope: WorkScope, _ deadlines: inout WorkDeadlines, into items: inout [WorkItem])
}

/// What a source looks at: the state, the units (nil: every unit) and the day judged.
public struct WorkScope: Sendable {
    public let state: ClearanceState
    public let units: Set<String>?
    public let day: Day

    public func contains(_ unit: String) -> Bool { units?.contains(unit) ?? true }
}

/// Due days counted on the log's calendar, each distinct (start, working days) once: a city's
/// million records share a few hundred start days and limits, and counting is a walk day by day.
public struct WorkDeadlines: Sendable {
    let calendar: WorkingCalendar?
    private var counted: [Key: WorkItem.Due] = [:]

    init(calendar: WorkingCalendar?) { self.calendar = calendar }

    /// The day `workingDays` working days after `start`; `.unknown` when the count reaches a year
    /// whose holiday notice is not declared yet (as `request list` shows it) or the log has no calendar.
    public mutating func due(_ start: Day, plus workingDays: Int) -> WorkItem.Due {
        let key = Key(start: start, days: workingDays)
        if let known = counted[key] { return known }
        let due: WorkItem.Due
        if let calendar {
            do {
                due = .on(try calendar.adding(workingDays: workingDays, to: start).due)
            } catch let error as CalendarError {
                due = .unknown(error.shortText)
            } catch {
                due = .unknown("unknown")
            }
        } else {
            due = .unknown("unknown: the log declares no calendar")
        }
        counted[key] = due
        return due
    }

    private struct Key: Hashable {
        let start: Day
        let days: Int
    }
}
