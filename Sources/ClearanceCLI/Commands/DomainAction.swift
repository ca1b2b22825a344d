import Clearance
import EventLog

/// What the domain commands share: the acting person, the business date, and appending through the rules.
struct DomainAction {
    let command: String
    let arguments: ParsedArguments
    let context: Context
    let service: ClearanceService

    init(_ command: String, _ arguments: ParsedArguments, _ context: Context) {
        self.command = command
        self.arguments = arguments
        self.context = context
        self.service = ClearanceService(directory: context.logDirectory)
    }

    var actor: String { get throws { try context.requireActor(for: command) } }

    /// `--at DATE`, or the day the append will be recorded.
    func businessDate() throws -> Day {
        guard let text = arguments.value("--at") else { return try service.today() }
        guard let day = Day(text) else { throw UsageError("--at takes a date written YYYY-MM-DD, not '\(text)'", command: command) }
        return day
    }

    func required(_ option: String) throws -> String {
        guard let value = arguments.value(option), !value.isEmpty else { throw UsageError("\(option) is required", command: command) }
        return value
    }

    func positional(_ index: Int, _ name: String) throws -> String {
        guard let value = arguments.positional(index) else { throw UsageError("missing \(name)", command: command) }
        return value
    }

    func day(_ option: String) throws -> Day? {
        guard let text = arguments.value(option) else { return nil }
        guard let day = Day(text) else { throw UsageError("\(option) takes a date written YYYY-MM-DD, not '\(text)'", command: command) }
        return day
    }

    /// Appends the events `build` makes from the current state; prints what was appended.
    @discardableResult
    func append(_ build: (ClearanceState) throws -> [NewEntry]) throws -> ClearanceState {
        let (result, state) = try context.writingService().append(build)
        if result.duplicates.count > 3 {
            Terminal.note("\(result.duplicates.count) events were already in the log (their ids repeat, seq \(result.duplicates[0].seq) on): not written again")
        } else {
            for duplicate in result.duplicates {
                Terminal.note("id \"\(duplicate.id)\" is already in the log at seq \(duplicate.seq): not written again")
            }
        }
        let written = result.seqs.compactMap { $0 }
        if let first = written.first, let last = written.last {
            Terminal.out("appended seq \(first == last ? "\(first)" : "\(first)-\(last)"); head \(result.head.anchor)")
        } else {
            Terminal.out("appended nothing new; head \(result.head.anchor)")
        }
        return state
    }

    func unknownAction(_ actions: [String]) -> UsageError {
        UsageError("unknown action '\(arguments.positional(0) ?? "")' (available: \(actions.joined(separator: ", ")))", command: command)
    }
}
