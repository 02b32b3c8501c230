import ArgumentParser
import Documents
import Foundation
import TimeSeriesCore

@main
struct Muavu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "muavu",
        abstract: "Crop-forecast and market-access modelling engine for Đồng Tháp.",
        discussion: """
            Documents go to --output FILE or stdout; messages and progress go to stderr.
            Exit codes: 0 success, 64 bad usage, 65 bad data (file:line:column), 1 anything else.
            """,
        version: Engine.current.version,
        subcommands: [
            Validate.self,
            Schema.self,
            Benchmark.self,
            Backtest.self,
            Forecast.self,
            Fit.self,
            Regress.self,
            Reconcile.self,
            Outlook.self,
            SellOrStore.self,
            Publish.self,
            Report.self,
            Import.self,
            DataCommand.self,
            Serve.self,
            Token.self,
            Verify.self,
            Replay.self,
            RecordCommand.self,
        ]
    )

    /// Refuses a malformed `SOURCE_DATE_EPOCH` (exit 64) before any command runs: a document must
    /// never carry the current time when the user asked for a fixed one.
    static func main() {
        do {
            _ = try IssueTime.sourceDateEpoch()
        } catch {
            printError("error: \(error)")
            Foundation.exit(64)
        }
        main(nil)
    }
}
