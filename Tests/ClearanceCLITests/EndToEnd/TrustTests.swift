import EventLog
import Foundation
import TestSupport
import Testing

/// Who may do what, tried as separate OS accounts (CI runs as root, which bypasses file permissions,
/// so these tests drop privileges to throwaway accounts): an account acts only as the actors bound
/// to it, an auditor who may only read the log reads everything, and no entry is written by an
/// actor without a role that writes.
@Suite(.serialized) struct TrustTests {
    /// A test folder others may enter, with a copy of `clearance` any account may run.
    struct SharedFolder {
        let cli = CLITestCase()
        let program: BuiltProgram

        init() throws {
            chmod(cli.folder.path, 0o755)
            let copy = cli.folder.file("clearance")
            try FileManager.default.copyItem(atPath: cli.clearance.path, toPath: copy)
            chmod(copy, 0o755)
            program = BuiltProgram(path: copy)
        }

        /// Runs as `account`, with its own keys folder and home inside the test folder.
        func run(as account: ThrowawayAccount, _ arguments: [String], stdin: String = "") throws -> BuiltProgram.Outcome {
            let home = cli.folder.file("home-" + account.name)
            if !FileManager.default.fileExists(atPath: home) { try account.own(home) }
            return try account.run(
                program, arguments, stdin: stdin, in: cli.folder.path, environment: ["HOME": home, "CLEARANCE_KEYS": home + "/keys"])
        }
    }

    static let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path

    @Test func anAccountBoundToAClerkCannotActAsTheGeneralOffice() throws {
        let shared = try SharedFolder()
        let cli = shared.cli
        let created = try cli.run(["init", "--seed", Self.seed, "--actor", "office.chen"])
        #expect(created.status == 0 && created.stdout.contains("bound to os-account root"), "\(created.stderr)")
        let wang = try ThrowawayAccount("wang")
        let made = try shared.run(as: wang, ["key", "new", "--actor", "clerk.wang"])
        #expect(made.status == 0, "\(made.stderr)")
        let key = try #require(made.stdout.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        for command in [
            ["identity", "bind", "clerk.wang", "--account", wang.name], ["key", "register", "clerk.wang", key],
            ["role", "grant", "clerk.wang", "clerk", "--unit", "jinjiang-jsj"],
        ] {
            let outcome = try cli.run(command + ["--actor", "office.chen"])
            #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
        }
        // A log several accounts append to directly (no 'clearance serve') is writable by them.
        chmod(cli.folder.file("event-log"), 0o777)
        chmod(cli.logPath, 0o666)
        let registered = try shared.run(
            as: wang, ["record", "register", "R-1", "--unit", "jinjiang-jsj", "--title", "通知", "--created", "2008-01-10", "--actor", "clerk.wang"])
        #expect(registered.status == 0, "\(registered.stderr)")

        // The clerk makes a key under the general office's name and claims to be it.
        let before = try cli.logBytes()
        #expect(try shared.run(as: wang, ["key", "new", "--actor", "office.chen"]).status == 0)
        let forged = try shared.run(as: wang, ["role", "grant", "clerk.wang", "general-office", "--actor", "office.chen"])
        #expect(forged.status == 1 && forged.stderr.contains("os-account \(wang.name) is not bound to office.chen"), "\(forged.stderr)")
        // …or signs as itself while naming another actor in raw input.
        let raw = try shared.run(
            as: wang, ["append", "--actor", "clerk.wang"], stdin: #"{"type":"note.filed","actor":"office.chen","data":{"text":"x"}}"# + "\n")
        #expect(raw.status == 1, "\(raw.stdout)")
        #expect(try cli.logBytes() == before, "nothing was appended")
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("5 signed submissions"), "\(verified.stdout)\(verified.stderr)")
    }

    @Test func anAuditorWhoMayOnlyReadTheLogReadsEverything() throws {
        let shared = try SharedFolder()
        let cli = shared.cli
        #expect(try cli.run(["init", "--seed", Self.seed, "--actor", "office.chen"]).status == 0)
        #expect(try cli.run(["role", "grant", "clerk.wang", "clerk", "--unit", "jinjiang-jsj", "--actor", "office.chen"]).status == 0)
        chmod(cli.folder.file("event-log"), 0o755)
        chmod(cli.logPath, 0o644)
        let auditor = try ThrowawayAccount("audit")
        let out = cli.folder.file("home-" + auditor.name) + "/projections"
        for command in [
            ["verify"], ["log", "--limit", "3"], ["guide", "jinjiang-jsj"], ["progress"], ["catalogue", "jinjiang-jsj"],
            ["audit", "--actor", "office.chen"], ["role", "list"], ["rebuild", "--out", out],
        ] {
            let outcome = try shared.run(as: auditor, command)
            #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: out + "/manifest.json"))
        let before = try cli.logBytes()
        let refused = try shared.run(as: auditor, ["append", "--actor", "auditor.li"], stdin: #"{"type":"note.filed"}"# + "\n")
        #expect(refused.status == 1 && refused.stderr.contains("events.jsonl") && refused.stderr.contains("Permission denied"), "\(refused.stderr)")
        #expect(try cli.logBytes() == before)
    }

    @Test func everyEntryNeedsAnActorWithARoleThatWrites() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init", "--try-out", "--seed", Self.seed, "--actor", "office.chen"]).status == 0)
        #expect(try cli.run(["role", "grant", "auditor.li", "auditor", "--actor", "office.chen"]).status == 0)
        #expect(try cli.run(["role", "grant", "clerk.wang", "clerk", "--unit", "jinjiang-jsj", "--actor", "office.chen"]).status == 0)
        let note = #"{"type":"note.filed","data":{"text":"首批"}}"# + "\n"
        let before = try cli.logBytes()
        for actor in ["nobody.at.all", "auditor.li"] {
            let outcome = try cli.run(["append", "--actor", actor], stdin: note)
            #expect(outcome.status == 1 && outcome.stderr.contains("holds no role that writes"), "\(actor): \(outcome.stderr)")
        }
        #expect(try cli.logBytes() == before)
        #expect(try cli.run(["append", "--actor", "clerk.wang"], stdin: note).status == 0)
    }

    @Test func aPrivateKeyStaysPrivate() throws {
        let cli = CLITestCase()
        let made = try cli.run(["key", "new", "--actor", "clerk.wang"])
        #expect(made.status == 0)
        let file = cli.folder.file(".keys/clerk.wang.key")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: cli.folder.file(".keys"))
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        #expect(try cli.run(["key", "new", "--actor", "clerk.wang"]).stderr.contains("never overwritten"))
        chmod(file, 0o644)
        let refused = try cli.run(["key", "show", "--actor", "clerk.wang"])
        #expect(refused.status == 1 && refused.stderr.contains("may be read by others (mode 644)"), "\(refused.stderr)")
    }

    /// A line as someone who can write `events.jsonl` would add it without this program: well framed,
    /// hashed and chained, so that the chain alone cannot tell it from a real one.
    static func forge(_ cli: CLITestCase, actor: String, type: String, data: String) throws {
        let bytes = try cli.logBytes()
        let last = try #require(String(decoding: bytes, as: UTF8.self).split(separator: "\n").last)
        let seq = Int(last.split(separator: ",")[0].dropFirst(7))! + 1
        let prev = String(last.suffix(66).prefix(64))
        let head = #"{"seq":\#(seq),"id":"ev-\#(seq)","recorded":"2008-06-01T09:00:00.000Z","actor":"\#(actor)","type":"\#(type)","data":\#(data),"batchEnd":\#(seq),"prev":"\#(prev)""#
        let line = head + #","hash":""# + SHA256.hash(Array(head.utf8)).hex + "\"}\n"
        try cli.folder.write("event-log/events.jsonl", bytes + Array(line.utf8))
    }

    @Test func aForgedLineThatPublishesAnExemptRecordIsCaughtByTheRulesReplay() throws {
        let cli = try ClearanceWalkTests.seededCase()
        for (arguments, actor) in [
            (["record", "register", "R-9", "--unit", "jinjiang-jsj", "--title", "某拆迁项目补偿对象名单", "--created", "2008-01-15", "--at", "2008-01-15"], "clerk.wang"),
            (["record", "classify", "R-9", "--class", "land", "--item", "11-03", "--disclosure", "exempt", "--basis", "personal-privacy", "--at", "2008-01-15"], "clerk.wang"),
        ] {
            let outcome = try cli.run(arguments + ["--actor", actor])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        #expect(try cli.run(["verify", "--rules"]).status == 0)
        try Self.forge(cli, actor: "nobody.at.all", type: "record.published", data: #"{"at":"2008-06-01","record":"R-9","indexNumber":"jinjiang-jsj/2008-00001","channel":"portal"}"#)
        let seq = try cli.logLines().count
        let chain = try cli.run(["verify"])
        #expect(chain.status == 0, "the chain alone cannot tell: \(chain.stderr)")
        let replayed = try cli.run(["verify", "--rules"])
        #expect(replayed.status == 1 && replayed.stderr.contains("seq \(seq) (record.published by nobody.at.all) breaks the role rule"), "\(replayed.stderr)")
        let audit = try cli.run(["audit", "--record", "R-9", "--rules"])
        #expect(audit.stdout.contains("BREAKS the role rule of rules v2"), "\(audit.stdout)")
        #expect(audit.stdout.contains("nobody.at.all") && audit.stdout.contains("v2 · 2007"))
    }

    @Test func aForgedUnsignedLineInALogThatBindsActorsIsCaughtByVerify() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init", "--seed", Self.seed, "--actor", "office.chen"]).status == 0)
        #expect(try cli.run(["role", "grant", "clerk.wang", "clerk", "--unit", "jinjiang-jsj", "--actor", "office.chen"]).status == 0)
        try Self.forge(cli, actor: "office.chen", type: "role.granted", data: #"{"at":"2008-06-01","person":"nobody.at.all","role":"general-office","units":[]}"#)
        let seq = try cli.logLines().count
        let verified = try cli.run(["verify"])
        #expect(verified.status == 1 && verified.stderr.contains("seq \(seq)") && verified.stderr.contains("S6"), "\(verified.stderr)")
    }
}
