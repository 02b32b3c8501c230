import Foundation
import Testing
import TimeSeriesCore

@testable import Forecasting

/// Reference values from scripts/fixtures/sarima_missing_statsmodels.py: statsmodels SARIMAX with
/// NaN in the series, exact diffuse start (`use_exact_diffuse=True`), on the An Giang IR 50404
/// farm-gate price (36 of 71 months quoted) and the World Bank Thai 5% rice price with holes.
struct MissingValuesReference: Decodable {
    struct AtFixed: Decodable {
        var coef: [Double]
        var loglik: Double
        var nobs: Int
    }
    struct Optimum: Decodable {
        var coef: [Double]
        var loglik: Double
        var nobs: Int
    }
    struct Case: Decodable {
        var id: String
        var period: Int
        var order: [Int]
        var seasonal: [Int]
        var constant: Bool
        var values: [Double?]
        var observed: Int
        var regressors: [[Double]]?
        var future_regressors: [[Double]]?
        var fixed: AtFixed
        var optimum: Optimum
        var horizon: Int
        var mean: [Double]
        /// Forecast variances in units of σ².
        var variance: [Double]

        var y: [Double] { values.map { $0 ?? .nan } }

        var model: SARIMA {
            SARIMA(
                SARIMA.Specification(
                    order: .init(
                        p: order[0], d: order[1], q: order[2], seasonalP: seasonal[0], seasonalD: seasonal[1],
                        seasonalQ: seasonal[2], period: period),
                    includeConstant: constant),
                method: .cssML, regressors: regressors)
        }
    }

    var cases: [Case]

    static func load() throws -> MissingValuesReference {
        let url = try #require(
            Bundle.module.url(forResource: "missing_values", withExtension: "json", subdirectory: "Fixtures/arima"))
        return try JSONDecoder().decode(MissingValuesReference.self, from: Data(contentsOf: url))
    }
}

@Suite struct SARIMAMissingValuesTests {
    static let reference = try? MissingValuesReference.load()
    static var ids: [String] { reference?.cases.map(\.id) ?? [] }

    func fixture(_ id: String) throws -> MissingValuesReference.Case {
        try #require(Self.reference?.cases.first { $0.id == id })
    }

    @Test func fixturesHaveGaps() throws {
        let ref = try #require(Self.reference)
        #expect(ref.cases.count == 6)
        for c in ref.cases { #expect(c.observed < c.values.count && c.y.contains(where: \.isNaN), "\(c.id)") }
    }

    /// The exact likelihood at fixed coefficients (σ² concentrated out) isolates the filter.
    @Test(arguments: ids)
    func logLikelihoodAtFixedCoefficients(_ id: String) throws {
        let c = try fixture(id)
        let fit = try c.model.evaluate(c.y, period: c.period, coefficients: c.fixed.coef)
        #expect(relativelyClose(fit.loglik, c.fixed.loglik, 1e-9), "\(fit.loglik) vs \(c.fixed.loglik)")
        #expect(fit.nobs == c.fixed.nobs)
    }

    /// muavu's optimum is at least as high as statsmodels', and the two coincide.
    @Test(arguments: ids)
    func maximumLikelihood(_ id: String) throws {
        let c = try fixture(id)
        let fit = try c.model.fit(c.y, period: c.period)
        let atReference = try c.model.evaluate(c.y, period: c.period, coefficients: c.optimum.coef)
        #expect(relativelyClose(atReference.loglik, c.optimum.loglik, 1e-9), "\(atReference.loglik)")
        #expect(fit.loglik >= c.optimum.loglik - 1e-6 * abs(c.optimum.loglik), "\(fit.loglik) vs \(c.optimum.loglik)")
        #expect(fit.nobs == c.optimum.nobs)
        // The criteria count the observed values the likelihood uses, not the missing months.
        let k = Double(fit.parameterCount + 1)
        let n = Double(fit.nobs)
        #expect(abs(fit.aic - (-2 * fit.loglik + 2 * k)) < 1e-9 * abs(fit.aic))
        #expect(abs(fit.aicc - (fit.aic + 2 * k * (k + 1) / (n - k - 1))) < 1e-9 * abs(fit.aic))
        let coefficients = fit.ar + fit.ma + fit.seasonalAR + fit.seasonalMA
            + [fit.intercept ?? fit.drift].compactMap { $0 } + fit.regression
        #expect(coefficients.count == c.optimum.coef.count)
        // The ARMA coefficients agree to 1e-4; the mean, drift and regression coefficients, on
        // which the likelihood is flat within their standard errors, to 1e-4 of the series' scale.
        let observed = c.y.filter { !$0.isNaN }
        let mean = observed.reduce(0, +) / Double(observed.count)
        let scale = (observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(observed.count)).squareRoot()
        let arma = fit.ar.count + fit.ma.count + fit.seasonalAR.count + fit.seasonalMA.count
        for (j, (a, b)) in zip(coefficients, c.optimum.coef).enumerated() {
            let tolerance = j < arma ? 1e-4 : 1e-4 * max(abs(b), scale)
            #expect(abs(a - b) <= tolerance, "coefficient \(j + 1): \(coefficients) vs \(c.optimum.coef)")
        }
        #expect(fit.notes.contains { $0.contains("missing") })
    }

    /// Point forecasts and forecast variances at statsmodels' optimum.
    @Test(arguments: ids)
    func forecastsAtReferenceCoefficients(_ id: String) throws {
        let c = try fixture(id)
        let fit = try c.model.evaluate(c.y, period: c.period, coefficients: c.optimum.coef)
        let fc = try fit.forecast(horizon: c.horizon, levels: [95], futureRegressors: c.future_regressors ?? [])
        let band = try #require(fc.interval(level: 95))
        let z = NormalDistribution.criticalValue(level: 95)
        for h in 0..<c.horizon {
            #expect(relativelyClose(fc.mean[h], c.mean[h], 1e-9), "h=\(h + 1): \(fc.mean[h]) vs \(c.mean[h])")
            let half = (band.upper[h] - fc.mean[h]) / z
            let variance = half * half / fit.sigma2
            #expect(relativelyClose(variance, c.variance[h], 1e-9), "h=\(h + 1): \(variance) vs \(c.variance[h])")
        }
    }

    /// Fixed-order ARIMA and regression with ARIMA errors take the gaps through `Forecaster`.
    @Test func forecastersTakeGaps() throws {
        let ir = try fixture("ir50404-110-drift")
        let fc = try FixedOrderARIMA(order: "1,1,0").forecast(ir.y, period: 12, horizon: 3, levels: [80])
        #expect(fc.mean.count == 3 && fc.mean.allSatisfy(\.isFinite))
        let x = try fixture("thai5-xreg-vnm5")
        let rows = try #require(x.regressors) + (try #require(x.future_regressors))
        let dynamic = DynamicRegression(errors: .fixed("1,0,1"), regressors: rows)
        let dr = try dynamic.forecast(x.y, period: 12, horizon: x.horizon, levels: [95])
        for h in 0..<x.horizon { #expect(relativelyClose(dr.mean[h], x.mean[h], 1e-3), "h=\(h + 1)") }
    }

    /// Missing values at the end are prediction steps: forecasting h from y followed by two gaps
    /// equals forecasting h + 2 from y, less the first two steps.
    @Test func trailingGapsArePredictionSteps() throws {
        let c = try fixture("thai5-111-011")
        let model = c.model
        let y = c.y
        let fit = try model.evaluate(y, period: 12, coefficients: c.optimum.coef)
        let longer = try model.evaluate(y + [.nan, .nan], period: 12, coefficients: c.optimum.coef)
        let a = try fit.forecast(horizon: 8, levels: [95])
        let b = try longer.forecast(horizon: 6, levels: [95])
        let ab = try #require(a.interval(level: 95))
        let bb = try #require(b.interval(level: 95))
        for h in 0..<6 {
            #expect(relativelyClose(b.mean[h], a.mean[h + 2], 1e-9))
            // The same likelihood sums, so the same σ².
            #expect(relativelyClose(bb.upper[h] - b.mean[h], ab.upper[h + 2] - a.mean[h + 2], 1e-9))
        }
        #expect(longer.loglik == fit.loglik && longer.nobs == fit.nobs)
    }

    /// With no gap the diffuse filter of the integrated model gives the likelihood of the
    /// differenced series, the one the no-gap path computes (which is unchanged).
    @Test(arguments: [(1, 1, 0, 0, 0, 0), (1, 1, 1, 0, 1, 1), (2, 0, 0, 1, 0, 0), (0, 2, 2, 0, 0, 0)])
    func completeSeriesAgreeWithDifferencing(_ o: (Int, Int, Int, Int, Int, Int)) throws {
        let c = try fixture("thai5-111-011")
        // The Thai price with each gap filled by the last value before it (the first observed
        // value at the start).
        var y = c.y
        var last = try #require(y.first { !$0.isNaN })
        for t in y.indices {
            if y[t].isNaN { y[t] = last } else { last = y[t] }
        }
        let order = SARIMA.Order(p: o.0, d: o.1, q: o.2, seasonalP: o.3, seasonalD: o.4, seasonalQ: o.5, period: 12)
        let (phi, theta) = ARMAPolynomials.expand(
            ar: [Double](repeating: 0.3, count: o.0), ma: [Double](repeating: -0.2, count: o.2),
            sar: [Double](repeating: 0.2, count: o.3), sma: [Double](repeating: -0.4, count: o.5), period: 12)
        let model = ARMAStateSpace(phi: phi, theta: theta)
        let differenced = try #require(model.filter(SARIMAEstimator.difference(y, order)))
        let gaps = try #require(model.filterWithGaps(y, delta: SARIMAEstimator.differencingPolynomial(order)))
        #expect(gaps.count == differenced.count && gaps.resolved)
        #expect(relativelyClose(gaps.sumSquares, differenced.sumSquares, 1e-8))
        #expect(
            relativelyClose(gaps.sumLogVariance, differenced.sumLogVariance, 1e-8)
                || abs(gaps.sumLogVariance - differenced.sumLogVariance) < 1e-8)
    }

    /// A series with no gap goes the way it always went: no note about gaps.
    @Test func completeSeriesHasNoGapNote() throws {
        let y = (0..<60).map { 100 + 10 * sin(Double($0) / 3) + Double($0 % 7) }
        let fit = try SARIMA(.init(order: .init(p: 1, d: 1, q: 0))).fit(y, period: 1)
        #expect(!fit.notes.contains { $0.contains("missing") })
        #expect(fit.nobs == 59)
    }

    /// The models that cannot take gaps say so in their name and point to arima-fixed.
    @Test func otherModelsRefuseGapsByName() throws {
        let c = try fixture("ir50404-011")
        let forecasters: [any Forecaster] = [ETS(), Theta(), CES(), Naive()]
        for model in forecasters {
            let name = model.name
            do {
                _ = try model.forecast(c.y, period: 12, horizon: 3, levels: [95])
                Issue.record("\(name) accepted a series with gaps")
            } catch let error as ForecastingError {
                #expect(error.message.contains(name) && error.message.contains("arima-fixed"), "\(error.message)")
                #expect(error.message.contains("35 of 71"), "\(error.message)")
            }
        }
        #expect(throws: ForecastingError.self) { _ = try ETS().fit(c.y, period: 12) }
    }

    /// Every model of the registry but the ARIMA ones refuses gaps, naming itself and arima-fixed;
    /// arima-fixed, arima and arima-exhaustive forecast.
    @Test(arguments: ForecasterRegistry.names)
    func registryModelsOnGaps(_ name: String) throws {
        let c = try fixture("ir50404-011")
        let model = try ForecasterRegistry.forecaster(named: name)
        if ["arima-fixed", "arima", "arima-exhaustive"].contains(name) {
            let fc = try model.forecast(c.y, period: 12, horizon: 6, levels: [95])
            #expect(fc.mean.allSatisfy { $0.isFinite })
            return
        }
        do {
            _ = try model.forecast(c.y, period: 12, horizon: 6, levels: [95])
            Issue.record("\(name) accepted a series with gaps")
        } catch let error as ForecastingError {
            #expect(error.message.contains(model.name) && error.message.contains("arima-fixed"), "\(error.message)")
        }
    }

    /// The automatic search with gaps: every candidate by exact likelihood over the observed values,
    /// the chosen one the best on AICc among the admissible candidates (roots outside 1.01), its
    /// criteria those of `SARIMA` at that order.
    @Test func automaticSearchOverObservedValues() throws {
        let c = try fixture("ir50404-011")
        var options = AutoARIMA.Options()
        options.search = .exhaustive
        options.seasonal = false
        options.maxP = 2
        options.maxQ = 2
        let chosen = try AutoARIMA(options: options).fit(c.y, period: 12)
        let d = chosen.specification.order.d
        #expect(chosen.notes.contains { $0.contains("missing values") })
        #expect(chosen.nobs == c.observed - d)
        func admissible(_ f: SARIMA.Fit) -> Bool {
            let moduli = ARMAPolynomials.rootModuli(f.ar.map { -$0 }) + ARMAPolynomials.rootModuli(f.ma)
            return moduli.allSatisfy { $0 >= 1.01 }
        }
        var best = Double.infinity
        for p in 0...2 {
            for q in 0...2 {
                for constant in d <= 1 ? [false, true] : [false] {
                    let spec = SARIMA.Specification(order: .init(p: p, d: d, q: q, period: 1), includeConstant: constant)
                    guard let f = try? SARIMAEstimator(y: c.y, specification: spec, xreg: [], method: .cssML).fit(),
                        admissible(f)
                    else { continue }
                    #expect(f.nobs == c.observed - d)
                    best = min(best, f.aicc)
                }
            }
        }
        #expect(relativelyClose(chosen.aicc, best, 1e-12), "\(chosen.name): \(chosen.aicc) vs \(best)")
        let again = try SARIMA(chosen.specification).fit(c.y, period: 12)
        #expect(relativelyClose(again.aicc, chosen.aicc, 1e-9))
        // The stepwise search and regression with automatic ARIMA errors take gaps too.
        let stepwise = try AutoARIMA().forecast(c.y, period: 12, horizon: 6, levels: [95])
        #expect(stepwise.mean.allSatisfy { $0.isFinite })
    }

    /// Too few observed values, infinities, CSS and saving are refused with a reason.
    @Test func refusals() throws {
        let arima = SARIMA(.init(order: .init(p: 1, d: 1, q: 0)))
        #expect(throws: ForecastingError.self) { _ = try arima.fit([.nan, .nan, 3], period: 1) }
        #expect(throws: ForecastingError.self) { _ = try arima.fit([1, .infinity, 3, .nan, 5], period: 1) }
        let c = try fixture("ir50404-011")
        let css = SARIMA(.init(order: .init(p: 0, d: 1, q: 1)), method: .css)
        #expect(throws: ForecastingError.self) { _ = try css.fit(c.y, period: 12) }
        #expect(throws: ForecastingError.self) { _ = try arima.fitModel(c.y, period: 12) }
        #expect(throws: ForecastingError.self) { _ = try AutoARIMA().fitModel(c.y, period: 12) }
        // January never observed: a seasonal difference cannot start (its January value stays diffuse).
        var noJanuary: [Double] = []
        for t in 0..<60 {
            let month = Double(t % 12)
            let cycle = Double(t % 5)
            noJanuary.append(t % 12 == 0 ? .nan : 100 + month + cycle)
        }
        let seasonal = SARIMA(.init(order: .init(p: 0, d: 0, q: 0, seasonalD: 1, period: 12), includeConstant: false))
        #expect {
            _ = try seasonal.fit(noJanuary, period: 12)
        } throws: { error in
            (error as? ForecastingError)?.message.contains("do not pin down") == true
        }
    }
}
