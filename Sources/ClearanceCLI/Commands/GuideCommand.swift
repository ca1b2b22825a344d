import Clearance
import EventLog
import Foundation
import Projections

/// `clearance guide UNIT`: the unit's disclosure guide, generated from the log.
enum GuideCommand {
    static let spec = CommandSpec(
        name: "guide",
        summary: "a unit's disclosure guide (markdown, html or json), generated from its profile and norm; gaps named",
        positionals: [.init(name: "UNIT", help: "the unit")],
        options: formats.options + [.value("--out", "FILE", "write to FILE instead of stdout")] + AsOf.options,
        discussion: "A guide whose unit lacks profile fields or a norm says what is missing (also on stderr).")

    static let formats = FormatOption(formats: ["markdown", "html", "json"], help: "markdown (default), html or json")

    static func run(_ arguments: ParsedArguments, _ context: Context) throws {
        let chosen = try formats.chosen(arguments, command: spec.name)
        let unit = arguments.positional(0)!
        let service = ClearanceService(directory: context.logDirectory)
        let (state, _) = try AsOf.state(arguments, service, command: spec.name)
        guard state.reference.units[unit] != nil else { throw CommandFailure("unit \(unit) is not registered") }
        let guide = GuideProjection(unit: unit, state: state, on: try service.today())
        let bytes: [UInt8]
        switch chosen {
        case "markdown": bytes = Array(guide.markdown.utf8)
        case "html": bytes = Array(guide.html.utf8)
        default: bytes = JSONWriter.bytes(guide.json) + [0x0A]
        }
        if !guide.gaps.isEmpty { Terminal.note("the guide of \(unit) is incomplete: it lacks \(guide.gaps.map(\.key).joined(separator: ", "))") }
        try Document.emit(bytes, to: arguments.value("--out"), summary: "")
    }
}
