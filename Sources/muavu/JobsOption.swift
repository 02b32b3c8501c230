import ArgumentParser
import Forecasting
import TimeSeriesCore

/// `--jobs N`, the worker threads of the commands that fit many series (`forecast`, `backtest`,
/// `benchmark`).
struct JobsOption: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: every core).")
    var jobs: Int?

    /// A usage error when `--jobs` is outside `Limits.jobs`; called by the command's `validate()`
    /// in its own order of checks.
    func check() throws {
        if let jobs { try checkOption(jobs, Limits.jobs, "--jobs") }
    }

    /// The worker pool of `--jobs` (`makeRunner`).
    func runner() throws -> BatchRunner { try makeRunner(jobs: jobs) }
}
