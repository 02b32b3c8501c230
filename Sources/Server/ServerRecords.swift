import Documents
import Foundation
import Publishing
import Store
import TimeSeriesCore

/// The server's forecasts of record (docs/design/track-record.md): a forecast or an outlook of
/// today that `GET /v1/forecast/{id}` or `GET /v1/outlook` computes (on a cache miss; the cached
/// path reads and writes nothing) is recorded as `issued`, at most once per series per day
/// (`ObservationStore.hasRecord`): the first answer of the day is the one of record.
enum ServerRecords {
    /// The selection line of `GET /v1/forecast/{id}`'s records: the default model, auto.
    static let forecastSelection = "auto · GET /v1/forecast"

    /// Records what `make` gives (for the issue day and the data vintage of series `id` in `store`)
    /// unless the store holds an issued record of `id` made today. A forecast that cannot be
    /// recorded (a store opened read-only, a non-finite bound) is still answered; the failure is
    /// logged.
    static func record(
        _ api: MuavuAPI, series id: String, store: StoreSeries,
        _ make: (PeriodDate, String) -> [ForecastRecord]
    ) {
        let day = Publisher.day(of: IssueTime.now())
        do {
            let opened = try api.store()
            guard try !opened.hasRecord(series: id, issueDay: day, origin: .issued) else { return }
            let vintage = try store.latestVintage(of: id).map(Publisher.dataVintage) ?? "unknown"
            try opened.record(make(day, vintage), now: IssueTime.now())
        } catch {
            MuavuServer.logger.warning("forecast of \(id) not recorded: \(error)")
        }
    }

    /// The outlook's change since the previous issue and track record from the store's records of
    /// its series (when it read the store), and, for an outlook of today, its forecasts of record.
    static func outlook(_ answer: inout OutlookAnswer, api: MuavuAPI, asOf: (text: String, instant: Date)?) throws {
        guard let id = answer.subject.storeSeries else { return }
        answer.addTrackRecord(try api.store().checkedRecords(series: id, release: .first), series: id)
        guard asOf == nil else { return }
        let made = answer
        record(api, series: id, store: StoreSeries(store: try api.store())) { _, vintage in
            made.records(series: id, dataVintage: vintage, origin: .issued)
        }
    }
}
