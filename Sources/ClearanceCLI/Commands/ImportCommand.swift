import Clearance
import EventLog
import Foundation

/// `clearance import FILE.csv --unit UNIT`: registers and classifies a records office's spreadsheet.
enum ImportCommand {
    static let spec = CommandSpec(
        name: "import",
        summary: "register and classify records from a spreadsheet export (CSV: UTF-8, UTF-8 with BOM or GB18030)",
        positionals: [.init(name: "FILE", help: "the CSV file (docs/import.md: columns, date forms, values)")],
        options: [
            .value("--unit", "UNIT", "the unit whose records they are (required)"),
            .value("--id-prefix", "PREFIX", "record ids are PREFIX-<序号> (default: UNIT-<file name>)"),
            .value("--default-class", "CLASS", "the norm class for rows whose key item no class covers"),
            .value("--at", "DATE", "the business date (default: today)"),
        ],
        discussion: """
            All rows or none: every problem of every row is reported with its line and column, and nothing
            is appended unless there are none. The events then pass the same rules as 'record register'
            and 'record classify'. Importing the same file again appends nothing (the events' ids repeat).
            """)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let action = DomainAction(spec.name, arguments, context)
        let path = try action.positional(0, "FILE")
        let unit = try action.required("--unit")
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let importer = RecordImport(unit: unit, idPrefix: arguments.value("--id-prefix") ?? "\(unit)-\(name)", defaultClass: arguments.value("--default-class"))
        let actor = try action.actor
        let at = try action.businessDate()
        var summary = ""
        do {
            try action.append { state in
                let (entries, rows, encoding, problems) = try importer.events(from: Array(data), state: state, at: at, actor: actor)
                guard problems.isEmpty else {
                    throw CommandFailure(problems.map { "\(path): \($0)" }.joined(separator: "\n") + "\nnothing was appended (\(problems.count) problem\(problems.count == 1 ? "" : "s"))")
                }
                summary = "\(rows.count) records read from \(path) (\(encoding))"
                return entries
            }
        } catch let refusal as BatchRefusal {
            // Two events a row: name the row whose event was refused.
            throw CommandFailure("\(path): row \(refusal.index / 2 + 1): \(refusal.violation)\nnothing was appended")
        } catch let error as ImportError {
            throw CommandFailure("\(path): \(error)\nnothing was appended")
        }
        Terminal.out("imported \(summary)")
    }
}
