import Documents
import Foundation
import Rendering

/// `m3-benchmark.md`: the M3 results of the committed `muavu.benchmark/v1` documents
/// (`docs/benchmarks/m3*.json`). Running M3 takes long, so the report only reads the documents;
/// `scripts/bench/m3_compare.sh` makes them.
enum BenchmarkNotebook {
    static func render(_ options: AnalysisReport.Options) throws -> NotebookPage {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: options.benchmarks)) ?? [])
            .filter { $0.hasPrefix("m3") && $0.hasSuffix(".json") }.sorted()
        var md =
            "# M3 benchmark\n\n"
            + "muavu's models on the 3,003 series of the M3 competition, fitted on each series' training part and scored "
            + "on its test part (sMAPE and MASE as in M3/M4, OWA relative to Naive2 as in M4). `docs/benchmarks/m3.md` "
            + "describes the run and the comparison with statsforecast.\n\n"
        let regenerate =
            "To regenerate: `scripts/bench/m3_compare.sh` (or `muavu benchmark --data ../shared/bench/m3.csv "
            + "--models ets,theta,arima,naive2 --output docs/benchmarks/m3.json`), commit `docs/benchmarks/m3.json`, then "
            + "`make notebooks`.\n"
        var found = 0
        for name in names {
            let path = URL(fileURLWithPath: options.benchmarks).appendingPathComponent(name).path
            guard let data = fm.contents(atPath: path) else { continue }
            let document: BenchmarkDocument
            do {
                document = try JSONDecoder().decode(BenchmarkDocument.self, from: data)
            } catch {
                md += "`docs/benchmarks/\(name)` is not a muavu.benchmark/v1 document; left out.\n\n"
                continue
            }
            guard document.schema == BenchmarkDocument.schemaName else { continue }
            found += 1
            md += "## `docs/benchmarks/\(name)`\n\n"
            md +=
                "Dataset `\(document.dataset)`, models " + document.models.map { "`\($0)`" }.joined(separator: ", ")
                + ", issued \(document.issued) by muavu \(document.engine.version)"
                + (document.errors.isEmpty ? "" : "; \(document.errors.count) series could not be forecast") + ".\n\n"
            var table = MarkdownTable(
                header: ["subset", "model", "series", "sMAPE", "MASE", "OWA"]
                    + document.levels.map { "\($0)% coverage" } + ["seconds"])
            for row in document.results {
                table.append(
                    [
                        row.subset, row.model, "\(row.series)", MarkdownTable.number(row.smape, digits: 3),
                        MarkdownTable.number(row.mase, digits: 3), MarkdownTable.number(row.owa, digits: 3),
                    ]
                        + document.levels.map { MarkdownTable.number(row.coverage["\($0)"] ?? nil, digits: 3) }
                        + [MarkdownTable.number(row.seconds, digits: 1)])
            }
            md += table.text + "\n"
        }
        if found == 0 {
            md += "No M3 benchmark document is committed yet (`docs/benchmarks/m3*.json`). " + regenerate
        } else {
            md += "Seconds are wall time on the machine that made the document. " + regenerate
        }
        return NotebookPage(title: "M3 benchmark", markdown: md)
    }
}
