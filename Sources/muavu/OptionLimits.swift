import ArgumentParser
import TimeSeriesCore

/// Refuses an integer option outside its bound in `Limits` with a usage error (exit 64) that
/// names the option, before any data is read.
func checkOption(_ value: Int, _ bound: Bound, _ option: String) throws {
    guard bound.contains(value) else { throw ValidationError("\(option) \(bound.refusal(String(value)))") }
}

/// A `--period` given for `series`: at most each series' length (`Limits.checkPeriod`), known
/// once the data is read; an `.invalidArgument` (exit 64) naming the option and the series.
func checkPeriodOption(_ period: Int?, of series: [TimeSeries]) throws {
    guard let period else { return }
    for s in series where period > s.count {
        do { try Limits.checkPeriod(period, count: s.count, "--period") } catch var e as ForecastingError {
            e.message += " for series '\(s.id)'"
            throw e
        }
    }
}
