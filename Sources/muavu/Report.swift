import ArgumentParser
import Documents
import Foundation
import Publishing
import TimeSeriesCore

/// `muavu report --out DIR`: the analyses behind the forecasts rendered as Markdown notebooks
/// with SVG charts, written whole or not at all.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Render the analyses (datasets, yield studies, price study, M3 benchmark) as Markdown with SVG charts.",
        discussion: """
            Writes DIR/README.md, DIR/datasets.md, DIR/yield-study.md, DIR/province-season-study.md, \
            DIR/price-study.md, DIR/m3-benchmark.md and their charts under DIR/charts/. The M3 notebook \
            reads the committed benchmark documents (--benchmarks DIR/m3*.json); it does not run M3. The issue time is \
            SOURCE_DATE_EPOCH when set, so runs are byte-reproducible. DIR/index.json lists every file \
            (muavu.report-index/v1). DIR is built beside itself and swapped into place in one step: bad \
            data (exit 65) leaves no output. DIR must be new, empty or a previous muavu report output; \
            anything else (a file, a folder of other files, the current folder or one above it, a folder \
            holding the inputs) is refused with exit 64 and left untouched.
            """)

    @Option(name: .long, help: "The output directory: new, empty, or a previous report output (replaced whole).")
    var out: String

    @Option(name: .long, help: ArgumentHelp("The datasets directory (with datapackage.json).", valueName: "dir"))
    var datasets = "datasets"

    @Option(name: .long, help: ArgumentHelp("The crop calendars directory.", valueName: "dir"))
    var calendars = "models/calendars"

    @Option(name: .long, help: ArgumentHelp("Where the committed m3*.json benchmark documents are.", valueName: "dir"))
    var benchmarks = "docs/benchmarks"

    @Option(name: .long, help: "Rolling-origin windows of the price study.")
    var priceWindows = 24

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp(
            "Only these notebooks (datasets, yield-study, province-season-study, price-study, m3-benchmark).",
            valueName: "name"))
    var notebook: [String] = []

    func validate() throws {
        guard !out.isEmpty, out != "-" else { throw ValidationError("--out must name a directory") }
        try checkOption(priceWindows, Limits.backtestWindows, "--price-windows")
        for name in notebook where AnalysisReport.Notebook(rawValue: name) == nil {
            throw ValidationError(
                "no notebook '\(name)'; known: "
                    + AnalysisReport.Notebook.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        try runReportingFailures {
            var options = AnalysisReport.Options(datasets: datasets, calendars: calendars, benchmarks: benchmarks)
            options.priceWindows = priceWindows
            if !notebook.isEmpty { options.notebooks = notebook.compactMap(AnalysisReport.Notebook.init(rawValue:)) }
            let files = try AnalysisReport.write(options, to: out, issued: IssueTime.now(), waiting: printError)
            printError("wrote \(files.count) files to \(out)/ (start at \(out)/README.md)")
        }
    }
}
