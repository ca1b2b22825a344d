import EventLog
import Foundation
import Testing

@testable import Clearance

/// The binary carries `seeds/` (the EmbedSeeds build plugin): the copy must be the folder, file for
/// file, or a demo run elsewhere would replay other reference data than the repository's.
@Suite struct BuiltInSeedTests {
    @Test func theBuiltInSeedIsTheSeedFolderFileForFile() throws {
        let folder = ReferenceDataTests.seedPath()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        let builtIn = try #require(BuiltInSeedFiles.folders["chengdu-2007"])
        #expect(builtIn.keys.sorted() == files)
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + file))
            #expect(Array(builtIn[file]!.utf8) == Array(bytes), "\(file) differs from its built-in copy")
        }
    }

    @Test func aSeedNamedWhereNoSuchFolderExistsIsTheBuiltInOne() throws {
        let seed = try SeedFolder(path: "/nonexistent/seeds/chengdu-2007")
        #expect(seed.path == "built-in chengdu-2007")
        #expect(seed.id == "chengdu-2007")
        let events = try seed.events(actor: "office.chen", at: Day("2007-10-08")!)
        let fromFolder = try SeedFolder(path: ReferenceDataTests.seedPath()).events(actor: "office.chen", at: Day("2007-10-08")!)
        #expect(events.map(\.data) == fromFolder.map(\.data))
    }

    @Test func anUnknownSeedIsRefusedWithTheBuiltInNames() throws {
        let error = try #require(throws: SeedError.self) { try SeedFolder(path: "/nonexistent/seeds/atlantis") }
        #expect(error.description.contains("atlantis/seed.json: cannot be read"))
        #expect(error.description.contains("chengdu-2007"))
    }
}
