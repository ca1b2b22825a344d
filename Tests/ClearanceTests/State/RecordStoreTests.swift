import Testing

@testable import Clearance

/// The paged store behind the record table: ids find their records across pages and growths of its
/// index, a record added again replaces the old one in its place, and iteration keeps adding order.
@Suite struct RecordStoreTests {
    static let day = Day("2007-11-05")!

    static func record(_ id: String, unit: String = "cd-bgt", title: String = "通知") -> RecordState {
        RecordState(RecordRegistered(at: day, record: id, unit: unit, title: title, created: day, summary: ""), by: "clerk.wang")
    }

    @Test func findsEveryRecordPastSeveralPagesAndGrowths() {
        var store = RecordStore()
        // More than one page (65,536 records) and many growths of the index.
        let count = 70_000
        for n in 0..<count {
            let (place, isNew) = store.add(Self.record("R-\(n)"))
            #expect(place == n && isNew)
        }
        #expect(store.count == count)
        for n in stride(from: 0, to: count, by: 997) {
            #expect(store["R-\(n)"]?.registration.record == "R-\(n)")
            #expect(store[place: n].registration.record == "R-\(n)")
        }
        #expect(store["R-\(count)"] == nil && !store.contains("R-x") && store.contains("R-69999"))
    }

    @Test func addingAnIdAgainReplacesTheRecordInItsPlace() {
        var store = RecordStore()
        store.add(Self.record("R-1"))
        store.add(Self.record("R-2"))
        let (place, isNew) = store.add(Self.record("R-1", title: "更正后的通知"))
        #expect(place == 0 && !isNew && store.count == 2)
        #expect(store["R-1"]?.registration.title == "更正后的通知")
    }

    @Test func updateChangesInPlaceAndRefusesUnknownIds() {
        var store = RecordStore()
        store.add(Self.record("R-1"))
        #expect(store.update("R-1") { $0.status = .approved })
        #expect(store["R-1"]?.status == .approved)
        #expect(!store.update("R-9") { $0.status = .approved })
        #expect(store.count == 1)
    }

    @Test func forEachGoesInTheOrderRecordsWereFirstAdded() {
        var store = RecordStore()
        for id in ["R-3", "R-1", "R-2"] { store.add(Self.record(id)) }
        store.add(Self.record("R-1", title: "again"))
        var seen: [String] = []
        store.forEach { seen.append($0.registration.record) }
        #expect(seen == ["R-3", "R-1", "R-2"])
    }

    @Test func reviewLevelsReadBackAsStored() {
        var record = Self.record("R-1")
        #expect(record.approvedLevels == 0 && record.requiredLevels == 1)
        record.requiredLevels = 2
        record.approvedLevels = 2
        #expect(record.approvedLevels == 2 && record.requiredLevels == 2)
    }
}
