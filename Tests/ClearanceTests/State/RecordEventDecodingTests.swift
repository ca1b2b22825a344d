import EventLog
import Foundation
import Testing
import TestSupport

@testable import Clearance

/// The four record events read straight from their bytes must give what the general decoder gives,
/// and give up (so the general one is used) on any data the service does not write.
@Suite struct RecordEventDecodingTests {
    static let day = Day("2008-01-10")!

    static let events: [(label: String, type: String, data: JSONValue)] = [
        ("registered, bare", RecordRegistered.type, RecordRegistered(at: day, record: "R-1", unit: "cd-bgt", title: "通知", created: day, summary: "").data),
        ("registered, full", RecordRegistered.type, RecordRegistered(
            at: day, record: "R-2", unit: "jinjiang-jsj", title: "关于2008年度工作的通知", documentNumber: "〔2008〕1号", created: day.advanced(by: -3),
            summary: "概述", term: "2007-2011").data),
        ("classified, proactive", RecordClassified.type, RecordClassified(at: day, record: "R-2", contentClass: "plans", keyItem: "11-01", disclosure: .proactive).data),
        ("classified, exempt", RecordClassified.type, RecordClassified(at: day, record: "R-1", contentClass: "plans", disclosure: .exempt, basis: "state-secret").data),
        ("reviewed, approved", RecordReviewed.type, RecordReviewed(at: day, record: "R-2", level: 2, secrecy: .passed, accuracy: .passed, outcome: .approved).data),
        ("reviewed, written", RecordReviewed.type, RecordReviewed(at: day, record: "R-2", level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开").data),
        ("reviewed, returned", RecordReviewed.type, RecordReviewed(at: day, record: "R-2", level: 1, secrecy: .failed, accuracy: .passed, outcome: .returned, note: "涉密").data),
        ("published", RecordPublished.type, RecordPublished(at: day, record: "R-2", indexNumber: "jinjiang-jsj/2008-00001", channel: "portal").data),
        ("published, gazette", RecordPublished.type, RecordPublished(at: day, record: "R-2", indexNumber: "jinjiang-jsj/2008-00002", channel: "gazette").data),
    ]

    static func direct(_ type: String, _ bytes: [UInt8]) -> ClearanceEvent? {
        bytes.withUnsafeBytes { RecordLineDecoder.event(type: type, data: $0) }
    }

    /// A log entry of `type` whose data is `data`, as the log would store it.
    static func entry(_ type: String, _ data: JSONValue) throws -> LogEntry {
        var encoder = EntryEncoder(afterSeq: 0, hashHex: EntryFormat.zeroHash)
        var line: [UInt8] = []
        encoder.encode(NewEntry(actor: "clerk.wang", type: type, data: data), id: "e-1", recorded: "2008-01-10T01:00:00.000Z", batchEnd: 1, into: &line)
        return try line.dropLast().withUnsafeBytes { try LogEntry(line: $0, offset: 0) }
    }

    @Test(arguments: events.map(\.label))
    func dataAsTheServiceWritesItIsReadDirectly(label: String) throws {
        let (_, type, data) = try #require(Self.events.first { $0.label == label })
        let general = try ClearanceEvent.decode(type: type, data: data)
        #expect(Self.direct(type, JSONWriter.bytes(data)) == general)
        #expect(general != nil)
        guard case .event(let decoded) = try ClearanceState.decode(Self.entry(type, data)) else {
            Issue.record("\(label) did not decode to an event")
            return
        }
        #expect(decoded == general)
    }

    /// Data the service does not write: the direct reading gives up, and the entry decodes (or fails)
    /// exactly as the general decoder says.
    @Test(arguments: [
        ("reordered", RecordPublished.type, JSONValue.object([("record", .string("R-2")), ("at", .string("2008-01-10")), ("indexNumber", .string("x/2008-00001"))])),
        ("unknown member", RecordPublished.type, JSONValue.object([
            ("at", .string("2008-01-10")), ("record", .string("R-2")), ("indexNumber", .string("x/2008-00001")), ("extra", .integer(1)),
        ])),
        ("escaped title", RecordRegistered.type, RecordRegistered(at: day, record: "R-3", unit: "cd-bgt", title: "含\"引号\"", created: day, summary: "").data),
        ("approved with a failed check", RecordReviewed.type, JSONValue.object([
            ("at", .string("2008-01-10")), ("record", .string("R-2")), ("level", .integer(1)), ("secrecy", .string("failed")),
            ("accuracy", .string("passed")), ("outcome", .string("approved")),
        ])),
        ("level out of range", RecordReviewed.type, JSONValue.object([
            ("at", .string("2008-01-10")), ("record", .string("R-2")), ("level", .integer(3)), ("secrecy", .string("passed")),
            ("accuracy", .string("passed")), ("outcome", .string("approved")),
        ])),
        ("bad date", RecordClassified.type, JSONValue.object([
            ("at", .string("2008-02-30")), ("record", .string("R-2")), ("class", .string("plans")), ("disclosure", .string("proactive")),
        ])),
        ("empty record", RecordClassified.type, JSONValue.object([
            ("at", .string("2008-01-10")), ("record", .string("")), ("class", .string("plans")), ("disclosure", .string("proactive")),
        ])),
    ])
    func anythingElseIsLeftToTheGeneralDecoder(label: String, type: String, data: JSONValue) throws {
        #expect(Self.direct(type, JSONWriter.bytes(data)) == nil, "\(label)")
        let entry = try Self.entry(type, data)
        switch Result(catching: { try ClearanceEvent.decode(type: type, data: data) }) {
        case .success(let general):
            guard case .event(let decoded) = try ClearanceState.decode(entry) else {
                Issue.record("\(label) did not decode to an event")
                return
            }
            #expect(decoded == general, "\(label)")
        case .failure:
            #expect(throws: StateError.self, "\(label)") { try ClearanceState.decode(entry) }
        }
        // Whitespace the service never writes, in the stored bytes themselves.
        var spaced = Array(JSONWriter.bytes(data))
        spaced.insert(0x20, at: 1)
        #expect(Self.direct(type, spaced) == nil)
    }

    /// What the service appends is what the direct reading reads: every record event of a log made
    /// through the rules takes that way.
    @Test func everyRecordEventTheServiceAppendsIsReadDirectly() throws {
        let (directory, _) = try StateSnapshotTests.log(annotations: 0, records: 20)
        let entries = try LogReader(directory: directory.path).entries().filter { $0.type.hasPrefix("record.") }
        #expect(entries.count == 40)
        for entry in entries {
            #expect(entry.dataBytes.withUnsafeBytes { RecordLineDecoder.event(type: entry.type, data: $0) } != nil, "seq \(entry.seq)")
        }
    }
}
