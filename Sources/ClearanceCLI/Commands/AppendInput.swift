import EventLog

/// Turns `append`'s stdin (JSON Lines: `{"type": …, "actor": …, "id": …, "data": {…}}`) into entries.
/// Every bad line is reported with its number and reason; any bad line means nothing is appended.
enum AppendInput {
    static let allowedKeys = ["type", "actor", "id", "data"]
    static let maximumLineBytes = EntryFormat.maximumLineBytes

    static func parse(_ input: [UInt8], defaultActor: String?) throws -> [NewEntry] {
        var entries: [NewEntry] = []
        var problems: [String] = []
        var lineNumber = 0
        for rawLine in input.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                entries.append(try entry(from: Array(line), defaultActor: defaultActor))
            } catch let error as JSONError {
                problems.append("line \(lineNumber): not valid JSON: \(error)")
            } catch {
                problems.append("line \(lineNumber): \(ErrorText.line(error))")
            }
            if problems.count >= 20 { break }
        }
        guard problems.isEmpty else {
            throw CommandFailure(problems.joined(separator: "\n") + "\nnothing was appended")
        }
        guard !entries.isEmpty else { throw CommandFailure("stdin held no events: nothing was appended") }
        return entries
    }

    private static func entry(from line: [UInt8], defaultActor: String?) throws -> NewEntry {
        guard line.count <= maximumLineBytes else {
            throw CommandFailure("longer than \(maximumLineBytes) bytes")
        }
        guard case .object(let members) = try JSONParser.parse(line) else {
            throw CommandFailure("each line must be a JSON object")
        }
        for member in members where !allowedKeys.contains(member.key) {
            throw CommandFailure("unknown key \"\(member.key)\" (allowed: \(allowedKeys.joined(separator: ", ")))")
        }
        let object = JSONValue.object(members)
        guard let type = object["type"]?.stringValue else { throw CommandFailure("\"type\" (a string) is required") }
        guard EntryFormat.isValidType(type) else {
            throw CommandFailure("type \"\(type)\" must start with a lowercase letter and hold only letters, digits, '.', '_', '-'")
        }
        guard type != EntryFormat.headerType else {
            throw CommandFailure("type \(EntryFormat.headerType) is written only by 'clearance init'")
        }
        if let actor = object["actor"], actor.stringValue == nil { throw CommandFailure("\"actor\" must be a string") }
        guard let actor = object["actor"]?.stringValue ?? defaultActor else {
            throw CommandFailure("no actor: give \"actor\" in the line, --actor NAME or CLEARANCE_ACTOR")
        }
        guard EntryFormat.isValidName(actor) else {
            throw CommandFailure("actor \"\(actor)\" must be 1-128 bytes without quotes, backslashes or control characters")
        }
        if let id = object["id"], id.stringValue.map(EntryFormat.isValidName) != true {
            throw CommandFailure("\"id\" must be a string of 1-128 bytes without quotes, backslashes or control characters")
        }
        let data = object["data"] ?? .object([])
        guard case .object = data else { throw CommandFailure("\"data\" must be a JSON object") }
        return NewEntry(id: object["id"]?.stringValue, actor: actor, type: type, data: data)
    }
}
