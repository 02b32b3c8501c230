import AgriData
import Foundation
import Rendering

/// `datasets.md`: each series of `datapackage.json` with its source, unit, span and rows, and a
/// sparkline of the values as they are in the file (gaps left as gaps).
enum DatasetsNotebook {
    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        let packagePath = URL(fileURLWithPath: options.datasets).appendingPathComponent("datapackage.json").path
        let package = try DataPackage.load(path: packagePath)
        var page = NotebookPage(title: "The datasets at a glance")
        page.blocks = [
            .heading(1, "The datasets at a glance"),
            .paragraph(
                """
                Every series listed in \(code: "datasets/datapackage.json"), read by muavu's tidy reader. The sparkline \
                shows the values as they are in the file: a missing month breaks the line (nothing is filled in). \
                \(code: "datasets/README.md") and \(code: "datasets/provenance/") say how each file was built.
                """),
        ]
        for resource in package.resources {
            page.blocks.append(.heading(2, Inlines(resource.title ?? resource.name)))
            let sources = (resource.sources ?? []).map(\.title).joined(separator: "; ")
            let licenses = (resource.licenses ?? []).map(\.name).joined(separator: ", ")
            var file: Inlines = "File \(code: "datasets/\(resource.path)")"
            if !sources.isEmpty { file.append("; source: \(sources)") }
            if !licenses.isEmpty { file.append("; licence: \(licenses)") }
            file.append(".")
            page.blocks.append(.paragraph(file))
            guard let listed = resource.series, !listed.isEmpty else {
                page.blocks.append(.paragraph("Not a time series (a cross-section, used by \(code: "muavu regress"))."))
                continue
            }
            let table = try ReportData.read(options, resource.path, onMissing: .interpolate)
            var t = Table(header: ["series", "name", "unit", "span", "rows", "missing", "min", "max", "values"])
            for entry in listed {
                guard let s = table.series(named: entry.id) else {
                    throw DataError(
                        .badConfiguration, file: table.file,
                        "datapackage.json lists '\(entry.id)', which the file lacks")
                }
                let observed = try ReportData.observedOnly(s, in: table)
                let values = observed.values.filter(\.isFinite)
                let chart = page.chart("charts/datasets/\(entry.id).svg", LineChart.sparkline(observed.values).svg())
                let digits = (values.map { abs($0) }.max() ?? 0) >= 100 ? 0 : 2
                t.rows.append([
                    "\(code: entry.id)", "\(entry.name)", "\(entry.unit)", "\(entry.start) – \(entry.end)",
                    "\(entry.rows)", "\(entry.missing)", "\(ReportData.number(values.min(), digits))",
                    "\(ReportData.number(values.max(), digits))",
                    "\(image: entry.id, path: chart.path, svg: chart.svg)",
                ])
            }
            page.blocks.append(.table(t))
        }
        // The committed notebook has a second blank line before its footer.
        page.blocks.append(.blankLine)
        return page
    }
}
