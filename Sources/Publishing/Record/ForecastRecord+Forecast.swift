import Documents
import Foundation
import TimeSeriesCore

extension ForecastRecord {
    /// The forecasts of record of every step of `forecast` made after the last period of `history`
    /// (the estimates of periods already past included), with every interval level: what `publish`,
    /// `replay` and the server record.
    public static func steps(
        of forecast: Forecast, after history: TimeSeries, series: String, issueDay: PeriodDate, dataVintage: String,
        selection: String, origin: ForecastRecord.Origin
    ) -> [ForecastRecord] {
        guard let start = history.start, history.count > 0 else { return [] }
        let last = start.advanced(by: history.count - 1, frequency: history.frequency)
        return (0..<forecast.horizon).map { step in
            ForecastRecord(
                series: series, issueDay: issueDay, dataVintage: dataVintage,
                target: last.advanced(by: step + 1, frequency: history.frequency), horizon: step + 1,
                point: forecast.mean[step], unit: history.unit ?? "",
                intervals: forecast.intervals.map {
                    .init(level: $0.level, lower: $0.lower[step], upper: $0.upper[step])
                },
                model: forecast.model.name, family: forecast.model.family, selection: selection, origin: origin)
        }
    }

    /// How a model was chosen, in a line: `rolling-origin · 24 × 3 · chosen theta`
    /// (`IssueChange.registryName` reads the chosen model back).
    public static func selectionLine(_ s: ModelSelection) -> String {
        [s.method, s.span, s.chosen.map { "chosen \($0.name)" }].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: " · ")
    }
}
