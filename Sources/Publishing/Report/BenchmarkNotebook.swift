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
        var page = NotebookPage(title: "M3 benchmark")
        page.blocks = [
            .heading(1, "M3 benchmark"),
            .paragraph(
                """
                muavu's models on the 3,003 series of the M3 competition, fitted on each series' training part and \
                scored on its test part (sMAPE and MASE as in M3/M4, OWA relative to Naive2 as in M4). \
                \(code: "docs/benchmarks/m3.md") describes the run and the comparison with statsforecast.
                """),
        ]
        let command =
            "muavu benchmark --data ../shared/bench/m3.csv --models ets,theta,arima,naive2 "
            + "--output docs/benchmarks/m3.json"
        let regenerate: Inlines = """
            To regenerate: \(code: "scripts/bench/m3_compare.sh") (or \(code: command)), commit \
            \(code: "docs/benchmarks/m3.json"), then \(code: "make notebooks").
            """
        var found = 0
        for name in names {
            let path = URL(fileURLWithPath: options.benchmarks).appendingPathComponent(name).path
            guard let data = fm.contents(atPath: path) else { continue }
            let document: BenchmarkDocument
            do {
                document = try JSONDecoder().decode(BenchmarkDocument.self, from: data)
            } catch {
                page.blocks.append(
                    .paragraph("\(code: "docs/benchmarks/\(name)") is not a muavu.benchmark/v1 document; left out."))
                continue
            }
            guard document.schema == BenchmarkDocument.schemaName else { continue }
            found += 1
            page.blocks.append(.heading(2, "\(code: "docs/benchmarks/\(name)")"))
            let models = Inlines.joined(document.models.map { "\(code: $0)" }, separator: ", ")
            let failed = document.errors.isEmpty ? "" : "; \(document.errors.count) series could not be forecast"
            page.blocks.append(
                .paragraph(
                    """
                    Dataset \(code: document.dataset), models \(models), issued \(document.issued) by muavu \
                    \(document.engine.version)\(failed).
                    """))
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
            page.blocks.append(.table(table.table))
        }
        let closing: Inlines =
            found == 0
            ? "No M3 benchmark document is committed yet (\(code: "docs/benchmarks/m3*.json")). \(regenerate)"
            : "Seconds are wall time on the machine that made the document. \(regenerate)"
        page.blocks.append(.paragraph(closing))
        return page
    }
}
