import EventLog
import Testing

@testable import ClearanceCLI

@Suite struct AppendInputTests {
    @Test func readsEventsWithDefaultsAndCRLF() throws {
        let input = "{\"type\":\"a.b\",\"data\":{\"t\":\"中\"}}\r\n\n{\"type\":\"c\",\"actor\":\"li\",\"id\":\"x-1\"}\n"
        let entries = try AppendInput.parse(Array(input.utf8), defaultActor: "wang")
        #expect(entries == [
            NewEntry(actor: "wang", type: "a.b", data: .object([("t", .string("中"))])),
            NewEntry(id: "x-1", actor: "li", type: "c"),
        ])
    }

    /// Every bad line is reported, with its number, and nothing is accepted.
    @Test func reportsEveryBadLineByNumber() {
        let input = """
            {"type":"ok"}
            not json
            {"type":"x","extra":1}
            {"data":{}}
            {"type":"y","data":[1]}
            {"type":"Bad Type"}
            {"type":"log.created"}
            """
        do {
            _ = try AppendInput.parse(Array(input.utf8), defaultActor: "wang")
            Issue.record("expected a failure")
        } catch {
            let message = "\(error)"
            for expected in [
                "line 2: not valid JSON", "line 3: unknown key \"extra\"", "line 4: \"type\" (a string) is required",
                "line 5: \"data\" must be a JSON object", "line 6: type \"Bad Type\"", "line 7: type log.created",
                "nothing was appended",
            ] {
                #expect(message.contains(expected), "missing \(expected) in \(message)")
            }
            #expect(!message.contains("line 1:"))
        }
    }

    @Test func anActorIsRequiredFromTheLineOrTheOption() {
        #expect(throws: CommandFailure.self) { try AppendInput.parse(Array("{\"type\":\"a\"}".utf8), defaultActor: nil) }
    }

    @Test func emptyInputIsRefused() {
        #expect(throws: CommandFailure.self) { try AppendInput.parse(Array("\n\n".utf8), defaultActor: "a") }
    }
}
