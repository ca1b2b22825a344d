import Clearance
import EventLog

/// `clearance inspect UNIT --finding …` and `--remedied …`: an inspection finding at the unit (the
/// general office) and its remedy (a clerk of the unit), appended through the rules.
enum InspectFindings {
    static let options: [CommandSpec.Option] = [
        .value("--finding", "ID", "record finding ID at UNIT (general office), with --about and --remedy-by"),
        .value("--about", "TEXT", "--finding: what is wrong"), .value("--remedy-by", "DATE", "--finding: the day it is to be remedied by"),
        .value("--item", "ID", "--finding: the record, request or feedback of UNIT it concerns"),
        .value("--remedied", "ID", "record that UNIT remedied finding ID (a clerk of the unit), with --note"),
        .value("--note", "TEXT", "--remedied: how it was remedied"),
        .value("--at", "DATE", "--finding, --remedied: the business date (default: today)"),
    ]

    /// Which options go with which action, so that one given to the wrong one is a usage error rather than ignored.
    private static let belonging: [String: [String]] = [
        "--finding": ["--about", "--remedy-by", "--item", "--at"],
        "--remedied": ["--note", "--at"],
    ]

    /// Records a finding or a remedy if the arguments ask for one, and says whether they did.
    /// Refused by the rules: a `BatchRefusal` (exit 1), nothing appended.
    static func record(unit: String, _ action: DomainAction, worksheetOptions: [String]) throws -> Bool {
        let (command, arguments) = (action.command, action.arguments)
        let asked = belonging.keys.sorted().filter { arguments.value($0) != nil }
        guard let chosen = asked.first else {
            if let stray = options.map(\.name).first(where: { arguments.value($0) != nil }) {
                throw UsageError("\(stray) goes with \(belonging.filter { $0.value.contains(stray) }.keys.sorted().joined(separator: " or "))", command: command)
            }
            return false
        }
        if asked.count > 1 { throw UsageError("give --finding or --remedied, not both", command: command) }
        let allowed = Set([chosen] + belonging[chosen]!)
        if let stray = (options.map(\.name) + worksheetOptions).first(where: { !allowed.contains($0) && (arguments.value($0) != nil || arguments.has($0)) }) {
            throw UsageError("\(stray) does not go with \(chosen)", command: command)
        }
        let at = try action.businessDate()
        if chosen == "--finding" {
            let id = try action.required("--finding")
            let about = try action.required("--about")
            guard let remedyBy = try action.day("--remedy-by") else { throw UsageError("--remedy-by is required with --finding", command: command) }
            let item = arguments.value("--item")
            try action.append { state in
                if let item, !concerns(unit, item, in: state) {
                    throw CommandFailure("--item \(item) is no record, request or feedback of \(unit)")
                }
                return [InspectionFinding(at: at, finding: id, unit: unit, about: about, remedyBy: remedyBy, item: item).entry(actor: try action.actor)]
            }
        } else {
            let id = try action.required("--remedied")
            let note = try action.required("--note")
            try action.append { state in
                if let finding = state.supervision.findings[id], finding.found.unit != unit {
                    throw CommandFailure("finding \(id) is at \(finding.found.unit), not \(unit)")
                }
                return [InspectionRemedied(at: at, finding: id, note: note).entry(actor: try action.actor)]
            }
        }
        return true
    }

    /// Whether `item` is a record, request or feedback of `unit`.
    private static func concerns(_ unit: String, _ item: String, in state: ClearanceState) -> Bool {
        state.records[item]?.registration.unit == unit || state.requests[item]?.received.unit == unit
            || state.feedback[item]?.received.unit == unit
    }
}
