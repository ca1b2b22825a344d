/// A point of Ed25519's curve −x² + y² = 1 + d·x²·y² (over the integers modulo 2^255 − 19), in the
/// extended coordinates of RFC 8032 §5.1.4: x = X/Z, y = Y/Z, x·y = T/Z.
///
/// The addition formulas are the complete ones for a = −1 (Hisil, Wong, Carter, Dawson 2008, as in
/// ref10): they hold for every pair of points, the identity and equal points included. Sums come out
/// in the `Completed` form and are converted to the form the next step needs (Ed25519Point+Forms.swift).
struct Ed25519Point: Sendable {
    var x, y, z, t: Ed25519FieldElement

    static let identity = Ed25519Point(x: .zero, y: .one, z: .one, t: .zero)

    /// The base point B of RFC 8032 §5.1: y = 4/5, x positive (even). Limbs computed with Python.
    static let base = Ed25519Point(
        x: Ed25519FieldElement(0x62d608f25d51a, 0x412a4b4f6592a, 0x75b7171a4b31d, 0x1ff60527118fe, 0x216936d3cd6e5),
        y: Ed25519FieldElement(0x6666666666658, 0x4cccccccccccc, 0x1999999999999, 0x3333333333333, 0x6666666666666),
        z: .one,
        t: Ed25519FieldElement(0x68ab3a5b7dda3, 0x00eea2a5eadbb, 0x2af8df483c27e, 0x332b375274732, 0x67875f0fd78b7))

    /// −P = (−x, y).
    var negated: Ed25519Point { Ed25519Point(x: -x, y: y, z: z, t: -t) }

    var projective: Projective { Projective(x: x, y: y, z: z) }

    /// The form in which a point is added to others many times: Y + X, Y − X, Z and 2d·T, computed once.
    var cached: Cached { Cached(yPlusX: y + x, yMinusX: y - x, z: z, t2d: t * .twoD) }

    /// The cached form divided through by Z, which saves a multiplication per addition; costs an inversion.
    var affineCached: AffineCached {
        let zInverse = z.inverse()
        let ax = x * zInverse, ay = y * zInverse
        return AffineCached(yPlusX: ay + ax, yMinusX: ay - ax, xy2d: ax * ay * .twoD)
    }

    @inline(__always)
    func doubled() -> Completed { projective.doubled() }

    @inline(__always)
    func adding(_ q: Cached) -> Completed {
        let a = (y - x) * q.yMinusX
        let b = (y + x) * q.yPlusX
        let c = t * q.t2d
        let zz = z * q.z
        let d = zz + zz
        return Completed(x: b - a, y: b + a, z: d + c, t: d - c)
    }

    /// P − Q: the sum with −Q, whose cached form swaps Y + X with Y − X and negates 2d·T.
    @inline(__always)
    func subtracting(_ q: Cached) -> Completed {
        let a = (y - x) * q.yPlusX
        let b = (y + x) * q.yMinusX
        let c = t * q.t2d
        let zz = z * q.z
        let d = zz + zz
        return Completed(x: b - a, y: b + a, z: d - c, t: d + c)
    }

    @inline(__always)
    func adding(_ q: AffineCached) -> Completed {
        let a = (y - x) * q.yMinusX
        let b = (y + x) * q.yPlusX
        let c = t * q.xy2d
        let d = z + z
        return Completed(x: b - a, y: b + a, z: d + c, t: d - c)
    }

    @inline(__always)
    func subtracting(_ q: AffineCached) -> Completed {
        let a = (y - x) * q.yPlusX
        let b = (y + x) * q.yMinusX
        let c = t * q.xy2d
        let d = z + z
        return Completed(x: b - a, y: b + a, z: d - c, t: d + c)
    }

    static func + (p: Ed25519Point, q: Ed25519Point) -> Ed25519Point { p.adding(q.cached).extended }
}
