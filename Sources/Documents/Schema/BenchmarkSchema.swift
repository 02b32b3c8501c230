/// JSON Schema (draft 2020-12) of `muavu.benchmark/v1`.
enum BenchmarkSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "issued": .dateTime,
        "dataset": .string,
        "models": JSONSchema.strings.with(.minItems(1)),
        "levels": .levels,
        "intervals": JSONSchema.enum(["model", "calibrated"]).described(
            "The models' own intervals, or intervals calibrated on a holdout of each series' last observations; absent means model."
        ).laid(.wrapped([1])),
        "shards": JSONSchema.array(JSONSchema([.type(.string), .pattern("^[0-9]+/[0-9]+$")])).described(
            "Shards i/n this document covers; empty for a whole run."
        ).laid(.wrapped([2])),
        "results": .array(.ref("row")),
        "baseline": JSONSchema.array(.ref("row")).described(
            "The Naive2 benchmark that OWA is relative to (M4), per subset and 'all'."
        ).laid(.wrapped([2])),
        "errors": .errors(["id", "model", "message"]),
        "notes": .strings,
    ]

    static let schema = JSONSchema.document(
        "benchmark", engine: .ref("engine"),
        "Scores of forecasting models fitted on the training part of each series and scored on its test part: a row per model and subset and one for 'all'.",
        required: [
            "issued", "dataset", "models", "levels", "shards", "results", "baseline", "errors",
            "notes",
        ],
        properties: members,
        definitions: [("engine", .engine), ("measure", .numberOrNull), ("row", row)])

    private static let row = JSONSchema(
        [
            .type(.object),
            .required([
                "model", "subset", "series", "failures", "smape", "mase", "owa", "coverage", "seconds", "totals",
            ]),
            .closed,
            .properties([
                "model": .string,
                "subset": .string,
                "series": JSONSchema.count.described("Series scored."),
                "failures": JSONSchema.count.described("Series whose fit failed (see errors)."),
                "smape": JSONSchema.ref("measure").described(
                    "M3/M4 sMAPE in percent: mean over every series and step of 200|y-f|/(|y|+|f|)."),
                "mase": JSONSchema.ref("measure").described(
                    "MASE scaled by the in-sample seasonal-naive MAE, mean over series."),
                "owa": JSONSchema.ref("measure").described(
                    "M4 overall weighted average relative to Naive2; null without a baseline."),
                "coverage": JSONSchema(
                    [
                        .type(.object), .propertyNames(.levelKey),
                        .additionalProperties(JSONSchema.numberOrNull.with(.minimum(0), .maximum(1))),
                    ], layout: .wrapped([2])),
                "seconds": JSONSchema.seconds.described("Wall time of fitting and forecasting."),
                "totals": totals,
            ]),
        ], layout: .lines())

    private static let totals = JSONSchema(
        [
            .type(.object),
            .required([
                "series", "failures", "steps", "smape_sum", "mase_series", "mase_sum", "covered", "interval_steps",
                "seconds",
            ]),
            .closed,
            .properties([
                "series": .count,
                "failures": .count,
                "steps": .count,
                "smape_sum": .number,
                "mase_series": .count,
                "mase_sum": .number,
                "covered": JSONSchema([.type(.object), .additionalProperties(.count)]),
                "interval_steps": JSONSchema([.type(.object), .additionalProperties(.count)]),
                "seconds": .seconds,
            ]),
        ], layout: .lines())
}
