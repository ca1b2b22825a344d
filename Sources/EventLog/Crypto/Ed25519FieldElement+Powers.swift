extension Ed25519FieldElement {
    /// 1 / self, as self^(p − 2) (Fermat); 0 for 0. 254 squarings and 11 multiplications, the same
    /// for every value.
    func inverse() -> Ed25519FieldElement {
        let (z250, z11) = powerTwo250MinusOne()
        return z250.squared(times: 5) * z11  // 2^255 − 32 + 11 = p − 2
    }

    /// self^((p − 5) / 8) = self^(2^252 − 3), the exponent of the square root in RFC 8032 §5.1.3.
    func powerPMinus5Over8() -> Ed25519FieldElement {
        let (z250, _) = powerTwo250MinusOne()
        return z250.squared(times: 2) * self
    }

    /// (self^(2^250 − 1), self^11): the addition chain both exponents share (ref10's).
    private func powerTwo250MinusOne() -> (Ed25519FieldElement, Ed25519FieldElement) {
        let z2 = squared()
        let z9 = z2.squared(times: 2) * self
        let z11 = z9 * z2
        let z5 = z11.squared() * z9  // self^(2^5 − 1), and so on
        let z10 = z5.squared(times: 5) * z5
        let z20 = z10.squared(times: 10) * z10
        let z40 = z20.squared(times: 20) * z20
        let z50 = z40.squared(times: 10) * z10
        let z100 = z50.squared(times: 50) * z50
        let z200 = z100.squared(times: 100) * z100
        let z250 = z200.squared(times: 50) * z50
        return (z250, z11)
    }
}
