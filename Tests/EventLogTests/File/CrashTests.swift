import Foundation
import Testing
import TestSupport

@testable import EventLog

/// Real processes, real signals: a writer killed at random moments never loses a batch it
/// acknowledged, and never leaves a log that fails to verify.
@Suite(.serialized) struct CrashTests {
    let torture = BuiltProgram("log-torture")

    @Test func aWriterKilledAtRandomMomentsLosesNothingItAcknowledged() throws {
        let directory = TemporaryDirectory("crash")
        _ = try LogFile.create(in: directory.path, actor: "office.chen")
        var random = SystemRandomNumberGenerator()
        var acknowledged: [(seq: Int, hash: String)] = []
        var recoveries = 0
        for round in 0..<30 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: torture.path)
            process.arguments = ["random-batches", directory.path, String(round + 1)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // Wait for the first acknowledgement, so every round has something to lose, then kill at random.
            var printed = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            usleep(UInt32.random(in: 0...50_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "round \(round): the writer should have been killed")
            printed += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                let parts = line.split(separator: " ")
                // A line cut by the kill is not an acknowledgement.
                if parts.count == 2, parts[1].count == 64, let seq = Int(parts[0]) { acknowledged.append((seq, String(parts[1]))) }
            }

            // The log verifies as it is (a torn tail is allowed and ignored)...
            let report = try LogVerifier.verify(directory: directory.path)
            // ...and holds every acknowledged batch, with the hash that was acknowledged.
            let entries = try LogReader(directory: directory.path).entries()
            for ack in acknowledged {
                #expect(ack.seq <= entries.count, "round \(round): acknowledged seq \(ack.seq) is missing")
                if ack.seq <= entries.count { #expect(entries[ack.seq - 1].hashHex == ack.hash) }
            }
            // The next append recovers whatever the kill left behind.
            let result = try LogFile.open(in: directory.path).append([NewEntry(actor: "checker", type: "test.after-kill")])
            if result.recovered != nil { recoveries += 1 }
            #expect(result.head.seq == (report.head?.seq ?? 0) + 1)
            #expect(try LogVerifier.verify(directory: directory.path).torn == nil)
        }
        #expect(acknowledged.count >= 30, "every round waits for at least one acknowledged batch")
        print("crash test: \(acknowledged.count) acknowledged batches, \(recoveries) torn tails recovered in 30 kills")
    }

    /// Kills the writer while the kernel is copying a batch of tens of MB into the file (the file is
    /// seen growing), which leaves a real torn tail: the next append must move it aside.
    @Test func aWriterKilledInTheMiddleOfAWriteLeavesATornTailThatIsRecovered() throws {
        let directory = TemporaryDirectory("torn")
        _ = try LogFile.create(in: directory.path, actor: "office.chen")
        let path = LogFile.path(in: directory.path)
        var torn = 0
        for round in 0..<6 {
            let before = try fileSize(path)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: torture.path)
            process.arguments = ["big-batches", directory.path, String(round + 1)]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            while try fileSize(path) == before && process.isRunning { usleep(100) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let report = try LogVerifier.verify(directory: directory.path)
            let result = try LogFile.open(in: directory.path).append([NewEntry(actor: "checker", type: "test.after-kill")])
            if let recovery = result.recovered {
                torn += 1
                #expect(recovery.tail.offset == report.bytes)
                #expect(try fileSize(recovery.quarantinePath) == recovery.tail.byteCount)
            }
            #expect(try LogVerifier.verify(directory: directory.path).entries == report.entries + 1)
        }
        print("crash test: \(torn) of 6 writers killed mid-write left a torn tail, all recovered")
        #expect(torn > 0, "killing a writer while its file grows should tear at least one batch")
    }

    private func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test func fourProcessesAppending250EventsEachGiveOneThousandContiguousEntries() throws {
        let directory = TemporaryDirectory("concurrent")
        _ = try LogFile.create(in: directory.path, actor: "office.chen")
        let processes = try (1...4).map { writer -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: torture.path)
            process.arguments = ["one-at-a-time", directory.path, "250", "writer-\(writer)"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let report = try LogVerifier.verify(directory: directory.path)
        #expect(report.entries == 1001)
        let entries = try LogReader(directory: directory.path).entries()
        #expect(entries.map(\.seq) == Array(1...1001))
        for writer in 1...4 {
            let mine = entries.filter { $0.actor == "writer-\(writer)" }
            #expect(mine.count == 250)
            // Each writer's own events stay in the order it wrote them.
            let order = try mine.map { try $0.data()["i"]?.intValue ?? -1 }
            #expect(order == Array(0..<250))
        }
    }
}
