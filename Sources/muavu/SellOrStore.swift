import Agronomy
import ArgumentParser
import Documents
import Forecasting
import Foundation
import Publishing
import TimeSeriesCore

/// `muavu sell-or-store [--datasets DIR] [--model NAME] [--output FILE] [--statements FILE]`:
/// the backtest of the sell-or-store statements on the bundled long rice prices
/// (docs/benchmarks/sell-or-store.md and its CSV of statements).
struct SellOrStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sell-or-store",
        abstract: "Backtest \"waiting k months beats selling fresh paddy now with probability p\" on long rice prices.",
        discussion: """
            At every origin of the WFP wholesale rice prices (Đồng Tháp, An Giang) and the World Bank \
            export prices (Viet Nam 5%, Thai 5%), the model is fitted on the months before it and the \
            probability that drying and keeping the paddy k months (1…--months) beats selling it fresh is \
            stated from the model's own past k-step errors; then it is checked against the price that came. \
            Writes the reliability table (by tenths of probability, with counts), the Brier score and its \
            decomposition per k as Markdown (--output, default stdout), and every statement as CSV \
            (--statements) for the independent check scripts/fixtures/sell_or_store_reliability.py. \
            The costs are those of `muavu outlook --sell-or-store` (docs/design/sell-or-store.md).
            """)

    @Option(name: .long, help: ArgumentHelp("The bundled datasets directory.", valueName: "dir"))
    var datasets = "datasets"

    @Option(name: .long, help: "The forecasting model refitted at every origin.")
    var model = "naive"

    @Option(name: .long, help: "Months of waiting considered (1 to k).")
    var months = 6

    @Option(name: .long, help: "Recent errors of each step that make the price distribution (1000: all).")
    var calibrationOrigins = 1_000

    @OptionGroup var storage: StorageCostOptions

    @Option(name: .long, help: "Write every statement as CSV here.")
    var statements: String?

    @Option(name: [.customLong("output"), .customLong("out")], help: "Write the Markdown here ('-' or absent: stdout).")
    var output: String?

    func validate() throws {
        guard (1...12).contains(months) else { throw ValidationError("--months must lie between 1 and 12") }
        try checkOption(calibrationOrigins, Limits.calibrationOrigins, "--calibration-origins")
        guard calibrationOrigins >= 10 else { throw ValidationError("--calibration-origins must be at least 10") }
        do { _ = try ForecasterRegistry.forecaster(named: model) } catch { throw ValidationError("--model: \(error)") }
    }

    func run() throws {
        try runReportingFailures {
            try AtomicFile.checkTarget(output, option: "--output", inputs: [], otherOutputs: [statements])
            try AtomicFile.checkTarget(statements, option: "--statements", inputs: [])
            var options = SellOrStoreBenchmark.Options()
            options.datasets = datasets
            options.model = model
            options.costs = try storage.costs()
            options.study.months = months
            options.study.calibrationOrigins = calibrationOrigins
            let result = try SellOrStoreBenchmark.run(options)
            var command = "muavu sell-or-store --model \(model)"
            if months != 6 { command += " --months \(months)" }
            if calibrationOrigins != 1_000 { command += " --calibration-origins \(calibrationOrigins)" }
            if let statements { try AtomicFile.write(SellOrStoreBenchmark.statementsCSV(result), to: statements) }
            try AtomicFile.write(
                SellOrStoreBenchmark.markdown(result, issued: IssueTime.now(), command: command), to: output ?? "-")
            for (k, r) in result.pooled.enumerated() {
                printError(
                    "sell-or-store: k=\(k + 1): \(r.cases) statements, Brier \(String(format: "%.4f", r.brier)), "
                        + "uncertainty \(String(format: "%.4f", r.uncertainty))")
            }
        }
    }
}
