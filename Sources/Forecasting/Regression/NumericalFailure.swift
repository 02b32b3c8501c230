import LinearAlgebra

/// An error of the linear-algebra layer (a `LinearAlgebraError` that reached the caller, as from a
/// regression) as the layers above report it, so that they need not import LinearAlgebra.
public struct NumericalFailure: Sendable, CustomStringConvertible {
    /// The error's message, as `LinearAlgebraError` words it.
    public var description: String
    /// LAPACK was called with an illegal argument: a bug in muavu, not a property of the data.
    public var isIllegalArgument: Bool

    /// The failure `error` is, if it comes from the linear-algebra layer.
    public init?(_ error: any Error) {
        guard let error = error as? LinearAlgebraError else { return nil }
        description = error.description
        isIllegalArgument = error.code == .illegalArgument
    }
}
