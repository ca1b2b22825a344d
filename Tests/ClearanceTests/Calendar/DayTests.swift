import Foundation
import Testing

@testable import Clearance

@Suite struct DayTests {
    /// Every day of two centuries is written `YYYY-MM-DD` and read back as the same day.
    @Test func everyDayIsWrittenAsItsDateAndReadBack() {
        let first = Day("1900-01-01")!
        let last = Day("2100-12-31")!
        var checked = 0
        for ordinal in first.ordinal...last.ordinal {
            let day = Day(ordinal: ordinal)
            let (y, m, d) = day.components
            let text = day.description
            guard text == String(format: "%04d-%02d-%02d", y, m, d), Day(text) == day else {
                Issue.record("day \(ordinal) is written \(text)")
                return
            }
            checked += 1
        }
        #expect(checked == 73_414)
        #expect(Day("2008-02-29")?.description == "2008-02-29" && Day("0001-01-01")?.description == "0001-01-01")
    }
}
