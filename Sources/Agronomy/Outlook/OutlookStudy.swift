import Forecasting
import TimeSeriesCore

/// The evidence behind a price outlook: which model forecasts the price (univariate models
/// against the link to the export price, compared by rolling origin), and the model's 80% range
/// calibrated on its own past errors (`ConformalRange`), with how often such ranges held the
/// price in a rolling-origin backtest.
///
/// Every origin sees only the months before it (`ConformalRange.filledPrefix`); errors are
/// scored only on months with a reported price.
public struct OutlookStudy: Sendable {
    /// A model the outlook may use.
    public struct Candidate: Sendable {
        public var name: String
        /// `univariate` or `export-link`.
        public var kind: String
        public var forecaster: any Forecaster

        public init(name: String, kind: String = "univariate", forecaster: any Forecaster) {
            self.name = name
            self.kind = kind
            self.forecaster = forecaster
        }
    }

    /// The candidates of a price: the univariate `models` by registry name, in their order
    /// (`arima-x`, the export link, is not one of them), then the link to the export price
    /// (`LaggedExportRegression`, named `arima-x`) when its regressor is given.
    /// `muavu outlook` and `muavu publish` build their candidates here.
    public static func candidates(models: [String], exportRegressor: [Double]?) throws -> [Candidate] {
        var candidates: [Candidate] = []
        for name in models where name != "arima-x" {
            candidates.append(.init(name: name, forecaster: try ForecasterRegistry.forecaster(named: name)))
        }
        if let x = exportRegressor {
            candidates.append(
                .init(name: "arima-x", kind: "export-link", forecaster: LaggedExportRegression(regressor: x)))
        }
        return candidates
    }

    /// A candidate's rolling-origin score.
    public struct Score: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var rmse: Double?
        public var mape: Double?
        /// Scored (origin, step) pairs.
        public var cases: Int
        public var chosen: Bool
        /// Why a candidate has no score.
        public var note: String?
    }

    public struct Options: Sendable, Equatable {
        /// Months forecast.
        public var months = 3
        /// The range's level (%).
        public var level = 80
        /// The most recent origins before the end on which the candidates are compared.
        public var selectionOrigins = 24
        public var conformal: ConformalRange
        /// Further interval levels (%) the forecast must carry, besides the range's, 80 and 95.
        public var levels: [Int]
        /// Whether the months without a price are filled (linear interpolation inside each training
        /// prefix) before a model sees them; false for a series built from irregular quotes, whose
        /// gaps go to the model as NaN (`refusingGaps` says which candidates cannot take them).
        public var fillGaps = true

        public init(
            months: Int = 3, level: Int = 80, selectionOrigins: Int = 24, conformal: ConformalRange? = nil,
            levels: [Int] = [], fillGaps: Bool = true
        ) {
            (self.months, self.level, self.selectionOrigins, self.levels) = (months, level, selectionOrigins, levels)
            self.fillGaps = fillGaps
            self.conformal = conformal ?? .standard
        }
    }

    public var options: Options
    /// The candidates in order of preference for ties.
    public var scores: [Score]
    /// The chosen model's forecast from the whole series, with the model's own intervals.
    public var forecast: Forecast
    /// The calibrated ranges of each month (nil where too few past errors calibrate one).
    public var ranges: [ConformalRange.Range?]
    /// The rolling-origin coverage of the calibrated ranges (and of the model's own intervals).
    public var coverage: ConformalRange.Coverage
    /// The origins (training lengths) the candidates were compared on, oldest first.
    public var selectionOrigins: [Int]

    public var chosen: Score? { scores.first { $0.chosen } }

    /// Compares the candidates and calibrates the chosen one's ranges.
    /// - Parameter y: the monthly prices, NaN where none was reported; the last must be reported.
    public static func run(_ y: [Double], period: Int, candidates: [Candidate], options: Options) throws -> OutlookStudy
    {
        guard !candidates.isEmpty else { throw ForecastingError(.invalidArgument, "no candidate model") }
        guard options.months >= 1 else { throw ForecastingError(.invalidArgument, "months must be at least 1") }
        // The publish horizon reaches here too: bounded as every horizon is.
        try Limits.horizon.check(options.months, "months")
        guard (1...99).contains(options.level) else { throw ForecastingError(.invalidArgument, "level must be 1–99") }
        guard let last = y.last, last.isFinite else {
            throw ForecastingError(.nonFinite, "the latest month has no reported price")
        }
        let n = y.count
        let conformal = options.conformal
        let usable = conformal.usableOrigins(y)
        guard usable.contains(n) else {
            throw ForecastingError(
                .tooShort,
                "\(y.filter(\.isFinite).count) reported prices are too few (at least \(conformal.minimumTrain))")
        }
        let levels = Array(Set([options.level, 80, 95] + options.levels)).sorted()
        let selection = Array(usable.filter { $0 < n }.suffix(options.selectionOrigins))
        var scores: [Score] = []
        var cached: [ConformalRange.OriginForecasts] = []
        for c in candidates {
            let f = try ConformalRange.forecasts(
                y, period: period, horizon: options.months, levels: levels,
                forecaster: c.forecaster, origins: selection, fillGaps: options.fillGaps)
            cached.append(f)
            var squared = 0.0
            var relative = 0.0
            var cases = 0
            // In origin order: the sums, and so the document, do not depend on the dictionary's order.
            for t in f.forecasts.keys.sorted() {
                guard let forecast = f.forecasts[t] else { continue }
                for h in 1...options.months where t + h - 1 < n && y[t + h - 1].isFinite {
                    let e = y[t + h - 1] - forecast.mean[h - 1]
                    squared += e * e
                    relative += abs(e / y[t + h - 1])
                    cases += 1
                }
            }
            let failed = f.failures.count
            let note: String? =
                failed == 0
                ? nil
                : "failed at \(failed) of \(selection.count) origins: \(f.failures.sorted { $0.key < $1.key }.first?.value ?? "")"
            if failed == 0, cases > 0 {
                scores.append(
                    Score(
                        name: c.name, kind: c.kind, rmse: (squared / Double(cases)).squareRoot(),
                        mape: 100 * relative / Double(cases), cases: cases, chosen: false, note: nil))
            } else {
                scores.append(
                    Score(
                        name: c.name, kind: c.kind, rmse: nil, mape: nil, cases: cases, chosen: false,
                        note: note ?? "no reported month to score"))
            }
        }
        let order = BacktestPreference.order(scores.map(\.rmse))
        var lastError: (any Error)?
        for i in order {
            do {
                // Every usable origin: the ranges need the chosen model's past errors.
                var all = try ConformalRange.forecasts(
                    y, period: period, horizon: options.months, levels: levels,
                    forecaster: candidates[i].forecaster,
                    origins: usable.filter { cached[i].forecasts[$0] == nil }, fillGaps: options.fillGaps)
                for (t, f) in cached[i].forecasts { all.forecasts[t] = f }
                guard let forecast = all.forecasts[n] else {
                    throw ForecastingError(.fitFailed, all.failures[n] ?? "\(candidates[i].name) could not be fitted")
                }
                scores[i].chosen = true
                return OutlookStudy(
                    options: options, scores: scores, forecast: forecast,
                    ranges: conformal.ranges(all, origin: n, level: options.level),
                    coverage: conformal.coverage(all, level: options.level),
                    selectionOrigins: selection)
            } catch {
                scores[i].note = "fit failed: \(error)"
                lastError = error
            }
        }
        throw lastError ?? ForecastingError(.fitFailed, "no model could forecast the series")
    }

    /// The chosen model's forecast with the interval at the outlook's level replaced by the
    /// calibrated ranges (the model's own bounds kept for a month too few errors calibrate).
    public var calibratedForecast: Forecast {
        var f = forecast
        let level = options.level
        var lower = f.interval(level: level)?.lower ?? Array(repeating: .nan, count: f.horizon)
        var upper = f.interval(level: level)?.upper ?? Array(repeating: .nan, count: f.horizon)
        for case let r? in ranges where r.step <= f.horizon {
            lower[r.step - 1] = r.lower
            upper[r.step - 1] = r.upper
        }
        let calibrated = PredictionInterval(level: level, lower: lower, upper: upper)
        if let i = f.intervals.firstIndex(where: { $0.level == level }) {
            f.intervals[i] = calibrated
        } else {
            f.intervals.append(calibrated)
        }
        return f
    }
}
