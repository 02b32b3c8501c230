import AgriData
import Agronomy
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// The model and calibrated range of a monthly price in the bulletin: the same `OutlookStudy`
/// as `muavu outlook --config C --commodity … --months H --as-of ISSUE-DAY` runs on the entry,
/// so the bulletin's 80% range is the outlook's. The entry's univariate models (`theta` when it
/// names none) and, for every price but the export price itself, the link to the export price
/// (`LaggedExportRegression`) are compared by rolling origin; the chosen model's range at the
/// headline level is calibrated on its own recent errors (split-conformal, `ConformalRange`).
enum PublishedPriceStudy {
    /// The study's candidates for `entry`: its univariate models (`theta` when it names none) and
    /// the export link when `exportRegressor` is given (`OutlookStudy.candidates`).
    static func candidates(_ entry: PublishConfiguration.Entry, exportRegressor: [Double]?) throws -> [OutlookStudy
        .Candidate]
    {
        try OutlookStudy.candidates(models: entry.priceModels, exportRegressor: exportRegressor)
    }

    /// Whether `reported` (NaN where no price was reported) has enough reported months for the
    /// study: its latest month reported and at least `ConformalRange.standard.minimumTrain` of them.
    static func applies(_ reported: [Double]) -> Bool {
        guard let last = reported.last, last.isFinite else { return false }
        return ConformalRange.standard.usableOrigins(reported).last == reported.count
    }

    /// Runs the study and returns the chosen model's forecast, its 80% interval replaced by the
    /// calibrated range, with the selection and the range's backtest.
    static func forecast(
        _ reported: TimeSeries, candidates: [OutlookStudy.Candidate], months: Int, level: Int,
        levels: [Int], fillGaps: Bool = true
    ) throws -> (Forecast, ModelSelection, OutlookStudy) {
        let study = try OutlookStudy.run(
            reported.values, period: reported.period, candidates: candidates,
            options: .init(months: months, level: level, levels: levels, fillGaps: fillGaps))
        var forecast = study.calibratedForecast
        // The published levels only, in their order.
        forecast.intervals = levels.compactMap { forecast.interval(level: $0) }
        let origins = study.selectionOrigins.count
        if let c = study.chosen {
            if let r = c.rmse { forecast.model.criteria["backtest_rmse"] = r }
            if let m = c.mape { forecast.model.criteria["backtest_mape"] = m }
        }
        let coverage = study.coverage
        let conformal = study.options.conformal
        forecast.model.notes.append(
            "chosen by rolling-origin backtest (\(origins) origins of \(months) months) among "
                + candidates.map(\.name).joined(separator: ", "))
        let held = coverage.rate.map { String(format: "%.3f", $0) } ?? "n/a"
        forecast.model.notes.append(
            "\(level)% range calibrated on the model's \(conformal.calibrationOrigins) most recent errors "
                + "of each step (split-conformal, |log(actual/forecast)|); backtest coverage \(held) "
                + "(\(coverage.hits)/\(coverage.cases))")
        return (forecast, ModelSelection(study), study)
    }
}
