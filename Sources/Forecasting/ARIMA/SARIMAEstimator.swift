import Foundation
import LinearAlgebra
import TimeSeriesCore

/// Estimation of one seasonal ARIMA specification on one series (R `stats::arima`,
/// method "CSS-ML"). Internal; `SARIMA.fit` and the automatic search drive it. A series with
/// missing values (NaN) takes the diffuse filter of the integrated model for its likelihood
/// (`hasGaps`); its CSS starting values skip the differences a gap touches.
///
/// Parameter vector, as R orders it: (φ₁…φ_p, θ₁…θ_q, Φ₁…Φ_P, Θ₁…Θ_Q, β₁…β_k), the β being
/// the mean or drift and any regressors. Under maximum likelihood the AR blocks are
/// optimised through the partial-autocorrelation map, and β as (β − β₀)/s with β₀, s from the
/// OLS of the differenced series on the differenced regressors (R's `parscale = 10·se`).
struct SARIMAEstimator {
    let y: [Double]
    let specification: SARIMA.Specification
    let method: SARIMA.Method
    let order: SARIMA.Order
    /// Regressor columns on the original time scale: constant/drift first, then user columns.
    let columns: [[Double]]
    let hasIntercept: Bool
    let hasDrift: Bool
    let userColumns: Int
    let dx: [Double]
    let dColumns: [[Double]]
    let betaStart: [Double]
    let betaScale: [Double]
    let p: Int, q: Int, bigP: Int, bigQ: Int
    var armaCount: Int { p + q + bigP + bigQ }
    /// Whether y has missing values (NaN): the likelihood then runs the diffuse filter of the
    /// integrated model over the undifferenced series (`ARMAStateSpace.filterWithGaps`).
    let hasGaps: Bool
    /// δ₁…δ_k of the differencing polynomial.
    let delta: [Double]

    init(y: [Double], specification: SARIMA.Specification, xreg: [[Double]], method: SARIMA.Method) throws {
        self.y = y
        self.specification = specification
        self.method = method
        var order = specification.order
        // Bounded before anything is sized by them (an order of 1e5 would ask for 80 GB).
        try Limits.checkOrders(
            p: order.p, d: order.d, q: order.q, seasonalP: order.seasonalP, seasonalD: order.seasonalD,
            seasonalQ: order.seasonalQ, period: max(1, order.period), "ARIMA order")
        if order.period <= 1 {
            order.period = 1
            order.seasonalP = 0
            order.seasonalD = 0
            order.seasonalQ = 0
        }
        self.order = order
        p = order.p
        q = order.q
        bigP = order.seasonalP
        bigQ = order.seasonalQ
        let n = y.count
        let lost = order.d + order.seasonalD * order.period
        guard n - lost >= 1 else {
            throw ForecastingError(.tooShort, "\(order) needs more than \(lost) observations, got \(n)")
        }
        hasGaps = y.contains(where: \.isNaN)
        delta = SARIMAEstimator.differencingPolynomial(order)
        if hasGaps {
            guard method != .css else {
                throw ForecastingError(
                    .invalidArgument,
                    "the conditional sum of squares (method css) cannot skip missing values; use css-ml or ml")
            }
            let observed = y.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
            guard observed - lost >= 1 else {
                throw ForecastingError(
                    .tooShort, "\(order) needs more than \(lost) observed values, the series has \(observed) of \(n)")
            }
        }
        // A lag polynomial as long as the differenced series has nothing to be estimated from, and
        // its exact likelihood would still cost minutes (`SARIMA.fit` falls back to a simpler model).
        let seasonalLag = order.period > 1 ? order.period : 0
        let longest = max(p + seasonalLag * bigP, q + seasonalLag * bigQ)
        guard longest < n - lost else {
            throw ForecastingError(
                .tooShort, "\(order) reaches \(longest) periods back; the differenced series has \(n - lost)")
        }
        var cols: [[Double]] = []
        hasIntercept = specification.includeConstant && order.differences == 0
        hasDrift = specification.includeConstant && order.differences == 1
        if hasIntercept { cols.append([Double](repeating: 1, count: n)) }
        if hasDrift { cols.append((1...n).map(Double.init)) }
        userColumns = xreg.count
        cols += xreg
        columns = cols
        dx = SARIMAEstimator.difference(y, order)
        dColumns = cols.map { SARIMAEstimator.difference($0, order) }
        if cols.isEmpty {
            betaStart = []
            betaScale = []
        } else {
            // With gaps, the rows whose differences are all observed.
            var olsColumns = dColumns
            var olsY = dx
            if hasGaps {
                let (w, wc) = (dx, dColumns)
                let rows = w.indices.filter { t in !w[t].isNaN && wc.allSatisfy { $0[t].isFinite } }
                guard rows.count > cols.count else {
                    throw ForecastingError(
                        .tooShort,
                        "\(rows.count) differenced values are observed: too few to start \(cols.count) "
                            + "regression coefficient(s)")
                }
                olsColumns = wc.map { c in rows.map { c[$0] } }
                olsY = rows.map { w[$0] }
            }
            guard let ols = SmallSystems.householderLeastSquares(columns: olsColumns, y: olsY) else {
                throw ForecastingError(.rankDeficient, "the regressors are collinear after differencing")
            }
            betaStart = ols.beta
            betaScale = zip(ols.standardErrors, ols.beta).map { se, b in
                se > 0 && se.isFinite ? 10 * se : max(abs(b), 1) * 0.1
            }
        }
    }

    // MARK: - Objectives

    func beta(_ x: [Double]) -> [Double] {
        (0..<betaStart.count).map { betaStart[$0] + betaScale[$0] * x[armaCount + $0] }
    }

    /// The differenced series less the differenced regression part.
    func adjusted(_ x: [Double]) -> [Double] {
        if betaStart.isEmpty { return dx }
        let b = beta(x)
        var w = dx
        for (j, col) in dColumns.enumerated() where b[j] != 0 {
            for t in 0..<w.count { w[t] -= b[j] * col[t] }
        }
        return w
    }

    /// The undifferenced series less the regression part (NaN stays NaN): what the diffuse
    /// filter of the integrated model reads.
    func levels(_ x: [Double]) -> [Double] {
        if betaStart.isEmpty { return y }
        let b = beta(x)
        var v = y
        for (j, col) in columns.enumerated() where b[j] != 0 {
            for t in 0..<v.count { v[t] -= b[j] * col[t] }
        }
        return v
    }

    func polynomials(_ x: [Double], transformed: Bool) -> (
        phi: [Double], theta: [Double], ar: [Double],
        ma: [Double], sar: [Double], sma: [Double]
    ) {
        var ar = Array(x[0..<p])
        let ma = Array(x[p..<(p + q)])
        var sar = Array(x[(p + q)..<(p + q + bigP)])
        let sma = Array(x[(p + q + bigP)..<armaCount])
        if transformed {
            if p > 0 { ar = ARMAPolynomials.stationaryFromUnconstrained(x[0..<p]) }
            if bigP > 0 { sar = ARMAPolynomials.stationaryFromUnconstrained(x[(p + q)..<(p + q + bigP)]) }
        }
        let e = ARMAPolynomials.expand(ar: ar, ma: ma, sar: sar, sma: sma, period: order.period)
        return (e.phi, e.theta, ar, ma, sar, sma)
    }

    var conditioning: Int { p + bigP * order.period }

    /// ½ log(CSS/ν) (R `armaCSS`).
    func cssObjective(_ x: [Double]) -> Double {
        let poly = polynomials(x, transformed: false)
        let r = ConditionalSumOfSquares.evaluate(
            adjusted(x), phi: poly.phi, theta: poly.theta,
            conditioning: conditioning, skippingMissing: hasGaps)
        guard r.count > 0, r.ssq.isFinite else { return .infinity }
        return 0.5 * log(max(r.ssq / Double(r.count), 1e-300))
    }

    /// ½ [log(S/ν) + Σ log F_t / ν], the concentrated −log-likelihood per observation
    /// (R `armafn`).
    func mlObjective(_ x: [Double], transformed: Bool = true) -> Double {
        let poly = polynomials(x, transformed: transformed)
        if hasGaps {
            guard
                let pass = ARMAStateSpace(phi: poly.phi, theta: poly.theta).filterWithGaps(levels(x), delta: delta),
                pass.count > 0
            else { return .infinity }
            let s2 = pass.sumSquares / Double(pass.count)
            guard s2 > 0, s2.isFinite else { return .infinity }
            return 0.5 * (log(s2) + pass.sumLogVariance / Double(pass.count))
        }
        guard let pass = ARMAStateSpace(phi: poly.phi, theta: poly.theta).filter(adjusted(x)),
            pass.count > 0
        else { return .infinity }
        let s2 = pass.sumSquares / Double(pass.count)
        guard s2 > 0, s2.isFinite else { return .infinity }
        return 0.5 * (log(s2) + pass.sumLogVariance / Double(pass.count))
    }

    // MARK: - Fit

    /// The fit at fixed coefficients (model scale, R's order; β unscaled): no optimisation.
    func evaluate(_ coefficients: [Double]) throws -> SARIMA.Fit {
        guard coefficients.count == armaCount + betaStart.count else {
            throw ForecastingError(
                .invalidArgument,
                "expected \(armaCount + betaStart.count) coefficients, got \(coefficients.count)")
        }
        var x = Array(coefficients[0..<armaCount])
        for j in 0..<betaStart.count { x.append((coefficients[armaCount + j] - betaStart[j]) / betaScale[j]) }
        return try finish(x, transformed: false)
    }

    func fit() throws -> SARIMA.Fit {
        let k = armaCount + betaStart.count
        var x = [Double](repeating: 0, count: k)
        let optimizer = BFGS()
        if method == .css || method == .cssML {
            if k > 0 { x = optimizer.minimize(cssObjective, start: x).x }
        }
        if method == .css {
            return try finish(x, transformed: false)
        }
        let start = polynomials(x, transformed: false)
        if method == .cssML {
            guard ARMAPolynomials.isStationary(start.ar) else {
                throw ForecastingError(.fitFailed, "non-stationary AR part from CSS")
            }
            guard ARMAPolynomials.isStationary(start.sar) else {
                throw ForecastingError(.fitFailed, "non-stationary seasonal AR part from CSS")
            }
        }
        // Starting values on the optimiser's scale.
        var z = x
        if p > 0 { z.replaceSubrange(0..<p, with: ARMAPolynomials.unconstrainedFromStationary(x[0..<p])) }
        if bigP > 0 {
            z.replaceSubrange(
                (p + q)..<(p + q + bigP),
                with: ARMAPolynomials.unconstrainedFromStationary(x[(p + q)..<(p + q + bigP)]))
        }
        if q > 0 { z.replaceSubrange(p..<(p + q), with: ARMAPolynomials.invertMA(Array(x[p..<(p + q)]))) }
        if bigQ > 0 {
            z.replaceSubrange(
                (p + q + bigP)..<armaCount,
                with: ARMAPolynomials.invertMA(Array(x[(p + q + bigP)..<armaCount])))
        }
        guard mlObjective(z).isFinite else {
            throw ForecastingError(.fitFailed, "the likelihood is not finite at the starting values")
        }
        if k > 0 { z = optimizer.minimize({ mlObjective($0) }, start: z).x }
        // Back to the model's scale; reflect MA roots inside the unit circle.
        var final = z
        let poly = polynomials(z, transformed: true)
        final.replaceSubrange(0..<p, with: poly.ar)
        final.replaceSubrange((p + q)..<(p + q + bigP), with: poly.sar)
        if q > 0 { final.replaceSubrange(p..<(p + q), with: ARMAPolynomials.invertMA(poly.ma)) }
        if bigQ > 0 { final.replaceSubrange((p + q + bigP)..<armaCount, with: ARMAPolynomials.invertMA(poly.sma)) }
        return try finish(final, transformed: false)
    }

    /// Criteria, σ² and residuals at the final coefficients (model scale).
    private func finish(_ x: [Double], transformed: Bool) throws -> SARIMA.Fit {
        let poly = polynomials(x, transformed: transformed)
        if hasGaps { return try finishWithGaps(x, poly: poly) }
        let w = adjusted(x)
        let nUsed = w.count
        let npar = armaCount + betaStart.count
        var sigma2: Double
        var loglik: Double
        var aic: Double
        var innovations: [Double]
        var sumSquares: Double
        if method == .css {
            let r = ConditionalSumOfSquares.evaluate(
                w, phi: poly.phi, theta: poly.theta,
                conditioning: conditioning, residuals: true)
            guard r.count > 0 else { throw ForecastingError(.tooShort, "no observations left after conditioning") }
            sigma2 = r.ssq / Double(r.count)
            sumSquares = r.ssq
            loglik = -0.5 * (Double(nUsed) * log(sigma2) + Double(nUsed) + Double(nUsed) * log(2 * Double.pi))
            aic = .nan
            innovations = r.residuals
        } else {
            guard let pass = ARMAStateSpace(phi: poly.phi, theta: poly.theta).filter(w, keepResiduals: true),
                pass.count > 0
            else { throw ForecastingError(.fitFailed, "the fitted model is not stationary") }
            sigma2 = pass.sumSquares / Double(nUsed)
            sumSquares = pass.sumSquares
            let value = 0.5 * (log(sigma2) + pass.sumLogVariance / Double(nUsed))
            loglik = -0.5 * (2 * Double(nUsed) * value + Double(nUsed) + Double(nUsed) * log(2 * Double.pi))
            aic = -2 * loglik + 2 * Double(npar + 1)
            innovations = pass.residuals
        }
        guard sigma2.isFinite else { throw ForecastingError(.fitFailed, "the innovation variance is not finite") }
        var fit = makeFit(
            x, poly: poly, nUsed: nUsed, npar: npar, sumSquares: sumSquares, sigma2: sigma2, loglik: loglik, aic: aic)
        fit.residuals = [Double](repeating: .nan, count: y.count - nUsed) + innovations
        return fit
    }

    /// The fit from the likelihood's sums: the reported σ² divides by the degrees of freedom left,
    /// as R `forecast::Arima` (Σ e_t² / (n* − k), k the estimated coefficients), and the criteria
    /// count the n* values the likelihood used (k = npar + 1 with σ²): BIC = AIC + k(log n* − 2),
    /// AICc = AIC + 2k(k + 1)/(n* − k − 1).
    private func makeFit(
        _ x: [Double], poly: (phi: [Double], theta: [Double], ar: [Double], ma: [Double], sar: [Double], sma: [Double]),
        nUsed: Int, npar: Int, sumSquares: Double, sigma2: Double, loglik: Double, aic: Double
    ) -> SARIMA.Fit {
        var sigma2 = sigma2
        if nUsed > npar { sigma2 = sumSquares / Double(nUsed - npar) }
        let k = Double(npar + 1)
        let nstar = Double(nUsed)
        let bic = aic + k * (log(nstar) - 2)
        let aicc = nstar - k - 1 > 0 ? aic + 2 * k * (k + 1) / (nstar - k - 1) : .infinity
        let b = beta(x)
        var fit = SARIMA.Fit(
            specification: specification, method: method,
            ar: poly.ar, ma: poly.ma, seasonalAR: poly.sar, seasonalMA: poly.sma,
            intercept: hasIntercept ? b[0] : nil,
            drift: hasDrift ? b[0] : nil,
            regression: Array(b.suffix(userColumns)),
            sigma2: sigma2, loglik: loglik, aic: aic, aicc: aicc, bic: bic,
            nobs: nUsed, parameterCount: npar, series: y)
        fit.specification.order = order
        if userColumns > 0 {
            let start = columns.count - userColumns
            fit.regressorRows = (0..<y.count).map { t in (start..<columns.count).map { columns[$0][t] } }
        }
        return fit
    }

    /// `finish` for a series with gaps: the diffuse filter's sums over the n observed values past
    /// the diffuse ones give σ̂² = S/n and log L = −½(n log 2π + n log σ̂² + Σ log F_t + n); the
    /// criteria count those n (R `stats::arima` counts the observed values less d + mD).
    private func finishWithGaps(
        _ x: [Double], poly: (phi: [Double], theta: [Double], ar: [Double], ma: [Double], sar: [Double], sma: [Double])
    ) throws -> SARIMA.Fit {
        guard
            let pass = ARMAStateSpace(phi: poly.phi, theta: poly.theta)
                .filterWithGaps(levels(x), delta: delta, keepResiduals: true),
            pass.count > 0
        else { throw ForecastingError(.fitFailed, "the fitted model is not stationary") }
        guard pass.resolved else {
            throw ForecastingError(
                .tooShort, "the observed values do not pin down the \(delta.count) differenced starting value(s)")
        }
        let nUsed = pass.count
        let npar = armaCount + betaStart.count
        let sigma2 = pass.sumSquares / Double(nUsed)
        let value = 0.5 * (log(sigma2) + pass.sumLogVariance / Double(nUsed))
        let loglik = -0.5 * (2 * Double(nUsed) * value + Double(nUsed) + Double(nUsed) * log(2 * Double.pi))
        let aic = -2 * loglik + 2 * Double(npar + 1)
        guard sigma2.isFinite, loglik.isFinite else {
            throw ForecastingError(.fitFailed, "the innovation variance is not finite")
        }
        var fit = makeFit(
            x, poly: poly, nUsed: nUsed, npar: npar, sumSquares: pass.sumSquares, sigma2: sigma2, loglik: loglik,
            aic: aic)
        fit.residuals = pass.residuals
        let missing = y.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        fit.notes.append(
            "\(missing) of \(y.count) observations are missing: the likelihood skips them "
                + "(exact diffuse Kalman filter)")
        return fit
    }

    /// ARIMA(0,0,0) with the sample mean held fixed (a constant series; its observed values when
    /// it has gaps).
    static func fitConstantMean(_ y: [Double], period: Int, notes: [String]) throws -> SARIMA.Fit {
        let observed = y.filter { !$0.isNaN }
        let mean = observed.reduce(0, +) / Double(observed.count)
        let ssq = observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let sigma2 = ssq / Double(observed.count)
        var fit = SARIMA.Fit(
            specification: .init(order: .init(p: 0, d: 0, q: 0, period: period)),
            method: .ml, intercept: mean, sigma2: sigma2, loglik: .nan,
            aic: .nan, aicc: .nan, bic: .nan, nobs: observed.count, parameterCount: 0, series: y)
        fit.residuals = y.map { $0 - mean }
        fit.notes = notes
        return fit
    }

    // MARK: - Helpers

    /// (1 − B)^d (1 − B^m)^D applied to x (length n − d − mD).
    static func difference(_ x: [Double], _ order: SARIMA.Order) -> [Double] {
        var v = x
        for _ in 0..<order.d { v = lagDifference(v, 1) }
        if order.period > 1 { for _ in 0..<order.seasonalD { v = lagDifference(v, order.period) } }
        return v
    }

    static func lagDifference(_ x: [Double], _ lag: Int) -> [Double] {
        guard x.count > lag else { return [] }
        return (lag..<x.count).map { x[$0] - x[$0 - lag] }
    }

    /// δ₁…δ_k with (1 − B)^d (1 − B^m)^D = 1 − Σ δ_i B^i.
    static func differencingPolynomial(_ order: SARIMA.Order) -> [Double] {
        var c = [1.0]
        func multiply(_ lag: Int) {
            var out = c + [Double](repeating: 0, count: lag)
            for i in 0..<c.count { out[i + lag] -= c[i] }
            c = out
        }
        for _ in 0..<order.d { multiply(1) }
        if order.period > 1 { for _ in 0..<order.seasonalD { multiply(order.period) } }
        return c.dropFirst().map { -$0 }
    }
}
