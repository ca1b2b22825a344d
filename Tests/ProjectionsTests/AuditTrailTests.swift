import Clearance
import EventLog
import Foundation
import Testing

@testable import Projections

@Suite struct AuditTrailTests {
    /// One record's trail skips the other records' events unread; its rows must be exactly the whole
    /// trail's rows of that record (statuses before and after, roles then, flags), for every record.
    @Test func oneRecordsTrailIsTheWholeTrailsRowsOfThatRecord() throws {
        let directory = try RendererSnapshotTests.auditScenario()
        let reader = try LogReader(directory: directory.path)
        let whole = try AuditTrail(reader: reader, filter: AuditTrail.Filter()).rows
        let records = Set(whole.filter { $0.type.hasPrefix("record.") }.map(\.subject))
        #expect(records.count >= 10)
        for record in records.sorted() {
            var filter = AuditTrail.Filter()
            filter.record = record
            let own = try AuditTrail(reader: reader, filter: filter).rows
            #expect(own == whole.filter { $0.subject == record }, "\(record)")
            #expect(own.contains { !$0.change.isEmpty })
        }
        var nobody = AuditTrail.Filter()
        nobody.record = "R-none"
        #expect(try AuditTrail(reader: reader, filter: nobody).rows.isEmpty)
    }
}
