import Documents
import Foundation
import TimeSeriesCore

extension Publisher {
    /// A publication: its files, and the forecasts of record it told people (`muavu publish
    /// --record` writes them to the store; `muavu replay` writes them marked `replayed`).
    public struct Publication: Sendable {
        public var files: [File]
        public var records: [ForecastRecord]
    }

    /// The forecasts of record of the published series: every step of each forecast (the estimates
    /// of periods already past included), with every interval level, the model and its selection.
    /// The data vintage of a store series is the newest vintage of it known at the issue
    /// (`SeriesStore.latestVintage`); of a series read from a file, `sha256:` and the file's hash.
    static func records(
        _ published: [PublishedSeries], data: ConfiguredDatasets, store: (any SeriesStore)?,
        issueDay: PeriodDate, origin: ForecastRecord.Origin
    ) throws -> [ForecastRecord] {
        var records: [ForecastRecord] = []
        for p in published {
            guard let start = p.history.start, p.history.count > 0 else { continue }
            let last = start.advanced(by: p.history.count - 1, frequency: p.history.frequency)
            let vintage = try dataVintage(of: p.entry, data: data, store: store)
            let selection = [p.selection.method, p.selection.span, p.selection.chosen.map { "chosen \($0.name)" }]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            for step in 0..<p.forecast.horizon {
                records.append(
                    ForecastRecord(
                        series: p.entry.series, issueDay: issueDay, dataVintage: vintage,
                        target: last.advanced(by: step + 1, frequency: p.history.frequency), horizon: step + 1,
                        point: p.forecast.mean[step], unit: p.history.unit ?? "",
                        intervals: p.forecast.intervals.map {
                            .init(level: $0.level, lower: $0.lower[step], upper: $0.upper[step])
                        },
                        model: p.forecast.model.name, family: p.forecast.model.family, selection: selection,
                        origin: origin))
            }
        }
        return records
    }

    /// The data vintage of an entry's series (see `records`).
    static func dataVintage(
        of entry: PublishConfiguration.Entry, data: ConfiguredDatasets, store: (any SeriesStore)?
    ) throws -> String {
        if data.configuration.datasets[entry.dataset]?.fromStore == true, let store,
            let instant = try store.latestVintage(of: entry.series)
        {
            return ForecastRecord.vintage(instant)
        }
        let raw = data.datasets[entry.dataset]?.raw ?? Data()
        return "sha256:" + SHA256.hex(raw)
    }
}
