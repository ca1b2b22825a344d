import Testing

@testable import EventLog

@Suite struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00.000Z", Int64(0)),
        ("2008-02-29T23:59:59.999Z", Int64(1_204_329_599_999)),
        ("2007-10-08T09:30:00.000Z", Int64(1_191_835_800_000)),
        ("1969-12-31T23:59:59.999Z", Int64(-1)),
    ])
    func formatsAndParsesTheStoredForm(text: String, milliseconds: Int64) {
        let time = Timestamp(millisecondsSinceEpoch: milliseconds)
        #expect(time.iso8601 == text)
        #expect(Timestamp(parsing: text) == time)
        let stored = Array(text.utf8).withUnsafeBytes { Timestamp(stored: $0) }
        #expect(stored == time)
    }

    @Test(arguments: ["2008-01-28", "2008-01-28T09:30Z", "2008-01-28T09:30:00Z", "2008-01-28 09:30:00.000Z"])
    func acceptsShorterForms(text: String) {
        #expect(Timestamp(parsing: text) != nil)
    }

    @Test(arguments: ["2008-02-30", "2007-02-29", "2008-13-01", "2008-01-28T24:00Z", "2008-01-28T09:30:00", "yesterday", ""])
    func rejectsImpossibleOrAmbiguousTimes(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }
}
