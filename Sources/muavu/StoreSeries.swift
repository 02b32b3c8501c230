import AgriData
import Foundation
import Publishing
import Store

/// The store as `muavu publish` and `muavu outlook` read a configuration's store datasets: each
/// series as last known (or as known at `asOf`), exported as `muavu data export` exports it.
struct StoreSeries: SeriesStore {
    let store: ObservationStore
    /// Read each period's value as known at this instant (`--as-of`); nil: as last known.
    var asOf: Date? = nil

    var path: String { store.path }

    func seriesIDs() throws -> [String] { try store.seriesIDs() }

    func tidyCSV(of ids: [String]) throws -> Data {
        Data(StoredSeriesCSV.text(try ids.map { (id: $0, observations: try observations(of: $0)) }).utf8)
    }

    func observations(of id: String) throws -> [StoredObservation] { try store.observations(seriesID: id, asOf: asOf) }

    /// Series `ids` as tidy CSV, each checked first: one the store does not hold, or of which
    /// nothing was known at `asOf` (written `asOfText` in messages), is a `DataError` (exit 65).
    func knownCSV(of ids: [String], asOf asOfText: String?) throws -> Data {
        let held = Set(try seriesIDs().map(TextKey.nfc))
        for id in ids where !held.contains(TextKey.nfc(id)) {
            throw DataError(
                .badConfiguration, file: path, "the store has no series '\(id)' (muavu data status lists what it holds)")
        }
        for id in ids where try observations(of: id).isEmpty {
            throw DataError(
                .badConfiguration, file: path,
                "nothing of series '\(id)' was known on \(asOfText ?? "") (its first vintage is later)")
        }
        return try tidyCSV(of: ids)
    }
}
