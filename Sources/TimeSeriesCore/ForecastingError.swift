/// What can go wrong when a model meets a series.
///
/// Per-series failures are reported in a document's `errors` list by the caller; one bad
/// series never stops a run.
public struct ForecastingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// The series has too few observations for the model (or for its season).
        case tooShort = "too-short"
        /// The series holds NaN/infinite values where the model cannot take them.
        case nonFinite = "non-finite"
        /// Values outside the model's domain (e.g. non-positive under a multiplicative model).
        case outOfDomain = "out-of-domain"
        /// An argument is out of range (horizon 0, level 120, period 0, ...).
        case invalidArgument = "invalid-argument"
        /// No model of that name.
        case unknownModel = "unknown-model"
        /// Covariates are missing for the fit or the horizon.
        case missingCovariates = "missing-covariates"
        /// The design matrix is rank-deficient (regression).
        case rankDeficient = "rank-deficient"
        /// Estimation failed (no admissible parameters, no convergence).
        case fitFailed = "fit-failed"
        /// A formula could not be parsed or names an unknown column.
        case badFormula = "bad-formula"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
