extension Ed25519Scalar {
    /// 64 signed digits e[i] in −8...8 with value = Σ e[i]·16^i, for the fixed-base multiplication
    /// that signing does: the same steps for every value (no branch on the digits).
    func radix16Digits() -> [Int8] {
        var digits = [Int8](repeating: 0, count: 64)
        var i = 0
        for byte in bytes {
            digits[i] = Int8(byte & 15)
            digits[i + 1] = Int8(byte >> 4)
            i += 2
        }
        // Move each digit from 0...15 to −8...7 by carrying 16 into the next; the value is below
        // 2^253, so the top digit (at most 1 + 1) absorbs the last carry.
        var carry: Int8 = 0
        for i in 0..<63 {
            digits[i] &+= carry
            carry = (digits[i] &+ 8) >> 4
            digits[i] &-= carry << 4
        }
        digits[63] &+= carry
        return digits
    }

    /// The width-w non-adjacent form: 256 digits, each zero or odd with magnitude below 2^(w − 1),
    /// any nonzero digit followed by at least w − 1 zeros; value = Σ digit[i]·2^i. Verification
    /// multiplies by these in variable time (curve25519-dalek's algorithm). Needs a value below 2^255.
    func nonAdjacentForm(width w: Int) -> [Int8] {
        precondition((2...8).contains(w), "NAF width \(w) is out of range")
        var naf = [Int8](repeating: 0, count: 256)
        let x = words + [0]
        let width = 1 << w
        let windowMask = UInt64(width - 1)
        var position = 0
        var carry = 0
        while position < 256 {
            let index = position / 64, bit = position % 64
            let bits =
                bit < 64 - w ? x[index] >> bit : (x[index] >> bit) | (x[index + 1] << (64 - bit))
            let window = carry + Int(bits & windowMask)
            if window & 1 == 0 {
                // A zero digit here; a pending carry moves on to the next bit.
                position += 1
                continue
            }
            if window < width / 2 {
                carry = 0
                naf[position] = Int8(window)
            } else {
                carry = 1
                naf[position] = Int8(window - width)
            }
            position += w
        }
        return naf
    }
}
