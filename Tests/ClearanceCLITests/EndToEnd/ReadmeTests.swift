import Foundation
import TestSupport
import Testing

/// The README is a contract: its commands run as written, in order, with a copy of the built binary
/// in a folder unrelated to the checkout, and the demo prints what the README says it prints.
@Suite struct ReadmeTests {
    /// A ```sh block of README.md, and whether an HTML comment before it says the test leaves it out.
    struct Block {
        let lines: [String]
        let skipped: Bool
    }

    static func blocks() throws -> (shell: [Block], output: [[String]]) {
        let text = try String(contentsOf: packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
        var shell: [Block] = []
        var output: [[String]] = []
        var current: [String]?
        var isShell = false
        var previous = ""
        var skipNext = false
        for line in text.components(separatedBy: "\n") {
            if var block = current {
                if line.hasPrefix("```") {
                    if isShell { shell.append(Block(lines: block, skipped: skipNext)) } else { output.append(block) }
                    current = nil
                    skipNext = false
                } else {
                    block.append(line)
                    current = block
                }
            } else if line.hasPrefix("```") {
                isShell = line == "```sh"
                skipNext = previous.hasPrefix("<!-- ReadmeTests: not run")
                current = []
            }
            if !line.isEmpty { previous = line }
        }
        return (shell, output)
    }

    /// A block's commands: a command starts on a line that is neither indented nor a comment and runs
    /// on through `\` continuations, a here-document, and the indented comment lines after it.
    static func commands(of block: Block) -> [String] {
        var commands: [[String]] = []
        var heredocEnd: String?
        for line in block.lines {
            if let end = heredocEnd {
                commands[commands.count - 1].append(line)
                if line == end { heredocEnd = nil }
                continue
            }
            let continues = commands.last?.last?.hasSuffix("\\") == true
            if continues || line.hasPrefix(" ") || line.isEmpty, !commands.isEmpty {
                commands[commands.count - 1].append(line)
            } else {
                commands.append([line])
            }
            if let range = line.range(of: "<<'"), let close = line[range.upperBound...].firstIndex(of: "'") {
                heredocEnd = String(line[range.upperBound..<close])
            }
        }
        return commands.map { $0.joined(separator: "\n") }
    }

    /// A folder outside the checkout holding a copy of the built binary.
    static func copiedBinary() throws -> String {
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("readme-bin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLITestCase().clearance.path, toPath: bin.appendingPathComponent("clearance").path)
        return bin.path
    }

    @Test func theSetUpIsTwoCommandsAndTheDemoPrintsWhatTheReadmeShows() throws {
        let (shell, output) = try Self.blocks()
        let setUp = try #require(shell.first).lines.map { $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces) }
        #expect(setUp == ["swift run -c release clearance demo", "swift test"])
        #expect(try String(contentsOf: packageRoot().appendingPathComponent(".ci/run"), encoding: .utf8).hasSuffix("\nswift test\n"))
        // `swift run … demo` is the built binary's demo: run the copy, from an unrelated folder.
        let folder = TemporaryDirectory("readme-demo")
        let bin = try Self.copiedBinary()
        let demo = try BuiltProgram(path: bin + "/clearance").run(["demo"], in: folder.path, environment: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(demo.status == 0, "\(demo.stderr)")
        // Every line the README shows, in order, but the time taken; where it shortens (a hash, a
        // list), "…" stands for whatever the demo printed there.
        let shown = try #require(output.first).filter { !$0.hasPrefix("done in") && !$0.isEmpty && $0.trimmingCharacters(in: .whitespaces) != "…" }
        var printed = demo.stdout.components(separatedBy: "\n")[...]
        func matches(_ line: String, _ pattern: String) -> Bool {
            let parts = pattern.components(separatedBy: "…")
            if parts.count == 1 { return line == pattern }
            guard line.count >= parts[0].count + parts[parts.count - 1].count, line.hasPrefix(parts[0]), line.hasSuffix(parts[parts.count - 1]) else { return false }
            var rest = line.dropFirst(parts[0].count)[...]
            for part in parts.dropFirst() where !part.isEmpty {
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
            return true
        }
        for line in shown {
            guard let at = printed.firstIndex(where: { matches($0, line) }) else {
                Issue.record("the README shows a line the demo does not print (in this order):\n  \(line)")
                continue
            }
            printed = printed[(at + 1)...]
        }
    }

    @Test func everyTourCommandRunsAsWrittenFromAnUnrelatedFolder() throws {
        let (shell, _) = try Self.blocks()
        let runnable = shell.dropFirst().filter { !$0.skipped }
        #expect(!runnable.isEmpty && shell.contains { $0.skipped })
        var script = "cd \"$1\"\n"
        var count = 0
        for block in runnable {
            for command in Self.commands(of: block) {
                count += 1
                let expected = command.contains("refused (exit 1)") ? 1 : 0
                let first = command.split(separator: "\n")[0].replacingOccurrences(of: "'", with: "'\\''")
                script += command + "\n"
                script += "rc=$?; if [ $rc -ne \(expected) ]; then echo 'README command \(count) exits '$rc', not \(expected): \(first)' >&2; exit 100; fi\n"
            }
        }
        #expect(count > 30, "the tour's commands were not found")
        let folder = TemporaryDirectory("readme-tour")
        try folder.write("tour.sh", Array(script.utf8))
        let bash = BuiltProgram(path: "/bin/bash")
        let outcome = try bash.run([folder.file("tour.sh"), folder.path], in: folder.path, environment: ["PATH": try Self.copiedBinary() + ":/usr/bin:/bin"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("Stack dump"))
    }
}
