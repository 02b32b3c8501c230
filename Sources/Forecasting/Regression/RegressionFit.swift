import Foundation
import LinearAlgebra

/// One row of the coefficient table.
public struct RegressionCoefficient: Sendable, Equatable {
    public var term: String
    public var estimate: Double
    public var standardError: Double
    /// estimate / standard error (infinite when the standard error is 0).
    public var t: Double
    /// Two-sided p-value of t on the residual degrees of freedom.
    public var p: Double
}

/// A fitted linear regression with its inference.
///
/// Conventions (those of R's `lm`, `summary.lm`, `logLik.lm`, `AIC`, `BIC`):
/// - σ² = Σwᵢrᵢ²/(n − p); Cov(β̂) = σ²·(XᵀWX)⁻¹, computed from the QR factor R;
/// - R² = mss/(mss + rss), centred when the model has an intercept (or its categorical coding
///   spans one, as `y ~ C(g) - 1`: statsmodels' implicit constant), uncentred without;
///   adjusted R² = 1 − (1 − R²)(n − i)/(n − p), i = 1 with an intercept, else 0;
/// - F = (mss/(p − i))/σ² on (p − i, n − p) degrees of freedom;
/// - log L = ½(Σ log wᵢ − n(log 2π + 1 − log n + log Σwᵢrᵢ²));
/// - AIC = −2 log L + 2k, BIC = −2 log L + k·log n with k = p + 1 (σ counts as a parameter);
/// - Durbin–Watson d = Σ(eᵢ − eᵢ₋₁)²/Σeᵢ² on the (weighted) residuals in row order.
/// For ridge, p is replaced by the effective number of parameters tr(H) and the covariance is
/// the sandwich σ²A⁻¹XᵀWXA⁻¹, A = XᵀWX + λE: approximate inference.
public struct RegressionFit: Sendable {
    public struct FTest: Sendable, Equatable {
        public var value: Double
        public var numeratorDF: Double
        public var denominatorDF: Double
        public var p: Double
    }

    public var formula: RegressionFormula
    /// The formula's design: the levels of its categorical columns and the coefficients' names.
    public var design: FormulaDesign
    /// Rows used in the fit.
    public var n: Int
    public var rank: Int
    public var dfResidual: Double
    public var coefficients: [RegressionCoefficient]
    /// Cov(β̂), in term order.
    public var covariance: Matrix
    /// yᵢ − ŷᵢ (unweighted).
    public var residuals: [Double]
    public var fitted: [Double]
    /// The hat-matrix diagonal hᵢᵢ (of the weighted design).
    public var leverages: [Double]
    public var residualSumOfSquares: Double
    public var sigma: Double
    public var rSquared: Double
    public var adjustedRSquared: Double
    /// The overall F test against the intercept-only (or, without intercept, the null) model.
    public var fTest: FTest?
    public var logLikelihood: Double
    public var aic: Double
    public var bic: Double
    public var durbinWatson: Double
    /// κ₁ estimate of the column-scaled triangular factor (`dtrcon`).
    public var conditionNumber: Double
    public var weighted: Bool
    public var ridge: Double?
    /// p, or tr(H) for ridge.
    public var effectiveParameters: Double

    /// A prediction at one new point.
    public struct Prediction: Sendable, Equatable {
        public var mean: Double
        /// Standard error of the fitted mean, √(x₀ᵀ Cov(β̂) x₀).
        public var standardError: Double
        /// By level: the confidence interval for the mean, x₀ᵀβ̂ ± t·se.
        public var confidence: [Int: (lower: Double, upper: Double)]
        /// By level: the prediction interval for a new observation (weight 1),
        /// x₀ᵀβ̂ ± t·√(se² + σ²).
        public var prediction: [Int: (lower: Double, upper: Double)]

        public static func == (a: Prediction, b: Prediction) -> Bool {
            a.mean == b.mean && a.standardError == b.standardError
                && a.confidence.mapValues { [$0.lower, $0.upper] } == b.confidence.mapValues { [$0.lower, $0.upper] }
                && a.prediction.mapValues { [$0.lower, $0.upper] } == b.prediction.mapValues { [$0.lower, $0.upper] }
        }
    }

    /// Predictions at new rows given as columns (the formula's numeric columns, and the text of its
    /// categorical ones in `categories`, equal lengths; only the fitted levels), with intervals at
    /// `levels` percent (Student t on the residual degrees of freedom).
    public func predict(
        _ columns: [String: [Double]], categories: [String: [String]] = [:], levels: [Int] = [80, 95]
    ) throws -> [Prediction] {
        let numeric = formula.terms.flatMap(\.factors).filter { !$0.isCategorical }.map(\.column)
        let counts = numeric.compactMap { columns[$0]?.count }
            + formula.categoricalColumns.compactMap { categories[$0]?.count }
        guard let m = counts.first ?? columns.values.first?.count else { return [] }
        return try predict(columns, categories: categories, rows: m, levels: levels)
    }

    /// Predictions at `m` new rows (needed when the formula has no terms besides the intercept).
    public func predict(
        _ columns: [String: [Double]], categories: [String: [String]] = [:], rows m: Int, levels: [Int] = [80, 95]
    ) throws -> [Prediction] {
        let x = try design.columns(columns, categories: categories, rows: m)
        let p = coefficients.count
        let critical = Dictionary(
            uniqueKeysWithValues: levels.map {
                ($0, StudentT.criticalValue(level: Double($0), degreesOfFreedom: dfResidual))
            })
        return (0..<m).map { i in
            let x0 = (0..<p).map { x[$0][i] }
            var mean = 0.0
            for j in 0..<p { mean += x0[j] * coefficients[j].estimate }
            var v = 0.0
            for a in 0..<p { for b in 0..<p { v += x0[a] * covariance[a, b] * x0[b] } }
            let se = max(0, v).squareRoot()
            let pe = (se * se + sigma * sigma).squareRoot()
            var ci: [Int: (lower: Double, upper: Double)] = [:]
            var pi: [Int: (lower: Double, upper: Double)] = [:]
            for (level, t) in critical {
                ci[level] = (mean - t * se, mean + t * se)
                pi[level] = (mean - t * pe, mean + t * pe)
            }
            return Prediction(mean: mean, standardError: se, confidence: ci, prediction: pi)
        }
    }
}
