import Documents
import Foundation
import TimeSeriesCore

/// `muavu.publish-index/v1`: what a `muavu publish` run published, when, from which data and
/// with which models. Its schema is `muavu schema publish-index`.
struct PublishIndex: Encodable {
    static let schemaName = "muavu.publish-index/v1"

    struct Input: Sendable, Equatable, Encodable {
        var name: String
        /// `dataset` or `calendar`.
        var kind: String
        /// As written in the configuration (relative to it).
        var path: String
        var sha256: String
        var bytes: Int
    }

    struct ConfigurationEntry: Encodable {
        var name: String
        var file: String
        var sha256: String?
        var levels: [Int]
        var seed: UInt64
    }

    /// Scores that could not be computed are written as null (CONTRACT.md), with the note saying why.
    struct Candidate: Encodable {
        var name: String
        @Nullable var rmse: Double?
        @Nullable var mape: Double?
        @Nullable var coverage80: Double?
        var chosen: Bool
        var note: String?

        enum CodingKeys: String, CodingKey {
            case name, rmse, mape
            case coverage80 = "coverage_80"
            case chosen, note
        }
    }

    struct Selection: Encodable {
        var method: String
        var span: String
        var candidates: [Candidate]
        var range: CalibratedRange?
        /// Why the export link is not a candidate (English, as in `muavu.outlook/v1`).
        var exportLinkNote: String?

        enum CodingKeys: String, CodingKey {
            case method, span, candidates, range
            case exportLinkNote = "export_link_note"
        }

        init(_ s: ModelSelection) {
            method = s.method
            span = s.span
            candidates = s.candidates.map {
                Candidate(
                    name: $0.name, rmse: finite($0.rmse), mape: finite($0.mape), coverage80: finite($0.coverage80),
                    chosen: $0.chosen, note: $0.note)
            }
            range = s.range.map(CalibratedRange.init)
            exportLinkNote = s.exportLinkNote?.en
        }
    }

    /// The calibrated range of a monthly price and its rolling-origin backtest.
    struct CalibratedRange: Encodable {
        var level: Int
        var method = "split-conformal"
        var calibrationOrigins: Int
        var cases: Int
        var held: Int
        @Nullable var coverage: Double?
        @Nullable var modelIntervalCoverage: Double?

        init(_ r: ModelSelection.CalibratedRange) {
            level = r.level
            calibrationOrigins = r.calibrationOrigins
            cases = r.cases
            held = r.held
            coverage = finite(r.coverage)
            modelIntervalCoverage = finite(r.modelCoverage)
        }

        enum CodingKeys: String, CodingKey {
            case level, method
            case calibrationOrigins = "calibration_origins"
            case cases, held, coverage
            case modelIntervalCoverage = "model_interval_coverage"
        }
    }

    struct Text: Encodable {
        var vi: String
        var en: String
    }

    struct Series: Encodable {
        var id: String
        var kind: String
        var name: Text
        var dataset: String
        var series: String
        var unit: String?
        var frequency: String
        var lastObserved: String?
        var horizon: Int
        var model: Model
        var selection: Selection
        var areaSelection: Selection?
        var document: String
        var chart: String

        enum CodingKeys: String, CodingKey {
            case id, kind, name, dataset, series, unit, frequency
            case lastObserved = "last_observed"
            case horizon, model, selection
            case areaSelection = "area_selection"
            case document, chart
        }
    }

    struct Model: Encodable {
        var name: String
        var family: String
    }

    struct BulletinFiles: Encodable {
        var html: String
        var markdown: String
    }

    var schema = PublishIndex.schemaName
    var engine = Engine.current
    var issued: String
    var configuration: ConfigurationEntry
    var inputs: [Input]
    var series: [Series]
    var bulletin: BulletinFiles
    var files: [ManifestEntry]

    init(
        configuration c: PublishConfiguration, issued: Date, inputs: [Input], published: [PublishedSeries],
        levels: [Int],
        files: [Publisher.File]
    ) {
        self.issued = IssueTime.iso8601(issued)
        let configData = FileManager.default.contents(atPath: c.file)
        configuration = ConfigurationEntry(
            name: c.name, file: URL(fileURLWithPath: c.file).lastPathComponent,
            sha256: configData.map(SHA256.hex), levels: levels, seed: c.seed)
        self.inputs = inputs
        series = published.map { p in
            let last = p.history.values.lastIndex(where: \.isFinite).flatMap { p.history.date(at: $0)?.description }
            return Series(
                id: p.entry.id, kind: p.entry.kind.rawValue, name: Text(vi: p.entry.name.vi, en: p.entry.name.en),
                dataset: p.entry.dataset, series: p.entry.series, unit: p.history.unit,
                frequency: p.history.frequency.rawValue, lastObserved: last, horizon: p.forecast.horizon,
                model: Model(name: p.forecast.model.name, family: p.forecast.model.family),
                selection: Selection(p.selection), areaSelection: p.areaSelection.map(Selection.init),
                document: p.documentFile, chart: p.chartFile)
        }
        bulletin = BulletinFiles(html: "bulletin.html", markdown: "bulletin.md")
        self.files = ManifestEntry.list(files)
    }
}
