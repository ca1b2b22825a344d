import EventLog

extension RecordLineDecoder {
    /// The event of a `record.registered`, `.classified`, `.reviewed` or `.published` entry, read
    /// straight from its data's bytes when they are as the service writes them (`DomainEvent.data`,
    /// members in its order); nil for any other type or form, and the caller decodes the JSON the
    /// general way (`ClearanceEvent.decode`). As with the snapshot's lines, it never gives another
    /// answer than that, only a faster one: these four types are nearly every entry of a clearance
    /// log, and parsing their JSON into trees was most of the time of reading one.
    static func event(type: String, data: UnsafeRawBufferPointer) -> ClearanceEvent? {
        var decoder = RecordLineDecoder(data)
        let event: ClearanceEvent?
        switch type {
        case RecordRegistered.type: event = decoder.registration().map(ClearanceEvent.recordRegistered)
        case RecordClassified.type: event = decoder.classification().map(ClearanceEvent.recordClassified)
        case RecordReviewed.type: event = decoder.review().map(ClearanceEvent.recordReviewed)
        case RecordPublished.type: event = decoder.publication().map(ClearanceEvent.recordPublished)
        default: return nil
        }
        return decoder.index == data.count ? event : nil
    }

    /// `RecordReviewed(data:)`'s reading of what `RecordReviewed.data` writes, its check included: an
    /// approval with a failed check is left to the general decoder, which names the problem.
    private mutating func review() -> RecordReviewed? {
        guard open(), member("at"), let at = day(), member("record"), let record = requiredString(),
            member("level"), let level = integer(), (1...2).contains(level),
            member("secrecy"), let secrecy = requiredString().flatMap(RecordReviewed.Check.init(rawValue:)),
            member("accuracy"), let accuracy = requiredString().flatMap(RecordReviewed.Check.init(rawValue:)),
            member("outcome"), let outcome = requiredString().flatMap(RecordReviewed.Outcome.init(rawValue:))
        else { return nil }
        var texts: [Int: String] = [:]
        let keys: [StaticString] = ["checked", "grounds", "note"]
        for (n, key) in keys.enumerated() where member(key) {
            guard let text = optionalString() else { return nil }
            texts[n] = text
        }
        guard close(), outcome == .returned || (secrecy == .passed && accuracy == .passed) else { return nil }
        return RecordReviewed(
            at: at, record: record, level: level, secrecy: secrecy, accuracy: accuracy, outcome: outcome, checked: texts[0],
            grounds: texts[1], note: texts[2])
    }

    /// `RecordPublished(data:)`'s reading of what `RecordPublished.data` writes.
    private mutating func publication() -> RecordPublished? {
        guard open(), member("at"), let at = day(), member("record"), let record = requiredString(),
            member("indexNumber"), let indexNumber = requiredString()
        else { return nil }
        var channel: String?
        if member("channel") {
            guard let text = optionalString() else { return nil }
            channel = text
        }
        guard close() else { return nil }
        return RecordPublished(at: at, record: record, indexNumber: indexNumber, channel: channel ?? "portal")
    }
}
