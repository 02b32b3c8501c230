import AgriData
import Foundation
import Publishing
import Store
import TimeSeriesCore

/// The store as `muavu publish`, `muavu outlook` and `muavu serve` read a configuration's store
/// datasets: each series as last known (or as known at `asOf`), exported as `muavu data export`
/// exports it. (It lives here, in the one library that sees both Store and Publishing, so that the
/// CLI and the server read the store one way.)
public struct StoreSeries: SeriesStore {
    public let store: ObservationStore
    /// Read each period's value as known at this instant (`--as-of`); nil: as last known.
    public var asOf: Date? = nil

    /// For a replay over history (`muavu replay`): each series' release lag in months
    /// (`PublishConfiguration.releaseLags`); a period with no vintage as old as `asOf` counts as
    /// known from its end plus the lag (`ObservationStore.observations(seriesID:asOf:releaseLagMonths:)`).
    /// Nil: only the store's vintages count.
    public var releaseLags: [String: Int]? = nil

    public init(store: ObservationStore, asOf: Date? = nil, releaseLags: [String: Int]? = nil) {
        self.store = store
        self.asOf = asOf
        self.releaseLags = releaseLags
    }

    public var path: String { store.path }

    public func seriesIDs() throws -> [String] { try store.seriesIDs() }

    public func tidyCSV(of ids: [String]) throws -> Data {
        Data(StoredSeriesCSV.text(try ids.map { (id: $0, observations: try observations(of: $0)) }).utf8)
    }

    public func observations(of id: String) throws -> [StoredObservation] {
        if let releaseLags, let asOf {
            return try store.observations(seriesID: id, asOf: asOf, releaseLagMonths: releaseLags[id] ?? 0)
        }
        return try store.observations(seriesID: id, asOf: asOf)
    }

    public func latestVintage(of id: String) throws -> Date? {
        if releaseLags != nil { return try observations(of: id).map(\.vintage).max() }
        return try store.latestVintage(seriesID: id, asOf: asOf)
    }

    /// The instant `--as-of DATE` (and `as_of=DATE`) stands for: the end of the day `YYYY-MM-DD`,
    /// or of the month `YYYY-MM`, in UTC (what was known on DATE includes a release of that day).
    /// Nil when `text` is neither.
    public static func instant(asOf text: String) -> Date? {
        let nextDay: Int
        switch PeriodDate(parsing: text) {
        case .day(let y, let m, let d)?: nextDay = PeriodDate.daysFromCivil(year: y, month: m, day: d) + 1
        case .month(let y, let m)?:
            nextDay = PeriodDate.daysFromCivil(year: y, month: m, day: PeriodDate.daysInMonth(year: y, month: m)) + 1
        default: return nil
        }
        return Date(timeIntervalSince1970: Double(nextDay) * 86_400 - 0.001)
    }

    /// Series `ids` as tidy CSV, each checked first: one the store does not hold, or of which
    /// nothing was known at `asOf` (written `asOfText` in messages), is a `DataError` (exit 65).
    public func knownCSV(of ids: [String], asOf asOfText: String?) throws -> Data {
        let held = Set(try seriesIDs().map(TextKey.nfc))
        for id in ids where !held.contains(TextKey.nfc(id)) {
            throw DataError(
                .badConfiguration, file: path, "the store has no series '\(id)' (muavu data status lists what it holds)"
            )
        }
        for id in ids where try observations(of: id).isEmpty {
            throw DataError(
                .badConfiguration, file: path,
                "nothing of series '\(id)' was known on \(asOfText ?? "") (its first vintage is later)")
        }
        return try tidyCSV(of: ids)
    }
}
