// The other coordinate forms the addition and doubling formulas pass through (ref10's ge_p1p1,
// ge_p2, ge_cached and ge_precomp). Which one a step produces is chosen so that no multiplication
// is spent on a coordinate the next step does not read.

extension Ed25519Point {
    /// A sum or double as the formulas leave it: x = X/Z, y = Y/T. Four multiplications make it
    /// extended, three make it projective (enough for a doubling, which does not read T).
    struct Completed: Sendable {
        var x, y, z, t: Ed25519FieldElement

        @inline(__always)
        var extended: Ed25519Point { Ed25519Point(x: x * t, y: y * z, z: z * t, t: x * y) }

        @inline(__always)
        var projective: Projective { Projective(x: x * t, y: y * z, z: z * t) }
    }

    /// x = X/Z, y = Y/Z, without T: what a doubling needs.
    struct Projective: Sendable {
        var x, y, z: Ed25519FieldElement

        static let identity = Projective(x: .zero, y: .one, z: .one)

        /// 2P with four squarings (dbl-2008-hwcd for a = −1).
        @inline(__always)
        func doubled() -> Completed {
            let xx = x.squared()
            let yy = y.squared()
            let zz = z.squared()
            let sum = yy + xx
            let difference = yy - xx
            return Completed(x: (x + y).squared() - sum, y: sum, z: difference, t: (zz + zz) - difference)
        }
    }

    /// A point prepared for repeated additions: Y + X, Y − X, Z, 2d·T.
    struct Cached: Sendable {
        var yPlusX, yMinusX, z, t2d: Ed25519FieldElement
    }

    /// A cached point with Z = 1: y + x, y − x, 2d·x·y. The precomputed multiples of B are kept so.
    struct AffineCached: Sendable {
        var yPlusX, yMinusX, xy2d: Ed25519FieldElement

        static let identity = AffineCached(yPlusX: .one, yMinusX: .one, xy2d: .zero)

        /// −P: x negated swaps y + x with y − x and negates x·y.
        @inline(__always)
        var negated: AffineCached { AffineCached(yPlusX: yMinusX, yMinusX: yPlusX, xy2d: -xy2d) }

        /// `other` where `mask` is all ones, `self` where it is zero, without a branch.
        @inline(__always)
        func selecting(_ other: AffineCached, where mask: UInt64) -> AffineCached {
            AffineCached(
                yPlusX: yPlusX.selecting(other.yPlusX, where: mask),
                yMinusX: yMinusX.selecting(other.yMinusX, where: mask),
                xy2d: xy2d.selecting(other.xy2d, where: mask))
        }
    }
}
