/// What can go wrong in the linear-algebra layer.
///
/// `info > 0` from LAPACK is a property of the data (singular, not positive definite, no
/// convergence) and becomes one of these codes; `info < 0` is an illegal argument, a bug in the
/// caller, reported as `.illegalArgument` with the routine's name.
public struct LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// Dimensions of the operands do not agree.
        case dimensionMismatch = "dimension-mismatch"
        /// A triangular factor has an exact zero on its diagonal (`dgetrf`, `dtrtrs`, ...).
        case singular
        /// The design has fewer independent columns than columns (pivoted QR rank test).
        case rankDeficient = "rank-deficient"
        /// Cholesky found a non-positive pivot (`dpotrf` info > 0).
        case notPositiveDefinite = "not-positive-definite"
        /// An iterative routine did not converge (`dgesdd`, `dsyevd` info > 0).
        case noConvergence = "no-convergence"
        /// LAPACK reported an illegal argument (`info < 0`): a programming error.
        case illegalArgument = "illegal-argument"
        /// Input contains NaN or infinity.
        case nonFinite = "non-finite"
    }

    public var code: Code
    /// The LAPACK routine involved, if any (`dgeqp3`, `dpotrf`, ...).
    public var routine: String?
    /// LAPACK's `info` value, if any.
    public var info: Int?
    public var message: String

    public init(_ code: Code, routine: String? = nil, info: Int? = nil, _ message: String) {
        (self.code, self.routine, self.info, self.message) = (code, routine, info, message)
    }

    public var description: String {
        var s = "linear algebra (\(code.rawValue))"
        if let routine { s += " in \(routine)" }
        if let info { s += " [info=\(info)]" }
        return s + ": " + message
    }
}
