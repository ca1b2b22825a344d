import EventLog
import Foundation
import TestSupport
import Testing

/// What an office does to run a log for years (docs/operations.md): its staff onboarded from one
/// sheet in one batch, handovers, lost keys, backups proven by an anchor.
@Suite struct OperationsTests {
    static let seed = packageRoot().appendingPathComponent("seeds/chengdu-2007").path

    /// The demo city's staff: a clerk, two reviewers and a publisher for each of its 909 units, each with
    /// an account and a key of their own.
    static func citySheet(units: [String]) -> String {
        var lines = ["人员,角色,单位,账号,公钥"]
        for (index, unit) in units.enumerated() {
            for (n, role) in ["clerk", "reviewer", "reviewer", "publisher"].enumerated() {
                let person = "\(role).\(n).\(unit)"
                let seed = SHA256.hash(Array(person.utf8)).bytes
                let key = (try! Ed25519.PrivateKey(seed: seed)).publicKey.bytes.hex
                lines.append("\(person),\(role),\(unit),u\(index)-\(n),\(key)")
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func theCitysStaffIsOnboardedInOneBatchAllOrNothing() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init", "--seed", Self.seed, "--actor", "office.chen"]).status == 0)
        let listed = try cli.run(["unit", "list", "--json"])
        let units = listed.stdout.split(separator: "\n").compactMap { try? JSONParser.parse(String($0))["id"]?.stringValue }
        #expect(units.count == 909)
        let sheet = Self.citySheet(units: units)
        // One bad row among 3,636: nothing is appended, and the row is named.
        let bad = sheet.replacingOccurrences(of: ",\(units[7]),u7-1,", with: ",no-such-unit,u7-1,")
        try cli.folder.write("bad.csv", Array(bad.utf8))
        let before = try cli.logBytes()
        let refused = try cli.run(["people", "import", "bad.csv", "--actor", "office.chen"])
        #expect(refused.status == 1 && refused.stderr.contains("bad.csv: line 31, column 单位: unit no-such-unit is not registered"), "\(refused.stderr)")
        #expect(try cli.logBytes() == before)

        try cli.folder.write("staff.csv", Array(sheet.utf8))
        let imported = try cli.run(["people", "import", "staff.csv", "--actor", "office.chen"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3636 people read from staff.csv (UTF-8): 3636 accounts bound, 3636 keys registered, 3636 roles granted"), "\(imported.stdout)")
        let lines = try cli.logLines()
        #expect(lines.count == String(decoding: before, as: UTF8.self).split(separator: "\n").count + 3 * 3636)
        // One batch: every new line carries the same batchEnd.
        #expect(Set(lines.suffix(3 * 3636).map { $0.components(separatedBy: #""batchEnd":"#)[1].prefix(while: \.isNumber) }).count == 1)
        let again = try cli.run(["people", "import", "staff.csv", "--actor", "office.chen"])
        #expect(again.status == 0 && again.stdout.contains("appended nothing"), "\(again.stdout)\(again.stderr)")
        let verified = try cli.run(["verify", "--rules"])
        #expect(verified.status == 0 && verified.stdout.contains("2 signed submissions"), "\(verified.stdout)\(verified.stderr)")
    }

    @Test func aHandoverMovesTheRolesAndEndsTheLeaversAccountAndKey() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init", "--seed", Self.seed, "--actor", "office.chen"]).status == 0)
        let me = try #require(try cli.run(["identity", "whoami"]).stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })
        for person in ["clerk.wang", "clerk.zhou"] {
            let made = try cli.run(["key", "new", "--actor", person])
            let key = try #require(made.stdout.split(separator: " ").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) })
            #expect(try cli.run(["key", "register", person, key, "--actor", "office.chen"]).status == 0)
            #expect(try cli.run(["identity", "bind", person, "--account", me, "--actor", "office.chen"]).status == 0)
        }
        #expect(try cli.run(["role", "grant", "clerk.wang", "clerk", "--unit", "jinjiang-jsj", "--unit", "qingyang-jyj", "--actor", "office.chen"]).status == 0)
        let register = ["record", "register", "R-1", "--unit", "jinjiang-jsj", "--title", "通知", "--created", "2008-01-10"]
        #expect(try cli.run(register + ["--actor", "clerk.wang"]).status == 0)

        let handed = try cli.run(["people", "handover", "clerk.wang", "--to", "clerk.zhou", "--actor", "office.chen"])
        #expect(handed.status == 0, "\(handed.stderr)")
        let roles = try cli.run(["role", "list", "--json"]).stdout
        #expect(roles.contains(#"{"person":"clerk.zhou","role":"clerk","units":["jinjiang-jsj","qingyang-jyj"]}"#) && !roles.contains(#""person":"clerk.wang""#), "\(roles)")
        let late = try cli.run(["record", "register", "R-2", "--unit", "jinjiang-jsj", "--title", "通知", "--created", "2008-01-10", "--actor", "clerk.wang"])
        #expect(late.status == 1 && late.stderr.contains("clerk.wang may not register"), "\(late.stderr)")
        let keys = try cli.run(["key", "list", "--json"]).stdout
        let bindings = try cli.run(["identity", "list"]).stdout
        #expect(!keys.contains(#""actor":"clerk.wang""#) && !bindings.contains("clerk.wang"), "\(keys)")
        #expect(try cli.run(["record", "register", "R-2", "--unit", "jinjiang-jsj", "--title", "通知", "--created", "2008-01-10", "--actor", "clerk.zhou"]).status == 0)
        // What clerk.wang signed before the handover stays valid.
        #expect(try cli.run(["verify", "--rules", "--full"]).status == 0)
    }

    @Test func aLostKeyIsReplacedByAnotherOfTheGeneralOfficeAndWhatItSignedStaysValid() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init", "--seed", Self.seed, "--actor", "office.chen"]).status == 0)
        let me = try #require(try cli.run(["identity", "whoami"]).stdout.split(separator: " ").dropFirst().first.map { String($0.dropLast()) })
        func key(of person: String) throws -> String {
            try #require(try cli.run(["key", "show", "--actor", person]).stdout.split(separator: "\n").first.map(String.init))
        }
        // The general office is more than one person, so that one can re-key another.
        #expect(try cli.run(["key", "new", "--actor", "office.li"]).status == 0)
        for command in [["key", "register", "office.li", try key(of: "office.li")], ["identity", "bind", "office.li", "--account", me],
                        ["role", "grant", "office.li", "general-office"]] {
            #expect(try cli.run(command + ["--actor", "office.chen"]).status == 0, "\(command)")
        }
        let old = try key(of: "office.chen")
        // office.chen loses its key file and makes a new key; office.li registers it and revokes the old one.
        try FileManager.default.removeItem(atPath: cli.folder.file(".keys/office.chen.key"))
        #expect(try cli.run(["key", "new", "--actor", "office.chen"]).status == 0)
        let refused = try cli.run(["role", "grant", "auditor.li", "auditor", "--actor", "office.chen"])
        #expect(refused.status == 1 && refused.stderr.contains("is not registered for office.chen"), "\(refused.stderr)")
        #expect(try cli.run(["key", "register", "office.chen", try key(of: "office.chen"), "--actor", "office.li"]).status == 0)
        #expect(try cli.run(["key", "revoke", "office.chen", old, "--reason", "lost", "--actor", "office.li"]).status == 0)
        #expect(try cli.run(["role", "grant", "auditor.li", "auditor", "--actor", "office.chen"]).status == 0)
        let verified = try cli.run(["verify", "--full", "--rules"])
        #expect(verified.status == 0 && verified.stdout.contains("7 signed submissions"), "\(verified.stdout)\(verified.stderr)")
    }

    @Test func aBackupIsACopyAndTheAnchorProvesTheRestore() throws {
        let cli = CLITestCase()
        #expect(try cli.run(["init", "--seed", Self.seed, "--actor", "office.chen"]).status == 0)
        let head = try #require(try cli.run(["verify"]).stdout.split(separator: "\n").last.map { String($0.dropFirst(5)) })
        try FileManager.default.copyItem(atPath: cli.folder.file("event-log"), toPath: cli.folder.file("backup"))
        #expect(try cli.run(["role", "grant", "auditor.li", "auditor", "--actor", "office.chen"]).status == 0)
        // The disk is lost; the backup is restored and proven against the anchor published at the time.
        try FileManager.default.removeItem(atPath: cli.folder.file("event-log"))
        try FileManager.default.copyItem(atPath: cli.folder.file("backup"), toPath: cli.folder.file("event-log"))
        let proven = try cli.run(["verify", "--anchor", head])
        #expect(proven.status == 0 && proven.stdout.contains("anchor \(head) holds"), "\(proven.stdout)\(proven.stderr)")
    }
}
