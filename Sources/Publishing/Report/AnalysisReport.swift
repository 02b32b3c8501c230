import AgriData
import Documents
import Foundation
import Rendering
import TimeSeriesCore

/// `muavu report`: the analyses behind the published forecasts, rendered as Markdown notebooks
/// with their SVG charts as files (`notebooks-exported/`), and each as one HTML page with its
/// charts inlined (`index.html` lists them).
///
/// - `datasets.md`: every bundled series at a glance (source, unit, span, rows, a sparkline);
/// - `yield-study.md`: trend, trend + ENSO and ETS on the FAOSTAT yields, leave-one-year-out;
/// - `province-season-study.md`: the GSO yields of the 13 Mekong provinces by season, the
///   per-province model against a pooled model, by rolling origin;
/// - `price-study.md`: the Đồng Tháp wholesale rice price, univariate models against a
///   regression on the lagged Viet Nam 5% export price, by rolling origin;
/// - `m3-benchmark.md`: the M3 table of a committed `muavu.benchmark/v1` document;
/// - `track-record.md`: the replayed forecasts of record (`make replay`) scored against the bundled
///   data, beside a backtest of the same targets, both coverages with Wilson intervals.
///
/// Output is a pure function of the inputs, the options and the issue time (`SOURCE_DATE_EPOCH`):
/// two runs give identical bytes. The directory is written whole or not at all.
public enum AnalysisReport {
    public struct Options: Sendable, Equatable {
        /// The directory holding `datapackage.json` and the tidy CSV files.
        public var datasets: String
        /// The directory holding the crop calendars (`mekong-rice.json`, `mango.json`).
        public var calendars: String
        /// The directory searched for `m3*.json` benchmark documents.
        public var benchmarks: String
        /// Rolling-origin windows of the price study (monthly, horizon `priceHorizon`).
        public var priceWindows = 24
        public var priceHorizon = 3
        /// The univariate models of the price study (registry names).
        public var priceModels = ["naive", "snaive", "ets", "theta", "arima"]
        /// The registry models the track-record notebook may backtest (nil: any; a series whose
        /// most used model is not among them shows its record alone).
        public var trackRecordBacktestModels: Set<String>? = nil
        /// Which notebooks to render (all by default).
        public var notebooks = Notebook.allCases

        public init(
            datasets: String = "datasets", calendars: String = "models/calendars",
            benchmarks: String = "docs/benchmarks"
        ) {
            self.datasets = datasets
            self.calendars = calendars
            self.benchmarks = benchmarks
        }
    }

    public enum Notebook: String, Sendable, CaseIterable {
        case datasets, yieldStudy = "yield-study", provinceSeasonStudy = "province-season-study"
        case priceStudy = "price-study", m3Benchmark = "m3-benchmark", trackRecord = "track-record"
    }

    /// Renders every notebook in memory (no file is written).
    public static func build(_ options: Options, issued: Date) throws -> [Publisher.File] {
        let footer: [Block] = [
            .rule,
            .paragraph(
                "Issued \(IssueTime.iso8601(issued)) by muavu \(Engine.current.version) (\(code: "muavu report"))."),
        ]
        var files: [Publisher.File] = []
        var index: [Inlines] = []
        var notebooks: [ReportIndex.Notebook] = []
        for notebook in options.notebooks {
            let page: NotebookPage
            switch notebook {
            case .datasets: page = try DatasetsNotebook.render(options)
            case .yieldStudy: page = try YieldNotebook.render(options)
            case .provinceSeasonStudy: page = try ProvinceSeasonNotebook.render(options)
            case .priceStudy: page = try PriceNotebook.render(options)
            case .m3Benchmark: page = try BenchmarkNotebook.render(options)
            case .trackRecord: page = try TrackRecordNotebook.render(options)
            }
            let name = notebook.rawValue + ".md"
            let html = notebook.rawValue + ".html"
            files.append(Publisher.File(path: name, data: Data(page.markdown(page.blocks + footer).utf8)))
            for chart in page.charts { files.append(Publisher.File(path: chart.path, data: Data(chart.svg.utf8))) }
            files.append(Publisher.File(path: html, data: Data(page.html(page.blocks + footer).utf8)))
            index.append(Inlines([.link([.text(page.title)], markdown: name, html: html)]))
            notebooks.append(.init(name: notebook.rawValue, title: page.title, markdown: name, html: html))
        }
        let readme = NotebookPage(
            title: "muavu notebooks",
            blocks: [
                .heading(1, "muavu notebooks"),
                .paragraph(
                    """
                    The analyses behind muavu's forecasts, rendered by \(code: "muavu report --out notebooks-exported") \
                    (\(code: "make notebooks")) from the bundled datasets. Charts are SVG files under \(code: "charts/"); \
                    each notebook is also an HTML page with its charts inlined (\(code: "index.html")). With \
                    \(code: "SOURCE_DATE_EPOCH") set, a run gives the same bytes.
                    """),
                .list(index),
            ] + footer.dropFirst())
        files.append(Publisher.File(path: "README.md", data: Data(readme.markdown(readme.blocks).utf8)))
        files.append(Publisher.File(path: "index.html", data: Data(readme.html(readme.blocks).utf8)))
        let manifest = ReportIndex(issued: issued, notebooks: notebooks, files: ManifestEntry.list(files))
        files.append(Publisher.File(path: OutputDirectory.Kind.manifest, data: try DocumentEncoder.encode(manifest)))
        return files
    }

    /// Renders the notebooks and writes them to `directory`, whole or not at all. The directory
    /// is checked first (`OutputDirectory`): new, empty or a previous report output, holding none
    /// of the inputs.
    @discardableResult
    public static func write(
        _ options: Options, to directory: String, issued: Date,
        waiting: (String) -> Void = { _ in }
    ) throws -> [Publisher.File] {
        let output = try OutputDirectory(
            directory, kind: .report,
            inputs: [options.datasets, options.calendars, options.benchmarks])
        let files = try build(options, issued: issued)
        try output.write(files, waiting: waiting)
        return files
    }
}

/// One rendered notebook: its title, its blocks and the charts it links to.
struct NotebookPage {
    var title: String
    var blocks: [Block] = []
    var charts: [(path: String, svg: String)] = []

    /// Adds a chart file and returns it.
    mutating func chart(_ path: String, _ svg: String) -> (path: String, svg: String) {
        charts.append((path, svg))
        return (path, svg)
    }

    /// The notebook's Markdown: its text as written.
    func markdown(_ blocks: [Block]) -> String { MarkdownRenderer().render(blocks) }

    /// The notebook's HTML page, its charts inlined.
    func html(_ blocks: [Block]) -> String {
        NotebookHTML.page(title: title, body: HTMLRenderer(escaping: .asWritten).render(blocks))
    }
}

/// Reading helpers shared by the notebooks.
enum ReportData {
    /// The tidy file `name` of the datasets directory, read with `onMissing`.
    static func read(_ options: AnalysisReport.Options, _ name: String, onMissing: MissingPolicy) throws -> TidyDataset
    {
        let path = URL(fileURLWithPath: options.datasets).appendingPathComponent(name).path
        guard let raw = FileManager.default.contents(atPath: path) else {
            throw DataError(.fileNotFound, file: path, "cannot read the dataset")
        }
        var o = TidyReadOptions()
        o.onMissing = onMissing
        return try TidyReader.read(data: raw, file: "datasets/" + name, options: o)
    }

    static func series(_ table: TidyDataset, _ id: String) throws -> TimeSeries {
        guard let s = table.series(named: id), s.start != nil else {
            throw DataError(.badConfiguration, file: table.file, "no dated series '\(id)'")
        }
        return s
    }

    /// `series`, a series of `table` (or of the same file read the same way), with the values that
    /// were filled in (not in the file) set to NaN.
    static func observedOnly(_ series: TimeSeries, in table: TidyDataset) throws -> TimeSeries {
        guard let reported = table.reported[series.id] else {
            throw DataError(.badConfiguration, file: table.file, "no series '\(series.id)'")
        }
        return reported.masking(series)
    }

    static func labels(_ s: TimeSeries, extra: Int = 0) -> [String] {
        (0..<(s.count + extra)).map { s.date(at: $0)?.description ?? "\($0)" }
    }

    static func number(_ x: Double?, _ digits: Int) -> String { MarkdownTable.number(x, digits: digits) }

    /// A table cell from `number`.
    static func cell(_ x: Double?, _ digits: Int) -> Inlines { Inlines(number(x, digits)) }
}
