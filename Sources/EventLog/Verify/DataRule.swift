/// Validity rule 5 (docs/log-format.md): the line is UTF-8, and its `data` is one JSON object that
/// every JSON reader reads alike, exactly what `JSONParser` accepts. With it, the whole line is a JSON
/// object that any reader reads as we do. `verify` checks it on every entry, and the tail inspector on
/// the lines of an unfinished batch.
enum DataRule {
    /// Throws a `FrameError` naming the problem and where it lies in the line. `scratch` is kept
    /// between lines, so that checking allocates nothing.
    static func check(_ line: UnsafeRawBufferPointer, _ envelope: EntryEnvelope, scratch: inout JSONParser.Scratch) throws {
        // The rest of the envelope is ASCII by rule 1.
        guard UTF8Text.isValid(UnsafeRawBufferPointer(rebasing: line[envelope.id])) else { throw FrameError("id is not UTF-8") }
        guard UTF8Text.isValid(UnsafeRawBufferPointer(rebasing: line[envelope.actor])) else { throw FrameError("actor is not UTF-8") }
        do { try JSONParser.validate(UnsafeRawBufferPointer(rebasing: line[envelope.data]), reusing: &scratch) } catch let error as JSONError {
            throw FrameError("data: \(error.message) (at byte \(envelope.data.lowerBound + error.offset) of the line)")
        }
    }
}
