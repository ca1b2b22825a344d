import Foundation
import Testing

@testable import ClearanceCLI

/// Every error reaches the user as a sentence, never as a dump of its type.
@Suite struct ErrorTextTests {
    private struct Undescribed: Error { let reason: String }

    @Test func foundationAndUnknownErrorsAreSentences() {
        let full = ErrorText.line(CocoaError(.fileWriteOutOfSpace, userInfo: [NSFilePathErrorKey: "/out/guides/a.md"]))
        #expect(full.hasPrefix("cannot write /out/guides/a.md"), "\(full)")
        let posix = ErrorText.line(POSIXError(.ENOSPC))
        #expect(posix.contains("No space left on device") && !posix.contains("Domain="), "\(posix)")
        let unknown = ErrorText.line(Undescribed(reason: "x"))
        #expect(unknown.contains("unexpected error") && !unknown.contains("reason:"), "\(unknown)")
        #expect(ErrorText.line(UsageError("bad")).hasPrefix("bad"))
    }

    /// The project's own error types describe themselves: `ErrorText` counts on it. Read off the
    /// sources, since the compiler cannot list the types that conform to `Error`.
    @Test func everyErrorTypeOfTheSourcesIsCustomStringConvertible() throws {
        let sources = packageRoot().appendingPathComponent("Sources").path
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources))
        var texts: [String: String] = [:]
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            texts[path] = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
        }
        let all = texts.values.joined(separator: "\n")
        let declaration = /(?:struct|enum|class)\s+(\w+)\s*:\s*([^{=]*)\{/
        var errorTypes: [String] = []
        for (path, text) in texts {
            for match in text.matches(of: declaration) {
                let inherited = match.output.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                guard inherited.contains("Error") else { continue }
                let name = String(match.output.1)
                errorTypes.append(name)
                #expect(
                    inherited.contains("CustomStringConvertible") || all.contains("extension \(name): CustomStringConvertible"),
                    "\(name) in \(path) is an Error that does not describe itself")
            }
        }
        #expect(errorTypes.contains("FrameError") && errorTypes.contains("EventLogError") && errorTypes.count >= 10, "\(errorTypes)")
    }
}
