import Clearance
import EventLog
import Foundation

/// The bytes `clearance serve` and its clients exchange over the socket (docs/serve.md): one request
/// and one reply per connection, each a 4-byte big-endian length and that many bytes of JSON.
enum ServeProtocol {
    /// A request is at most one batch; a reply is small (its seqs and duplicates, at most one per entry).
    static let maximumRequestBytes = LogFile.maximumBatchBytes
    static let maximumReplyBytes = 64 << 20

    struct Request {
        let submission: Submission
        let expectedSeq: Int?
    }

    struct ProtocolError: Error, CustomStringConvertible {
        let description: String
    }

    // MARK: requests

    static func encode(_ submission: Submission, expecting expectedSeq: Int?) -> [UInt8] {
        let entries: [JSONValue] = submission.entries.map { entry in
            var fields: [(key: String, value: JSONValue)] = []
            if let id = entry.id { fields.append(("id", .string(id))) }
            fields += [("actor", .string(entry.actor)), ("type", .string(entry.type)), ("data", entry.data)]
            return .object(fields)
        }
        let signature: JSONValue = submission.signature.map {
            .object([("key", .string($0.publicKey.hex)), ("at", .string($0.at.iso8601)), ("sig", .string($0.signature.hex))])
        } ?? .null
        return JSONWriter.bytes(
            .object([("entries", .array(entries)), ("signature", signature), ("expectSeq", expectedSeq.map { .integer($0) } ?? .null)]))
    }

    static func decodeRequest(_ bytes: [UInt8]) throws -> Request {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw ProtocolError(description: "the request is not JSON: \(error)") }
        guard json.objectValue != nil, let items = json["entries"]?.arrayValue else {
            throw ProtocolError(description: "the request is not an object with an \"entries\" array")
        }
        var entries: [NewEntry] = []
        for (index, item) in items.enumerated() {
            guard item.objectValue != nil, let actor = item["actor"]?.stringValue, let type = item["type"]?.stringValue else {
                throw ProtocolError(description: "entry \(index + 1) needs a string \"actor\" and \"type\"")
            }
            let id: String?
            switch item["id"] {
            case nil, .null?: id = nil
            case .string(let text)?: id = text
            default: throw ProtocolError(description: "entry \(index + 1): \"id\" is a string")
            }
            let data = item["data"] ?? .object([])
            guard data.objectValue != nil else { throw ProtocolError(description: "entry \(index + 1): \"data\" is an object") }
            entries.append(NewEntry(id: id, actor: actor, type: type, data: data))
        }
        var signature: SubmissionSignature?
        switch json["signature"] {
        case nil, .null?: break
        case let block?:
            guard let key = block["key"]?.stringValue.flatMap({ [UInt8](hex: $0) }), key.count == 32,
                let at = block["at"]?.stringValue.flatMap(Timestamp.init(parsing:)),
                let sig = block["sig"]?.stringValue.flatMap({ [UInt8](hex: $0) }), sig.count == 64
            else { throw ProtocolError(description: "\"signature\" needs \"key\" (64 hex), \"at\" (a time) and \"sig\" (128 hex)") }
            signature = SubmissionSignature(publicKey: key, at: at, signature: sig)
        }
        var expectedSeq: Int?
        switch json["expectSeq"] {
        case nil, .null?: break
        case let value?:
            guard let seq = value.intValue, seq >= 0 else { throw ProtocolError(description: "\"expectSeq\" is a seq (0 or more) or null") }
            expectedSeq = seq
        }
        return Request(submission: Submission(entries, signature: signature), expectedSeq: expectedSeq)
    }

    // MARK: replies

    static func encode(_ outcome: GroupWriter.Outcome) -> [UInt8] {
        switch outcome {
        case .appended(let result):
            let seqs: [JSONValue] = result.seqs.map { $0.map { .integer($0) } ?? .null }
            let duplicates: [JSONValue] = result.duplicates.map {
                .object([("index", .integer($0.index)), ("id", .string($0.id)), ("seq", .integer($0.seq))])
            }
            return JSONWriter.bytes(
                .object([
                    ("ok", .bool(true)), ("head", .string(result.head.anchor)), ("recorded", .string(result.head.recorded.iso8601)),
                    ("seqs", .array(seqs)), ("duplicates", .array(duplicates)),
                ]))
        case .refused(let message, let retry):
            return refusal(message, retry: retry)
        }
    }

    static func refusal(_ message: String, retry: Bool) -> [UInt8] {
        JSONWriter.bytes(.object([("ok", .bool(false)), ("error", .string(message)), ("retry", .bool(retry))]))
    }

    /// What the server appended, or throws `ChannelRefusal` with its reason.
    static func decodeReply(_ bytes: [UInt8]) throws -> LogFile.AppendResult {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw ProtocolError(description: "the server's reply is not JSON: \(error)") }
        guard let ok = json["ok"]?.boolValue else { throw ProtocolError(description: "the server's reply has no \"ok\"") }
        guard ok else {
            throw ChannelRefusal(message: json["error"]?.stringValue ?? "refused by the server", retry: json["retry"]?.boolValue ?? false)
        }
        let anchor = json["head"]?.stringValue?.split(separator: ":") ?? []
        guard anchor.count == 2, let seq = Int(anchor[0]), let recorded = json["recorded"]?.stringValue.flatMap(Timestamp.init(parsing:)),
            let seqs = json["seqs"]?.arrayValue, let duplicates = json["duplicates"]?.arrayValue
        else { throw ProtocolError(description: "the server's reply lacks \"head\", \"recorded\", \"seqs\" or \"duplicates\"") }
        return LogFile.AppendResult(
            head: LogHead(seq: seq, hashHex: String(anchor[1]), recorded: recorded), seqs: seqs.map(\.intValue),
            duplicates: duplicates.compactMap { item in
                guard let index = item["index"]?.intValue, let id = item["id"]?.stringValue, let seq = item["seq"]?.intValue else { return nil }
                return (index, id, seq)
            })
    }
}
