import EventLog
import Foundation

/// A seed folder (docs/seeds.md) turned into the reference events that `init --seed` appends.
///
/// `--seed` names a folder on disk, or one of the seeds the binary carries (built from `seeds/`):
/// `chengdu-2007`, or a path ending in it (`seeds/chengdu-2007`) that does not exist where the
/// command runs. So the README's commands work from any folder, with a copy of the binary anywhere.
public struct SeedFolder {
    /// The folder as named, or `built-in chengdu-2007`.
    public let path: String
    public let manifest: JSONValue
    private let builtIn: [String: String]?

    /// Reads `seed.json`; a missing or malformed file is a `SeedError` naming it, and so is a name
    /// that is neither a folder holding `seed.json` nor a built-in seed.
    public init(path: String) throws {
        let name = (path as NSString).lastPathComponent
        if !FileManager.default.fileExists(atPath: path + "/seed.json"),
            let files = BuiltInSeedFiles.folders[name]
        {
            self.path = "built-in \(name)"
            builtIn = files
        } else {
            self.path = path
            builtIn = nil
        }
        manifest = try Self.read("seed.json", in: self.path, builtIn)
        guard manifest["id"]?.stringValue != nil else { throw SeedError(file: self.path + "/seed.json", message: "id is missing") }
    }

    /// The names of the seeds the binary carries.
    public static var builtInNames: [String] { BuiltInSeedFiles.folders.keys.sorted() }

    public var id: String { manifest["id"]?.stringValue ?? "" }

    /// One file of the seed, parsed.
    public func read(_ file: String) throws -> JSONValue { try Self.read(file, in: path, builtIn) }

    private static func read(_ file: String, in path: String, _ builtIn: [String: String]?) throws -> JSONValue {
        let bytes: [UInt8]
        if let builtIn {
            guard let text = builtIn[file] else { throw SeedError(file: path + "/" + file, message: "is not part of the built-in seed") }
            bytes = Array(text.utf8)
        } else {
            guard let data = FileManager.default.contents(atPath: path + "/" + file) else {
                let known = builtInNames.joined(separator: ", ")
                throw SeedError(file: path + "/" + file, message: "cannot be read (a seed is a folder holding seed.json, or a built-in seed: \(known))")
            }
            bytes = Array(data)
        }
        do { return try JSONParser.parse(bytes) } catch let error as JSONError {
            throw SeedError(file: path + "/" + file, message: "not valid JSON: \(error)")
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
            let json = try read(file)
            guard let items = json[key]?.arrayValue else {
                throw SeedError(file: path + "/" + file, message: "\(key) must be a list")
            }
            return items
        }
        add(ReferenceEventType.seedLoaded, manifest)
        let calendar = try read("calendar.json")
        add(ReferenceEventType.calendarDeclared, .object([("weekend", calendar["weekend"] ?? .array([]))]))
        // One event a notice, in order of issue: a later notice decides the days it names.
        for year in try list("calendar.json", "years") {
            guard let number = year["year"], let notices = year["notices"]?.arrayValue else {
                add(ReferenceEventType.calendarYearDeclared, year)
                continue
            }
            for notice in notices { add(ReferenceEventType.calendarNoticeDeclared, .object([("year", number)] + (notice.objectValue ?? []))) }
        }
        for ruleSet in try list("rule-sets.json", "ruleSets") { add(ReferenceEventType.ruleSetDeclared, ruleSet) }
        add(ReferenceEventType.schemeDeclared, try read("scheme.json"))
        for basis in try list("exemptions.json", "exemptions") { add(ReferenceEventType.exemptionBasisDeclared, basis) }
        add(ReferenceEventType.requestOutcomesDeclared, try read("request-outcomes.json"))
        // Seeds written before remedies were data of their own do not list the file.
        if manifest["files"]?.arrayValue?.contains(.string("remedies.json")) == true {
            add(ReferenceEventType.remediesDeclared, try read("remedies.json"))
        }
        // Seeds written before the year-end work was data do not list these files.
        let files = manifest["files"]?.arrayValue ?? []
        if files.contains(.string("annual-reports.json")) { add(ReferenceEventType.reportFormsDeclared, try read("annual-reports.json")) }
        if files.contains(.string("rubric.json")) { add(ReferenceEventType.rubricDeclared, try read("rubric.json")) }
        let units = try read("units.json")
        if let tiers = units["tiers"] { add(ReferenceEventType.tiersDeclared, .object([("tiers", tiers)])) }
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
