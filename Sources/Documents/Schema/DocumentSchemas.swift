/// The JSON Schemas (draft 2020-12) of every document muavu writes, by the name
/// `muavu schema NAME` takes. Each schema lives in its own file as a `JSONSchema` value, printed
/// by `JSONSchema.text`.
public enum DocumentSchemas {
    /// Each schema's text; forecast, backtest and benchmark end with a newline, as first published.
    public static let all: [String: String] = [
        "benchmark": BenchmarkSchema.schema.text + "\n",
        "backtest": BacktestSchema.schema.text + "\n",
        "forecast": ForecastSchema.schema.text + "\n",
        "model": ModelFileSchema.text,
        "outlook": OutlookSchema.schema.text,
        "quoted-price": QuotedPriceSchema.schema.text,
        "publish-index": PublishIndexSchema.schema.text,
        "reconciliation": ReconciliationSchema.schema.text,
        "regression": RegressionSchema.schema.text,
        "report-index": ReportIndexSchema.schema.text,
        "validation": ValidationSchema.schema.text,
    ]

    public static var names: [String] { all.keys.sorted() }

    /// The schemas as values, for those another document embeds (`muavu serve`'s OpenAPI document
    /// states its responses with them, so that they are the very schemas `muavu schema` prints).
    public static let values: [String: JSONSchema] = [
        "forecast": ForecastSchema.schema,
        "outlook": OutlookSchema.schema,
    ]
}
