import EventLog
import Foundation
import Testing

/// A rebuild removes only the files its previous manifests list: whatever else is in its folder stays.
@Suite struct RebuildManifestTests {
    /// The folders a rebuild writes into, `""` for the output folder itself.
    static let folders = ["", "guides", "catalogues", "annual-reports", "internal", "internal/replies", "internal/inspections"]

    static func files(in manifest: [UInt8]) throws -> [String] {
        try JSONParser.parse(manifest)["files"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test func plantedFilesSurviveAndOnlyWhatTheLastRebuildWroteIsRemoved() throws {
        let cli = try CLITestCase.seeded()
        let register = ["record", "register", "R-1", "--unit", "jinjiang-jsj", "--title", "锦江区建设局2008年城市道路维修计划", "--created", "2008-01-10"]
        #expect(try cli.run(register + ["--actor", "clerk.wang"]).status == 0)
        let beforeRecord = try cli.logLines().count - 1

        // Someone's files in every folder a rebuild writes, before it ever ran, and one beside the folder.
        for folder in Self.folders {
            try FileManager.default.createDirectory(atPath: cli.folder.file("out/\(folder)"), withIntermediateDirectories: true)
            try cli.folder.write("out/\(folder)/notes.txt", Array("kept by hand".utf8))
        }
        try cli.folder.write("outside.txt", Array("not the rebuild's".utf8))

        let first = try cli.run(["rebuild", "--out", "out"])
        #expect(first.status == 0, "\(first.stderr)")
        for folder in Self.folders { #expect(FileManager.default.fileExists(atPath: cli.folder.file("out/\(folder)/notes.txt")), "\(folder)") }
        let publicFiles = try Self.files(in: cli.folder.read("out/manifest.json"))
        let internalFiles = try Self.files(in: cli.folder.read("out/internal/manifest.json"))
        #expect(publicFiles.contains("catalogues/jinjiang-jsj.csv") && !publicFiles.contains("audit.csv") && !publicFiles.contains("progress.html"))
        #expect(!publicFiles.contains { $0.hasPrefix("internal") || $0.hasSuffix("notes.txt") }, "\(publicFiles)")
        #expect(internalFiles.contains("notice.txt") && internalFiles.contains("todo.json") && internalFiles.contains("audit.csv") && internalFiles.contains("progress.html") && internalFiles.contains("funnel.json"), "\(internalFiles)")
        #expect(!internalFiles.contains { $0.hasPrefix("internal/") || $0.hasSuffix("notes.txt") || $0 == "manifest.json" })
        // Every file listed is there, and every file there is listed, planted ones and the manifests apart.
        let onDisk = try RebuildAsOfTests.files(in: cli.folder.file("out")).keys.filter { !$0.hasSuffix("notes.txt") && !$0.hasSuffix("manifest.json") }
        #expect(Set(onDisk) == Set(publicFiles + internalFiles.map { "internal/" + $0 }))

        // As of before the record, the unit has no catalogue: the one the first rebuild wrote goes,
        // the planted files stay.
        let earlier = try cli.run(["rebuild", "--out", "out", "--as-of-seq", String(beforeRecord)])
        #expect(earlier.status == 0, "\(earlier.stderr)")
        for format in ["csv", "json", "html"] {
            #expect(!FileManager.default.fileExists(atPath: cli.folder.file("out/catalogues/jinjiang-jsj.\(format)")))
        }
        #expect(try !Self.files(in: cli.folder.read("out/manifest.json")).contains("catalogues/jinjiang-jsj.csv"))
        for folder in Self.folders { #expect(FileManager.default.fileExists(atPath: cli.folder.file("out/\(folder)/notes.txt")), "\(folder)") }

        // A forged manifest cannot point the clean-up outside the rebuild's folders, nor at a folder.
        var manifest = try JSONParser.parse(cli.folder.read("out/manifest.json"))
        let forged: [JSONValue] = ["../outside.txt", "guides/../../outside.txt", cli.folder.file("outside.txt"), "guides", "./notes.txt"].map { .string($0) }
        manifest = .object((manifest.objectValue ?? []).map { $0.key == "files" ? ($0.key, .array(forged)) : $0 })
        try cli.folder.write("out/manifest.json", JSONWriter.bytes(manifest))
        try cli.folder.write("out/internal/manifest.json", Array(#"{"files":["../notes.txt","../../outside.txt"]}"#.utf8))
        #expect(try cli.run(["rebuild", "--out", "out"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.file("outside.txt")))
        for folder in Self.folders { #expect(FileManager.default.fileExists(atPath: cli.folder.file("out/\(folder)/notes.txt")), "\(folder)") }
        #expect(FileManager.default.fileExists(atPath: cli.folder.file("out/catalogues/jinjiang-jsj.csv")))
    }
}
