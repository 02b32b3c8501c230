import Foundation
import TimeSeriesCore

/// `muavu.forecast/v1` (CONTRACT.md): per series, the model that was fitted and its point forecasts
/// with interval bounds at every level; series that could not be forecast are in `errors`.
public struct ForecastDocument: Sendable, Equatable, Encodable {
    public static let schemaName = "muavu.forecast/v1"

    public var dataset: String
    public var horizon: Int
    public var levels: [Int]
    public var series: [SeriesEntry]
    // What every document carries: its schema, the engine that wrote it and when (ISO 8601 UTC).
    public var schema: String = ForecastDocument.schemaName
    public var engine: Engine
    public var issued: String
    public var errors: [ErrorEntry]

    public struct ErrorEntry: Sendable, Equatable, Encodable {
        public var id: String
        public var message: String
    }

    /// The fitted model as the document shows it; non-finite numbers become `null`.
    public struct ModelEntry: Sendable, Equatable, Encodable {
        public var name: String
        public var family: String
        public var parameters: [String: Double?]
        public var criteria: [String: Double?]
        public var notes: [String]

        init(_ m: ModelSummary) {
            name = m.name
            family = m.family
            parameters = m.parameters.mapValues { finite($0) }
            criteria = m.criteria.mapValues { finite($0) }
            notes = m.notes
        }
    }

    public struct Point: Sendable, Equatable, Encodable {
        /// The period forecast, in the contract's date forms, or `null` for a series without calendar.
        @Nullable public var date: String?
        public var horizon: Int
        @Nullable public var mean: Double?
        public var lower: [String: Double?]
        public var upper: [String: Double?]

    }

    public struct SeriesEntry: Sendable, Equatable, Encodable {
        public var id: String
        public var frequency: String
        public var period: Int
        /// Observations the model was fitted on.
        public var observations: Int
        public var model: ModelEntry
        public var points: [Point]
        /// The covariates of a regression with ARIMA errors and their coefficients; absent for a
        /// model without covariates.
        public var covariates: [CovariateEntry]? = nil
        /// How the data file's dates were read (`2015-01-01` as a month or a day, `1000` as a year
        /// or an index); absent for a series without a data file's dates.
        public var dates_read_as: String? = nil
    }

    /// One covariate of a dynamic regression: x_t = `series` at period t − `lag`, with coefficient β
    /// (the change of the forecast variable per unit of the covariate).
    public struct CovariateEntry: Sendable, Equatable, Encodable {
        /// The covariate's series id.
        public var series: String
        public var lag: Int
        /// As written on the command line: `ID` or `ID@lagK`.
        public var term: String
        public var coefficient: Double?

        public init(series: String, lag: Int, term: String, coefficient: Double?) {
            self.series = series
            self.lag = lag
            self.term = term
            self.coefficient = finite(coefficient)
        }
    }

    /// The entry of one forecast series: dates continue the series' calendar.
    public static func entry(series: TimeSeries, forecast: Forecast, levels: [Int]) -> SeriesEntry {
        let points = forecast.mean.indices.map { h in
            var lower: [String: Double?] = [:]
            var upper: [String: Double?] = [:]
            for level in levels {
                let interval = forecast.interval(level: level)
                lower["\(level)"] = finite(interval.flatMap { h < $0.lower.count ? $0.lower[h] : nil })
                upper["\(level)"] = finite(interval.flatMap { h < $0.upper.count ? $0.upper[h] : nil })
            }
            return Point(
                date: series.date(at: series.count + h)?.description, horizon: h + 1,
                mean: finite(forecast.mean[h]), lower: lower, upper: upper)
        }
        return SeriesEntry(
            id: series.id, frequency: series.frequency.rawValue, period: series.period,
            observations: series.count, model: ModelEntry(forecast.model), points: points,
            dates_read_as: series.dateReading)
    }

    /// Why the forecast of `series` cannot be dated: a step would fall after 9999-12-31, which a
    /// four-digit year cannot write (`nil` when every step can be written).
    public static func undatable(series: TimeSeries, horizon: Int) -> ForecastingError? {
        guard horizon >= 1, let last = series.date(at: series.count + horizon - 1) else { return nil }
        let year: Int
        switch last {
        case .year(let y), .quarter(let y, _), .month(let y, _), .day(let y, _, _), .season(let y, _, _): year = y
        case .index: return nil
        }
        guard year > 9999 else { return nil }
        return ForecastingError(
            .invalidArgument,
            "a forecast \(horizon) steps ahead would reach the year \(year), after 9999-12-31 (the last "
                + "date the documents can write with four digits); shorten --horizon")
    }

    /// `outcomes[i]` is the forecast of `series[i]` or why there is none.
    public init(
        dataset: String, horizon: Int, levels: [Int], series: [TimeSeries],
        outcomes: [Result<Forecast, ForecastingError>], issued: Date
    ) {
        engine = Engine.current
        self.issued = IssueTime.iso8601(issued)
        self.dataset = dataset
        self.horizon = horizon
        self.levels = levels
        var entries: [SeriesEntry] = []
        var errors: [ErrorEntry] = []
        for (s, outcome) in zip(series, outcomes) {
            if let error = Self.undatable(series: s, horizon: horizon) {
                errors.append(ErrorEntry(id: s.id, message: error.description))
                continue
            }
            switch outcome {
            case .success(let f): entries.append(Self.entry(series: s, forecast: f, levels: levels))
            case .failure(let e): errors.append(ErrorEntry(id: s.id, message: e.description))
            }
        }
        self.series = entries
        self.errors = errors
    }
}
