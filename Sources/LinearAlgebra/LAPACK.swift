import CLapack

/// The one place where LAPACK's conventions are translated into Swift's.
///
/// Every LAPACKE call in this module goes through `checked(_:_:onPositive:)`, so that an
/// `info < 0` (an illegal argument: a bug in this module) and an `info > 0` (a property of the
/// data: singular, not positive definite, no convergence) are never ignored.
/// LAPACKE's `lapack_int` (a C macro, so not imported): `int32_t` in Debian's LP64 build.
typealias lapack_int = Int32

enum LAPACK {
    /// `LAPACK_COL_MAJOR`: every matrix in this module is column-major.
    static let columnMajor: Int32 = 102

    /// Turns off LAPACKE's NaN scan of every input matrix (`LAPACKE_set_nancheck(0)`): the
    /// entry points of this module check their input once themselves, and the scan costs a
    /// full extra pass over the data on every call.
    static func configure() { _ = nanCheckOff }
    private static let nanCheckOff: Void = LAPACKE_set_nancheck(0)

    /// A LAPACK character argument (`'N'`, `'T'`, `'U'`, ...).
    @inline(__always)
    static func flag(_ c: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: c)) }

    /// Converts a dimension to LAPACK's integer type.
    @inline(__always)
    static func int(_ n: Int) -> lapack_int { lapack_int(n) }

    /// Throws for a non-zero `info` returned by `routine`.
    ///
    /// - Parameters:
    ///   - routine: the LAPACK routine's name (`dgeqp3`, `dpotrf`, ...).
    ///   - info: its return value.
    ///   - onPositive: the domain error that `info > 0` stands for in this routine.
    static func checked(
        _ routine: String, _ info: lapack_int,
        onPositive: (Int) -> LinearAlgebraError = { info in
            LinearAlgebraError(.singular, info: info, "the matrix is singular")
        }
    ) throws {
        if info == 0 { return }
        if info < 0 {
            throw LinearAlgebraError(
                .illegalArgument, routine: routine, info: Int(info),
                "argument \(-info) had an illegal value")
        }
        var error = onPositive(Int(info))
        error.routine = routine
        error.info = Int(info)
        throw error
    }

    /// X of A·X = B for an n×n A factorised once: B's rows checked against n, then `call`
    /// overwrites a copy of B with X (`routine`, a `?getrs` or `?potrs`, its `info` checked),
    /// unless n or B's columns are 0 (then X is B).
    static func solving(
        _ b: Matrix, order n: Int, routine: String, _ call: (UnsafeMutableBufferPointer<Double>) -> lapack_int
    ) throws -> Matrix {
        guard b.rows == n else {
            throw LinearAlgebraError(.dimensionMismatch, "A is \(n)×\(n), B has \(b.rows) rows")
        }
        var x = b
        if n == 0 || b.columns == 0 { return x }
        try checked(routine, x.storage.withUnsafeMutableBufferPointer { call($0) })
        return x
    }
}

extension Matrix {
    /// Throws `.nonFinite` when any element is NaN or infinite: LAPACK's results are undefined
    /// for such input.
    func requireFinite(_ what: String = "matrix") throws {
        LAPACK.configure()
        for v in storage where !v.isFinite {
            throw LinearAlgebraError(.nonFinite, "the \(what) contains NaN or infinite values")
        }
    }
}
