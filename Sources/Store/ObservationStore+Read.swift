import Foundation
import GRDB
import TimeSeriesCore

/// One observation as the store knew it at a date.
public struct StoredObservation: Sendable, Equatable {
    public var period: PeriodDate
    public var value: Double
    public var unit: String
    public var status: String?
    /// The vintage of the value: its release date, else the time it was imported.
    public var vintage: Date
}

extension ObservationStore {
    /// The stored series ids, sorted.
    public func seriesIDs() throws -> [String] {
        try Self.sqlite(path) { try queue.read { try String.fetchAll($0, sql: "SELECT id FROM series ORDER BY id") } }
    }

    /// What was known of series `id` at `asOf` (nil: everything known now): for each period, the
    /// value of its latest vintage not after `asOf`, in period order.
    public func observations(seriesID id: String, asOf: Date? = nil) throws -> [StoredObservation] {
        try Self.sqlite(path) {
            try queue.read { db in
                guard
                    let series = try Row.fetchOne(
                        db, sql: "SELECT frequency, seasons_per_year FROM series WHERE id = ?", arguments: [id])
                else {
                    throw StoreError(.unknownSeries, store: path, "no series '\(id)' in the store")
                }
                let frequency = Frequency(rawValue: series[0]) ?? .index
                let seasons: Int? = series[1]
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT period, value, unit, status, MAX(vintage) FROM observation
                        WHERE series_id = ? AND vintage <= ? GROUP BY period ORDER BY period
                        """,
                    arguments: [id, asOf.map(Self.milliseconds) ?? Int64.max])
                var result: [StoredObservation] = []
                while let row = try rows.next() {
                    result.append(
                        StoredObservation(
                            period: StoredPeriod.date(ordinal: row[0], frequency: frequency, seasonsPerYear: seasons),
                            value: row[1], unit: row[2], status: row[3], vintage: Self.date(milliseconds: row[4])))
                }
                return result
            }
        }
    }

    /// Series `id` as known at `asOf` (nil: now), on its calendar from its first to its last period
    /// with a value; periods without one are `.nan`.
    public func series(id: String, asOf: Date? = nil) throws -> TimeSeries {
        let known = try observations(seriesID: id, asOf: asOf)
        let stored = try Self.sqlite(path) {
            try queue.read {
                try Row.fetchOne($0, sql: "SELECT frequency, unit FROM series WHERE id = ?", arguments: [id])
            }
        }
        guard let first = known.first, let stored else {
            let when = asOf.map { "at \($0.formatted(.iso8601))" } ?? "yet"
            throw StoreError(.nothingKnown, store: path, "nothing of series '\(id)' was known \(when)")
        }
        let frequency = Frequency(rawValue: stored[0]) ?? .index
        let step = frequency == .weekly ? 7 : 1
        var values = [Double](
            repeating: .nan, count: (known[known.count - 1].period.ordinal - first.period.ordinal) / step + 1)
        for o in known { values[(o.period.ordinal - first.period.ordinal) / step] = o.value }
        let period: Int? = if case .season(_, _, let k) = first.period { k } else { nil }
        return TimeSeries(
            id: id, values: values, frequency: frequency, period: period, start: first.period, unit: stored[1])
    }

    /// Every series with its span, count, source and last import, sorted by id.
    public func status() throws -> [SeriesStatus] {
        try Self.sqlite(path) {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.id, s.unit, s.frequency, s.seasons_per_year, s.label, f.path, f.publisher,
                            f.imported_at, MIN(o.period), MAX(o.period), COUNT(DISTINCT o.period), MAX(o.vintage)
                        FROM series s JOIN source_file f ON f.id = s.last_file_id
                        JOIN observation o ON o.series_id = s.id
                        GROUP BY s.id ORDER BY s.id
                        """
                ).map { row in
                    let frequency = Frequency(rawValue: row[2]) ?? .index
                    let seasons: Int? = row[3]
                    return SeriesStatus(
                        id: row[0], unit: row[1], frequency: frequency, label: row[4],
                        first: StoredPeriod.date(ordinal: row[8], frequency: frequency, seasonsPerYear: seasons),
                        last: StoredPeriod.date(ordinal: row[9], frequency: frequency, seasonsPerYear: seasons),
                        count: row[10], lastVintage: Self.date(milliseconds: row[11]), source: row[5],
                        publisher: row[6], lastImport: Self.date(milliseconds: row[7]))
                }
            }
        }
    }
}

extension ObservationStore {
    /// What would have been known of series `id` at `asOf` had it been published with a release lag
    /// of `lagMonths`, for a replay over history (`muavu replay`): a period's value as `observations`
    /// reads it where a vintage not after `asOf` exists; where none does, the period counts as known
    /// from its last day advanced by `lagMonths` months (`StoredPeriod.knownFrom`), with the newest
    /// value the store holds, and that instant as its vintage. Periods known neither way are left out.
    public func observations(seriesID id: String, asOf: Date, releaseLagMonths lagMonths: Int) throws
        -> [StoredObservation]
    {
        let real = try observations(seriesID: id, asOf: asOf)
        let known = Set(real.map(\.period.ordinal))
        var result = real
        for o in try observations(seriesID: id) where !known.contains(o.period.ordinal) {
            let from = StoredPeriod.knownFrom(o.period, lagMonths: lagMonths)
            guard from <= asOf else { continue }
            var lagged = o
            lagged.vintage = from
            result.append(lagged)
        }
        return result.sorted { $0.period.ordinal < $1.period.ordinal }
    }
}
