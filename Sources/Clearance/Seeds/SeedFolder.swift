import EventLog
import Foundation

/// A seed folder (docs/seeds.md) turned into the reference events that `init --seed` appends.
public struct SeedFolder {
    public let path: String
    public let manifest: JSONValue

    /// Reads `seed.json`; a missing or malformed file is a `SeedError` naming it.
    public init(path: String) throws {
        self.path = path
        manifest = try Self.read(path + "/seed.json")
        guard manifest["id"]?.stringValue != nil else { throw SeedError(file: path + "/seed.json", message: "id is missing") }
    }

    public var id: String { manifest["id"]?.stringValue ?? "" }

    static func read(_ file: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SeedError(file: file, message: "cannot be read")
        }
        do { return try JSONParser.parse(Array(data)) } catch let error as JSONError {
            throw SeedError(file: file, message: "not valid JSON: \(error)")
        }
    }

    /// The reference events, in the order they are appended, each stamped with business date `at`.
    public func events(actor: String, at: Day) throws -> [NewEntry] {
        var events: [NewEntry] = []
        func add(_ type: String, _ data: JSONValue) {
            let members = [("at", JSONValue.string(at.description))] + (data.objectValue ?? [("value", data)])
            events.append(NewEntry(actor: actor, type: type, data: .object(members)))
        }
        func list(_ file: String, _ key: String) throws -> [JSONValue] {
            let json = try Self.read(path + "/" + file)
            guard let items = json[key]?.arrayValue else {
                throw SeedError(file: path + "/" + file, message: "\(key) must be a list")
            }
            return items
        }
        add(ReferenceEventType.seedLoaded, manifest)
        let calendar = try Self.read(path + "/calendar.json")
        add(ReferenceEventType.calendarDeclared, .object([("weekend", calendar["weekend"] ?? .array([]))]))
        for year in try list("calendar.json", "years") { add(ReferenceEventType.calendarYearDeclared, year) }
        for ruleSet in try list("rule-sets.json", "ruleSets") { add(ReferenceEventType.ruleSetDeclared, ruleSet) }
        add(ReferenceEventType.schemeDeclared, try Self.read(path + "/scheme.json"))
        for basis in try list("exemptions.json", "exemptions") { add(ReferenceEventType.exemptionBasisDeclared, basis) }
        add(ReferenceEventType.requestOutcomesDeclared, try Self.read(path + "/request-outcomes.json"))
        let units = try Self.read(path + "/units.json")
        add(ReferenceEventType.sectorsDeclared, .object([("sectors", units["sectors"] ?? .array([]))]))
        for unit in try list("units.json", "units") { add(ReferenceEventType.unitRegistered, unit) }
        for stage in try list("stages.json", "stages") { add(ReferenceEventType.stageScheduled, stage) }
        // The same schema later reference events must pass, so a bad seed creates no log.
        for event in events {
            do { try ReferenceSchema.check(type: event.type, data: event.data) } catch let error as EventDataError {
                throw SeedError(file: path, message: "\(error) (in \(event.data["id"]?.stringValue ?? event.data["number"].map { JSONWriter.string($0) } ?? "an item"))")
            }
        }
        return events
    }
}
