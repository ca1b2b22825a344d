/// Multiples of the base point B in affine cached form, computed once on first use (a few
/// milliseconds: one inversion per entry) rather than kept in the source as literals.
enum Ed25519BaseTable {
    /// 32 rows of 8: entry 8·i + j is (j + 1)·256^i·B, for signing's radix-16 multiplication.
    static let radix16: [Ed25519Point.AffineCached] = {
        var entries = [Ed25519Point.AffineCached]()
        entries.reserveCapacity(32 * 8)
        var rowBase = Ed25519Point.base
        for _ in 0..<32 {
            let step = rowBase.cached
            var multiple = rowBase
            for j in 0..<8 {
                entries.append(multiple.affineCached)
                if j < 7 { multiple = multiple.adding(step).extended }
            }
            for _ in 0..<8 { rowBase = rowBase.doubled().extended }
        }
        return entries
    }()

    /// B, 3B, 5B, ..., 127B: entry i is (2i + 1)·B, for verification's width-8 non-adjacent form.
    static let oddMultiples: [Ed25519Point.AffineCached] = {
        let twice = Ed25519Point.base.doubled().extended.cached
        var multiple = Ed25519Point.base
        var entries = [Ed25519Point.AffineCached]()
        entries.reserveCapacity(64)
        for i in 0..<64 {
            entries.append(multiple.affineCached)
            if i < 63 { multiple = multiple.adding(twice).extended }
        }
        return entries
    }()
}
