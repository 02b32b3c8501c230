import AgriData
import Foundation
import Store
import TimeSeriesCore

/// A store in a folder of its own, removed with the value's last use by the test.
final class TemporaryStore {
    let folder: URL
    var path: String { folder.appendingPathComponent("store.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func open() throws -> ObservationStore { try ObservationStore(path: path) }
}

/// Builders of batches for the tests.
enum Batches {
    /// `values` of monthly series `id` from `start` on (nil: no observation that month).
    static func monthly(
        _ id: String, from start: PeriodDate, _ values: [Double?], unit: String = "VND/kg", status: String? = nil
    ) -> [ImportedObservation] {
        values.enumerated().compactMap { i, v in
            v.map {
                ImportedObservation(
                    seriesID: id, period: start.advanced(by: i), value: $0, unit: unit, status: status,
                    origin: "test row \(i + 1)")
            }
        }
    }

    static func batch(_ observations: [ImportedObservation], releaseDate: Date? = nil) -> ImportBatch {
        ImportBatch(
            format: .pinksheet, publisher: "World Bank", releaseDate: releaseDate, rowsRead: observations.count,
            observations: observations)
    }

    /// Noon UTC of a day.
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Date {
        Date(timeIntervalSince1970: Double(PeriodDate.daysFromCivil(year: y, month: m, day: d)) * 86_400 + 43_200)
    }
}
