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
        /// `estimate` for a period before the issue period (a period already past, estimated
        /// because its data is not in), `forecast` from the issue period on; absent for a series
        /// without calendar.
        public var period: PeriodKind? = nil
    }

    /// What a point of a forecast is, against the issue date.
    public enum PeriodKind: String, Sendable, Equatable, Encodable {
        case estimate, forecast
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
        /// The last observed period and its age at the issue date; absent for a series without
        /// calendar.
        public var data_age: DataAgeEntry? = nil
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
    public static func entry(series: TimeSeries, forecast: Forecast, levels: [Int], age: DataAge? = nil)
        -> SeriesEntry
    {
        let points = forecast.mean.indices.map { h in
            var lower: [String: Double?] = [:]
            var upper: [String: Double?] = [:]
            for level in levels {
                let interval = forecast.interval(level: level)
                lower["\(level)"] = finite(interval.flatMap { h < $0.lower.count ? $0.lower[h] : nil })
                upper["\(level)"] = finite(interval.flatMap { h < $0.upper.count ? $0.upper[h] : nil })
            }
            let date = series.date(at: series.count + h)
            let kind = age.flatMap { a in date.map { a.isEstimate($0) ? PeriodKind.estimate : .forecast } }
            return Point(
                date: date?.description, horizon: h + 1, mean: finite(forecast.mean[h]), lower: lower, upper: upper,
                period: kind)
        }
        return SeriesEntry(
            id: series.id, frequency: series.frequency.rawValue, period: series.period,
            observations: series.count, model: ModelEntry(forecast.model), points: points,
            dates_read_as: series.dateReading, data_age: age.map(DataAgeEntry.init))
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

    /// `outcomes[i]` is the forecast of `series[i]` or why there is none. Each series' age is
    /// stated at the issue date (`issueDay`, else `IssueTime.day(of: issued)`), with
    /// `freshness[i]` months allowed (nil or absent: `DataAge.defaultFreshness`).
    public init(
        dataset: String, horizon: Int, levels: [Int], series: [TimeSeries],
        outcomes: [Result<Forecast, ForecastingError>], issued: Date, issueDay: PeriodDate? = nil,
        freshness: [Int?] = []
    ) {
        engine = Engine.current
        self.issued = IssueTime.iso8601(issued)
        self.dataset = dataset
        self.horizon = horizon
        self.levels = levels
        var entries: [SeriesEntry] = []
        var errors: [ErrorEntry] = []
        let issueDay = issueDay ?? IssueTime.day(of: issued)
        for (i, (s, outcome)) in zip(series, outcomes).enumerated() {
            let age = DataAge(of: s, issueDay: issueDay, freshness: i < freshness.count ? freshness[i] : nil)
            if let error = Self.undatable(series: s, horizon: horizon) {
                errors.append(ErrorEntry(id: s.id, message: error.description))
                continue
            }
            switch outcome {
            case .success(let f): entries.append(Self.entry(series: s, forecast: f, levels: levels, age: age))
            case .failure(let e): errors.append(ErrorEntry(id: s.id, message: e.description))
            }
        }
        self.series = entries
        self.errors = errors
    }
}
