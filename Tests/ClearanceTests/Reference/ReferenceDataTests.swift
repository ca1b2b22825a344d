import EventLog
import Foundation
import Testing

@testable import Clearance

@Suite struct ReferenceDataTests {
    static func seedPath(filePath: String = #filePath) -> String {
        var root = URL(fileURLWithPath: filePath)
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return root.appendingPathComponent("seeds/chengdu-2007").path
    }

    static func referenceEvents() throws -> [NewEntry] {
        try SeedFolder(path: seedPath()).events(actor: "office.chen", at: Day("2007-10-08")!)
    }

    @Test func theSeedBecomesOneEventPerItem() throws {
        let events = try Self.referenceEvents()
        let counts = Dictionary(grouping: events, by: \.type).mapValues(\.count)
        #expect(counts[ReferenceEventType.unitRegistered] == 909)
        #expect(counts[ReferenceEventType.stageScheduled] == 7)
        // One event a holiday notice: 2007 to 2026, with the second notices of 2015, 2019 and 2020.
        #expect(counts[ReferenceEventType.calendarNoticeDeclared] == 23)
        #expect(counts[ReferenceEventType.ruleSetDeclared] == 2)
        #expect(counts[ReferenceEventType.seedLoaded] == 1 && events.first?.type == ReferenceEventType.seedLoaded)
        // Every event carries its business date first.
        #expect(events.allSatisfy { $0.data.objectValue?.first?.key == "at" && $0.data["at"] == .string("2007-10-08") })
    }

    @Test func theCalendarFoldedFromEventsIsTheSeedsCalendar() throws {
        var reference = ReferenceData()
        for event in try Self.referenceEvents() { reference.evolve(type: event.type, data: event.data) }
        let calendar = try #require(try reference.calendar())
        let deadline = try calendar.adding(workingDays: 15, to: Day("2008-01-28")!)
        #expect(deadline.due == Day("2008-02-21"))
        #expect(try calendar.workingDays(inYear: 2008) == 251)
        #expect(reference.units["jinjiang"]?.name == "锦江区人民政府" && reference.units["jinjiang"]?.kind == .districtGovernment)
        #expect(reference.stages[4]?.deadline == Day("2007-12-31") && reference.stages[4]?.completion == .recordsCleared)
    }

    /// Reference data is history: a later declaration changes what is computed after it.
    @Test func laterDeclarationsReplaceEarlierOnes() throws {
        var reference = ReferenceData()
        for event in try Self.referenceEvents() { reference.evolve(type: event.type, data: event.data) }
        // A corrected 2008 calendar without the Spring Festival holiday (a deliberately odd correction).
        let year2008: JSONValue = .object([
            ("year", .integer(2008)), ("holidays", .array([])), ("workingWeekends", .array([.string("2008-02-02"), .string("2008-02-03")])),
        ])
        reference.evolve(type: ReferenceEventType.calendarYearDeclared, data: year2008)
        let corrected = try #require(try reference.calendar())
        #expect(try corrected.adding(workingDays: 15, to: Day("2008-01-28")!).due == Day("2008-02-14"))
        // A moved deadline.
        reference.evolve(type: ReferenceEventType.stageScheduled, data: .object([("number", .integer(6)), ("deadline", .string("2008-04-30"))]))
        #expect(reference.stages[6]?.deadline == Day("2008-04-30"))
    }

    @Test func aMissingSeedFileIsNamed() {
        #expect {
            try SeedFolder(path: "/nonexistent/seed")
        } throws: { error in
            "\(error)".contains("/nonexistent/seed/seed.json")
        }
    }
}
