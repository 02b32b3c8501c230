import Documents
import Rendering

extension BenchmarkDocument {
    /// The results as a Markdown table (one row per subset and model).
    public var markdown: String {
        var table = MarkdownTable(
            header: ["subset", "model", "series", "sMAPE", "MASE", "OWA"]
                + levels.map { "\($0)% coverage" } + ["seconds", "failures"])
        for row in results {
            table.append(
                [
                    row.subset, row.model, "\(row.series)",
                    MarkdownTable.number(row.smape, digits: 3), MarkdownTable.number(row.mase, digits: 3),
                    MarkdownTable.number(row.owa, digits: 3),
                ]
                    + levels.map { MarkdownTable.number(row.coverage["\($0)"] ?? nil, digits: 3) }
                    + [MarkdownTable.number(row.seconds, digits: 2), "\(row.failures)"])
        }
        return "# Benchmark: \(dataset)\n\n" + table.text
            + (notes.isEmpty ? "" : "\n" + notes.map { "- \($0)\n" }.joined())
    }
}
