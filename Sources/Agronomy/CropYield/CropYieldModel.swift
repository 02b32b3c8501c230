import Forecasting
import Foundation
import TimeSeriesCore

/// Crop-yield forecasting as the EU JRC MARS Crop Statistics Tool does it (López-Lozano et al.
/// 2015, "Towards regional grain yield forecasts in Europe", Agricultural and Forest Meteorology
/// 206, 12–32; JRC MARS Bulletin methodology): the yield of year t is
///
///     y(t) = trend(t) + Σⱼ βⱼ xⱼ(t) + ε(t),   trend(t) = a + b·t  or  a + b·t + c·t²,
///
/// fitted by ordinary least squares on the `trendYears` most recent years, where xⱼ(t) are
/// agro-climatic indicators (here: a monthly driver such as ENSO ONI averaged over the crop's
/// window, see `CovariateAligner`). The trend's degree is chosen by leave-one-year-out (LOYO)
/// error; the climate regression is kept only when its LOYO error beats the trend alone, and
/// both are judged against automatic ETS on the same years.
///
/// LOYO for a regression candidate: each year of the window is left out in turn, the model is
/// refitted on the other years and predicts the year left out. A state-space model (ETS) cannot
/// leave an interior year out, so its "LOYO" forecast of a year is the one-step-ahead forecast
/// from every year before it (the stricter test). RMSE = √(mean e²), MAPE = 100·mean |e/y|.
/// `YieldRollingOrigin` scores the same candidates by rolling origin instead, each year forecast
/// from its past only.
///
/// Intervals of a regression candidate are OLS prediction intervals, ŷ ± t(n−p)·√(se(ŷ)² + σ²)
/// (Weisberg, Applied Linear Regression, §3.5); ETS's are its own.
public enum CropYieldModel {
    /// A monthly driver averaged over the crop's window: one value per observed year, one per
    /// forecast year (`.nan` where the window is not yet observed).
    public struct Indicator: Sendable, Equatable {
        public var name: String
        public var past: [Double]
        public var future: [Double]

        public init(name: String, past: [Double], future: [Double]) {
            self.name = name
            self.past = past
            self.future = future
        }
    }

    public struct Options: Sendable, Equatable {
        /// How many recent years the trend and regression are fitted on (MARS uses 10–20).
        public var trendYears: Int
        /// Whether a quadratic trend is a candidate.
        public var allowQuadratic: Bool
        /// Whether automatic ETS is a candidate.
        public var includeETS: Bool
        /// How the candidates are scored and chosen.
        public var selection: Selection

        public init(
            trendYears: Int = 15, allowQuadratic: Bool = true, includeETS: Bool = true,
            selection: Selection = .leaveOneYearOut
        ) {
            self.trendYears = trendYears
            self.allowQuadratic = allowQuadratic
            self.includeETS = includeETS
            self.selection = selection
        }
    }

    /// How the candidates are scored: leave-one-year-out over the trend window (as JRC MARS), or
    /// by rolling origin over the last `origins` years (`YieldRollingOrigin`: each year forecast
    /// from the `trendYears` years before it only, the skill a forecaster has).
    public enum Selection: Sendable, Equatable {
        case leaveOneYearOut
        case rollingOrigin(origins: Int)

        /// `loyo` or `rolling-origin`, as documents name the method.
        public var method: String {
            switch self {
            case .leaveOneYearOut: "loyo"
            case .rollingOrigin: "rolling-origin"
            }
        }
    }

    /// One candidate and its leave-one-year-out skill.
    public struct Candidate: Sendable, Equatable {
        /// `trend-linear`, `trend-quadratic`, `trend+climate`, `ets`.
        public var name: String
        public var description: String
        /// LOYO errors, one per year of the window (forecast − observed).
        public var errors: [Double]
        public var rmse: Double?
        public var mape: Double?
        public var chosen: Bool
    }

    /// The forecast and the evidence for the model behind it.
    public struct Result: Sendable, Equatable {
        public var forecast: Forecast
        public var candidates: [Candidate]
        /// The years the LOYO scores cover.
        public var years: ClosedRange<Int>
        /// The chosen candidate's name.
        public var chosen: String
        public var chosenCandidate: Candidate? { candidates.first { $0.chosen } }
    }

    /// Fits the candidates to `yields` (one per year, `firstYear` first, all finite) and
    /// forecasts `horizon` years with intervals at `levels`.
    public static func forecast(
        yields: [Double], firstYear: Int, indicators: [Indicator] = [], horizon: Int,
        levels: [Int], options: Options = Options()
    ) throws -> Result {
        try checkArguments(yields: yields, indicators: indicators, horizon: horizon, levels: levels, options: options)
        if case .rollingOrigin(let origins) = options.selection {
            return try rollingOriginForecast(
                yields: yields, firstYear: firstYear, indicators: indicators, horizon: horizon, levels: levels,
                options: options, origins: origins)
        }
        let n = options.trendYears
        let offset = yields.count - n
        let lastYear = firstYear + yields.count - 1
        let y = Array(yields[offset...])
        // t = 0 in the last observed year, so the coefficients read as "level now" and "change a year".
        let t = (0..<n).map { Double($0 - (n - 1)) }
        // Indicators are usable only if observed in every year of the window.
        let usable = indicators.filter { ind in ind.past[offset...].allSatisfy(\.isFinite) }
        let x = usable.map { Array($0.past[offset...]) }

        var candidates: [Candidate] = []
        func score(_ name: String, _ description: String, _ errors: [Double]) -> Candidate {
            Candidate(
                name: name, description: description, errors: errors,
                rmse: Metrics.rmse(y, zip(y, errors).map { $0 + $1 }),
                mape: Metrics.mape(y, zip(y, errors).map { $0 + $1 }), chosen: false)
        }
        let linear = Design(degree: 1, indicators: [])
        candidates.append(
            score("trend-linear", "linear trend of the last \(n) years", try loyoErrors(linear, t: t, x: x, y: y)))
        var trend = linear
        if options.allowQuadratic {
            let quadratic = Design(degree: 2, indicators: [])
            let q = score(
                "trend-quadratic", "quadratic trend of the last \(n) years", try loyoErrors(quadratic, t: t, x: x, y: y)
            )
            candidates.append(q)
            if let qr = q.rmse, let lr = candidates[0].rmse, qr < lr { trend = quadratic }
        }
        let trendName = trend.degree == 2 ? "trend-quadratic" : "trend-linear"
        var climate: Design?
        if !usable.isEmpty {
            let d = Design(degree: trend.degree, indicators: Array(usable.indices))
            let names = usable.map(\.name).joined(separator: ", ")
            candidates.append(
                score(
                    "trend+climate", "\(trend.degree == 2 ? "quadratic" : "linear") trend + \(names)",
                    try loyoErrors(d, t: t, x: x, y: y)))
            climate = d
        }
        var etsForecast: Forecast?
        if options.includeETS {
            // ETS is a benchmark here: if it cannot be fitted (too few years before the window), it is left out.
            let ets = ETS(.automatic, name: "ets")
            var errors: [Double] = []
            for i in 0..<n {
                let prefix = Array(yields[0..<(offset + i)])
                guard prefix.count >= 4, let f = try? ets.forecast(prefix, period: 1, horizon: 1, levels: []) else {
                    break
                }
                errors.append(f.mean[0] - y[i])
            }
            if errors.count == n, let f = try? ets.forecast(yields, period: 1, horizon: horizon, levels: levels) {
                candidates.append(
                    score("ets", "automatic ETS on the whole series (one-step-ahead for each year)", errors))
                etsForecast = f
            }
        }
        // The winner among trend-only (degree chosen above), trend+climate and ETS.
        let eligible = candidates.filter { $0.name == trendName || $0.name == "trend+climate" || $0.name == "ets" }
        var best = eligible[0]
        for c in eligible.dropFirst() {
            if let r = c.rmse, let b = best.rmse, r < b { best = c }
        }
        for i in candidates.indices where candidates[i].name == best.name { candidates[i].chosen = true }

        var forecast: Forecast
        var notes: [String] = candidates.map { c in
            "LOYO \(c.name) (\(c.description)): RMSE \(fmt(c.rmse)), MAPE \(fmt(c.mape))%"
                + (c.chosen ? " [chosen]" : "")
        }
        if best.name == "ets", let ets = etsForecast {
            forecast = ets
            forecast.model.notes = notes + forecast.model.notes
            forecast.model.family = "crop-yield"
        } else {
            let design = best.name == "trend+climate" ? (climate ?? trend) : trend
            forecast = try regressionForecast(
                design, usable: usable, t: t, x: x, y: y, horizon: horizon, levels: levels,
                lastYear: lastYear, notes: notes)
        }
        let score = CrossValidationScore(rmse: best.rmse, mape: best.mape)
        forecast.crossValidation = score
        forecast.model.criteria.merge(score.criteria(prefix: "loyo_")) { $1 }
        return Result(
            forecast: forecast, candidates: candidates, years: (lastYear - n + 1)...lastYear, chosen: best.name)
    }

    /// The candidates scored by rolling origin over the last `origins` years (`YieldRollingOrigin`:
    /// the regressions fitted on the `trendYears` years before each origin, ETS on every year
    /// before it; the climate candidate takes the first indicator observed in every year, with a
    /// linear trend), the one with the lowest RMSE refitted on the last `trendYears` years (ETS: on
    /// every year) to forecast. Its rolling-origin RMSE and MAPE are the skill the forecast carries.
    static func rollingOriginForecast(
        yields: [Double], firstYear: Int, indicators: [Indicator], horizon: Int, levels: [Int], options: Options,
        origins: Int
    ) throws -> Result {
        try ArgumentCheck.atLeastOne(origins, "origins")
        let n = options.trendYears
        let offset = yields.count - n
        let lastYear = firstYear + yields.count - 1
        let y = Array(yields[offset...])
        let t = (0..<n).map { Double($0 - (n - 1)) }
        let usable = indicators.filter { ind in ind.past.allSatisfy(\.isFinite) }.prefix(1).map { $0 }
        let x = usable.map { Array($0.past[offset...]) }
        let from = max(firstYear + 6, lastYear - origins + 1)
        guard from <= lastYear else {
            throw ForecastingError(
                .tooShort, "\(yields.count) years of yields leave no rolling origin with 6 years before it")
        }
        let scored = try YieldRollingOrigin.perProvince(
            .init(name: "yield", firstYear: firstYear, yields: yields, indicator: usable.first?.past ?? []),
            options: .init(
                origins: from...lastYear, trendYears: n, minimumYears: 6, allowQuadratic: options.allowQuadratic,
                includeETS: options.includeETS))
        guard let best = scored.chosen else {
            throw ForecastingError(.tooShort, "no rolling origin of the yields could be scored")
        }
        let names = usable.map(\.name).joined(separator: ", ")
        let descriptions = [
            "trend-linear": "linear trend of the \(n) years before each origin",
            "trend-quadratic": "quadratic trend of the \(n) years before each origin",
            "trend+climate": "linear trend + \(names), the \(n) years before each origin",
            "ets": "automatic ETS on every year before each origin",
        ]
        let candidates = scored.candidates.map { c in
            Candidate(
                name: c.name, description: descriptions[c.name] ?? c.name, errors: c.errors, rmse: c.rmse,
                mape: c.mape, chosen: c.name == best.name)
        }
        let span = "\(best.years.first ?? from)–\(best.years.last ?? lastYear)"
        let notes = candidates.map { c in
            "rolling origin \(span) \(c.name) (\(c.description)): RMSE \(fmt(c.rmse)), MAPE \(fmt(c.mape))%"
                + (c.chosen ? " [chosen]" : "")
        }
        var forecast: Forecast
        switch best.name {
        case "ets":
            forecast = try ETS(.automatic, name: "ets").forecast(yields, period: 1, horizon: horizon, levels: levels)
            forecast.model.notes = notes + forecast.model.notes
            forecast.model.family = "crop-yield"
        default:
            let design = Design(
                degree: best.name == "trend-quadratic" ? 2 : 1, indicators: best.name == "trend+climate" ? [0] : [])
            forecast = try regressionForecast(
                design, usable: usable, t: t, x: x, y: y, horizon: horizon, levels: levels, lastYear: lastYear,
                notes: notes)
        }
        let score = CrossValidationScore(rmse: best.rmse, mape: best.mape)
        forecast.crossValidation = score
        forecast.model.criteria.merge(score.criteria(prefix: "rolling_origin_")) { $1 }
        let years = (best.years.first ?? from)...(best.years.last ?? lastYear)
        return Result(forecast: forecast, candidates: candidates, years: years, chosen: best.name)
    }

    /// The arguments `forecast` refuses: a horizon or level out of range, a trend window under six
    /// years or longer than the yields, missing yields, indicators of the wrong length.
    static func checkArguments(
        yields: [Double], indicators: [Indicator], horizon: Int, levels: [Int],
        options: Options
    ) throws {
        try ArgumentCheck.atLeastOne(horizon, "horizon")
        try Limits.horizon.check(horizon, "horizon")
        try ArgumentCheck.levels(levels)
        guard options.trendYears >= 6 else {
            throw ForecastingError(.invalidArgument, "trendYears must be at least 6, got \(options.trendYears)")
        }
        guard yields.allSatisfy(\.isFinite) else {
            throw ForecastingError(.nonFinite, "the yields have missing values")
        }
        guard yields.count >= options.trendYears else {
            throw ForecastingError(
                .tooShort, "\(yields.count) years of yields for a \(options.trendYears)-year trend window")
        }
        for ind in indicators where ind.past.count != yields.count || ind.future.count != horizon {
            throw ForecastingError(
                .invalidArgument,
                "indicator '\(ind.name)' has \(ind.past.count) past and \(ind.future.count) future values "
                    + "for \(yields.count) years and horizon \(horizon)")
        }
    }

    /// The forecast of the regression `design` fitted on the window (`t`, `x`, `y`), its indicators'
    /// future values standing in by their window mean where not yet observed; `notes` are the LOYO
    /// notes, to which the stand-ins and the time origin are added.
    static func regressionForecast(
        _ design: Design, usable: [Indicator], t: [Double], x: [[Double]], y: [Double],
        horizon: Int, levels: [Int], lastYear: Int, notes: [String]
    ) throws -> Forecast {
        let n = y.count
        var notes = notes
        var futureX: [[Double]] = []
        for j in design.indicators {
            let ind = usable[j]
            let mean = x[j].reduce(0, +) / Double(n)
            futureX.append(ind.future.map { v in v.isFinite ? v : mean })
            if ind.future.contains(where: { !$0.isFinite }) {
                notes.append("\(ind.name) is not yet observed for every forecast year; its \(n)-year mean stands in")
            }
        }
        let fit = try design.fit(t: t, x: x, y: y)
        var columns: [String: [Double]] = ["t": (1...horizon).map(Double.init)]
        for (k, j) in design.indicators.enumerated() { columns["x\(j)"] = futureX[k] }
        let predictions = try fit.predict(columns, levels: levels)
        let intervals = levels.map { level in
            PredictionInterval(
                level: level, lower: predictions.map { $0.prediction[level]?.lower ?? .nan },
                upper: predictions.map { $0.prediction[level]?.upper ?? .nan })
        }
        var parameters: [String: Double] = [:]
        for c in fit.coefficients {
            var term = c.term
            for j in design.indicators { term = term.replacingOccurrences(of: "x\(j)", with: usable[j].name) }
            parameters[term] = c.estimate
        }
        let label =
            (design.degree == 2 ? "quadratic" : "linear") + " trend"
            + (design.indicators.isEmpty
                ? "" : " + " + design.indicators.map { usable[$0].name }.joined(separator: " + "))
        notes.append("t = year − \(lastYear); fitted on \(lastYear - n + 1)–\(lastYear)")
        return Forecast(
            model: ModelSummary(
                name: "CropYield(\(label))", family: "crop-yield", parameters: parameters,
                criteria: [
                    "sigma": fit.sigma, "r_squared": fit.rSquared,
                    "adj_r_squared": fit.adjustedRSquared,
                ],
                notes: notes),
            mean: predictions.map(\.mean), intervals: intervals)
    }

    /// A regression design: polynomial trend in t plus the indicator columns `indicators`.
    struct Design {
        var degree: Int
        var indicators: [Int]

        var formula: String {
            "y ~ t" + (degree == 2 ? " + I(t^2)" : "") + indicators.map { " + x\($0)" }.joined()
        }

        func fit(t: [Double], x: [[Double]], y: [Double], rows: [Int]? = nil) throws -> RegressionFit {
            let rows = rows ?? Array(y.indices)
            var columns: [String: [Double]] = ["y": rows.map { y[$0] }, "t": rows.map { t[$0] }]
            for j in indicators { columns["x\(j)"] = rows.map { x[j][$0] } }
            return try LinearRegression.fit(RegressionFormula(formula), columns: columns)
        }
    }

    /// Leave-one-year-out errors (prediction − observed) of `design` on the window.
    static func loyoErrors(_ design: Design, t: [Double], x: [[Double]], y: [Double]) throws -> [Double] {
        try y.indices.map { i in
            let rows = y.indices.filter { $0 != i }
            let fit = try design.fit(t: t, x: x, y: y, rows: rows)
            var columns: [String: [Double]] = ["t": [t[i]]]
            for j in design.indicators { columns["x\(j)"] = [x[j][i]] }
            guard let p = try fit.predict(columns, levels: []).first else {
                throw ForecastingError(.fitFailed, "no prediction for the year left out")
            }
            return p.mean - y[i]
        }
    }

    static func fmt(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "n/a" }
        return String(format: "%.4g", v)
    }
}
