import Documents
import Forecasting
import Foundation
import TimeSeriesCore

extension OutlookAnswer {
    /// The issue day of the outlook: `--as-of`'s day, or the last day of its month.
    public var issueDay: PeriodDate {
        switch request.issued {
        case .month(let y, let m): .day(year: y, month: m, day: PeriodDate.daysInMonth(year: y, month: m))
        default: request.issued
        }
    }

    /// The forecasts of record of this outlook for `series` (the store series it read), from data
    /// of `dataVintage`: every month of the forecast with the calibrated range, as the document
    /// gives them (`ForecastRecord.steps`).
    public func records(series: String, dataVintage: String, origin: ForecastRecord.Origin) -> [ForecastRecord] {
        ForecastRecord.steps(
            of: study.calibratedForecast, after: subject.reported, series: series, issueDay: issueDay,
            dataVintage: dataVintage, selection: ForecastRecord.selectionLine(ModelSelection(study)), origin: origin)
    }

    /// Adds the change of the outlook's month since the previous issue and the series' track
    /// record, from `records`, the forecasts of record of `series` with their checks: as the
    /// bulletin gives them (`IssueChange.since`, `TrackRecordClaims`), only what was known on the
    /// issue day (`Publisher.known`), the record compared with the calibrated range's backtest.
    /// Nothing is added when there is no earlier record of the series.
    public mutating func addTrackRecord(_ records: [CheckedRecord], series: String) {
        let known = Publisher.known(records.filter { $0.record.series == series }, on: issueDay)
        guard !known.isEmpty else { return }
        changeSincePrevious = IssueChange.since(
            known, series: series, target: outlook.target, current: outlook.expected,
            unit: subject.reported.unit ?? "", issueDay: issueDay, fitted: subject.series)
        let selection = ModelSelection(study)
        trackRecord = TrackRecordClaims.lines(
            known, series: series, level: request.level,
            claim: TrackRecordClaims.claim(selection, level: request.level))
    }
}
