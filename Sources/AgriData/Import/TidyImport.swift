import Foundation
import TimeSeriesCore

/// The `tidy` import format: muavu's own `series_id,date,value[,unit]` files (docs/contract.md,
/// "Input"), read and checked by `TidyReader`.
///
/// Every value the file gives is imported; rows whose value is empty or `NA` are counted as
/// skipped, and gaps between periods are allowed (the store keeps what was observed, not a filled
/// series). The vintage is the import time: a tidy file states no release date. Each
/// observation's origin is the file (shared, not one string per row): `TidyReader` has already
/// checked every row by line, and the store's messages name the series and period.
public enum TidyImport {
    /// Reads `path` into a batch; a problem in the file throws `TidyReader`'s `DataError`.
    public static func read(path: String, options: TidyReadOptions = TidyReadOptions()) throws -> ImportBatch {
        try batch(TidyReader.read(path: path, options: importing(options)), origin: path)
    }

    /// Reads tidy CSV `data` (the body `muavu serve` is sent, named `file` in messages) as
    /// `read(path:)` reads a file.
    public static func read(data: Data, file: String, options: TidyReadOptions = TidyReadOptions()) throws
        -> ImportBatch
    {
        try batch(TidyReader.read(data: data, file: file, options: importing(options)), origin: file)
    }

    /// Interpolation lays every series on its calendar and marks the filled periods, which are
    /// then left out: what remains is exactly the values the file gives.
    private static func importing(_ options: TidyReadOptions) -> TidyReadOptions {
        var options = options
        options.onMissing = .interpolate
        options.covariates = []
        return options
    }

    private static func batch(_ dataset: TidyDataset, origin path: String) -> ImportBatch {
        var observations: [ImportedObservation] = []
        var frequencies: [String: Frequency] = [:]
        for series in dataset.series {
            frequencies[series.id] = series.frequency
            let reported = dataset.reported[series.id]
            for (i, value) in series.values.enumerated() where reported?.isReported(at: i) ?? true {
                guard let period = series.date(at: i) else { continue }
                let flagged = dataset.confirmed[series.id]?.contains(period) == true
                observations.append(
                    ImportedObservation(
                        seriesID: series.id, period: period, value: value, unit: series.unit ?? "",
                        status: flagged ? "confirmed" : nil, origin: path))
            }
        }
        let missing = dataset.rows - observations.count
        return ImportBatch(
            format: .tidy, publisher: "muavu tidy file", rowsRead: dataset.rows, observations: observations,
            skipped: missing > 0 ? [ImportSkip(reason: "no value (empty or NA)", count: missing)] : [],
            seriesLabels: dataset.labels, seriesFrequencies: frequencies)
    }
}
