/// The JSON Schemas (draft 2020-12) of every document muavu writes, by the name
/// `muavu schema NAME` takes. Each schema lives in its own file as a `JSONSchema` value, printed
/// by `JSONSchema.text`.
public enum DocumentSchemas {
    public static let all: [String: String] = [
        "benchmark": BenchmarkSchema.text,
        "backtest": BacktestSchema.text,
        "forecast": ForecastSchema.text,
        "model": ModelFileSchema.text,
        "outlook": OutlookSchema.text,
        "publish-index": PublishIndexSchema.text,
        "regression": RegressionSchema.text,
        "report-index": ReportIndexSchema.text,
        "validation": ValidationSchema.text,
    ]

    public static var names: [String] { all.keys.sorted() }
}
