/// An actor's signature over a submission, as the signer hands it to the writer: the writer adds
/// `from` (the submission's first seq) when it writes the block into the last entry's envelope.
public struct SubmissionSignature: Sendable, Equatable {
    /// The signer's Ed25519 public key, 32 bytes.
    public let publicKey: [UInt8]
    /// When the actor signed, by its own clock; part of the signed bytes.
    public let at: Timestamp
    /// 64 bytes.
    public let signature: [UInt8]

    public init(publicKey: [UInt8], at: Timestamp, signature: [UInt8]) {
        (self.publicKey, self.at, self.signature) = (publicKey, at, signature)
    }

    /// `,"signed":{"from":N,"key":"…","at":"…","sig":"…"}`: the bytes between batchEnd and prev.
    func writeBlock(from: Int, into out: inout [UInt8]) {
        out.append(contentsOf: SignatureFormat.fromKey)
        appendDecimal(from, to: &out)
        out.append(contentsOf: SignatureFormat.keyKey)
        appendHex(publicKey, to: &out)
        out.append(contentsOf: SignatureFormat.atKey)
        appendUTF8(at.iso8601, to: &out)
        out.append(contentsOf: SignatureFormat.sigKey)
        appendHex(signature, to: &out)
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "}")])
    }
}

func appendHex(_ bytes: [UInt8], to out: inout [UInt8]) {
    let digits = Array("0123456789abcdef".utf8)
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 15)])
    }
}

extension Array where Element == UInt8 {
    /// The bytes as lowercase hex digits.
    public var hex: String {
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        appendHex(self, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes from hex digits (either case); nil if the text is not an even run of them.
    public init?(hex text: some StringProtocol) {
        guard let bytes = decodeHex(Array(text.utf8)) else { return nil }
        self = bytes
    }
}

private func decodeHex(_ utf8: [UInt8]) -> [UInt8]? {
    guard utf8.count % 2 == 0 else { return nil }
    func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count / 2)
    var i = 0
    while i < utf8.count {
        guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
        out.append(hi << 4 | lo)
        i += 2
    }
    return out
}
