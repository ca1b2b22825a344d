import Clearance
import EventLog
import Foundation

/// `clearance people import|handover`: the general office's staff list in one batch, and handovers.
enum PeopleCommand {
    static let actions = ["import", "handover"]

    static let spec = CommandSpec(
        name: "people",
        summary: "general office: bind accounts, register keys and grant roles from a staff sheet; hand someone's work over",
        positionals: [
            .init(name: "ACTION", help: actions.joined(separator: " | ")),
            .init(name: "ARG", help: "import: the CSV file; handover: the person leaving", optional: true),
        ],
        options: [
            .value("--to", "PERSON", "handover: who takes over"),
            .value("--at", "DATE", "the business date (default: today)"),
        ],
        discussion: """
            'people import FILE.csv' reads a staff sheet (UTF-8 or GB18030; columns 人员 actor, 角色 role,
            单位 units separated by ; or 、, 账号 account, 公钥 key) and appends, in one batch, each account's
            binding, each key and each role the log does not hold yet: all rows or none; every problem is
            named by line and column. Importing the same sheet again appends nothing.
            'people handover A --to B' gives B every role A holds, for the same units, and ends A's roles,
            account bindings and keys, in one batch (docs/operations.md).
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let actor = try action.actor
        let at = try action.businessDate()
        switch arguments.positional(0) {
        case "import":
            let path = try action.positional(1, "FILE")
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
            var summary = ""
            // A sheet the log already holds appends nothing, and says so.
            let (now, _) = try action.service.load()
            let (pending, _, _, problems) = try StaffSheet.events(from: Array(data), state: now, at: at, actor: actor)
            if problems.isEmpty && pending.isEmpty {
                Terminal.out("\(path): the log already holds every binding, key and role it lists; appended nothing")
                return
            }
            try action.append { state in
                let (entries, people, encoding, problems) = try StaffSheet.events(from: Array(data), state: state, at: at, actor: actor)
                guard problems.isEmpty else {
                    throw CommandFailure(problems.map { "\(path): \($0)" }.joined(separator: "\n") + "\nnothing was appended (\(problems.count) problem\(problems.count == 1 ? "" : "s"))")
                }
                summary = "\(people) people read from \(path) (\(encoding)): \(count(entries, IdentityBound.type)) accounts bound, \(count(entries, KeyRegistered.type)) keys registered, \(count(entries, RoleGranted.type)) roles granted"
                return entries
            }
            Terminal.out(summary)
        case "handover":
            let leaving = try action.positional(1, "PERSON")
            let arriving = try action.required("--to")
            try action.append { state in
                let entries = StaffSheet.handover(from: leaving, to: arriving, state: state, at: at, actor: actor)
                guard !entries.isEmpty else { throw CommandFailure("\(leaving) holds no role, binding or key: nothing to hand over") }
                return entries
            }
        default: throw action.unknownAction(actions)
        }
    }

    private static func count(_ entries: [NewEntry], _ type: String) -> Int { entries.filter { $0.type == type }.count }
}
