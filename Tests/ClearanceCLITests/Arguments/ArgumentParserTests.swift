import Testing

@testable import ClearanceCLI

@Suite struct ArgumentParserTests {
    let spec = CommandSpec(
        name: "log", summary: "s", positionals: [.init(name: "WHAT", help: "h", optional: true)],
        options: [.value("--limit", "N", "h"), .flag("--json", "h"), .value("--type", "T", "h")])

    @Test func readsValuesFlagsAndPositionals() throws {
        let parsed = try ParsedArguments.parse(["--limit", "5", "--json", "--type=a.b", "--type", "c", "x"], for: spec)
        #expect(parsed.value("--limit") == "5")
        #expect(parsed.has("--json"))
        #expect(parsed.values["--type"] == ["a.b", "c"])
        #expect(parsed.positionals == ["x"])
    }

    @Test func globalOptionsAreAcceptedEverywhere() throws {
        let parsed = try ParsedArguments.parse(["--log", "/x", "--actor=wang"], for: spec)
        #expect(parsed.value("--log") == "/x" && parsed.value("--actor") == "wang")
    }

    @Test(arguments: [
        (["--nope"], "unknown option --nope"), (["--limit"], "--limit needs a value"),
        (["--json=yes"], "--json takes no value"), (["a", "b"], "unexpected argument 'b'"),
    ])
    func mistakesAreUsageErrorsThatNameTheArgument(arguments: [String], message: String) {
        #expect {
            try ParsedArguments.parse(arguments, for: spec)
        } throws: { error in
            (error as? UsageError).map { $0.description.contains(message) && $0.description.contains("clearance help log") } == true
        }
    }

    @Test func integersAreCheckedAgainstTheirRange() throws {
        let parsed = try ParsedArguments.parse(["--limit", "-3"], for: spec)
        #expect(throws: UsageError.self) { try parsed.integer("--limit", in: 0...Int.max, command: "log") }
        let fine = try ParsedArguments.parse(["--limit", "3"], for: spec)
        #expect(try fine.integer("--limit", in: 0...Int.max, command: "log") == 3)
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try ParsedArguments.parse(["--", "--json"], for: spec)
        #expect(parsed.positionals == ["--json"] && !parsed.has("--json"))
    }
}
