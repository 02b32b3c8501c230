import Forecasting
import Foundation
import TimeSeriesCore

/// Rolling-origin evaluation of the crop-yield candidates of `CropYieldModel`, per province, and
/// of a pooled model across provinces (Tashman 2000, "Out-of-sample tests of forecasting
/// accuracy: an analysis and review", International Journal of Forecasting 16, 437–450).
///
/// For each origin year t (2005…2016 by default) every candidate is fitted on the years before t
/// only, within the trend window W = {t − trendYears, …, t − 1} (ETS: every year before t), and
/// forecasts year t:
///
///     e(t) = ŷ(t | years < t) − y(t),   RMSE = √(mean e(t)²),   MAPE = 100·mean |e(t)/y(t)|.
///
/// Unlike leave-one-year-out, no year after t informs the forecast of t: the skill quoted is a
/// forecaster's. An origin counts only when y(t) is observed and W holds at least
/// `minimumYears` observed years; every candidate of a series is scored on the same origins.
///
/// Per-province candidates (t counted from the origin, t = year − (origin − 1)):
/// - `trend-linear`: y = a + b·t; `trend-quadratic`: y = a + b·t + c·t²;
/// - `trend+climate`: y = a + b·t + β·x, x the season's ENSO ONI window mean (when given);
/// - `ets`: automatic ETS on every year before the origin (one step ahead).
/// The province's model is the candidate with the lowest rolling-origin RMSE.
///
/// The pooled model is one OLS across the provinces, with province fixed effects and a shared
/// trend (and, optionally, a shared climate effect), fitted on every province's years in W:
///
///     y(p, t) = α_p + b·t (+ β·x(t)) + ε,   the formula `y ~ C(province) + t (+ x0)`,
///
/// forecasting each province's year t (Baltagi, Econometric Analysis of Panel Data, §2.2).
public enum YieldRollingOrigin {
    /// One province's yields, one per year from `firstYear` (`.nan` where not reported), and the
    /// season's climate indicator for the same years (empty when the season has none).
    public struct Series: Sendable, Equatable {
        public var name: String
        public var firstYear: Int
        public var yields: [Double]
        public var indicator: [Double]

        public init(name: String, firstYear: Int, yields: [Double], indicator: [Double] = []) {
            self.name = name
            self.firstYear = firstYear
            self.yields = yields
            self.indicator = indicator
        }

        func yield(_ year: Int) -> Double {
            let i = year - firstYear
            return yields.indices.contains(i) ? yields[i] : .nan
        }

        func climate(_ year: Int) -> Double {
            let i = year - firstYear
            return indicator.indices.contains(i) ? indicator[i] : .nan
        }
    }

    public struct Options: Sendable, Equatable {
        /// The origin years, each forecast from the years before it.
        public var origins: ClosedRange<Int>
        /// The trend window: the regressions are fitted on at most this many years before t.
        public var trendYears: Int
        /// The fewest observed years in the window for an origin to count.
        public var minimumYears: Int
        public var allowQuadratic: Bool
        public var includeETS: Bool

        public init(
            origins: ClosedRange<Int> = 2005...2016, trendYears: Int = 15, minimumYears: Int = 6,
            allowQuadratic: Bool = true, includeETS: Bool = true
        ) {
            self.origins = origins
            self.trendYears = trendYears
            self.minimumYears = minimumYears
            self.allowQuadratic = allowQuadratic
            self.includeETS = includeETS
        }
    }

    /// A model's rolling-origin forecasts of one series.
    public struct Score: Sendable, Equatable {
        public var name: String
        /// The origin years scored.
        public var years: [Int]
        public var observed: [Double]
        /// forecast − observed, one per origin year.
        public var errors: [Double]
        public var forecasts: [Double] { zip(observed, errors).map { $0 + $1 } }
        public var rmse: Double? { Metrics.rmse(observed, forecasts) }
        public var mape: Double? { Metrics.mape(observed, forecasts) }
    }

    /// The per-province candidates' scores and the one chosen.
    public struct ProvinceResult: Sendable, Equatable {
        public var name: String
        public var candidates: [Score]
        /// The candidate with the lowest RMSE (nil when no origin counts).
        public var chosen: Score?
    }

    /// The origin years of `series` that count: y(t) observed and enough observed years in the window.
    public static func scoredOrigins(_ series: Series, options: Options = Options()) -> [Int] {
        options.origins.filter { t in
            series.yield(t).isFinite
                && window(t, options).filter { series.yield($0).isFinite }.count
                    >= options.minimumYears
        }
    }

    static func window(_ t: Int, _ options: Options) -> ClosedRange<Int> { (t - options.trendYears)...(t - 1) }

    /// Scores the per-province candidates of `series` by rolling origin and chooses the best.
    public static func perProvince(_ series: Series, options: Options = Options()) throws -> ProvinceResult {
        let origins = scoredOrigins(series, options: options)
        var designs: [(String, CropYieldModel.Design)] = [("trend-linear", .init(degree: 1, indicators: []))]
        if options.allowQuadratic { designs.append(("trend-quadratic", .init(degree: 2, indicators: []))) }
        let hasClimate = origins.allSatisfy { t in
            series.climate(t).isFinite
                && window(t, options).allSatisfy { !series.yield($0).isFinite || series.climate($0).isFinite }
        }
        if hasClimate && !series.indicator.isEmpty {
            designs.append(("trend+climate", .init(degree: 1, indicators: [0])))
        }
        var candidates: [Score] = []
        for (name, design) in designs {
            var errors: [Double] = []
            for t in origins {
                let years = window(t, options).filter { series.yield($0).isFinite }
                let tt = years.map { Double($0 - (t - 1)) }
                let x = design.indicators.isEmpty ? [] : [years.map(series.climate)]
                let fit = try design.fit(t: tt, x: x, y: years.map(series.yield))
                var columns: [String: [Double]] = ["t": [1]]
                if !design.indicators.isEmpty { columns["x0"] = [series.climate(t)] }
                guard let p = try fit.predict(columns, levels: []).first else {
                    throw ForecastingError(.fitFailed, "no forecast of \(series.name) \(t)")
                }
                errors.append(p.mean - series.yield(t))
            }
            candidates.append(score(name, series, origins, errors))
        }
        if options.includeETS, let errors = etsErrors(series, origins) {
            candidates.append(score("ets", series, origins, errors))
        }
        var chosen: Score?
        for c in candidates where !origins.isEmpty {
            if let r = c.rmse, r < (chosen?.rmse ?? .infinity) { chosen = c }
        }
        return ProvinceResult(name: series.name, candidates: candidates, chosen: chosen)
    }

    /// ETS's one-step-ahead errors from every observed year before each origin (the latest run of
    /// consecutive years), or nil when it cannot be fitted at one of them.
    static func etsErrors(_ series: Series, _ origins: [Int]) -> [Double]? {
        let ets = ETS(.automatic, name: "ets")
        var errors: [Double] = []
        for t in origins {
            var prefix: [Double] = []
            var year = t - 1
            while series.yield(year).isFinite {
                prefix.insert(series.yield(year), at: 0)
                year -= 1
            }
            guard prefix.count >= 4, let f = try? ets.forecast(prefix, period: 1, horizon: 1, levels: []) else {
                return nil
            }
            errors.append(f.mean[0] - series.yield(t))
        }
        return errors
    }

    static func score(_ name: String, _ series: Series, _ origins: [Int], _ errors: [Double]) -> Score {
        Score(name: name, years: origins, observed: origins.map(series.yield), errors: errors)
    }

    /// The pooled model's rolling-origin scores, one per series (in the order given), each on the
    /// series' own scored origins; with `climate`, the shared ENSO term is added (every series
    /// must then carry the same indicator, observed in every year fitted and forecast).
    public static func pooled(
        _ all: [Series], climate: Bool = false, options: Options = Options()
    ) throws -> [Score] {
        let formula = try RegressionFormula("y ~ C(province) + t" + (climate ? " + x0" : ""))
        let origins = all.map { scoredOrigins($0, options: options) }
        var errors: [[Double]] = all.map { _ in [] }
        for t in options.origins {
            let targets = all.indices.filter { origins[$0].contains(t) }
            if targets.isEmpty { continue }
            var y: [Double] = []
            var tt: [Double] = []
            var x: [Double] = []
            var province: [String] = []
            for s in all {
                for year in window(t, options) where s.yield(year).isFinite {
                    y.append(s.yield(year))
                    tt.append(Double(year - (t - 1)))
                    x.append(s.climate(year))
                    province.append(s.name)
                }
            }
            var columns = ["y": y, "t": tt]
            if climate { columns["x0"] = x }
            let fit = try LinearRegression.fit(formula, columns: columns, categories: ["province": province])
            var future: [String: [Double]] = ["t": targets.map { _ in 1 }]
            if climate { future["x0"] = targets.map { all[$0].climate(t) } }
            let predictions = try fit.predict(
                future, categories: ["province": targets.map { all[$0].name }], levels: [])
            for (k, i) in targets.enumerated() { errors[i].append(predictions[k].mean - all[i].yield(t)) }
        }
        return all.indices.map { i in
            score(climate ? "pooled+climate" : "pooled", all[i], origins[i], errors[i])
        }
    }
}
