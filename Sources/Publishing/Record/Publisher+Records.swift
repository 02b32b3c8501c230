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
            records += ForecastRecord.steps(
                of: p.forecast, after: p.history, series: p.entry.series, issueDay: issueDay,
                dataVintage: try dataVintage(of: p.entry, data: data, store: store),
                selection: ForecastRecord.selectionLine(p.selection), origin: origin)
        }
        return records
    }

    /// The data vintage of an instant, as forecasts of record write it: ISO 8601 in UTC, whole
    /// seconds (an import time carries milliseconds; they are dropped, never rounded up).
    public static func dataVintage(_ instant: Date) -> String {
        IssueTime.iso8601(Date(timeIntervalSince1970: instant.timeIntervalSince1970.rounded(.down)))
    }

    /// The data vintage of an entry's series (see `records`).
    static func dataVintage(
        of entry: PublishConfiguration.Entry, data: ConfiguredDatasets, store: (any SeriesStore)?
    ) throws -> String {
        if data.configuration.datasets[entry.dataset]?.fromStore == true, let store,
            let instant = try store.latestVintage(of: entry.series)
        {
            return dataVintage(instant)
        }
        let raw = data.datasets[entry.dataset]?.raw ?? Data()
        return "sha256:" + SHA256.hex(raw)
    }
}
