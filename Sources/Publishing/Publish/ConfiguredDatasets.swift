import AgriData
import Agronomy
import Documents
import Foundation
import TimeSeriesCore

/// The datasets of a model configuration, each file read and parsed once: its bytes (fingerprinted
/// in `index.json` and in `muavu.outlook/v1`; for a store dataset, its series exported as tidy
/// CSV), its series with gaps treated by the dataset's
/// `onMissing` policy, and the periods for which the file reports a value (`TidyDataset.reported`,
/// used by `reportedOnly`). `muavu publish` reads every dataset of the configuration;
/// `muavu outlook` only those of the price and of its export link.
public struct ConfiguredDatasets: Sendable {
    /// One dataset as read.
    public struct Dataset: Sendable {
        public var key: String
        /// The path as the configuration gives it.
        public var file: String
        public var raw: Data
        public var table: TidyDataset
        public var source: Bilingual?
    }

    public let configuration: PublishConfiguration
    /// The datasets read, by configuration key.
    public private(set) var datasets: [String: Dataset] = [:]
    /// The issue date: a series is read without its periods after it (`TimeSeries.known(through:)`);
    /// nil: every period.
    public var issueDay: PeriodDate?

    /// Reads the datasets named `keys` (default: all of them), in key order; a store dataset from
    /// `store`.
    /// With `skippingUnknown` (a replay over history), a store dataset of which nothing was known
    /// yet is left out instead of refused: the entries that read it are then skipped one by one.
    public init(
        _ configuration: PublishConfiguration, keys: [String]? = nil, store: (any SeriesStore)? = nil,
        skippingUnknown: Bool = false
    ) throws {
        self.configuration = configuration
        for key in (keys ?? Array(configuration.datasets.keys)).sorted() where datasets[key] == nil {
            guard let spec = configuration.datasets[key] else {
                throw failure(
                    "unknown dataset '\(key)'; the datasets are: \(configuration.datasets.keys.sorted().joined(separator: ", "))"
                )
            }
            var options = TidyReadOptions()
            options.onMissing = spec.onMissing ?? .fail
            let file: String
            let raw: Data
            if let path = spec.path {
                guard let bytes = FileManager.default.contents(atPath: configuration.resolve(path)) else {
                    throw DataError(.fileNotFound, file: path, "cannot read dataset '\(key)'")
                }
                (file, raw) = (path, bytes)
            } else {
                (file, raw) = try Self.export(key, of: configuration, from: store)
                // The export writes the shortest decimal with a point ("1.125"): declared, never guessed.
                options.numberFormat = try NumberFormat(decimalChar: ".")
            }
            let table: TidyDataset
            do {
                table = try TidyReader.read(data: raw, file: file, options: options)
            } catch let error as DataError where skippingUnknown && spec.fromStore && error.code == .empty {
                continue
            }
            datasets[key] = Dataset(key: key, file: file, raw: raw, table: table, source: spec.source)
        }
    }

    /// The series a store dataset names, as the store last knows them, as tidy CSV
    /// (`SeriesStore.tidyCSV`, what `muavu data export` prints), and the name it goes by in
    /// messages and in `index.json`: `store:` and its series ids. A series the store lacks is a
    /// `DataError` (exit 65) naming the configuration, the dataset and the store.
    static func export(_ key: String, of configuration: PublishConfiguration, from store: (any SeriesStore)?) throws
        -> (file: String, raw: Data)
    {
        let ids = configuration.seriesNamed(inDataset: key)
        guard let store else {
            throw DataError(
                .fileNotFound, file: configuration.file, "dataset '\(key)' reads the store, and no store was given")
        }
        let known = Set(try store.seriesIDs())
        if let missing = ids.first(where: { !known.contains($0) }) {
            throw DataError(
                .unknownSeries, file: configuration.file,
                "dataset '\(key)' names series '\(missing)', which the store \(store.path) does not have "
                    + "(`muavu data status` lists what it holds; `muavu import` adds a file)")
        }
        let present = ids + configuration.optionalSeriesNamed(inDataset: key).filter(known.contains)
        return ("store:" + ids.joined(separator: ","), try store.tidyCSV(of: present))
    }

    func failure(_ message: String) -> PublishingError {
        PublishingError(.badConfiguration, "\(configuration.file): \(message)")
    }

    /// The series `id` of dataset `dataset`, dated and without gaps; `at` says where the
    /// configuration asks for it (`forecasts[4] (wfp-…)`), for the error.
    public func series(_ dataset: String, _ id: String, at: String) throws -> TimeSeries {
        guard let d = datasets[dataset] else { throw failure("\(at): unknown dataset '\(dataset)'") }
        guard let whole = d.table.series(named: id) else {
            let known = d.table.series.map(\.id).joined(separator: ", ")
            throw failure("\(at): unknown series '\(id)' in dataset '\(dataset)' (\(d.file)); its series are: \(known)")
        }
        // Only what can have been known on the issue date: no period after it.
        let s = issueDay.map { whole.known(through: $0) } ?? whole
        guard s.start != nil else { throw failure("\(at): series '\(id)' has no dates") }
        guard s.values.contains(where: \.isFinite) else {
            throw DataError(
                .missingValue, file: d.file,
                "\(at): series '\(id)' has no value dated on or before the issue date \(issueDay.map { "\($0)" } ?? "")")
        }
        guard !s.hasMissing else {
            throw DataError(
                .missingValue, file: d.file,
                "series '\(id)' has gaps; set \"onMissing\": \"interpolate\" or \"skip\" for dataset '\(dataset)'")
        }
        return s
    }

    /// The series of `entry` (`at` as in `series(_:_:at:)`).
    public func series(of entry: PublishConfiguration.Entry, at: String) throws -> TimeSeries {
        try series(entry.dataset, entry.series, at: at)
    }

    /// The series of the configuration's `exportLink` entry, checked to be a monthly series of its
    /// dataset (nil: the configuration has no export link).
    public func exportSeries() throws -> TimeSeries? {
        guard let link = configuration.exportLinkEntry else { return nil }
        let s = try series(of: link, at: "exportLink (\(link.id))")
        guard case .month = s.start else {
            throw failure(
                "exportLink (\(link.id)): series '\(link.series)' is not monthly; the export link needs monthly prices")
        }
        return s
    }

    /// The export link of the monthly price `price`, the series of `entry`: the regressor of
    /// `LaggedExportRegression` (x_t = the export price of month t − 1), or why there is none (in
    /// both languages: the bulletin words it, `muavu.outlook/v1` and `index.json` give the English).
    /// Both nil: the configuration links no export price.
    public func exportLink(of entry: PublishConfiguration.Entry, price: TimeSeries) throws
        -> (regressor: [Double]?, note: Bilingual?)
    {
        guard let link = configuration.exportLinkEntry, let export = try exportSeries() else { return (nil, nil) }
        if link.id == entry.id {
            return (nil, Bilingual(vi: "chuỗi này chính là giá xuất khẩu", en: "the series is the export price itself"))
        }
        guard let regressor = LaggedExportRegression.regressor(for: price, export: export) else {
            return (
                nil,
                Bilingual(
                    vi: "giá xuất khẩu '\(link.id)' không có số liệu cho tháng liền trước mỗi tháng có giá",
                    en: "the export price '\(link.id)' does not cover the month before each price")
            )
        }
        return (regressor, nil)
    }

    /// The fingerprinted file of `entry`'s dataset for `muavu.outlook/v1` (`role`: `price` or `export`).
    public func input(of entry: PublishConfiguration.Entry, role: String) throws -> OutlookDocument.Input {
        guard let d = datasets[entry.dataset] else { throw failure("unknown dataset '\(entry.dataset)'") }
        return .init(role: role, file: d.file, series: entry.series, data: d.raw, source: d.source)
    }

    /// `s`, a series of `dataset`, with NaN in the periods for which the file reports no value
    /// (`ReportedPeriods.masking`, from the reading of the file).
    public func reportedOnly(_ s: TimeSeries, dataset: String) throws -> TimeSeries {
        guard let d = datasets[dataset] else { throw failure("unknown dataset '\(dataset)'") }
        guard let reported = d.table.reported[s.id] else {
            throw failure("dataset '\(dataset)' (\(d.file)) has no series '\(s.id)'")
        }
        return reported.masking(s)
    }
}
