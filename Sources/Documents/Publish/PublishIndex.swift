import Foundation
import TimeSeriesCore

/// `muavu.publish-index/v1`: what a `muavu publish` run published, when, from which data and
/// with which models. Its schema is `muavu schema publish-index` (`PublishIndexSchema`).
public struct PublishIndex: Encodable {
    public static let schemaName = "muavu.publish-index/v1"

    /// A data file or calendar the run read, fingerprinted.
    public struct Input: Sendable, Equatable, Encodable {
        public var name: String
        /// `dataset` or `calendar`.
        public var kind: String
        /// As written in the configuration (relative to it).
        public var path: String
        public var sha256: String
        public var bytes: Int

        /// The input `name` of `kind` at `path`, holding `data`.
        public init(name: String, kind: String, path: String, data: Data) {
            (self.name, self.kind, self.path) = (name, kind, path)
            (sha256, bytes) = (SHA256.hex(data), data.count)
        }
    }

    /// The configuration run: its name, file (and the file's SHA-256), levels and seed.
    public struct ConfigurationEntry: Encodable {
        var name: String
        var file: String
        var sha256: String?
        var levels: [Int]
        var seed: UInt64

        /// The configuration `name` read from `file` (its last path component is written), whose
        /// bytes are `contents` (nil: it could not be read again).
        public init(name: String, file: String, contents: Data?, levels: [Int], seed: UInt64) {
            (self.name, self.file) = (name, URL(fileURLWithPath: file).lastPathComponent)
            (sha256, self.levels, self.seed) = (contents.map(SHA256.hex), levels, seed)
        }
    }

    /// One series as published: what it is, its model and how the model was chosen, and the
    /// forecast document and chart written for it.
    public struct Series: Encodable {
        let id: String
        let kind: String
        let name: Bilingual
        let dataset: String
        let series: String
        let unit: String?
        let frequency: String
        let lastObserved: String?
        /// The last observed period's age at the issue date, and whether it is stale.
        let dataAge: DataAgeEntry?
        let stale: Bool
        let horizon: Int
        let model: Model
        let selection: Selection
        let areaSelection: Selection?
        let document: String
        let chart: String

        enum CodingKeys: String, CodingKey {
            case id, kind, name, dataset, series, unit, frequency, horizon, stale, model, selection, document, chart
            case lastObserved = "last_observed"
            case dataAge = "data_age"
            case areaSelection = "area_selection"
        }

        /// `history` as published (its last reported date is `last_observed`), `forecast` its
        /// forecast, `selection` (and, for production, `areaSelection`) how the model was chosen;
        /// `age` its age at the issue date.
        public init(
            id: String, kind: String, name: Bilingual, dataset: String, series: String, history: TimeSeries,
            age: DataAge?, forecast: Forecast, selection: ModelSelection, areaSelection: ModelSelection?, document: String,
            chart: String
        ) {
            (self.id, self.kind, self.name, self.dataset, self.series) = (id, kind, name, dataset, series)
            unit = history.unit
            frequency = history.frequency.rawValue
            lastObserved = history.values.lastIndex(where: \.isFinite).flatMap { history.date(at: $0)?.description }
            dataAge = age.map(DataAgeEntry.init)
            stale = age?.isStale ?? false
            horizon = forecast.horizon
            model = Model(name: forecast.model.name, family: forecast.model.family)
            (self.selection, self.areaSelection) = (Selection(selection), areaSelection.map(Selection.init))
            (self.document, self.chart) = (document, chart)
        }
    }

    /// A configured series with no forecast, and why (its data ends more than
    /// `DataAge.maximumGap` periods before the issue date, or its yield entry has none).
    public struct Withheld: Encodable {
        let id: String
        let name: Bilingual
        let dataAge: DataAgeEntry?
        let reason: Bilingual

        enum CodingKeys: String, CodingKey {
            case id, name, reason
            case dataAge = "data_age"
        }

        public init(id: String, name: Bilingual, age: DataAge?, reason: Bilingual) {
            (self.id, self.name, self.dataAge, self.reason) = (id, name, age.map(DataAgeEntry.init), reason)
        }
    }

    struct Model: Encodable {
        var name: String
        var family: String
    }

    struct BulletinFiles: Encodable {
        var html = "bulletin.html"
        var markdown = "bulletin.md"
    }

    var schema = PublishIndex.schemaName
    var engine = Engine.current
    var issued: String
    var configuration: ConfigurationEntry
    var inputs: [Input]
    var series: [Series]
    var withheld: [Withheld]
    var bulletin = BulletinFiles()
    var files: [ManifestEntry]

    public init(
        issued: Date, configuration: ConfigurationEntry, inputs: [Input], series: [Series],
        withheld: [Withheld] = [], files: [ManifestEntry]
    ) {
        (self.issued, self.configuration) = (IssueTime.iso8601(issued), configuration)
        (self.inputs, self.series, self.withheld, self.files) = (inputs, series, withheld, files)
    }
}
