import EventLog

/// The state's parts as JSON, for the state snapshot. Events are stored as their own `data`, so
/// the snapshot reuses the catalogue's schema and decoding.
enum StateCodec {
    static func encode(_ record: RecordState, id: String) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [
            ("id", .string(id)), ("registration", record.registration.data), ("registeredBy", .string(record.registeredBy)),
            ("status", .string(record.status.rawValue)),
        ]
        if let c = record.classification { m.append(("classification", c.data)) }
        if let by = record.classifiedBy { m.append(("classifiedBy", .string(by))) }
        if let by = record.firstApprovedBy { m.append(("firstApprovedBy", .string(by))) }
        m.append(("approvedLevels", .integer(record.approvedLevels)))
        m.append(("requiredLevels", .integer(record.requiredLevels)))
        if let r = record.lastReturn { m.append(("lastReturn", .array([.string(r.day.description), .integer(r.seq)]))) }
        if let d = record.approvedOn { m.append(("approvedOn", .string(d.description))) }
        if let n = record.indexNumber { m.append(("indexNumber", .string(n))) }
        if let p = record.published { m.append(("published", .string(p.description))) }
        if let r = record.reassessedOn { m.append(("reassessedOn", .string(r.description))) }
        m.append(("changed", .string(record.changed.description)))
        return .object(m)
    }

    static func decodeRecord(_ json: JSONValue) throws -> (id: String, record: RecordState) {
        let f = try Fields(type: "snapshot record", json)
        var record = RecordState(try RecordRegistered(data: json["registration"] ?? .null), by: try f.string("registeredBy"))
        guard let status = RecordState.Status(rawValue: try f.string("status")) else { throw f.fail("status", "is unknown") }
        record.status = status
        if let c = json["classification"] { record.classification = try RecordClassified(data: c) }
        record.classifiedBy = try f.optionalString("classifiedBy")
        record.firstApprovedBy = try f.optionalString("firstApprovedBy")
        record.approvedLevels = try f.int("approvedLevels", in: 0...2)
        record.requiredLevels = try f.int("requiredLevels", in: 1...2)
        if let r = json["lastReturn"]?.arrayValue, r.count == 2, let day = r[0].stringValue.flatMap(Day.init), let seq = r[1].intValue {
            record.lastReturn = .init(day: day, seq: seq)
        }
        record.approvedOn = try f.optionalString("approvedOn").flatMap(Day.init)
        record.indexNumber = try f.optionalString("indexNumber")
        record.published = try f.optionalString("published").flatMap(Day.init)
        record.reassessedOn = try f.optionalString("reassessedOn").flatMap(Day.init)
        record.changed = try f.day("changed")
        return (try f.string("id"), record)
    }

    /// A record line of the snapshot, decoded directly when it is as the snapshot writes it, else
    /// through `decodeRecord`; nil if it cannot be decoded at all.
    static func decodeRecordLine(_ line: UnsafeRawBufferPointer) -> (id: String, record: RecordState)? {
        if let decoded = RecordLineDecoder.decode(line) { return decoded }
        guard let json = try? JSONParser.parse(line) else { return nil }
        return try? decodeRecord(json)
    }

    static func encode(_ request: RequestState) -> JSONValue {
        var m: [(key: String, value: JSONValue)] = [("received", request.received.data)]
        if let d = request.awaitingCorrection { m.append(("awaitingCorrection", .string(d.description))) }
        if let d = request.correctBy { m.append(("correctBy", .string(d.description))) }
        m.append(("clockStart", .string(request.clockStart.description)))
        m.append(("extended", .bool(request.extended)))
        if let a = request.answered { m.append(("answered", .object([("kind", .string(a.kind.rawValue)), ("data", a.data)]))) }
        if !request.steps.isEmpty { m.append(("steps", .array(request.steps.map { .object([("kind", .string($0.kind.rawValue)), ("data", $0.data)]) }))) }
        return .object(m)
    }

    static func decodeRequest(_ json: JSONValue) throws -> RequestState {
        let f = try Fields(type: "snapshot request", json)
        var request = RequestState(try RequestReceived(data: json["received"] ?? .null))
        request.awaitingCorrection = try f.optionalString("awaitingCorrection").flatMap(Day.init)
        request.correctBy = try f.optionalString("correctBy").flatMap(Day.init)
        request.clockStart = try f.day("clockStart")
        request.extended = json["extended"]?.boolValue ?? false
        if let a = json["answered"], let kind = a["kind"]?.stringValue.flatMap(RequestStep.Kind.init(rawValue:)) {
            request.answered = try RequestStep(kind: kind, data: a["data"] ?? .null)
        }
        request.steps = try (json["steps"]?.arrayValue ?? []).compactMap { step in
            guard let kind = step["kind"]?.stringValue.flatMap(RequestStep.Kind.init(rawValue:)) else { return nil }
            return try RequestStep(kind: kind, data: step["data"] ?? .null)
        }
        return request
    }

    static func encode(_ feedback: FeedbackState) -> JSONValue {
        .object([("received", feedback.received.data)] + (feedback.answered.map { [("answered", $0.data)] } ?? []))
    }

    static func decodeFeedback(_ json: JSONValue) throws -> FeedbackState {
        FeedbackState(
            received: try FeedbackReceived(data: json["received"] ?? .null),
            answered: try json["answered"].map { try FeedbackAnswered(data: $0) })
    }

    /// The parts of the state other than the records, each on its own line of the snapshot so that a
    /// load decodes only the ones it needs. Reference data and norms come first: every load reads them.
    static func encodeParts(_ state: ClearanceState) -> [(name: String, value: JSONValue)] {
        [
            ("reference", .array(state.reference.declarations.map { .array([.string($0.type), $0.data]) })),
            ("norms", .array(state.norms.keys.sorted().map { state.norms[$0]!.data })),
            ("roles", .object(state.roles.sorted { $0.key < $1.key }.map { person, roles in
                (person, .object(roles.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .array($0.value.sorted().map { .string($0) })) }))
            })),
            ("profiles", .array(state.profiles.keys.sorted().map { state.profiles[$0]!.data })),
            ("lastSerial", .object(state.lastSerial.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
            ("milestones", .object(state.milestones.sorted { $0.key < $1.key }.map { stage, units in
                (String(stage), .object(units.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.description)) }))
            })),
            ("requests", .array(state.requests.keys.sorted().map { encode(state.requests[$0]!) })),
            ("feedback", .array(state.feedback.keys.sorted().map { encode(state.feedback[$0]!) })),
            ("serviceGuides", .array(state.serviceGuides.keys.sorted().flatMap { state.serviceGuides[$0]!.map(\.data) })),
            ("supervision", state.supervision.json),
            ("trust", state.trust.json),
        ]
    }

    /// Which `StateParts` member a stored part is (nil: one every load reads).
    static func member(_ part: String) -> StateParts? {
        switch part {
        case "roles": .roles
        case "profiles": .profiles
        case "lastSerial": .lastSerial
        case "milestones": .milestones
        case "requests": .requests
        case "feedback": .feedback
        case "serviceGuides": .serviceGuides
        case "supervision": .supervision
        default: nil
        }
    }

    /// Sets the part named `part` of `state` from its JSON; an unknown name is an error (a snapshot
    /// of a newer layout), so the snapshot is not used.
    static func decode(part: String, _ json: JSONValue, into state: inout ClearanceState) throws {
        switch part {
        case "reference":
            for item in json.arrayValue ?? [] {
                guard let pair = item.arrayValue, pair.count == 2, let type = pair[0].stringValue else { continue }
                state.reference.evolve(type: type, data: pair[1])
            }
        case "norms":
            for data in json.arrayValue ?? [] {
                let norm = try NormAdopted(data: data)
                state.norms[norm.unit] = norm
            }
        case "roles":
            for (person, roles) in json.objectValue ?? [] {
                for (role, units) in roles.objectValue ?? [] {
                    guard let role = Role(rawValue: role) else { continue }
                    state.roles[person, default: [:]][role] = Set(units.arrayValue?.compactMap(\.stringValue) ?? [])
                }
            }
        case "profiles":
            for data in json.arrayValue ?? [] {
                let profile = try UnitProfileSet(data: data)
                state.profiles[profile.unit] = profile
            }
        case "lastSerial":
            for (scope, serial) in json.objectValue ?? [] { state.lastSerial[scope] = serial.intValue ?? 0 }
        case "milestones":
            for (stage, units) in json.objectValue ?? [] {
                guard let number = Int(stage) else { continue }
                for (unit, day) in units.objectValue ?? [] { state.milestones[number, default: [:]][unit] = day.stringValue.flatMap(Day.init) }
            }
        case "requests":
            let items = json.arrayValue ?? []
            state.requests.reserveCapacity(items.count)
            for data in items {
                let request = try decodeRequest(data)
                state.requests[request.received.request] = request
            }
        case "serviceGuides":
            for data in json.arrayValue ?? [] {
                let guide = try ServiceGuideFiled(data: data)
                state.serviceGuides[guide.unit, default: []].append(guide)
            }
        case "feedback":
            let items = json.arrayValue ?? []
            state.feedback.reserveCapacity(items.count)
            for data in items {
                let feedback = try decodeFeedback(data)
                state.feedback[feedback.received.feedback] = feedback
            }
        case "supervision":
            state.supervision = try Supervision(json: json)
        case "trust":
            state.trust = Trust(json: json)
        default:
            throw StateCodecError(part: part)
        }
    }
}

/// A snapshot names a part of the state this version does not know.
struct StateCodecError: Error, CustomStringConvertible {
    let part: String
    var description: String { "the state snapshot holds a part this version does not know: \"\(part)\"" }
}
