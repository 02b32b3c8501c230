import Documents
import Foundation

extension PublishIndex {
    /// The index of a publication of `c`: its inputs, the series `published` and every file.
    init(
        configuration c: PublishConfiguration, issued: Date, inputs: [Input], published: [PublishedSeries],
        withheld: [WithheldSeries] = [], levels: [Int], files: [Publisher.File]
    ) {
        let configuration = ConfigurationEntry(
            name: c.name, file: c.file, contents: FileManager.default.contents(atPath: c.file), levels: levels,
            seed: c.seed)
        let series = published.map { p in
            Series(
                id: p.entry.id, kind: p.entry.kind.rawValue, name: p.entry.name, dataset: p.entry.dataset,
                series: p.entry.series, history: p.history, age: p.age, forecast: p.forecast, selection: p.selection,
                areaSelection: p.areaSelection, document: p.documentFile, chart: p.chartFile)
        }
        self.init(
            issued: issued, configuration: configuration, inputs: inputs, series: series,
            withheld: withheld.map { Withheld(id: $0.entry.id, name: $0.entry.name, age: $0.age, reason: $0.reason) },
            files: ManifestEntry.list(files))
    }
}
