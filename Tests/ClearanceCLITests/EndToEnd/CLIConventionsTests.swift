import Foundation
import Testing

/// Help, version, exit statuses and one-line errors, as a user meets them.
@Suite struct CLIConventionsTests {
    @Test func helpListsEveryCommand() throws {
        let cli = CLITestCase()
        let outcome = try cli.run(["--help"])
        #expect(outcome.status == 0)
        for command in ["init", "append", "log", "verify", "record", "import", "catalogue", "guide", "demo", "bench"] { #expect(outcome.stdout.contains("  \(command) ")) }
    }

    @Test(arguments: ["init", "append", "log", "verify", "calendar", "demo", "bench"])
    func everyCommandHasHelp(command: String) throws {
        let cli = CLITestCase()
        let viaHelp = try cli.run(["help", command])
        let viaFlag = try cli.run([command, "--help"])
        #expect(viaHelp.status == 0 && viaFlag.status == 0)
        #expect(viaHelp.stdout == viaFlag.stdout)
        #expect(viaHelp.stdout.contains("usage: clearance \(command)"))
    }

    @Test func versionIsPrinted() throws {
        let outcome = try CLITestCase().run(["--version"])
        #expect(outcome.status == 0 && outcome.stdout.hasPrefix("clearance "))
    }

    @Test(arguments: [["frobnicate"], ["log", "--bogus"], ["help", "nothing"], ["log", "--limit", "many"], ["log", "--since", "last week"], ["verify", "--anchor", "12"], ["init"]])
    func usageErrorsExitWithTwoAndOneLine(arguments: [String]) throws {
        let outcome = try CLITestCase().run(arguments)
        #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("error: "))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
    }

    @Test func commandsOnAMissingLogSayToInitAndExitOne() throws {
        for arguments in [["log"], ["verify"], ["append", "--actor", "a"]] {
            let outcome = try CLITestCase().run(arguments, stdin: "{\"type\":\"a\"}\n")
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("run 'clearance init' first"), "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("Fatal") && !outcome.stderr.contains("0x0"))
        }
    }

    /// A file that cannot be written is named in one line with the reason, not dumped as an `NSError`.
    @Test func aFileThatCannotBeWrittenIsNamedWithTheReason() throws {
        let cli = try ProgressViewsTests.demoCase()
        try FileManager.default.createDirectory(atPath: cli.folder.file("out/guides/jinjiang-jsj.md"), withIntermediateDirectories: true)
        let outcome = try cli.run(["rebuild", "--out", "out"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: cannot write ") && outcome.stderr.contains("out/guides/jinjiang-jsj.md: Is a directory"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1 && !outcome.stderr.contains("NSCocoaErrorDomain"), "\(outcome.stderr)")
    }
}
