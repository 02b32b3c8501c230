import AgriData
import Forecasting
import Foundation
import TimeSeriesCore

/// How the model of one published series was chosen and how well the candidates did.
public struct ModelSelection: Sendable, Equatable {
    /// `loyo` (leave-one-year-out, crop yields) or `rolling-origin` (backtest of the models).
    public var method: String
    /// What the scores cover: `2006–2020`, `12 windows × 3 steps`.
    public var span: String
    public var candidates: [Score]

    /// A candidate's score (rolling origin, or leave-one-year-out for crop yields).
    public typealias Score = RollingOriginChoice.Score

    /// For a monthly price: how the chosen model's range was calibrated and how often such
    /// ranges held the price in the rolling-origin backtest (nil: the model's own intervals).
    public var range: CalibratedRange?

    /// For a monthly price whose candidates could include the configuration's export link: why
    /// they do not (the series is the export price itself, or the export price does not cover the
    /// months before it); nil when the link is a candidate or none is configured.
    public var exportLinkNote: Bilingual?

    public struct CalibratedRange: Sendable, Equatable {
        /// The calibrated level (%).
        public var level: Int
        /// The origins the candidates were compared on, and the months ahead scored.
        public var origins: Int
        public var months: Int
        /// The most recent errors of each step that calibrate a range.
        public var calibrationOrigins: Int
        /// (origin, month) pairs checked, and those whose calibrated range held the price.
        public var cases: Int
        public var held: Int
        /// Of the same cases, those the model's own interval at `level` held (nil: no such interval).
        public var modelHeld: Int?

        public var coverage: Double? { cases > 0 ? Double(held) / Double(cases) : nil }
        public var modelCoverage: Double? { cases > 0 ? modelHeld.map { Double($0) / Double(cases) } : nil }
    }

    public var chosen: Score? { candidates.first { $0.chosen } }
}

/// One series as published: its history, its forecast and the evidence for the model.
struct PublishedSeries: Sendable {
    var entry: PublishConfiguration.Entry
    /// The history shown and documented (prices: observed months only, gaps as `.nan`).
    var history: TimeSeries
    /// The series the model was fitted on (gaps filled per the dataset's policy).
    var fitted: TimeSeries
    var forecast: Forecast
    var datasetFile: String
    var unit: Bilingual
    var decimals: Int
    var selection: ModelSelection
    /// For production: the area model's selection.
    var areaSelection: ModelSelection?
    var outlook: PriceOutlook?
    var alert: Bulletin.PriceAlert?

    var chartFile: String { "charts/\(entry.id).svg" }
    var documentFile: String { "forecasts/\(entry.id).json" }
}

/// The rolling-origin choice of a univariate model (`RollingOriginChoice`) as a published
/// series' selection.
enum UnivariateChoice {
    static func forecast(
        _ s: TimeSeries, models: [String], horizon: Int, levels: [Int],
        windows: Int
    ) throws -> (Forecast, ModelSelection) {
        let choice = try RollingOriginChoice.forecast(
            s, models: models, horizon: horizon, levels: levels,
            windows: windows)
        return (choice.forecast, ModelSelection(method: "rolling-origin", span: choice.span, candidates: choice.scores))
    }
}
