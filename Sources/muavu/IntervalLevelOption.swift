import ArgumentParser

/// `--level L` (repeatable), the interval levels of `forecast` and `backtest`, 80 and 95 unless
/// given.
struct IntervalLevelOption: ParsableArguments {
    @Option(name: .long, help: "Interval level in percent (repeatable; default 80 and 95).")
    var level: [Int] = []

    /// The levels given, in the order given, or 80 and 95.
    var levels: [Int] { level.isEmpty ? [80, 95] : level }
}
