import Clearance
import EventLog
import Foundation
import Testing

@testable import Projections

@Suite struct AuditTrailTests {
    /// The trail through `filter` with every entry folded: what `AuditTrail` gives without its sieve.
    static func everyEntryFolded(_ reader: LogReader, _ filter: AuditTrail.Filter) throws -> [AuditTrail.Row] {
        var state = ClearanceState()
        var rows: [AuditTrail.Row] = []
        try reader.forEachEntry { entry in
            let item = try AuditTrail.prepare(entry)
            if let row = AuditTrail.row(folding: entry, item.decoded, item.prepared, into: &state, filter: filter) { rows.append(row) }
            return true
        }
        return rows
    }

    /// One record's or one unit's trail skips other records' events unread; its rows must be exactly
    /// those of the trail that folds every entry (statuses before and after, roles then, flags), for
    /// every record and every unit of the scenario.
    @Test func aRecordsOrAUnitsTrailIsWhatFoldingEveryEntryGives() throws {
        let directory = try RendererSnapshotTests.auditScenario()
        // A second unit, two levels of review, its events interleaved with corrections in the first:
        // a unit's trail must tell its records from the other unit's.
        let service = ClearanceService(directory: directory.path)
        let day = AsOfTests.day
        let other = "qingyang-jyj"
        try service.append { _ in
            [
                RoleGranted(at: day, person: "clerk.zhao", role: .clerk, units: [other]).entry(actor: "office.chen"),
                RoleGranted(at: day, person: "reviewer.zhang", role: .reviewer, units: [other]).entry(actor: "office.chen"),
                NormAdopted(at: day, unit: other, classes: [
                    .init(id: "plans", name: "规划计划", keyItems: ["11-01"], form: "portal", timeLimitDays: 20, review: .twoLevel, office: "办公室"),
                ], feedbackDays: 15).entry(actor: "clerk.zhao"),
            ]
        }
        for id in ["Q-1", "Q-2"] {
            try service.append { _ in
                [
                    RecordRegistered(at: day, record: id, unit: other, title: "青羊\(id)", created: day, summary: "").entry(actor: "clerk.zhao"),
                    RecordClassified(at: day, record: id, contentClass: "plans", keyItem: "11-01", disclosure: .proactive).entry(actor: "clerk.zhao"),
                    RecordCorrected(at: day, record: "R-2", title: "通知2（又改）", before: .init(title: id == "Q-1" ? "通知2" : "通知2（又改）"), reason: "笔误").entry(actor: "clerk.wang"),
                    RecordReviewed(at: day, record: id, level: 1, secrecy: .passed, accuracy: .passed, outcome: .approved, checked: "密级、文号", grounds: "同意公开").entry(actor: "reviewer.zhang"),
                ]
            }
        }
        let reader = try LogReader(directory: directory.path)
        let whole = try AuditTrail(reader: reader, filter: AuditTrail.Filter()).rows
        let records = Set(whole.filter { $0.type.hasPrefix("record.") }.map(\.subject))
        #expect(records.count >= 10)
        var filters: [AuditTrail.Filter] = []
        for record in records.sorted() + ["R-none"] {
            var filter = AuditTrail.Filter()
            filter.record = record
            filters.append(filter)
        }
        let state = try ClearanceState.load(from: reader)
        let units = Set(state.records.units).union(state.norms.keys).sorted()
        #expect(units.count >= 2)
        for unit in units + ["nowhere"] {
            var filter = AuditTrail.Filter()
            filter.unit = unit
            filters.append(filter)
        }
        for filter in filters {
            let sieved = try AuditTrail(reader: reader, filter: filter).rows
            #expect(sieved == (try Self.everyEntryFolded(reader, filter)), "\(filter.record ?? filter.unit ?? "")")
            if let record = filter.record, record != "R-none" { #expect(sieved.contains { !$0.change.isEmpty }) }
        }
    }

    /// The record a record event names, as the log stores it; escapes are kept, so ids compare as stored.
    @Test func theRecordMemberIsReadAsStored() {
        func read(_ data: String) -> String? { RecordSieve.recordString(in: Array(data.utf8)[...]).map { String(decoding: $0, as: UTF8.self) } }
        #expect(read(#"{"at":"2008-01-10","record":"R-1","unit":"cd"}"#) == #""R-1""#)
        #expect(read(#"{"record":"R\"1\\","level":1}"#) == #""R\"1\\""#)
        #expect(read(#"{"at":"2008-01-10","title":"record"}"#) == nil)
        #expect(read(#"{"record":"R-1"#) == nil)
    }
}
