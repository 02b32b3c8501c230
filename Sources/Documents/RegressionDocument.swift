import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu.regression/v1`: a fitted linear regression and its inference (CONTRACT.md), with
/// optional extras (covariance, F test, log-likelihood, Durbin–Watson, rank, condition number).
///
/// Numbers that cannot be computed (a t statistic when the standard error is exactly 0, an F
/// statistic of a perfect fit) are `null`, and `notes` says why.
public struct RegressionDocument: Sendable, Equatable, Encodable {
    public static let schemaName = "muavu.regression/v1"

    public struct Coefficient: Sendable, Equatable, Encodable {
        public var term: String
        @Nullable public var estimate: Double?
        @Nullable public var std_error: Double?
        @Nullable public var t: Double?
        @Nullable public var p: Double?
    }

    public struct FStatistic: Sendable, Equatable, Codable {
        @Nullable public var value: Double?
        public var df1: Double
        public var df2: Double
        @Nullable public var p: Double?
    }

    public struct Covariance: Sendable, Equatable, Encodable {
        public var terms: [String]
        /// Row-major: matrix[i][j] = Cov(β̂ᵢ, β̂ⱼ).
        public var matrix: [[Double?]]
    }

    /// A prediction at one row of the `--predict` file.
    public struct Prediction: Sendable, Equatable, Encodable {
        /// The line of the row in the prediction file.
        public var line: Int
        @Nullable public var mean: Double?
        /// Standard error of the fitted mean.
        @Nullable public var std_error: Double?
        /// Confidence interval for the mean, by level ("95").
        public var confidence_lower: [String: Double?]
        public var confidence_upper: [String: Double?]
        /// Prediction interval for a new observation, by level.
        public var prediction_lower: [String: Double?]
        public var prediction_upper: [String: Double?]

        public init(line: Int, _ p: RegressionFit.Prediction) {
            self.line = line
            mean = finite(p.mean)
            std_error = finite(p.standardError)
            var cl: [String: Double?] = [:]
            var cu: [String: Double?] = [:]
            var pl: [String: Double?] = [:]
            var pu: [String: Double?] = [:]
            for (level, ci) in p.confidence {
                cl["\(level)"] = finite(ci.lower)
                cu["\(level)"] = finite(ci.upper)
            }
            for (level, pi) in p.prediction {
                pl["\(level)"] = finite(pi.lower)
                pu["\(level)"] = finite(pi.upper)
            }
            confidence_lower = cl
            confidence_upper = cu
            prediction_lower = pl
            prediction_upper = pu
        }
    }

    public var schema = RegressionDocument.schemaName
    public var engine: Engine
    public var formula: String
    /// The data file's name, without its directory.
    public var data: String
    public var response: String
    public var n: Int
    /// Rows left out because a column the model uses was missing (empty or NA) there.
    public var rows_dropped_missing: Int
    public var df_residual: Double
    public var rank: Int
    public var intercept: Bool
    public var method: String
    /// The weights column, when weighted.
    @Nullable public var weights: String?
    @Nullable public var ridge_lambda: Double?
    public var coefficients: [Coefficient]
    public var covariance: Covariance
    @Nullable public var r_squared: Double?
    @Nullable public var adj_r_squared: Double?
    @Nullable public var sigma: Double?
    @Nullable public var residual_sum_of_squares: Double?
    /// The F test of the model against the intercept alone; null for a penalised fit or one without terms.
    @Nullable public var f_statistic: FStatistic?
    /// k in AIC = −2 log L + 2k: the coefficients plus σ (R's convention).
    public var aic_parameters: Double
    /// Gaussian log-likelihood and the information criteria from it.
    @Nullable public var log_likelihood: Double?
    @Nullable public var aic: Double?
    @Nullable public var bic: Double?
    @Nullable public var durbin_watson: Double?
    @Nullable public var condition_number: Double?
    public var notes: [String]
    /// Predictions at the rows of the `--predict` file, when given (else absent).
    public var predictions: [Prediction]?
    /// Their interval levels, percent.
    public var levels: [Int]?

    public init(
        fit: RegressionFit, data: String, rowsDropped: Int, weightsColumn: String?,
        engine: Engine = .current
    ) {
        self.engine = engine
        formula = fit.formula.text
        self.data = data
        response = fit.formula.response.name
        n = fit.n
        rows_dropped_missing = rowsDropped
        df_residual = fit.dfResidual
        rank = fit.rank
        intercept = fit.formula.hasIntercept
        method =
            fit.ridge.map { $0 > 0 } == true
            ? "ridge" : (fit.weighted ? "weighted least squares" : "ordinary least squares")
        weights = weightsColumn
        ridge_lambda = fit.ridge
        var notes: [String] = []
        coefficients = fit.coefficients.map { c in
            Coefficient(
                term: c.term, estimate: finite(c.estimate), std_error: finite(c.standardError),
                t: finite(c.t), p: finite(c.p))
        }
        let undefinedSE = fit.coefficients.filter { !$0.standardError.isFinite }.map(\.term)
        if !undefinedSE.isEmpty {
            notes.append(
                "std_error, t and p are null for \(undefinedSE.joined(separator: ", ")): the variance of the estimate "
                    + "is not finite (the values are too large for double precision)")
        }
        let undefinedT = fit.coefficients.filter { !$0.t.isFinite && $0.standardError.isFinite }.map(\.term)
        if !undefinedT.isEmpty {
            notes.append(
                "t is null for \(undefinedT.joined(separator: ", ")): the standard error is 0 (an exact fit) or not finite"
            )
        }
        covariance = Covariance(
            terms: fit.coefficients.map(\.term),
            matrix: (0..<fit.covariance.rows).map { i in
                (0..<fit.covariance.columns).map { finite(fit.covariance[i, $0]) }
            })
        r_squared = finite(fit.rSquared)
        if !fit.rSquared.isFinite {
            notes.append("r_squared and adj_r_squared are null: the sums of squares are 0 or overflow")
        }
        adj_r_squared = finite(fit.adjustedRSquared)
        sigma = finite(fit.sigma)
        residual_sum_of_squares = finite(fit.residualSumOfSquares)
        if let f = fit.fTest {
            f_statistic = FStatistic(
                value: finite(f.value), df1: f.numeratorDF, df2: f.denominatorDF,
                p: finite(f.p))
            if !f.value.isFinite {
                notes.append("f_statistic.value is null: the residual sum of squares is 0 or overflows")
            }
        } else {
            f_statistic = nil
            notes.append(
                fit.ridge.map { $0 > 0 } == true
                    ? "f_statistic is null: no F test for a penalised fit"
                    : "f_statistic is null: the model has no terms besides the intercept")
        }
        log_likelihood = finite(fit.logLikelihood)
        aic = finite(fit.aic)
        bic = finite(fit.bic)
        if !fit.logLikelihood.isFinite {
            notes.append(
                "log_likelihood, aic and bic are null: the residual sum of squares is 0 (an exact fit) or overflows")
        }
        aic_parameters = fit.effectiveParameters + 1
        durbin_watson = finite(fit.durbinWatson)
        if !fit.durbinWatson.isFinite { notes.append("durbin_watson is null: the residuals are all 0") }
        condition_number = finite(fit.conditionNumber)
        if rowsDropped > 0 {
            notes.append(
                "\(rowsDropped) row\(rowsDropped == 1 ? "" : "s") dropped: a column the model uses is missing there")
        }
        if fit.ridge.map({ $0 > 0 }) == true {
            notes.append(
                "ridge: standard errors are the sandwich σ²A⁻¹XᵀX A⁻¹ and df_residual is n − tr(H); t and p are approximate"
            )
        }
        notes.append("aic and bic count k = coefficients + 1 (σ), as R's AIC() and BIC()")
        self.notes = notes
    }

}
