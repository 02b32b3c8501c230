import Documents
import Forecasting
import Foundation
import TimeSeriesCore

extension IssueChange {
    /// The change of `current`, this issue's forecast of `target` for `series`, since the previous
    /// issue in `records` (forecasts of record of earlier issues), or nil when no earlier issue
    /// forecast `target`. The previous issue is the latest one with an `issued` record of the same
    /// series and target; only when there is none, the latest `replayed` one (the two are never
    /// mixed, and `previous.origin` says which). Its model is re-run on `fitted`, this issue's
    /// data in the record's unit, to `target` (`rerun(_:on:to:)`).
    static func since(
        _ records: [CheckedRecord], series: String, target: PeriodDate, current: Double, unit: String,
        issueDay: PeriodDate, fitted: TimeSeries
    ) -> IssueChange? {
        let same = records.map(\.record).filter { $0.series == series && $0.target == target && $0.issueDay < issueDay }
        let issued = same.filter { $0.origin == .issued }
        let candidates = issued.isEmpty ? same : issued
        // The latest day; on one day, the record of the newest data (the store lists them by vintage).
        guard let day = candidates.map(\.issueDay).max(), let previous = candidates.last(where: { $0.issueDay == day })
        else { return nil }
        var change = IssueChange(
            series: series, target: target, unit: unit, current: current, previous: previous, rerun: nil,
            rerunModel: nil, noSplit: nil)
        guard let name = registryName(of: previous) else {
            change.noSplit = notRerun(previous)
            return change
        }
        do {
            change.rerun = try rerun(name, on: fitted, to: target)
            change.rerunModel = name
        } catch {
            change.noSplit = Bilingual(
                vi: "không tách được phần do số liệu mới: mô hình của bản tin trước (\(name)) không chạy được trên "
                    + "số liệu mới (\(error))",
                en: "no split: the previous issue's model (\(name)) could not be run on the new data (\(error))")
        }
        return change
    }

    /// The model registry's name for the model of `record`: the model its selection chose
    /// (`… · chosen theta`) when the registry knows it, else its family when the registry knows
    /// that; nil for a model the registry cannot re-run alone (a crop-yield model with its
    /// indicators, a production, the export-price link `arima-x`).
    static func registryName(of record: ForecastRecord) -> String? {
        // Agronomy's models name their family themselves, whatever candidate they chose.
        guard !Self.outsideRegistry.contains(where: record.family.hasPrefix) else { return nil }
        let known = Set(ForecasterRegistry.names)
        let chosen = record.selection.components(separatedBy: " · ").last { $0.hasPrefix("chosen ") }
            .map { String($0.dropFirst("chosen ".count)) }
        if let chosen { return known.contains(chosen) ? chosen : nil }
        return known.contains(record.family) ? record.family : nil
    }

    /// The families of the models the registry does not make: `CropYieldModel` (its indicators and
    /// leave-one-year-out choice) and `ProductionForecast` (area × yield).
    static let outsideRegistry = ["crop-yield", "production"]

    /// Why the previous model is not re-run.
    static func notRerun(_ record: ForecastRecord) -> Bilingual {
        Bilingual(
            vi: "không tách được phần do số liệu mới và phần do mô hình: mô hình của bản tin trước (\(record.model)) "
                + "cần thêm số liệu khác ngoài chuỗi này nên không chạy lại riêng được",
            en: "no split into the data's and the model's effects: the previous issue's model (\(record.model)) "
                + "needs more than this series and is not re-run alone")
    }

    /// The point forecast of `target` by registry model `name` fitted on `fitted`: the horizon is
    /// the number of periods from the last period of `fitted` to `target`.
    static func rerun(_ name: String, on fitted: TimeSeries, to target: PeriodDate) throws -> Double {
        guard let start = fitted.start, fitted.count > 0 else {
            throw ForecastingError(.invalidArgument, "the series has no dates")
        }
        let last = start.advanced(by: fitted.count - 1, frequency: fitted.frequency)
        let horizon = (target.ordinal - last.ordinal) / (fitted.frequency == .weekly ? 7 : 1)
        guard horizon >= 1 else {
            throw ForecastingError(.invalidArgument, "\(target) is already observed")
        }
        let f = try ForecasterRegistry.forecaster(named: name).forecast(
            fitted.values, period: fitted.period, horizon: horizon, levels: [80])
        return f.mean[horizon - 1]
    }
}
