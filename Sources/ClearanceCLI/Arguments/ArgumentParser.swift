/// Parses `--name value`, `--name=value`, flags and positionals against a `CommandSpec`.
/// Anything it does not know is a `UsageError` naming the argument and where to read help.
struct ParsedArguments: Sendable {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    static func parse(_ arguments: [String], for spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        let options = Dictionary(spec.allOptions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" {
                parsed.flags.insert("--help")
                continue
            }
            let (name, inlineValue) = split(argument)
            guard let option = options[name] else {
                throw UsageError("unknown option \(name) for 'clearance \(spec.name)'", command: spec.name)
            }
            if option.value == nil {
                guard inlineValue == nil else {
                    throw UsageError("\(name) takes no value", command: spec.name)
                }
                parsed.flags.insert(name)
            } else if let inlineValue {
                parsed.values[name, default: []].append(inlineValue)
            } else {
                guard index < arguments.count else {
                    throw UsageError("\(name) needs a value (\(option.value!))", command: spec.name)
                }
                parsed.values[name, default: []].append(arguments[index])
                index += 1
            }
        }
        if !parsed.flags.contains("--help") {
            let required = spec.positionals.filter { !$0.optional }.count
            if parsed.positionals.count < required {
                let missing = spec.positionals[parsed.positionals.count].name
                throw UsageError("missing \(missing)", command: spec.name)
            }
            if parsed.positionals.count > spec.positionals.count {
                throw UsageError("unexpected argument '\(parsed.positionals[spec.positionals.count])'", command: spec.name)
            }
        }
        return parsed
    }

    private static func split(_ argument: String) -> (String, String?) {
        guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The last value given for `name` (a later option overrides an earlier one).
    func value(_ name: String) -> String? { values[name]?.last }

    func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

    /// An integer option within `range`, or a `UsageError` that names the option and the range.
    func integer(_ name: String, in range: ClosedRange<Int>, command: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let upper = range.upperBound == Int.max ? "" : " and \(range.upperBound)"
            let bounds = upper.isEmpty ? "at least \(range.lowerBound)" : "between \(range.lowerBound)\(upper)"
            throw UsageError("\(name) must be an integer \(bounds), not '\(text)'", command: command)
        }
        return number
    }
}

/// A mistake in how the command was called: exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    let command: String?

    init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }

    var description: String {
        message + " (see 'clearance help\(command.map { " " + $0 } ?? "")')"
    }
}

/// A refusal or failed check that is not a usage mistake: exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
