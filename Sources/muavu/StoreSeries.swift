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
        Data(StoredSeriesCSV.text(try ids.map { (id: $0, observations: try store.observations(seriesID: $0, asOf: asOf)) }).utf8)
    }
}
