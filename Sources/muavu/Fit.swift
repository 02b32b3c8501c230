import ArgumentParser
import Documents
import Forecasting
import Foundation
import Publishing

/// `muavu fit --data FILE --series ID --model NAME [data options] --save FILE`: fits one model
/// to one series and saves it as a `muavu.model/v1` document, which `muavu forecast --model-file`
/// forecasts from without fitting again.
struct Fit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit one model to one series and save it as JSON (muavu.model/v1).",
        discussion: """
            The saved model holds the parameters and starting states, the training series and its \
            calendar, the fit statistics and a SHA-256 of the training values; \
            `muavu forecast --model-file FILE --horizon H` forecasts from it without estimating anything, \
            with the same output as `muavu forecast` on the same data and model. Models that can be saved: \
            \(ForecasterRegistry.savableNames.joined(separator: ", ")). An Akaike-weighted ETS (ets-aw) is \
            saved with every candidate and its weight; a combination (ensemble, auto) with each member's \
            parameters (a member whose fit failed is saved with the reason, and is dropped again when \
            forecasting, as when fitted).
            """)

    @OptionGroup var input: SeriesInputOptions

    @Option(name: .long, help: "Model name (see the list below).")
    var model: String

    @Option(name: .long, help: ArgumentHelp("Write the saved model here (whole or not at all).", valueName: "file"))
    var save: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Orders of arima-fixed: p,d,q or p,d,q,P,D,Q (default 0,1,1), as in forecast.",
            valueName: "p,d,q[,P,D,Q]"))
    var order: String?

    func validate() throws {
        try validateModels([model])
        guard ForecasterRegistry.stateType(named: model) != nil else {
            throw ValidationError(ForecasterRegistry.cannotBeSaved(model))
        }
        if order != nil && model != "arima-fixed" {
            throw ValidationError("--order sets the orders of arima-fixed; the model is \(model)")
        }
        try validateOrder(order, models: [model])
        guard input.series.count <= 1 else {
            throw ValidationError("fit saves one series: give --series once, got \(input.series.count)")
        }
        try input.validate()
    }

    func run() throws {
        try runReportingStoreFailures {
            try AtomicFile.checkTarget(save, option: "--save", inputs: [input.data, input.dataOptions.bounds])
            let all = try input.load()
            guard all.count == 1, let series = all.first else {
                let ids = all.prefix(5).map(\.id).joined(separator: ", ") + (all.count > 5 ? ", ..." : "")
                throw ValidationError("\(input.datasetName) has \(all.count) series (\(ids)); name one with --series")
            }
            let fitted: FittedModel
            if let order {
                let spec = try SARIMA.Specification(parsing: order, period: series.period)
                fitted = try FittedModel.fit(SARIMA(spec), series.values, period: series.period)
            } else {
                fitted = try FittedModel.fit(named: model, series.values, period: series.period)
            }
            let file = try ModelFile(
                model: fitted, series: series, dataset: input.datasetName, created: IssueTime.now())
            try file.write(to: save)
            printError("saved \(file.displayName) for '\(series.id)' (\(series.count) observations) to \(save)")
        }
    }
}
