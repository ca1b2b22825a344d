import Projections

/// What every command resolves the same way: the log directory and the acting person.
struct Context: Sendable {
    let logDirectory: String
    let actor: String?
    let environment: [String: String]
    let labels: Labels
    /// The language of the office's papers (notices, worksheets, reports): Chinese unless `--lang en`.
    let paperLanguage: PaperLanguage

    init(arguments: ParsedArguments, environment: [String: String]) throws {
        self.environment = environment
        labels = try Labels(option: arguments.value("--lang"), environment: environment)
        paperLanguage = arguments.value("--lang") == "en" ? .en : .zh
        logDirectory = arguments.value("--log") ?? environment["CLEARANCE_LOG"].flatMap { $0.isEmpty ? nil : $0 } ?? "event-log"
        actor = arguments.value("--actor") ?? environment["CLEARANCE_ACTOR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The actor, or a usage error saying how to give one.
    func requireActor(for command: String) throws -> String {
        guard let actor else {
            throw UsageError("no actor: pass --actor NAME or set CLEARANCE_ACTOR", command: command)
        }
        return actor
    }
}
