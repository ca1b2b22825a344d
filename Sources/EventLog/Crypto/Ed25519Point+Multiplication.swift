extension Ed25519Point {
    /// [s]B, for signing and for deriving a public key: s is secret.
    ///
    /// Radix 16 with signed digits and Ed25519BaseTable.radix16 (ref10's ge_scalarmult_base): the odd
    /// digits' multiples are summed, the sum multiplied by 16, then the even digits' added. Each table
    /// entry is chosen by reading all eight of its row and keeping one with masks, so neither branches
    /// nor memory addresses depend on s; field arithmetic is branch-free too. That is as far as the
    /// claim goes: Swift and its optimizer promise nothing about timing.
    static func baseMultiple(_ s: Ed25519Scalar) -> Ed25519Point {
        let digits = s.radix16Digits()
        return Ed25519BaseTable.radix16.withUnsafeBufferPointer { table in
            var sum = Ed25519Point.identity
            for i in stride(from: 1, to: 64, by: 2) {
                sum = sum.adding(select(table, row: i / 2, digit: digits[i])).extended
            }
            let times8 = sum.doubled().projective.doubled().projective.doubled().projective
            sum = times8.doubled().extended
            for i in stride(from: 0, to: 64, by: 2) {
                sum = sum.adding(select(table, row: i / 2, digit: digits[i])).extended
            }
            return sum
        }
    }

    /// digit·256^row·B from the table, for a digit in −8...8, reading the whole row.
    @inline(__always)
    private static func select(
        _ table: UnsafeBufferPointer<AffineCached>, row: Int, digit: Int8
    ) -> AffineCached {
        let b = Int64(digit)
        let negative = UInt64(bitPattern: b >> 63)  // all ones when the digit is negative
        let magnitude = UInt64(bitPattern: (b ^ (b >> 63)) &- (b >> 63))
        var chosen = AffineCached.identity
        for j in 1...8 {
            // (magnitude ^ j) − 1 has its top bit set exactly when magnitude == j.
            let equal = 0 &- (((magnitude ^ UInt64(j)) &- 1) >> 63)
            chosen = chosen.selecting(table[row &* 8 &+ j &- 1], where: equal)
        }
        return chosen.selecting(chosen.negated, where: negative)
    }

    /// [a]self + [b]B, for verification only: variable time, since everything in a signature
    /// check is public.
    ///
    /// One pass of doublings over both scalars at once (Straus/Shamir), each in non-adjacent form:
    /// width 5 for self (a table of 8 odd multiples, built here) and width 8 for B (64 odd multiples,
    /// Ed25519BaseTable.oddMultiples). About 253 doublings and 80 additions.
    func doubleMultiple(_ a: Ed25519Scalar, plusBase b: Ed25519Scalar) -> Projective {
        let aDigits = a.nonAdjacentForm(width: 5)
        let bDigits = b.nonAdjacentForm(width: 8)
        var oddMultiples = [Cached]()
        oddMultiples.reserveCapacity(8)
        let twice = doubled().extended.cached
        var multiple = self
        for i in 0..<8 {
            oddMultiples.append(multiple.cached)
            if i < 7 { multiple = multiple.adding(twice).extended }
        }
        var i = 255
        while i >= 0 && aDigits[i] == 0 && bDigits[i] == 0 { i -= 1 }
        var sum = Projective.identity
        Ed25519BaseTable.oddMultiples.withUnsafeBufferPointer { baseMultiples in
            oddMultiples.withUnsafeBufferPointer { selfMultiples in
                while i >= 0 {
                    var step = sum.doubled()
                    let da = Int(aDigits[i]), db = Int(bDigits[i])
                    if da > 0 {
                        step = step.extended.adding(selfMultiples[da / 2])
                    } else if da < 0 {
                        step = step.extended.subtracting(selfMultiples[-da / 2])
                    }
                    if db > 0 {
                        step = step.extended.adding(baseMultiples[db / 2])
                    } else if db < 0 {
                        step = step.extended.subtracting(baseMultiples[-db / 2])
                    }
                    sum = step.projective
                    i -= 1
                }
            }
        }
        return sum
    }
}
