/// What a command accepts, used both to parse its arguments and to print its help.
struct CommandSpec: Sendable {
    struct Option: Sendable {
        let name: String
        /// nil for a flag; otherwise the placeholder shown in help, e.g. `N` or `TIME`.
        let value: String?
        let help: String

        static func flag(_ name: String, _ help: String) -> Option { Option(name: name, value: nil, help: help) }
        static func value(_ name: String, _ value: String, _ help: String) -> Option {
            Option(name: name, value: value, help: help)
        }
    }

    struct Positional: Sendable {
        let name: String
        let help: String
        var optional = false
    }

    let name: String
    let summary: String
    var positionals: [Positional] = []
    var options: [Option] = []
    var discussion: String = ""

    /// Accepted by every command.
    static let globalOptions: [Option] = [
        .value("--log", "DIR", "the log directory (default: $CLEARANCE_LOG, else ./event-log)"),
        .value("--actor", "NAME", "who acts (default: $CLEARANCE_ACTOR)"),
        .value("--lang", "zh|en", "labels of tables and views (default: zh if $LANG starts with zh, else en)"),
        .flag("--help", "show this help"),
    ]

    /// The command's own options, then the global ones it does not redefine (`log --actor` filters).
    var allOptions: [Option] {
        options + Self.globalOptions.filter { global in !options.contains { $0.name == global.name } }
    }

    var usage: String {
        var parts = ["clearance", name]
        parts += positionals.map { $0.optional ? "[\($0.name)]" : $0.name }
        if !options.isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    var help: String {
        var lines = ["\(summary)", "", "usage: \(usage)"]
        let optionNames = allOptions.map { option in option.value.map { "\(option.name) \($0)" } ?? option.name }
        let width = (optionNames + positionals.map(\.name)).map(\.count).max()! + 2
        if !positionals.isEmpty {
            lines.append("")
            lines.append("arguments:")
            lines += positionals.map { "  " + pad($0.name, width) + $0.help }
        }
        lines.append("")
        lines.append("options:")
        for (name, option) in zip(optionNames, allOptions) {
            lines.append("  " + pad(name, width) + option.help)
        }
        if !discussion.isEmpty {
            lines.append("")
            lines.append(discussion)
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(2, width - s.count))
    }
}
