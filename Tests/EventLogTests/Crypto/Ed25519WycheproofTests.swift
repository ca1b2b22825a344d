import Foundation
import Testing

@testable import EventLog

/// Project Wycheproof's Ed25519 verification vectors, vendored in Fixtures/wycheproof (where they came
/// from and their licence: the README there). Every vector of every group must come out as its
/// `result` says: "valid" accepted, "invalid" refused. "acceptable" would allow either; the file has
/// none today, and the test says how many it saw and what this implementation did with them.
@Suite struct Ed25519WycheproofTests {
    struct Vector {
        let id: Int
        let comment: String
        let flags: [String]
        let publicKey: String
        let message: String
        let signature: String
        let result: String
    }

    static func fixture(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/wycheproof/ed25519_test.json")
    }

    /// The vectors of every group, and the count the file's header declares.
    static func load() throws -> (declared: Int, vectors: [Vector]) {
        let data = try Data(contentsOf: fixture())
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["algorithm"] as? String == "EDDSA")
        let groups = try #require(root["testGroups"] as? [[String: Any]])
        var vectors = [Vector]()
        for group in groups {
            #expect(group["type"] as? String == "EddsaVerify")
            let key = try #require(group["publicKey"] as? [String: Any])
            #expect(key["curve"] as? String == "edwards25519")
            let publicKey = try #require(key["pk"] as? String)
            for test in try #require(group["tests"] as? [[String: Any]]) {
                vectors.append(
                    Vector(
                        id: try #require(test["tcId"] as? Int), comment: test["comment"] as? String ?? "",
                        flags: test["flags"] as? [String] ?? [], publicKey: publicKey,
                        message: try #require(test["msg"] as? String), signature: try #require(test["sig"] as? String),
                        result: try #require(test["result"] as? String)))
            }
        }
        return (try #require(root["numberOfTests"] as? Int), vectors)
    }

    @Test func everyVectorAsItsResultSays() throws {
        let (declared, vectors) = try Self.load()
        try #require(!vectors.isEmpty, "no vectors in \(Self.fixture().path)")
        #expect(vectors.count == declared, "the header declares \(declared) vectors")
        var acceptable = [String]()
        for vector in vectors {
            // A key that does not decode can verify nothing.
            let key = try? Ed25519.PublicKey(bytes: bytes(hex: vector.publicKey))
            let accepted = key?.isValidSignature(bytes(hex: vector.signature), for: bytes(hex: vector.message)) ?? false
            let label = "tcId \(vector.id) \(vector.flags) \(vector.comment)"
            switch vector.result {
            case "valid": #expect(accepted, "refused \(label)")
            case "invalid": #expect(!accepted, "accepted \(label)")
            case "acceptable": acceptable.append("\(label): \(accepted ? "accepted" : "refused")")
            default: Issue.record("unknown result \(vector.result) for \(label)")
            }
        }
        if !acceptable.isEmpty {
            print("Wycheproof's acceptable Ed25519 vectors: " + acceptable.joined(separator: "; "))
        }
    }

    /// The public keys of the file all decode: a refusal above is the signature's, not the key's.
    @Test func everyPublicKeyDecodes() throws {
        for key in Set(try Self.load().vectors.map(\.publicKey)) {
            #expect(throws: Never.self) { try Ed25519.PublicKey(bytes: bytes(hex: key)) }
        }
    }
}
