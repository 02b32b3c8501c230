import ArgumentParser

/// `--output FILE`, where a command writes its JSON document (`forecast`, `backtest`,
/// `benchmark`).
struct DocumentOutputOption: ParsableArguments {
    @Option(name: .long, help: "Write the JSON document here ('-' or absent: stdout).")
    var output: String?
}
