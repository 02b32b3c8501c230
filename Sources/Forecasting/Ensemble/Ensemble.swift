import TimeSeriesCore

/// A combination of forecasters: each member is fitted to the series, and their point forecasts
/// and interval bounds are combined step by step (`Combination`).
///
/// The registry's `ensemble` is ETS (automatic), ARIMA (automatic) and Theta (dynamic optimised),
/// combined by the median, with intervals from the members' envelope: the three families the M4
/// competition found best combined (Makridakis et al. 2020, *IJF* 36(1), §4; Petropoulos &
/// Svetunkov 2020, the "SCUM" median combination of ETS, CES, ARIMA and DOTM), and statsforecast's
/// ETS/ARIMA/Theta/CES ensemble on M3.
///
/// A member that fails on a series (too short, out of its domain, no convergence) is dropped and
/// the summary says why. When every member fails, the forecast falls back to the seasonal naïve
/// method (period > 1 with more than one season of data) or the naïve method, with the reason.
///
/// With `.inverseMSE` the weights come from a rolling-origin validation on the training data
/// (`validation`, each window forecasting the same horizon); members whose validation fails keep
/// no weight, and when no member can be validated the combination falls back to the median.
public struct Ensemble: Forecaster {
    public let name: String
    public var members: [any Forecaster]
    public var combiner: EnsembleCombiner
    public var intervals: IntervalCombiner
    /// Windows of the rolling-origin validation behind `.inverseMSE` weights (step = horizon).
    public var validationWindows: Int

    public init(
        members: [any Forecaster], combiner: EnsembleCombiner = .median,
        intervals: IntervalCombiner = .envelope, validationWindows: Int = 1, name: String = "ensemble"
    ) {
        self.members = members
        self.combiner = combiner
        self.intervals = intervals
        self.validationWindows = max(1, validationWindows)
        self.name = name
    }

    /// The default members: automatic ETS, automatic ARIMA and dynamic optimised Theta.
    public static var defaultMembers: [any Forecaster] {
        [ETS(.automatic, name: "ets"), AutoARIMA(), Theta(variant: .dotm, name: "theta")]
    }

    /// Members by registry name (e.g. `ets,arima,theta`); `ensemble` and `auto` cannot be members.
    public init(
        memberNames: [String], combiner: EnsembleCombiner = .median,
        intervals: IntervalCombiner = .envelope, validationWindows: Int = 1,
        name: String = "ensemble"
    ) throws {
        guard !memberNames.isEmpty else { throw ForecastingError(.invalidArgument, "an ensemble needs members") }
        for bad in memberNames where bad == "ensemble" || bad == "auto" {
            throw ForecastingError(.invalidArgument, "'\(bad)' cannot be a member of an ensemble")
        }
        self.init(
            members: try memberNames.map { try ForecasterRegistry.forecaster(named: $0) },
            combiner: combiner, intervals: intervals, validationWindows: validationWindows, name: name)
    }

    /// One member's forecast, kept when the member succeeded.
    struct MemberForecast {
        var member: any Forecaster
        var forecast: Forecast
        var name: String { member.name }
    }

    public func forecast(_ y: [Double], period: Int, horizon: Int, levels: [Int]) throws -> Forecast {
        try forecastWithMembers(y, period: period, horizon: horizon, levels: levels).forecast
    }

    /// The forecast, and the members combined in it (none when the fallback forecast instead).
    func forecastWithMembers(
        _ y: [Double], period: Int, horizon: Int,
        levels: [Int]
    ) throws -> (forecast: Forecast, members: [any Forecaster]) {
        try validateArguments(y, period: period, horizon: horizon, levels: levels)
        guard !members.isEmpty else { throw ForecastingError(.invalidArgument, "an ensemble needs members") }
        var notes: [String] = []
        var fitted: [MemberForecast] = []
        for member in members {
            do {
                let f = try member.forecast(y, period: period, horizon: horizon, levels: levels)
                if let problem = Self.problem(with: f, horizon: horizon, levels: levels) {
                    notes.append("\(member.name) dropped: \(problem)")
                } else {
                    fitted.append(MemberForecast(member: member, forecast: f))
                }
            } catch {
                notes.append("\(member.name) dropped: \(Self.describe(error))")
            }
        }
        guard !fitted.isEmpty else {
            return (try fallback(y, period: period, horizon: horizon, levels: levels, notes: notes), [])
        }

        var combiner = self.combiner
        var weights: [Double]?
        var criteria: [String: Double] = [:]
        if combiner == .inverseMSE {
            var mse: [Double?] = []
            for m in fitted {
                do {
                    let e = try validationMSE(m.member, y: y, period: period, horizon: horizon)
                    criteria["\(m.name).validation_mse"] = e
                    mse.append(e)
                } catch {
                    notes.append("\(m.name) not validated (no weight): \(Self.describe(error))")
                    mse.append(nil)
                }
            }
            let validated = mse.compactMap { $0 }
            if validated.isEmpty {
                combiner = .median
                notes.append(
                    "no member could be validated on \(validationWindows) rolling-origin window(s) of "
                        + "horizon \(horizon): combined by the median")
            } else {
                let w = try Combination.inverseMSEWeights(validated)
                var k = 0
                weights = mse.map { e in
                    guard e != nil else { return 0 }
                    defer { k += 1 }
                    return w[k]
                }
            }
        }

        let mean = try Combination.combine(fitted.map(\.forecast.mean), by: combiner, weights: weights)
        let combinedIntervals = try levels.map { level in
            try Combination.combineIntervals(
                fitted.compactMap { $0.forecast.interval(level: level) }, level: level,
                point: mean, by: combiner, weights: weights, method: intervals)
        }
        let forecast = Forecast(
            model: summary(fitted, combiner: combiner, weights: weights, criteria: criteria, notes: notes),
            mean: mean, intervals: combinedIntervals,
            fitted: combinedFitted(
                fitted.map(\.forecast.fitted), count: y.count, combiner: combiner,
                weights: weights))
        return (forecast, fitted.map(\.member))
    }

    /// Mean squared error of `member` over the rolling-origin windows on `y` (Tashman 2000).
    func validationMSE(_ member: any Forecaster, y: [Double], period: Int, horizon: Int) throws -> Double {
        let origin = try RollingOrigin(horizon: horizon, windows: validationWindows)
        let result = try origin.evaluate(y, period: period, forecaster: member, levels: [])
        let mse = result.windows.compactMap { $0.score.rmse.map { $0 * $0 } }
        guard let e = Metrics.mean(mse), e.isFinite else {
            throw ForecastingError(.fitFailed, "no finite validation error")
        }
        return e
    }

    /// Why a member's forecast cannot be combined, or `nil` when it can.
    static func problem(with f: Forecast, horizon: Int, levels: [Int]) -> String? {
        guard f.mean.count == horizon else { return "\(f.mean.count) steps returned, \(horizon) asked for" }
        guard f.mean.allSatisfy(\.isFinite) else { return "non-finite point forecasts" }
        for level in levels {
            guard let i = f.interval(level: level), i.lower.count == horizon, i.upper.count == horizon,
                i.lower.allSatisfy(\.isFinite), i.upper.allSatisfy(\.isFinite)
            else { return "no finite \(level)% interval" }
        }
        return nil
    }

    static func describe(_ error: any Error) -> String {
        (error as? ForecastingError)?.description ?? String(describing: error)
    }

    /// Every member failed: seasonal naïve (period > 1 and more than one season) or naïve.
    func fallback(_ y: [Double], period: Int, horizon: Int, levels: [Int], notes: [String]) throws -> Forecast {
        let seasonal = period > 1 && y.count > period
        let base: any Forecaster = seasonal ? SeasonalNaive() : Naive()
        var f = try base.forecast(y, period: period, horizon: horizon, levels: levels)
        f.model.notes = notes + ["every member failed: \(base.name) forecast instead"] + f.model.notes
        f.model.name = "\(f.model.name) (fallback of \(name))"
        return f
    }

    func summary(
        _ fitted: [MemberForecast], combiner: EnsembleCombiner, weights: [Double]?,
        criteria: [String: Double], notes: [String]
    ) -> ModelSummary {
        var parameters: [String: Double] = [:]
        var criteria = criteria
        for (i, m) in fitted.enumerated() {
            for (k, v) in m.forecast.model.parameters { parameters["\(m.name).\(k)"] = v }
            for (k, v) in m.forecast.model.criteria { criteria["\(m.name).\(k)"] = v }
            if let weights { parameters["weight.\(m.name)"] = weights[i] }
        }
        let how: String
        switch combiner {
        case .median: how = "median of the members' point forecasts"
        case .mean: how = "equally weighted mean of the members' point forecasts"
        case .inverseMSE:
            how =
                "inverse-MSE weighted mean of the members' point forecasts (weights from \(validationWindows) "
                + "rolling-origin validation window(s) on the training data)"
        }
        let bounds: String
        switch intervals {
        case .quantiles: bounds = "interval bounds combined the same way (quantile combination)"
        case .envelope: bounds = "intervals from the members' envelope (lowest lower, highest upper bound)"
        }
        var memberNotes: [String] = []
        for m in fitted {
            memberNotes += m.forecast.model.notes.map { "\(m.name): \($0)" }
        }
        let scores = fitted.compactMap { m in
            m.forecast.holdout?.smape.map { "\(m.name) \(String(format: "%.2f", $0))" }
        }
        if !scores.isEmpty {
            memberNotes.insert(
                "members' sMAPE on the holdout of the series' last observations: "
                    + scores.joined(separator: ", "), at: 0)
        }
        let members = fitted.map(\.forecast.model.name).joined(separator: ", ")
        return ModelSummary(
            name: "Ensemble[\(combiner.rawValue)](\(members))", family: name,
            parameters: parameters, criteria: criteria,
            notes: ["members: \(members); \(how); \(bounds)"] + notes + memberNotes)
    }

    /// The members' in-sample fitted values combined at each time where at least one is finite.
    func combinedFitted(_ all: [[Double]?], count: Int, combiner: EnsembleCombiner, weights: [Double]?) -> [Double]? {
        guard all.allSatisfy({ $0?.count == count }) else { return nil }
        let paths = all.compactMap { $0 }
        return (0..<count).map { t in
            var values: [Double] = []
            var w: [Double] = []
            for (i, p) in paths.enumerated() where p[t].isFinite {
                values.append(p[t])
                w.append(weights?[i] ?? 1)
            }
            let v = combiner == .median ? Combination.median(values) : Combination.weightedMean(values, weights: w)
            return v ?? .nan
        }
    }
}

extension Ensemble: IntervalMethodConfigurable {
    /// Calibrated: every member's intervals calibrated on its holdout (`HoldoutCalibrated`) and
    /// the bounds combined like the points (`.quantiles`); the envelope of calibrated members
    /// would count the same missing uncertainty twice. Model: unchanged.
    public func with(intervals method: IntervalMethod) -> any Forecaster { withIntervals(method) }

    /// `with(intervals:)` as an `Ensemble`.
    public func withIntervals(_ method: IntervalMethod) -> Ensemble {
        guard method == .calibrated else { return self }
        var e = self
        e.members = members.map { IntervalMethod.calibrated.applied(to: $0) }
        e.intervals = .quantiles
        return e
    }
}
