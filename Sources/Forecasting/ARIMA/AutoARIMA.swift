import Foundation
import LinearAlgebra
import TimeSeriesCore

extension SARIMA {
    /// How the orders are searched.
    public enum Search: String, Sendable, Codable {
        /// Hyndman & Khandakar's (2008) stepwise neighbourhood search.
        case stepwise
        /// Every model with p + q + P + Q ≤ the maximum order.
        case exhaustive
    }

    /// The information criterion that ranks candidate models.
    public enum Criterion: String, Sendable, Codable { case aic, aicc, bic }
}

/// Automatic seasonal ARIMA: Hyndman & Khandakar (2008), "Automatic time series forecasting:
/// the forecast package for R", J. Statistical Software 27(3), §3.2, with the defaults of
/// statsforecast's `AutoARIMA` (2.1):
///
/// 1. D from the seasonal strength of an STL decomposition (F_S > 0.64 → one seasonal
///    difference), for series longer than two seasons;
/// 2. d from repeated KPSS tests at 5% on the seasonally differenced series (at most 2);
/// 3. four starting models — ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0),
///    (0,d,1)(0,D,1), each with a constant when d + D ≤ 1, then (0,d,0)(0,D,0) without —
///    and a stepwise search that moves one order (or two together) by ±1, or toggles the
///    constant, while AICc improves, at most 94 models;
/// 4. a constant is a drift when d + D = 1 and a mean when d + D = 0;
/// 5. models with an AR or MA root of modulus below 1.01 are rejected;
/// 6. for long series (n > 150) or long seasons (m > 12) the search ranks by conditional sums
///    of squares, then refits the best models by exact likelihood.
///
/// With `regressors` the model is a regression with ARIMA errors, y_t = x_t'β + η_t
/// (Hyndman & Athanasopoulos, FPP3 §10.2): as R `auto.arima(xreg=)`, the differences d and D are
/// chosen on the residuals of the least-squares regression of y on x (with an intercept), and
/// every candidate is fitted with the regressors.
public struct AutoARIMA: ARIMAForecaster {
    public struct Options: Sendable, Hashable {
        public var maxP = 5, maxQ = 5, maxSeasonalP = 2, maxSeasonalQ = 2
        /// Bound on p + q + P + Q for the exhaustive search.
        public var maxOrder = 5
        public var maxD = 2, maxSeasonalD = 1
        public var startP = 2, startQ = 2, startSeasonalP = 1, startSeasonalQ = 1
        /// Fixed numbers of differences (nil: chosen by the tests).
        public var d: Int? = nil
        public var seasonalD: Int? = nil
        public var stationary = false
        public var seasonal = true
        public var criterion: SARIMA.Criterion = .aicc
        public var search: SARIMA.Search = .stepwise
        public var maxModels = 94
        /// Rank by CSS first (nil: when n > 150 or m > 12).
        public var approximation: Bool? = nil
        public var allowDrift = true
        public var allowMean = true
        /// Level of the KPSS tests.
        public var alpha = 0.05
        /// Seasonal-strength threshold above which a seasonal difference is taken.
        public var seasonalStrengthThreshold = 0.64
        public init() {}
    }

    public var options: Options
    /// Regressors, one row per observation; their future values go to
    /// `forecast(_:period:futureRegressors:levels:)`.
    public var regressors: [[Double]]?
    /// The registry name: `arima` (stepwise search) or `arima-exhaustive` (`exhaustive`).
    public let name: String

    /// Missing observations (NaN) are skipped by every candidate's likelihood.
    public static var skipsMissingValues: Bool { true }

    public init(options: Options = Options(), regressors: [[Double]]? = nil, name: String = "arima") {
        self.options = options
        self.regressors = regressors
        self.name = name
    }

    /// Every order combination within the bounds (R `auto.arima(stepwise = FALSE)`), under the
    /// registry name `arima-exhaustive`.
    public static var exhaustive: AutoARIMA {
        var options = Options()
        options.search = .exhaustive
        return AutoARIMA(options: options, name: "arima-exhaustive")
    }

    /// Selects and fits a model. Never fails on a finite, non-empty series: when no candidate
    /// can be fitted, a differenced white-noise model is returned with the reason in its notes.
    ///
    /// Missing values (NaN) are skipped: every candidate is fitted by exact likelihood over the
    /// observed values (no CSS approximation) and its criteria count them; D is chosen on the
    /// series with its gaps filled linearly, d by KPSS on the observed differences (R `ndiffs`
    /// drops missing values the same way). Without a NaN nothing changes.
    public func fit(_ y: [Double], period: Int) throws -> SARIMA.Fit {
        let hasGaps = y.contains(where: \.isNaN)
        if hasGaps { try ArgumentCheck.seriesWithGaps(y) } else { try ArgumentCheck.series(y) }
        var o = options
        let n = y.count
        var m = o.seasonal ? max(1, period) : 1
        let xreg = try SARIMA.regressorColumns(regressors, count: n)
        // The unit-root tests look at y less its regression on x (R `auto.arima`).
        let tested = try Self.regressionResiduals(y, xreg: xreg)
        if xreg.isEmpty && UnitRoot.isConstant(hasGaps ? y.filter { !$0.isNaN } : y) {
            var fit = try SARIMAEstimator.fitConstantMean(y, period: m, notes: [])
            fit.notes = ["the series is constant; ARIMA(0,0,0) with its mean"]
            return fit
        }
        // The CSS approximation cannot skip a value.
        let approximation = hasGaps ? false : o.approximation ?? (n > 150 || m > 12)
        o.maxP = min(o.maxP, n / 3)
        o.maxQ = min(o.maxQ, n / 3)
        o.maxSeasonalP = min(o.maxSeasonalP, n / 3 / m)
        o.maxSeasonalQ = min(o.maxSeasonalQ, n / 3 / m)
        var criterion = o.criterion
        if n <= 3 { criterion = .aic }
        var notes: [String] = []
        var d = o.d
        var bigD = o.seasonalD
        if o.stationary {
            d = 0
            bigD = 0
        }
        if m == 1 {
            bigD = 0
            o.maxSeasonalP = 0
            o.maxSeasonalQ = 0
        } else if bigD == nil && n <= 2 * m {
            bigD = 0
            notes.append("fewer than two seasons of data; no seasonal difference")
        } else if bigD == nil {
            bigD = SeasonalStrength.seasonalDifferences(
                hasGaps ? Self.filledLinearly(tested) : tested, period: m, threshold: o.seasonalStrengthThreshold,
                maxD: o.maxSeasonalD)
        }
        let seasonalD = bigD ?? 0
        var dx = tested
        for _ in 0..<seasonalD { dx = SARIMAEstimator.lagDifference(dx, m) }
        if hasGaps { dx = dx.filter { !$0.isNaN } }
        let nonSeasonalD = d ?? KPSSTest.differences(dx, alpha: o.alpha, maxD: o.maxD)
        if hasGaps {
            dx = tested
            for _ in 0..<seasonalD { dx = SARIMAEstimator.lagDifference(dx, m) }
            for _ in 0..<nonSeasonalD { dx = SARIMAEstimator.lagDifference(dx, 1) }
            dx = dx.filter { !$0.isNaN }
        } else {
            for _ in 0..<nonSeasonalD { dx = SARIMAEstimator.lagDifference(dx, 1) }
        }
        guard !dx.isEmpty else {
            return try fallback(
                y, period: m, d: min(nonSeasonalD, max(0, n - 1)),
                reason: "not enough data left after differencing")
        }
        if m == 1 && seasonalD == 0 { m = 1 }
        if xreg.isEmpty && UnitRoot.isConstant(dx) {
            // The differenced series is constant: the series is a polynomial trend (plus season).
            var fit = try Self.polynomialTrend(y, period: m, d: nonSeasonalD, seasonalD: seasonalD, constant: dx[0])
            fit.notes = notes + ["the differenced series is constant; no ARMA terms"]
            return fit
        }
        if m > 1 {
            if o.maxP > 0 { o.maxP = min(o.maxP, m - 1) }
            if o.maxQ > 0 { o.maxQ = min(o.maxQ, m - 1) }
        }
        let search = Search(
            y: y, xreg: xreg, period: m, d: nonSeasonalD, seasonalD: seasonalD, criterion: criterion,
            approximation: approximation, options: o)
        var result: SARIMA.Fit?
        switch o.search {
        case .stepwise: result = search.stepwise()
        case .exhaustive: result = search.exhaustive()
        }
        guard var fit = result else {
            return try fallback(
                y, period: m, d: nonSeasonalD,
                reason: "no ARIMA model with d = \(nonSeasonalD), D = \(seasonalD) could be fitted")
        }
        fit.notes = notes + fit.notes
        fit.notes.append(
            "orders chosen by \(o.search.rawValue) search on \(criterion.rawValue.uppercased())"
                + " (d by KPSS, D by seasonal strength"
                + (xreg.isEmpty ? ")" : ", both on the residuals of the regression on the covariates)"))
        if hasGaps {
            fit.notes.append(
                "with missing values: D chosen on the series with its gaps filled linearly, d by KPSS on the "
                    + "observed differences, every candidate fitted by exact likelihood over the observed values")
        }
        return fit
    }

    /// Gaps (NaN) filled by linear interpolation between their observed neighbours, leading and
    /// trailing ones by the nearest observed value: only for the seasonal-strength test.
    static func filledLinearly(_ x: [Double]) -> [Double] {
        let observed = x.indices.filter { !x[$0].isNaN }
        guard let first = observed.first, let last = observed.last else { return x }
        var v = x
        for t in 0..<first { v[t] = x[first] }
        for t in (last + 1)..<x.count { v[t] = x[last] }
        for (a, b) in zip(observed, observed.dropFirst()) where b > a + 1 {
            for t in (a + 1)..<b { v[t] = x[a] + (x[b] - x[a]) * Double(t - a) / Double(b - a) }
        }
        return v
    }

    /// `y` less its least-squares regression on an intercept and `xreg`; `y` itself without
    /// regressors.
    static func regressionResiduals(_ y: [Double], xreg: [[Double]]) throws -> [Double] {
        guard !xreg.isEmpty else { return y }
        let n = y.count
        var columns = [[Double](repeating: 1, count: n)] + xreg
        var observedY = y
        if y.contains(where: \.isNaN) {
            // Least squares over the observed rows; the residuals keep the gaps.
            let rows = y.indices.filter { !y[$0].isNaN }
            columns = columns.map { c in rows.map { c[$0] } }
            observedY = rows.map { y[$0] }
        }
        guard let ols = SmallSystems.householderLeastSquares(columns: columns, y: observedY) else {
            throw ForecastingError(.rankDeficient, "the regressors are collinear (or constant)")
        }
        let beta = ols.beta
        return (0..<n).map { t in y[t] - beta[0] - xreg.indices.reduce(0) { $0 + beta[$1 + 1] * xreg[$1][t] } }
    }

    /// The model of a series whose differences are the constant `constant`: ARIMA(0,d,0)(0,D,0)
    /// with the constant as its mean or drift where the differencing leaves one.
    static func polynomialTrend(
        _ y: [Double], period m: Int, d: Int, seasonalD: Int,
        constant c: Double
    ) throws -> SARIMA.Fit {
        let order = SARIMA.Order(p: 0, d: d, q: 0, seasonalD: seasonalD, period: m)
        if seasonalD > 0 && d == 0 {
            return try SARIMA(.init(order: order, includeConstant: true)).evaluate(
                y, period: m, coefficients: [c / Double(m)])
        } else if seasonalD > 0 || d >= 2 {
            return try SARIMA(.init(order: order, includeConstant: false)).evaluate(y, period: m, coefficients: [])
        } else {
            return try SARIMA(.init(order: order, includeConstant: true)).evaluate(y, period: m, coefficients: [c])
        }
    }

    /// ARIMA(0,d,0) (with drift when d = 1, mean when d = 0) when nothing else fits.
    private func fallback(_ y: [Double], period: Int, d: Int, reason: String) throws -> SARIMA.Fit {
        let order = SARIMA.Order(p: 0, d: d, q: 0, period: period)
        var fit = try SARIMA(
            .init(order: order, includeConstant: d <= 1 && y.count > d + 1),
            regressors: regressors
        ).fit(y, period: period)
        fit.notes.insert("\(reason); fell back to \(fit.name)", at: 0)
        return fit
    }

    /// The candidate fits of one (d, D) pair.
    struct Search {
        let y: [Double]
        /// Regressor columns (empty without regressors).
        let xreg: [[Double]]
        let period: Int
        let d: Int
        let seasonalD: Int
        let criterion: SARIMA.Criterion
        let approximation: Bool
        let options: Options
        let offset: Double

        init(
            y: [Double], xreg: [[Double]] = [], period: Int, d: Int, seasonalD: Int, criterion: SARIMA.Criterion,
            approximation: Bool, options: Options
        ) {
            (self.y, self.xreg, self.period, self.d, self.seasonalD) = (y, xreg, period, d, seasonalD)
            (self.criterion, self.approximation, self.options) = (criterion, approximation, options)
            var offset = 0.0
            if approximation {
                // statsforecast: −2 log L − n log σ² of the CSS fit of (0,d,0)(0,D,0) with a mean
                // when d + D = 0, so CSS criteria stay on the likelihood's scale.
                let order = SARIMA.Order(p: 0, d: d, q: 0, seasonalD: seasonalD, period: period)
                if let f = try? SARIMAEstimator(
                    y: y, specification: .init(order: order, includeConstant: true),
                    xreg: xreg, method: .css
                ).fit() {
                    let s2 = Search.cssVariance(f)
                    offset = -2 * f.loglik - Double(y.count) * log(s2)
                }
            }
            self.offset = offset
        }

        /// The raw CSS variance S/ν recovered from the CSS log-likelihood.
        static func cssVariance(_ f: SARIMA.Fit) -> Double {
            let n = Double(f.nobs)
            return exp((-2 * f.loglik - n * (1 + log(2 * Double.pi))) / n)
        }

        struct Candidate: Hashable {
            var p: Int, q: Int, bigP: Int, bigQ: Int, constant: Bool
        }

        /// Fits one candidate; the criterion is +∞ when it fails or has a root near the unit circle.
        func evaluate(_ c: Candidate, approximate: Bool) -> (fit: SARIMA.Fit?, ic: Double) {
            let order = SARIMA.Order(
                p: c.p, d: d, q: c.q, seasonalP: c.bigP, seasonalD: seasonalD,
                seasonalQ: c.bigQ, period: period)
            let spec = SARIMA.Specification(order: order, includeConstant: c.constant)
            guard
                var fit = try? SARIMAEstimator(
                    y: y, specification: spec, xreg: xreg,
                    method: approximate ? .css : .cssML
                ).fit()
            else { return (nil, .infinity) }
            let npar = Double(fit.parameterCount + 1)
            let nstar = Double(fit.nobs)
            if approximate {
                fit.aic = offset + nstar * log(Search.cssVariance(fit)) + 2 * npar
                fit.bic = fit.aic + npar * (log(nstar) - 2)
                fit.aicc = nstar - npar - 1 != 0 ? fit.aic + 2 * npar * (npar + 1) / (nstar - npar - 1) : .infinity
            }
            var ic: Double
            switch criterion {
            case .aic: ic = fit.aic
            case .aicc: ic = fit.aicc
            case .bic: ic = fit.bic
            }
            if ic.isNaN { ic = .infinity }
            if minimumRootModulus(fit) < 1.01 { ic = .infinity }
            return (fit, ic)
        }

        /// The smallest modulus among the roots of φ(B)Φ(B^m) and θ(B)Θ(B^m); a seasonal factor's
        /// roots in B are the m-th roots of its roots in B^m.
        func minimumRootModulus(_ fit: SARIMA.Fit) -> Double {
            var minimum = 2.0
            let m = Double(period)
            for r in ARMAPolynomials.rootModuli(fit.ar.map { -$0 }) { minimum = min(minimum, r) }
            for r in ARMAPolynomials.rootModuli(fit.seasonalAR.map { -$0 }) { minimum = min(minimum, pow(r, 1 / m)) }
            for r in ARMAPolynomials.rootModuli(fit.ma) { minimum = min(minimum, r) }
            for r in ARMAPolynomials.rootModuli(fit.seasonalMA) { minimum = min(minimum, pow(r, 1 / m)) }
            return minimum
        }

        var allowDrift: Bool { options.allowDrift && d + seasonalD == 1 }
        var allowMean: Bool { options.allowMean && d + seasonalD == 0 }

        func exhaustive() -> SARIMA.Fit? {
            var results: [(Candidate, Double)] = []
            var best: (SARIMA.Fit, Double)?
            let maxK = (allowDrift || allowMean) ? 1 : 0
            for i in 0...options.maxP {
                for j in 0...options.maxQ {
                    for bi in 0...options.maxSeasonalP {
                        for bj in 0...options.maxSeasonalQ where i + j + bi + bj <= options.maxOrder {
                            for k in 0...maxK {
                                let c = Candidate(p: i, q: j, bigP: bi, bigQ: bj, constant: k == 1)
                                let r = evaluate(c, approximate: approximation)
                                results.append((c, r.ic))
                                if let f = r.fit, r.ic < (best?.1 ?? .infinity) { best = (f, r.ic) }
                            }
                        }
                    }
                }
            }
            return refit(best, results)
        }

        func stepwise() -> SARIMA.Fit? {
            let o = options
            let short = y.count < 10
            var current = Candidate(
                p: min(short ? min(o.startP, 1) : o.startP, o.maxP),
                q: min(short ? min(o.startQ, 1) : o.startQ, o.maxQ),
                bigP: short ? 0 : min(o.startSeasonalP, o.maxSeasonalP),
                bigQ: short ? 0 : min(o.startSeasonalQ, o.maxSeasonalQ),
                constant: allowDrift || allowMean)
            var results: [(Candidate, Double)] = []
            var tried = Set<Candidate>()
            var best: (fit: SARIMA.Fit?, ic: Double) = (nil, .infinity)

            func attempt(_ c: Candidate) -> Bool {
                let r = evaluate(c, approximate: approximation)
                results.append((c, r.ic))
                tried.insert(c)
                guard r.ic < best.ic, let f = r.fit else { return false }
                best = (f, r.ic)
                return true
            }
            _ = attempt(current)
            for start in startingModels(constant: current.constant) where attempt(start) {
                // A better starting model moves the search there; the constant stays as it was.
                current = Candidate(
                    p: start.p, q: start.q, bigP: start.bigP, bigQ: start.bigQ, constant: current.constant)
            }
            var startCount = 0
            while startCount < results.count && results.count < o.maxModels {
                startCount = results.count
                for (dp, dq, dsp, dsq, toggle) in Self.moves {
                    if toggle && !(allowDrift || allowMean) { continue }
                    let c = Candidate(
                        p: current.p + dp, q: current.q + dq, bigP: current.bigP + dsp, bigQ: current.bigQ + dsq,
                        constant: toggle ? !current.constant : current.constant)
                    guard c.p >= 0, c.q >= 0, c.bigP >= 0, c.bigQ >= 0,
                        c.p <= o.maxP, c.q <= o.maxQ, c.bigP <= o.maxSeasonalP, c.bigQ <= o.maxSeasonalQ,
                        !tried.contains(c)
                    else { continue }
                    if results.count >= o.maxModels { break }
                    if attempt(c) {
                        current = c
                        break
                    }
                }
            }
            return refit(best.fit.map { ($0, best.ic) }, results)
        }

        /// Hyndman & Khandakar's starting models after the first: (0,0)(0,0), (1,0)(1,0) and
        /// (0,1)(0,1) with the constant as given, then (0,0)(0,0) without it; seasonal terms only
        /// where there is a season, and each only where its maximum order allows it.
        func startingModels(constant: Bool) -> [Candidate] {
            let o = options
            let seasonal = period > 1
            var starts = [Candidate(p: 0, q: 0, bigP: 0, bigQ: 0, constant: constant)]
            if o.maxP > 0 || o.maxSeasonalP > 0 {
                let sp = seasonal && o.maxSeasonalP > 0 ? 1 : 0
                starts.append(Candidate(p: o.maxP > 0 ? 1 : 0, q: 0, bigP: sp, bigQ: 0, constant: constant))
            }
            if o.maxQ > 0 || o.maxSeasonalQ > 0 {
                let sq = seasonal && o.maxSeasonalQ > 0 ? 1 : 0
                starts.append(Candidate(p: 0, q: o.maxQ > 0 ? 1 : 0, bigP: 0, bigQ: sq, constant: constant))
            }
            if constant { starts.append(Candidate(p: 0, q: 0, bigP: 0, bigQ: 0, constant: false)) }
            return starts
        }

        /// The neighbours of the current model, (Δp, Δq, ΔP, ΔQ, toggle the constant), in
        /// statsforecast's order: seasonal moves, then non-seasonal, then the constant.
        static let moves: [(Int, Int, Int, Int, Bool)] = [
            (0, 0, -1, 0, false), (0, 0, 0, -1, false), (0, 0, 1, 0, false), (0, 0, 0, 1, false),
            (0, 0, -1, -1, false), (0, 0, -1, 1, false), (0, 0, 1, -1, false), (0, 0, 1, 1, false),
            (-1, 0, 0, 0, false), (0, -1, 0, 0, false), (1, 0, 0, 0, false), (0, 1, 0, 0, false),
            (-1, -1, 0, 0, false), (-1, 1, 0, 0, false), (1, -1, 0, 0, false), (1, 1, 0, 0, false),
            (0, 0, 0, 0, true),
        ]

        /// With the CSS approximation, refits candidates by exact likelihood in order of their
        /// approximate criterion until one is admissible (statsforecast `auto_arima_f`).
        func refit(_ best: (SARIMA.Fit, Double)?, _ results: [(Candidate, Double)]) -> SARIMA.Fit? {
            guard approximation else { return best?.0 }
            let ranked = results.enumerated().filter { $0.element.1.isFinite }
                .sorted { $0.element.1 < $1.element.1 || ($0.element.1 == $1.element.1 && $0.offset < $1.offset) }
            for (_, (c, _)) in ranked {
                let r = evaluate(c, approximate: false)
                if r.ic.isFinite, let f = r.fit { return f }
            }
            return nil
        }
    }
}
