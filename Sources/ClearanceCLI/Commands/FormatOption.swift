/// `--format FORMAT` of the query commands, with `--json` as another way to say `--format json`: the
/// query commands (guide, catalogue, progress, audit) each take `--json`, like the other commands' views.
struct FormatOption {
    /// The formats the command writes, the first being its default; and what its help says of them.
    let formats: [String]
    let help: String

    var options: [CommandSpec.Option] {
        [.value("--format", "FORMAT", help), .flag("--json", "print JSON (the same as --format json)")]
    }

    /// The format asked for, checked before the log is read.
    func chosen(_ arguments: ParsedArguments, command: String) throws -> String {
        let given = arguments.value("--format")
        if let given, !formats.contains(given) {
            let allowed = formats.dropLast().joined(separator: ", ") + " or " + formats.last!
            throw UsageError("--format takes \(allowed), not '\(given)'", command: command)
        }
        guard arguments.has("--json") else { return given ?? formats[0] }
        if let given, given != "json" { throw UsageError("--json means --format json: give one, not --json with --format \(given)", command: command) }
        return "json"
    }
}
