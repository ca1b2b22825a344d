import EventLog
import Foundation

/// The files a rebuild wrote into its folder, as its manifests list them, and the clean-up of the
/// ones an earlier rebuild wrote and this one did not. A rebuild removes only files a previous
/// manifest lists: anything else in the folder (a note someone put there, a file of another tool) is
/// left alone.
///
/// The public/internal split holds here too: `manifest.json` lists the files outside `internal/`,
/// `internal/manifest.json` the files inside it (by their path under `internal/`), so a published
/// folder without `internal/` names nothing that is not in it. Each lists the files by their path
/// relative to its own folder, sorted, under `"files"`.
struct RebuildManifest {
    static let publicName = "manifest.json"
    static let internalFolder = "internal"
    static var internalName: String { "\(internalFolder)/\(publicName)" }

    /// Every path the rebuild wrote, relative to the output folder.
    let written: Set<String>

    /// The public files (those outside `internal/`), relative to the output folder, sorted.
    var publicFiles: [String] { written.filter { !Self.isInternal($0) }.sorted() }

    /// The internal files, relative to `internal/`, sorted.
    var internalFiles: [String] { written.filter(Self.isInternal).map { String($0.dropFirst(Self.internalFolder.count + 1)) }.sorted() }

    static func isInternal(_ path: String) -> Bool { path.hasPrefix(internalFolder + "/") }

    /// The files the manifests in `out` list, relative to `out`. A manifest that is missing, not JSON or
    /// without a `"files"` list (one written before rebuilds listed their files) lists nothing; so
    /// does any entry that is not a plain relative path inside one of `folders` (the folders a rebuild
    /// writes, `""` for `out` itself): a manifest is read like any other input, and a forged one can
    /// never point the clean-up outside the rebuild's own folders.
    static func previousFiles(in out: String, folders: Set<String>) -> Set<String> {
        func listed(_ manifest: String, under prefix: String) -> [String] {
            guard let bytes = FileManager.default.contents(atPath: "\(out)/\(manifest)"),
                let json = try? JSONParser.parse(Array(bytes)), let files = json["files"]?.arrayValue
            else { return [] }
            return files.compactMap(\.stringValue).map { prefix + $0 }
        }
        let paths = listed(publicName, under: "").filter { !isInternal($0) } + listed(internalName, under: internalFolder + "/")
        return Set(paths.filter { isSafe($0, in: folders) })
    }

    /// Whether `path` is a relative path of plain names whose folder is one of `folders`, and not a manifest.
    static func isSafe(_ path: String, in folders: Set<String>) -> Bool {
        guard path != publicName, path != internalName else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.utf8.contains { $0 < 0x20 || $0 == 0x7F } }) else { return false }
        return folders.contains(parts.dropLast().joined(separator: "/"))
    }

    /// Removes from `out` each file of `previous` that this rebuild did not write. A path that is no
    /// longer there, or that is now a folder, is left as it is (a link is removed, never what it points to).
    func prune(_ previous: Set<String>, in out: String) throws {
        let fm = FileManager.default
        for path in previous.subtracting(written).sorted() {
            // Not followed through a link: attributes of the path itself.
            guard let type = (try? fm.attributesOfItem(atPath: "\(out)/\(path)"))?[.type] as? FileAttributeType, type != .typeDirectory
            else { continue }
            try fm.removeItem(atPath: "\(out)/\(path)")
        }
    }

    /// Writes `internal/manifest.json`, then `manifest.json` with `members` and the public files, each
    /// atomically (a temporary file renamed): the public one last, since the next rebuild trusts it.
    func write(into out: String, builtFrom: String, members: [(key: String, value: JSONValue)]) throws {
        let internalManifest = JSONValue.object([("builtFrom", .string(builtFrom)), ("files", .array(internalFiles.map { .string($0) }))])
        try Data(JSONWriter.bytes(internalManifest) + [0x0A]).write(to: URL(fileURLWithPath: "\(out)/\(Self.internalName)"), options: .atomic)
        let manifest = JSONValue.object(members + [("files", .array(publicFiles.map { .string($0) }))])
        try Data(JSONWriter.bytes(manifest) + [0x0A]).write(to: URL(fileURLWithPath: "\(out)/\(Self.publicName)"), options: .atomic)
    }
}
