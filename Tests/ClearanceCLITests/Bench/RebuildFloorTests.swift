import Foundation
import Testing
import TestSupport

@testable import ClearanceCLI

@Suite struct RebuildFloorTests {
    /// The floor counts every file the rebuild left, in subfolders too, and the checkpoint beside the log.
    @Test func bytesWrittenAddsEveryFileUnderTheFolderAndTheExtras() throws {
        let folder = TemporaryDirectory()
        for sub in ["out/catalogues", "out/internal", "log"] { try FileManager.default.createDirectory(atPath: folder.file(sub), withIntermediateDirectories: true) }
        try folder.write("out/internal/audit.csv", Array(repeating: 0x41, count: 1000))
        try folder.write("out/catalogues/cd.json", Array(repeating: 0x41, count: 234))
        try folder.write("log/projections.checkpoint", Array(repeating: 0x41, count: 50))
        #expect(RebuildFloor.bytesWritten(under: folder.file("out"), plus: [folder.file("log/projections.checkpoint")]) == 1284)
        #expect(RebuildFloor.bytesWritten(under: folder.file("out"), plus: [folder.file("log/missing")]) == 1234)
    }

    /// The timed file gets exactly the bytes asked for, a last short piece included.
    @Test func writingTheBytesWritesThatMany() throws {
        let folder = TemporaryDirectory()
        #expect(try RebuildFloor.secondsToWrite((1 << 20) * 2 + 5, at: folder.file("floor.bytes")) > 0)
        #expect(try folder.read("floor.bytes").count == (1 << 20) * 2 + 5)
    }
}
