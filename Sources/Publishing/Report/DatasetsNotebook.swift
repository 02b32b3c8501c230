import AgriData
import Foundation
import Rendering

/// `datasets.md`: each series of `datapackage.json` with its source, unit, span and rows, and a
/// sparkline of the values as they are in the file (gaps left as gaps).
enum DatasetsNotebook {
    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        let packagePath = URL(fileURLWithPath: options.datasets).appendingPathComponent("datapackage.json").path
        let package = try DataPackage.load(path: packagePath)
        var md =
            "# The datasets at a glance\n\n"
            + "Every series listed in `datasets/datapackage.json`, read by muavu's tidy reader. The sparkline shows the values "
            + "as they are in the file: a missing month breaks the line (nothing is filled in). `datasets/README.md` and "
            + "`datasets/provenance/` say how each file was built.\n\n"
        var charts: [(path: String, svg: String)] = []
        for resource in package.resources {
            md += "## \(resource.title ?? resource.name)\n\n"
            let sources = (resource.sources ?? []).map(\.title).joined(separator: "; ")
            let licenses = (resource.licenses ?? []).map(\.name).joined(separator: ", ")
            md += "File `datasets/\(resource.path)`"
            if !sources.isEmpty { md += "; source: \(sources)" }
            if !licenses.isEmpty { md += "; licence: \(licenses)" }
            md += ".\n\n"
            guard let listed = resource.series, !listed.isEmpty else {
                md += "Not a time series (a cross-section, used by `muavu regress`).\n\n"
                continue
            }
            let table = try ReportData.read(options, resource.path, onMissing: .interpolate)
            var t = MarkdownTable(header: ["series", "name", "unit", "span", "rows", "missing", "min", "max", "values"])
            for entry in listed {
                guard let s = table.series(named: entry.id) else {
                    throw DataError(
                        .badConfiguration, file: table.file,
                        "datapackage.json lists '\(entry.id)', which the file lacks")
                }
                let observed = try ReportData.observedOnly(s, in: table)
                let values = observed.values.filter(\.isFinite)
                let chart = "charts/datasets/\(entry.id).svg"
                charts.append((chart, LineChart.sparkline(observed.values).svg()))
                let digits = (values.map { abs($0) }.max() ?? 0) >= 100 ? 0 : 2
                t.append([
                    "`\(entry.id)`", entry.name, entry.unit, "\(entry.start) – \(entry.end)", "\(entry.rows)",
                    "\(entry.missing)", ReportData.number(values.min(), digits),
                    ReportData.number(values.max(), digits),
                    "![\(entry.id)](\(chart))",
                ])
            }
            md += t.text + "\n"
        }
        return NotebookPage(title: "The datasets at a glance", markdown: md, charts: charts)
    }
}
