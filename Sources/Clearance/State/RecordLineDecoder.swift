import EventLog

/// Decodes a record line as the state snapshot writes it (`StateCodec.encode(_:id:)`, members in the
/// writer's order) straight into a `RecordState`, without building a JSON tree first: a catalogue or
/// a funnel reads thousands to millions of these, and building and freeing the trees took most of
/// that time.
///
/// It knows only what the snapshot writes. Anything else (members in another order, an unknown or
/// repeated member, an escaped string, whitespace, a value of another type, a bad date) makes it give
/// up and return nil, and the caller decodes the line the general way: so it never gives another
/// answer than `StateCodec.decodeRecord`, only a faster one. A record line holds its registration's and
/// classification's data as the events write them, so the same reading serves the log's record events
/// (`RecordLineDecoder+Events`).
struct RecordLineDecoder {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    /// Whether the next member of the current object follows another (and so a comma).
    var afterMember = false

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    static func decode(_ line: UnsafeRawBufferPointer) -> (id: String, record: RecordState)? {
        var decoder = RecordLineDecoder(line)
        guard let decoded = decoder.record(), decoder.index == line.count else { return nil }
        return decoded
    }

    private mutating func record() -> (id: String, record: RecordState)? {
        guard open(), member("id"), let id = requiredString(), member("registration"), let registration = registration(),
            member("registeredBy"), let registeredBy = requiredString(),
            member("status"), let status = requiredString().flatMap(RecordState.Status.init(rawValue:))
        else { return nil }
        var record = RecordState(registration, by: registeredBy)
        record.status = status
        if member("classification") {
            guard let classification = classification() else { return nil }
            record.classification = classification
        }
        if member("classifiedBy") {
            guard let by = optionalString() else { return nil }
            record.classifiedBy = by
        }
        if member("firstApprovedBy") {
            guard let by = optionalString() else { return nil }
            record.firstApprovedBy = by
        }
        guard member("approvedLevels"), let approved = integer(), (0...2).contains(approved),
            member("requiredLevels"), let required = integer(), (1...2).contains(required)
        else { return nil }
        (record.approvedLevels, record.requiredLevels) = (approved, required)
        if member("lastReturn") {
            guard take(UInt8(ascii: "[")), let day = day(), take(UInt8(ascii: ",")), let seq = integer(), take(UInt8(ascii: "]"))
            else { return nil }
            record.lastReturn = RecordState.Return(day: day, seq: seq)
        }
        if member("approvedOn") {
            guard let day = day() else { return nil }
            record.approvedOn = day
        }
        if member("indexNumber") {
            guard let number = optionalString() else { return nil }
            record.indexNumber = number
        }
        if member("published") {
            guard let day = day() else { return nil }
            record.published = day
        }
        if member("reassessedOn") {
            guard let day = day() else { return nil }
            record.reassessedOn = day
        }
        guard member("changed"), let changed = day(), close() else { return nil }
        record.changed = changed
        return (id, record)
    }

    /// `RecordRegistered(data:)`'s reading of what `RecordRegistered.data` writes.
    mutating func registration() -> RecordRegistered? {
        guard open(), member("at"), let at = day(), member("record"), let record = requiredString(),
            member("unit"), let unit = requiredString(), member("title"), let title = requiredString()
        else { return nil }
        var documentNumber: String?
        if member("documentNumber") {
            guard let number = optionalString() else { return nil }
            documentNumber = number
        }
        guard member("created"), let created = day() else { return nil }
        var summary: String?
        if member("summary") {
            guard let text = optionalString() else { return nil }
            summary = text
        }
        var term: String?
        if member("term") {
            guard let text = optionalString() else { return nil }
            term = text
        }
        guard close() else { return nil }
        return RecordRegistered(
            at: at, record: record, unit: unit, title: title, documentNumber: documentNumber, created: created, summary: summary ?? "",
            term: term)
    }

    /// `RecordClassified(data:)`'s reading of what `RecordClassified.data` writes.
    mutating func classification() -> RecordClassified? {
        guard open(), member("at"), let at = day(), member("record"), let record = requiredString(),
            member("class"), let contentClass = requiredString()
        else { return nil }
        var keyItem: String?
        if member("keyItem") {
            guard let item = optionalString() else { return nil }
            keyItem = item
        }
        guard member("disclosure"), let disclosure = requiredString().flatMap(Disclosure.init(rawValue:)) else { return nil }
        var basis: String?
        if member("basis") {
            guard let id = optionalString() else { return nil }
            basis = id
        }
        guard close() else { return nil }
        return RecordClassified(at: at, record: record, contentClass: contentClass, keyItem: keyItem, disclosure: disclosure, basis: basis)
    }

    mutating func open() -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        afterMember = false
        return true
    }

    mutating func close() -> Bool {
        guard take(UInt8(ascii: "}")) else { return false }
        afterMember = true
        return true
    }

    /// Whether the next member is `key`; if so, reads past its name (and the comma before it), so the
    /// value comes next.
    mutating func member(_ key: StaticString) -> Bool {
        let comma = afterMember ? 1 : 0
        let end = index + comma + key.utf8CodeUnitCount + 3
        guard end <= bytes.count, comma == 0 || bytes[index] == UInt8(ascii: ","), bytes[index + comma] == UInt8(ascii: "\""),
            bytes[end - 2] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: ":"),
            key.withUTF8Buffer({ name in name.indices.allSatisfy { bytes[index + comma + 1 + $0] == name[$0] } })
        else { return false }
        index = end
        afterMember = true
        return true
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A string without escapes, as valid UTF-8.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        index += 1
        return UTF8Text.string(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<index - 1]))
    }

    /// A non-empty string, as `Fields.string` requires.
    mutating func requiredString() -> String? { string().flatMap { $0.isEmpty ? nil : $0 } }

    /// As `Fields.optionalString` reads it: `null` and the empty string are absent (`.some(nil)`);
    /// nil if the value cannot be read.
    mutating func optionalString() -> String?? {
        if take(UInt8(ascii: "n")) {
            guard take(UInt8(ascii: "u")), take(UInt8(ascii: "l")), take(UInt8(ascii: "l")) else { return nil }
            return .some(nil)
        }
        guard let text = string() else { return nil }
        return .some(text.isEmpty ? nil : text)
    }

    /// A quoted `YYYY-MM-DD`, read from its bytes.
    mutating func day() -> Day? {
        guard index + 12 <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[index + 11] == UInt8(ascii: "\""),
            let ordinal = Day.daysSinceEpoch(parsing: UnsafeRawBufferPointer(rebasing: bytes[index + 1..<index + 11]))
        else { return nil }
        index += 12
        return Day(ordinal: ordinal)
    }

    /// A non-negative integer of at most 18 digits (so it cannot overflow), without a leading zero.
    mutating func integer() -> Int? {
        let start = index
        var value = 0
        while index < bytes.count, index - start < 18, case let digit = bytes[index] &- 0x30, digit < 10 {
            value = value * 10 + Int(digit)
            index += 1
        }
        guard index > start, bytes[start] != UInt8(ascii: "0") || index == start + 1 else { return nil }
        return value
    }
}
