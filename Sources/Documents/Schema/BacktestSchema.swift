/// JSON Schema (draft 2020-12) of `muavu.backtest/v1`.
enum BacktestSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "issued": .dateTime,
        "dataset": .string,
        "horizon": .integer(minimum: 1),
        "windows": .integer(minimum: 1),
        "step": .integer(minimum: 1),
        "levels": .levels,
        "models": JSONSchema.strings.with(.minItems(1)),
        "series": .array(.record(["id", "period", "observations", "results"], series, .hugging([3]))),
        "summary": .array(
            .record(
                ["model", "series", "failures", "measures"],
                ["model": .string, "series": .count, "failures": .count, "measures": .ref("measures")],
                .hugging([3]))),
        "errors": .errors(["id", "model", "message"]),
    ]

    static let schema = JSONSchema.document(
        "backtest", engine: .engine,
        "Rolling-origin evaluation: each model refitted at every origin and scored on the following horizon values, per window, per series and in summary.",
        required: [
            "issued", "dataset", "horizon", "windows", "step", "levels", "models", "series",
            "summary", "errors",
        ],
        properties: members,
        definitions: [("measure", .numberOrNull), ("byLevel", .byLevel), ("measures", measures)])

    private static let series: KeyValuePairs<String, JSONSchema> = [
        "id": .string,
        "period": .integer(minimum: 1),
        "observations": .count,
        "results": .array(
            .record(
                ["model", "summary", "windows"],
                ["model": .string, "summary": .ref("measures"), "windows": .array(window)], .hugging([3]))),
    ]

    private static let window = JSONSchema.record(
        ["origin", "start", "fitted", "measures"],
        [
            "origin": JSONSchema.integer(minimum: 1).described(
                "Observations fitted on; the test values start at this 0-based index."),
            "start": JSONSchema.stringOrNull.described("Date of the first test value; null without a calendar."),
            "fitted": JSONSchema.string.described("The model as fitted in this window."),
            "measures": .ref("measures"),
        ], .hugging([3]))

    private static let measures = JSONSchema(
        [
            .type(.object),
            .required(["mae", "rmse", "mape", "smape", "mase", "rmsse", "pinball", "coverage", "winkler"]),
            .closed,
            .properties([
                "mae": .ref("measure"),
                "rmse": .ref("measure"),
                "mape": JSONSchema.ref("measure").described("Percent, over the steps with a non-zero actual value."),
                "smape": JSONSchema.ref("measure").described("M3/M4 sMAPE, percent."),
                "mase": JSONSchema.ref("measure").described("Scaled by the in-sample seasonal-naive MAE."),
                "rmsse": .ref("measure"),
                "pinball": JSONSchema.ref("measure").described(
                    "Mean pinball loss of the interval bounds as quantiles."),
                "coverage": .ref("byLevel"),
                "winkler": .ref("byLevel"),
            ]),
        ], layout: .lines())
}
