import Documents
import Foundation
import TimeSeriesCore

extension Publisher {
    /// What one replayed issue gave: the forecasts of record of the series that could be forecast,
    /// and for each entry that could not, why (too little data then, data too old...).
    public struct ReplayedIssue: Sendable {
        public var issueDay: PeriodDate
        public var records: [ForecastRecord]
        public var skipped: [(entry: String, reason: String)]
    }

    /// The forecasts of record the configuration would have issued on `issueDay` from `store` as
    /// it reads then (`muavu replay` gives it the release lags): each entry forecast as `publication`
    /// forecasts it, without the bulletin, marked `replayed`. An entry that cannot be forecast on
    /// that day is skipped with its reason (an entry whose data is withheld too); one that needs an
    /// earlier skipped entry (a production's yield) is skipped with it.
    public static func replay(
        _ configuration: PublishConfiguration, issueDay: PeriodDate, store: any SeriesStore
    ) throws -> ReplayedIssue {
        var data = try ConfiguredDatasets(configuration, store: store, skippingUnknown: true)
        data.issueDay = issueDay
        var inputs: [PublishIndex.Input] = []
        let calendars = try readCalendars(configuration, inputs: &inputs)
        let sources = EntryForecasts(
            configuration: configuration, data: data, calendars: calendars,
            levels: configuration.levels.sorted(), issueDay: issueDay)
        var published: [PublishedSeries] = []
        var withheld: [WithheldSeries] = []
        var skipped: [(entry: String, reason: String)] = []
        for (index, entry) in configuration.forecasts.enumerated() {
            guard data.datasets[entry.dataset] != nil else {
                skipped.append((entry.id, "nothing of dataset '\(entry.dataset)' was known yet"))
                continue
            }
            do {
                if let w = try sources.withheld(entry, index: index, earlier: withheld) {
                    withheld.append(w)
                    skipped.append((entry.id, w.reason.en))
                } else {
                    published.append(try sources.publish(entry, index: index, earlier: published))
                }
            } catch {
                skipped.append((entry.id, "\(error)"))
            }
        }
        let records = try records(published, data: data, store: store, issueDay: issueDay, origin: .replayed)
        return ReplayedIssue(issueDay: issueDay, records: records, skipped: skipped)
    }
}
