import Clearance
import Clearance
import Foundation
import TestSupport
import Testing

/// A temporary working folder and the built `clearance`, run in it as a user would.
struct CLITestCase {
    let folder = TemporaryDirectory("cli")
    let clearance = BuiltProgram("clearance")

    var logPath: String { folder.file("event-log/events.jsonl") }

    @discardableResult
    func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> BuiltProgram.Outcome {
        try clearance.run(arguments, stdin: stdin, in: folder.path, environment: environment)
    }

    func logBytes() throws -> [UInt8] { try folder.read("event-log/events.jsonl") }

    func logLines() throws -> [String] {
        String(decoding: try logBytes(), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// A try-out log (declared actors) where office.chen, who created it, has given each of `writers`
    /// a role that writes, in one batch (seq 2 on): every entry needs an actor with a role.
    func makeTryOut(writers: [String]) throws {
        _ = try run(["init", "--try-out", "--actor", "office.chen"])
        guard !writers.isEmpty else { return }
        let grants = writers.map { #"{"type":"role.granted","data":{"at":"2007-10-08","person":"\#($0)","role":"general-office","units":[]}}"# }
        _ = try run(["append", "--actor", "office.chen"], stdin: grants.joined(separator: "\n") + "\n")
    }

    /// `makeTryOut` (writers clerk.wang and clerk.li, seq 2–3) then one append of `events` lines as
    /// clerk.wang; returns the head printed by the append.
    @discardableResult
    func makeLog(events: [String]) throws -> String {
        try makeTryOut(writers: ["clerk.wang", "clerk.li"])
        let outcome = try run(["append", "--actor", "clerk.wang"], stdin: events.joined(separator: "\n") + "\n")
        return outcome.stdout.split(separator: "\n").last.map(String.init) ?? ""
    }
}

/// How many entries a log created with `init --seed seeds/chengdu-2007` starts with: its header and
/// one reference event per seed item (which grows as the seed does: a new holiday notice, a unit).
let seededLogEntries: Int = {
    let seed = try? SeedFolder(path: packageRoot().appendingPathComponent("seeds/chengdu-2007").path)
    return 1 + ((try? seed?.events(actor: "office.chen", at: Day("2007-10-08")!))??.count ?? 0)
}()

/// The package's root folder, for files the tests read from the repository (docs/tools, samples).
func packageRoot(filePath: String = #filePath) -> URL {
    var url = URL(fileURLWithPath: filePath)
    while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        url.deleteLastPathComponent()
    }
    return url
}

extension CLITestCase {
    /// A small log for end-to-end tests of one thing: the built-in seed on a simulated clock from
    /// 2008-01-10 (no year ended yet, so a rebuild writes no assessment and takes a second), with
    /// clerk.wang, reviewer.zhang and publisher.li holding their roles at jinjiang-jsj.
    static func seeded() throws -> CLITestCase {
        let cli = CLITestCase()
        let office = ["CLEARANCE_ACTOR": "office.chen"]
        #expect(try cli.run(["init", "--try-out", "--seed", "chengdu-2007", "--simulated-clock", "2008-01-10T09:00Z"], environment: office).status == 0)
        for (person, role) in [("clerk.wang", "clerk"), ("reviewer.zhang", "reviewer"), ("publisher.li", "publisher")] {
            let granted = try cli.run(["role", "grant", person, role, "--unit", "jinjiang-jsj"], environment: office)
            #expect(granted.status == 0, "\(granted.stderr)")
        }
        return cli
    }
}
