import EventLog
import Foundation
import Testing

@testable import Clearance

/// The direct decoder of the snapshot's record lines must give what the general decoder gives, and
/// give up (so the general one is used) on anything the snapshot does not write.
@Suite struct RecordLineDecoderTests {
    static let day = Day("2008-01-10")!

    static var records: [(label: String, record: RecordState)] {
        let bare = RecordState(RecordRegistered(at: day, record: "R-1", unit: "cd-bgt", title: "通知", created: day, summary: ""), by: "clerk.wang")
        var full = RecordState(
            RecordRegistered(
                at: day, record: "R-2", unit: "jinjiang-jsj", title: "关于2008年度工作的通知", documentNumber: "〔2008〕1号", created: day.advanced(by: -3),
                summary: "概述", term: "2007-2011"),
            by: "clerk.wang")
        full.status = .published
        full.classification = RecordClassified(at: day, record: "R-2", contentClass: "plans", keyItem: "11-01", disclosure: .proactive)
        full.classifiedBy = "clerk.wang"
        (full.approvedLevels, full.requiredLevels) = (2, 2)
        full.lastReturn = RecordState.Return(day: day.advanced(by: 1), seq: 123_456_789)
        full.approvedOn = day.advanced(by: 2)
        full.indexNumber = "jinjiang-jsj/2008-00001"
        full.published = day.advanced(by: 3)
        full.changed = day.advanced(by: 1)
        var exempt = bare
        exempt.status = .approved
        exempt.classification = RecordClassified(at: day, record: "R-1", contentClass: "plans", disclosure: .exempt, basis: "state-secret")
        var escaped = full
        escaped.registration.title = "含\"引号\"与\\反斜杠\n换行"
        return [("bare", bare), ("full", full), ("exempt", exempt), ("escaped", escaped)]
    }

    static func line(_ record: RecordState) -> [UInt8] { JSONWriter.bytes(StateCodec.encode(record, id: record.registration.record)) }

    @Test(arguments: records.map(\.label))
    func aLineDecodesToTheRecordItWasWrittenFrom(label: String) throws {
        let record = try #require(Self.records.first { $0.label == label }?.record)
        let line = Self.line(record)
        let decoded = try #require(line.withUnsafeBytes(StateCodec.decodeRecordLine))
        #expect(decoded.id == record.registration.record && decoded.record == record)
        let direct = line.withUnsafeBytes(RecordLineDecoder.decode)
        // Escapes are left to the general decoder; everything else the snapshot writes is read directly.
        #expect((direct == nil) == (label == "escaped"))
        if let direct { #expect(direct.id == decoded.id && direct.record == decoded.record) }
    }

    /// Lines the snapshot does not write, as a change to the line of the full record: the direct
    /// decoder gives up, and the answer is the general one.
    @Test(arguments: [
        ("reordered", #""registeredBy":"clerk.wang","status":"published""#, #""status":"published","registeredBy":"clerk.wang""#),
        ("unknown member", #","changed""#, #","extra":1,"changed""#),
        ("repeated member", #","changed""#, #","published":"2008-01-01","changed""#),
        ("whitespace", #""status":"#, #""status": "#),
        ("levels out of range", #""approvedLevels":2"#, #""approvedLevels":3"#),
        ("leading zero", #""approvedLevels":2"#, #""approvedLevels":02"#),
        ("negative seq", ",123456789]", ",-5]"),
        ("bad date", #""changed":"2008-01-11""#, #""changed":"2008-02-30""#),
        ("null optional", #""classifiedBy":"clerk.wang""#, #""classifiedBy":null"#),
        ("empty optional", #""indexNumber":"jinjiang-jsj/2008-00001""#, #""indexNumber":"""#),
        ("truncated", #""changed":"2008-01-11"}"#, #""changed":"2008-01-1"#),
        ("trailing text", #""changed":"2008-01-11"}"#, #""changed":"2008-01-11"}}"#),
    ])
    func aLineTheSnapshotDoesNotWriteIsLeftToTheGeneralDecoder(label: String, find: String, replacement: String) throws {
        let full = try #require(Self.records.first { $0.label == "full" }?.record)
        let original = String(decoding: Self.line(full), as: UTF8.self)
        let text = original.replacingOccurrences(of: find, with: replacement)
        #expect(text != original, "the change applies")
        let line = Array(text.utf8)
        let general = (try? JSONParser.parse(line)).flatMap { try? StateCodec.decodeRecord($0) }
        let decoded = line.withUnsafeBytes(StateCodec.decodeRecordLine)
        #expect(decoded?.id == general?.id && decoded?.record == general?.record)
        if let direct = line.withUnsafeBytes(RecordLineDecoder.decode) {
            // Only what the general decoder reads the same way may be read directly.
            #expect(["null optional", "empty optional"].contains(label) && direct.record == general?.record)
        }
    }
}
