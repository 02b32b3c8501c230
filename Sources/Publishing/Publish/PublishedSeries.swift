import AgriData
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// One series as published: its history, its forecast and the evidence for the model.
struct PublishedSeries: Sendable {
    let entry: PublishConfiguration.Entry
    /// The history shown and documented (prices: observed months only, gaps as `.nan`).
    let history: TimeSeries
    /// The series the model was fitted on (gaps filled per the dataset's policy).
    let fitted: TimeSeries
    let forecast: Forecast
    let datasetFile: String
    let unit: Bilingual
    let decimals: Int
    let selection: ModelSelection
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
