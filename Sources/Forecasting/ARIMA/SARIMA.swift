import Foundation
import TimeSeriesCore

/// Seasonal ARIMA(p,d,q)(P,D,Q)_m with an optional constant, fitted by exact Gaussian
/// maximum likelihood.
///
/// Model (Box, Jenkins & Reinsel 2008, ch. 9): with x*_t = x_t − c·u_t (c the mean when
/// d + D = 0, the drift with u_t = t when d + D = 1) and w_t = (1 − B)^d (1 − B^m)^D x*_t,
///
///     φ(B) Φ(B^m) w_t = θ(B) Θ(B^m) ε_t,   ε_t ~ N(0, σ²).
///
/// Estimation follows R `stats::arima` method "CSS-ML": conditional sum of squares for
/// starting values, then the exact likelihood of w by a state-space filter started from the
/// stationary distribution (Gardner, Harvey & Phillips 1980; Durbin & Koopman 2012, §5.6).
/// Differencing is applied before the filter (the likelihood of the differenced series is the
/// limit of R's diffuse start). Stationarity is enforced through the partial-autocorrelation
/// map of Jones (1980); MA roots inside the unit circle are reflected after the fit.
/// Forecast variances come from the state-space recursion of the integrated model.
///
/// A series with missing values (NaN) is fitted by the exact diffuse Kalman filter of the
/// integrated model, the differences in the state, each missing value a prediction step only
/// (Durbin & Koopman 2012, §4.10 and §5.2; `ARMAStateSpace.filterWithGaps`,
/// docs/models/arima-missing-values.md); without a NaN nothing changes.
public struct SARIMA: ARIMAForecaster {
    /// Orders of a seasonal ARIMA model.
    public struct Order: Sendable, Hashable, Codable, CustomStringConvertible {
        public var p: Int, d: Int, q: Int
        public var seasonalP: Int, seasonalD: Int, seasonalQ: Int
        /// The seasonal period m (1 = non-seasonal; seasonal orders are then ignored).
        public var period: Int

        public init(
            p: Int, d: Int, q: Int, seasonalP: Int = 0, seasonalD: Int = 0,
            seasonalQ: Int = 0, period: Int = 1
        ) {
            (self.p, self.d, self.q, self.seasonalP, self.seasonalD) = (p, d, q, seasonalP, seasonalD)
            (self.seasonalQ, self.period) = (seasonalQ, period)
        }

        /// Total number of differences d + D.
        public var differences: Int { d + (period > 1 ? seasonalD : 0) }

        /// `ARIMA(p,d,q)` or `ARIMA(p,d,q)(P,D,Q)[m]`.
        public var description: String {
            var s = "ARIMA(\(p),\(d),\(q))"
            if period > 1 && seasonalP + seasonalD + seasonalQ > 0 {
                s += "(\(seasonalP),\(seasonalD),\(seasonalQ))[\(period)]"
            }
            return s
        }
    }

    /// A model to fit: its orders and whether it carries a constant.
    public struct Specification: Sendable, Hashable, Codable {
        public var order: Order
        /// A mean when d + D = 0, a drift when d + D = 1; ignored for more differences.
        public var includeConstant: Bool

        public init(order: Order, includeConstant: Bool = true) {
            self.order = order
            self.includeConstant = includeConstant
        }

        /// Parses `p,d,q` or `p,d,q,P,D,Q` (the period comes from the series).
        public init(parsing text: String, period: Int, includeConstant: Bool = true) throws {
            let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3 || parts.count == 6, parts.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                throw ForecastingError(.invalidArgument, "ARIMA order must be 'p,d,q' or 'p,d,q,P,D,Q', got '\(text)'")
            }
            let v = parts.map { $0 ?? 0 }
            try Limits.checkOrders(
                p: v[0], d: v[1], q: v[2], seasonalP: v.count == 6 ? v[3] : 0,
                seasonalD: v.count == 6 ? v[4] : 0, seasonalQ: v.count == 6 ? v[5] : 0,
                period: period, "ARIMA order")
            self.init(
                order: Order(
                    p: v[0], d: v[1], q: v[2],
                    seasonalP: v.count == 6 ? v[3] : 0,
                    seasonalD: v.count == 6 ? v[4] : 0,
                    seasonalQ: v.count == 6 ? v[5] : 0, period: period),
                includeConstant: includeConstant)
        }
    }

    /// How the coefficients are estimated (R `stats::arima` `method`).
    public enum Method: String, Sendable, Codable {
        /// Conditional sum of squares only.
        case css
        /// CSS for starting values, then exact maximum likelihood.
        case cssML = "css-ml"
        /// Exact maximum likelihood from zero starting values.
        case ml
    }

    public var specification: Specification?
    public var method: Method
    /// Regressors, one row per observation (x_t' β enters as in regression with ARIMA errors).
    /// Their future values must be given to `forecast(_:futureRegressors:...)`.
    public var regressors: [[Double]]?

    public var name: String { "arima-fixed" }

    /// Missing observations (NaN) are skipped by the likelihood's Kalman filter.
    public static var skipsMissingValues: Bool { true }

    /// `specification` nil takes ARIMA(0,1,1) with drift, a sound default for a named order
    /// that was not given.
    public init(
        _ specification: Specification? = nil, method: Method = .cssML,
        regressors: [[Double]]? = nil
    ) {
        self.specification = specification
        self.method = method
        self.regressors = regressors
    }

    /// Fits the model to `y`. When the model cannot be fitted (explosive CSS start, a series too
    /// short for the seasonal difference, a singular likelihood), a simpler model is fitted
    /// instead and the reason is kept in the fit's notes.
    ///
    /// Missing observations (NaN) are skipped: the likelihood comes from the exact diffuse Kalman
    /// filter of the integrated model (`ARMAStateSpace.filterWithGaps`), a missing value having the
    /// prediction step only (Durbin & Koopman 2012, §4.10).
    public func fit(_ y: [Double], period: Int) throws -> Fit {
        try ArgumentCheck.seriesWithGaps(y)
        var spec = specification ?? Specification(order: Order(p: 0, d: 1, q: 1, period: period))
        spec.order.period = max(1, spec.order.period)
        if spec.order.period == 1 {
            spec.order.seasonalP = 0
            spec.order.seasonalD = 0
            spec.order.seasonalQ = 0
        }
        var notes: [String] = []
        let xreg = try SARIMA.regressorColumns(regressors, count: y.count)
        let observed = y.filter { !$0.isNaN }
        if observed.count > 1, Set(observed).count == 1, xreg.isEmpty {
            notes.append("the series is constant; fitted ARIMA(0,0,0) with its mean")
            return try SARIMAEstimator.fitConstantMean(y, period: spec.order.period, notes: notes)
        }
        var candidates = [spec]
        // Simpler models to fall back on, most faithful first.
        var s1 = spec
        if s1.order.seasonalD > 0 && y.count <= s1.order.period * s1.order.seasonalD + s1.order.d + 1 {
            notes.append("the series is too short for a seasonal difference; D set to 0")
            s1.order.seasonalD = 0
            candidates = [s1]
        }
        var s2 = s1
        s2.order.seasonalP = 0
        s2.order.seasonalQ = 0
        var s3 = s2
        s3.order.p = 0
        s3.order.q = 0
        for s in [s2, s3] where !candidates.contains(s) { candidates.append(s) }
        var lastError: Error = ForecastingError(.fitFailed, "no model could be fitted")
        for (index, candidate) in candidates.enumerated() {
            do {
                var fit = try SARIMAEstimator(
                    y: y, specification: candidate, xreg: xreg,
                    method: method
                ).fit()
                if index > 0 {
                    notes.append("\(spec.order) could not be fitted (\(lastError)); fell back to \(candidate.order)")
                }
                fit.notes = notes + fit.notes
                return fit
            } catch {
                lastError = error
                if method == .cssML,
                    let fit = try? SARIMAEstimator(
                        y: y, specification: candidate,
                        xreg: xreg, method: .ml
                    ).fit()
                {
                    var f = fit
                    f.notes =
                        notes + ["CSS starting values were not admissible (\(error)); fitted by ML from zero"] + f.notes
                    return f
                }
            }
        }
        throw lastError
    }

    /// The model at given coefficients, in R's order (ar, ma, sar, sma, then the mean or drift
    /// and regressors), without estimation: its exact log-likelihood, criteria and forecasts.
    public func evaluate(_ y: [Double], period: Int, coefficients: [Double]) throws -> Fit {
        try ArgumentCheck.seriesWithGaps(y)
        var spec = specification ?? Specification(order: Order(p: 0, d: 1, q: 1, period: period))
        spec.order.period = max(1, spec.order.period)
        let estimator = try SARIMAEstimator(
            y: y, specification: spec,
            xreg: try SARIMA.regressorColumns(regressors, count: y.count), method: .ml)
        return try estimator.evaluate(coefficients)
    }

    /// Regressor rows (one per observation) as columns, checked: n rows of one positive length,
    /// every value finite. No rows, no columns.
    static func regressorColumns(_ regressors: [[Double]]?, count n: Int) throws -> [[Double]] {
        guard let rows = regressors else { return [] }
        guard rows.count == n else {
            throw ForecastingError(.missingCovariates, "regressors have \(rows.count) rows for \(n) observations")
        }
        let k = rows.first?.count ?? 0
        guard k > 0, rows.allSatisfy({ $0.count == k }) else {
            throw ForecastingError(.invalidArgument, "regressor rows must all have the same, positive length")
        }
        for row in rows { try ArgumentCheck.finite(row, "regressors have") }
        return (0..<k).map { j in rows.map { $0[j] } }
    }
}

extension SARIMA {
    /// A fitted seasonal ARIMA model: a value that can be saved and forecast from.
    public struct Fit: Sendable, Codable, Equatable {
        public var specification: Specification
        public var method: Method
        public var ar: [Double] = []
        public var ma: [Double] = []
        public var seasonalAR: [Double] = []
        public var seasonalMA: [Double] = []
        /// The mean (d + D = 0) when the model has one.
        public var intercept: Double?
        /// The drift per period (d + D = 1) when the model has one.
        public var drift: Double?
        /// Coefficients of user regressors.
        public var regression: [Double] = []
        /// Innovation variance.
        public var sigma2: Double
        public var loglik: Double
        public var aic: Double
        public var aicc: Double
        public var bic: Double
        /// Observations used by the likelihood: n − d − mD (with gaps: the observed values less
        /// those spent on the d + mD differenced starting values).
        public var nobs: Int
        /// Number of estimated coefficients (without σ²).
        public var parameterCount: Int
        /// The observations the model was fitted to.
        public var series: [Double]
        /// Regressor rows the model was fitted with (empty without regressors).
        public var regressorRows: [[Double]] = []
        /// One-step innovations (NaN for the first d + mD observations, and with gaps for the
        /// missing ones and those spent on the differenced starting values).
        public var residuals: [Double] = []
        public var notes: [String] = []

        var order: Order { specification.order }

        /// Display name, e.g. `ARIMA(0,1,1)(0,1,1)[12] with drift`.
        public var name: String {
            var s = specification.order.description
            if drift != nil {
                s += " with drift"
            } else if intercept != nil {
                s += " with non-zero mean"
            } else if specification.order.differences == 0 {
                s += " with zero mean"
            }
            return s
        }

        /// Coefficients by the names R uses: ar1…, ma1…, sar1…, sma1…, intercept, drift, xreg1….
        public var coefficients: [String: Double] {
            var c: [String: Double] = [:]
            for (i, v) in ar.enumerated() { c["ar\(i + 1)"] = v }
            for (i, v) in ma.enumerated() { c["ma\(i + 1)"] = v }
            for (i, v) in seasonalAR.enumerated() { c["sar\(i + 1)"] = v }
            for (i, v) in seasonalMA.enumerated() { c["sma\(i + 1)"] = v }
            if let intercept { c["intercept"] = intercept }
            if let drift { c["drift"] = drift }
            for (i, v) in regression.enumerated() { c["xreg\(i + 1)"] = v }
            return c
        }

        public var summary: ModelSummary {
            var criteria = ["sigma2": sigma2]
            for (k, v) in [("loglik", loglik), ("aic", aic), ("aicc", aicc), ("bic", bic)] where v.isFinite {
                criteria[k] = v
            }
            return ModelSummary(
                name: name, family: "arima", parameters: coefficients,
                criteria: criteria, notes: notes)
        }

        /// The differencing polynomial (1 − B)^d (1 − B^m)^D = 1 − Σ δ_i B^i, as δ₁…δ_k.
        var delta: [Double] { SARIMAEstimator.differencingPolynomial(order) }

        /// The regression part x_t'β at observation indices (0-based; may run past the sample).
        func regressionValues(from start: Int, count: Int, rows: [[Double]]) -> [Double] {
            (0..<count).map { i in
                let t = start + i
                var v = intercept ?? 0
                if let drift { v += drift * Double(t + 1) }
                if !regression.isEmpty {
                    let row = rows[i]
                    for (j, b) in regression.enumerated() { v += b * row[j] }
                }
                return v
            }
        }

        /// Point forecasts and normal prediction intervals x̂_{n+h} ± z·σ·√v_h, with v_h from the
        /// state-space forecast recursion (R `predict.Arima`).
        public func forecast(horizon: Int, levels: [Int], futureRegressors: [[Double]] = []) throws -> Forecast {
            try ArgumentCheck.atLeastOne(horizon, "horizon")
            try Limits.horizon.check(horizon, "horizon")
            if !regression.isEmpty {
                guard futureRegressors.count == horizon,
                    futureRegressors.allSatisfy({ $0.count == regression.count && $0.allSatisfy(\.isFinite) })
                else {
                    throw ForecastingError(
                        .missingCovariates,
                        "the model needs \(regression.count) regressor value(s) for each of \(horizon) steps")
                }
            }
            let n = series.count
            let xb = regressionValues(from: 0, count: n, rows: regressorRows)
            let adjusted = (0..<n).map { series[$0] - xb[$0] }
            let delta = self.delta
            let (phi, theta) = ARMAPolynomials.expand(
                ar: ar, ma: ma, sar: seasonalAR, sma: seasonalMA,
                period: order.period)
            let model = ARMAStateSpace(phi: phi, theta: theta)
            var mean: [Double]
            var variance: [Double]
            if adjusted.contains(where: \.isNaN) {
                // Gaps: the diffuse filter of the integrated model gives α_{n+1|n} and P_{n+1|n}.
                guard let pass = model.filterWithGaps(adjusted, delta: delta), pass.resolved else {
                    throw ForecastingError(
                        .fitFailed, "the observed values do not determine the state to forecast from")
                }
                (mean, variance) = model.forecast(
                    augmentedState: pass.state, covariance: pass.covariance, delta: delta, horizon: horizon)
            } else if let final = model.finalState(SARIMAEstimator.difference(adjusted, order)) {
                (mean, variance) = model.forecast(
                    state: final.state, covariance: final.covariance,
                    delta: delta, lastValues: Array(adjusted.suffix(delta.count)),
                    horizon: horizon)
            } else {
                // Not reachable for an admissible fit; keep a flat forecast rather than fail.
                mean = [Double](repeating: adjusted.last ?? 0, count: horizon)
                variance = (1...horizon).map(Double.init)
            }
            let future = regressionValues(from: n, count: horizon, rows: futureRegressors)
            for h in 0..<horizon { mean[h] += future[h] }
            let sd = variance.map { ($0 * sigma2).squareRoot() }
            let intervals = levels.map { level -> PredictionInterval in
                let z = NormalDistribution.criticalValue(level: level)
                return PredictionInterval(
                    level: level,
                    lower: (0..<horizon).map { mean[$0] - z * sd[$0] },
                    upper: (0..<horizon).map { mean[$0] + z * sd[$0] })
            }
            let fitted: [Double]? = residuals.count == n ? (0..<n).map { series[$0] - residuals[$0] } : nil
            var forecast = Forecast(model: summary, mean: mean, intervals: intervals, fitted: fitted)
            forecast.regressorCoefficients = regression
            return forecast
        }
    }
}
