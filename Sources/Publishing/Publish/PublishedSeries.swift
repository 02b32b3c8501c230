import AgriData
import Documents
import Forecasting
import Foundation
import Rendering
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
    /// Sell fresh now or dry and store, for the prices the configuration's sellOrStore lists.
    var sellOrStore: SellOrStoreSection?
    var alert: Bulletin.PriceAlert?
    /// The last observed period and its age at the issue date (nil without a calendar).
    var age: DataAge?
    /// The crop calendar whose seasons name the periods of a season series (the entry's
    /// `calendar`); nil: periods as `NumberText.date` writes them ("Vụ 1/2027").
    var calendar: CropCalendar?

    /// The period `date` in words: a crop season by its calendar's crop-year label, another
    /// period as `NumberText.date` writes it.
    func label(_ date: PeriodDate, _ language: Language) -> String {
        calendar?.label(date, english: language == .en) ?? NumberText.date(date, language: language)
    }

    /// Periods a year: k for a series of k crop seasons, 12 for months... (`PriceOutlook`).
    var periodsPerYear: Int { PriceOutlook.periodsPerYear(history) }

    /// The observed values of the history at the same place in the year as forecast step `step`
    /// (0-based), oldest first: the same crop season for a season series, every value otherwise.
    /// Yearly series keep comparing with every year; a season is compared like with like.
    func sameSeasonHistory(step: Int) -> [Double] {
        let k = periodsPerYear
        guard case .season = history.start, k > 1 else { return history.values.filter(\.isFinite) }
        let target = history.count + step
        return history.values.indices.filter { (target - $0) % k == 0 }.map { history.values[$0] }
            .filter(\.isFinite)
    }

    var chartFile: String { "charts/\(entry.id).svg" }
    var documentFile: String { "forecasts/\(entry.id).json" }

    /// The forecast step (1-based) of the issue period: the bulletin's headline, comparison and
    /// price outlook speak of it; the steps before it are estimates of periods already past.
    var issueStep: Int { Self.estimates(history, issueDay: issueDay) + 1 }
    /// The issue date (a day), for `issueStep`.
    var issueDay: PeriodDate = .index(0)

    /// `series.estimatedPeriods(before: issueDay)`: a forecast runs `estimates + horizon` steps.
    static func estimates(_ series: TimeSeries, issueDay: PeriodDate) -> Int {
        series.estimatedPeriods(before: issueDay)
    }
}

/// A configured series with no forecast: its data ends more than `DataAge.maximumGap` periods
/// before the issue date, or it is a production whose yield entry is so withheld. The bulletin
/// and `index.json` say why.
struct WithheldSeries: Sendable {
    let entry: PublishConfiguration.Entry
    let age: DataAge?
    let reason: Bilingual
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

extension Forecast {
    /// The forecast in a unit `factor` times smaller (`Units`: t → nghìn tấn is 0.001): the mean
    /// and every interval bound multiplied by `factor` > 0, the model unchanged.
    func scaled(by factor: Double) -> Forecast {
        guard factor != 1 else { return self }
        var f = self
        f.mean = mean.map { $0 * factor }
        f.intervals = intervals.map {
            PredictionInterval(
                level: $0.level, lower: $0.lower.map { $0 * factor }, upper: $0.upper.map { $0 * factor })
        }
        f.fitted = fitted?.map { $0 * factor }
        return f
    }
}

extension Publisher {
    /// What area × yield is multiplied by to be in the production's unit: an area in `area` (ha)
    /// times a yield in `yield` (N/D, e.g. tạ/ha) is an amount of N once the area is in D; that
    /// amount in `to` (e.g. nghìn tấn). 1 when a unit is not known (the data as given).
    static func productFactor(area: String?, yield: String?, to target: String?) throws -> Double {
        guard let area, let yield, let target, let y = UnitOfMeasure.known(yield), let d = y.denominator else {
            return 1
        }
        let areaInD = try UnitOfMeasure(area).factor(to: UnitOfMeasure(d.symbol))
        return try areaInD * UnitOfMeasure(y.numerator.symbol).factor(to: UnitOfMeasure(target))
    }
}
