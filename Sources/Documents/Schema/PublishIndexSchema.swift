/// JSON Schema (draft 2020-12) of `muavu.publish-index/v1`, the `index.json` of `muavu publish`.
enum PublishIndexSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "issued": .dateTime,
        "configuration": .record(
            ["name", "file", "levels", "seed"],
            [
                "name": JSONSchema.string.with(.minLength(1)),
                "file": .string,
                "sha256": .ref("sha256"),
                "levels": JSONSchema([.type(.array), .minItems(1), .items(.level)]),
                "seed": .count,
            ]),
        "inputs": .array(
            .record(
                ["name", "kind", "path", "sha256", "bytes"],
                [
                    "name": .string,
                    "kind": .enum(["dataset", "calendar"]),
                    "path": .string,
                    "sha256": .ref("sha256"),
                    "bytes": .count,
                ], .hugging([3]))),
        "series": JSONSchema([.type(.array), .minItems(1), .items(.ref("series"))]),
        "withheld": JSONSchema.array(
            .record(
                ["id", "name", "reason"],
                ["id": .string, "name": .bilingual, "data_age": .dataAge, "reason": .bilingual])
        ).described(
            "Configured series with no forecast, and why: the last observation is more than 24 periods before the issue date, or the yield entry of a production has none."),
        "bulletin": .record(
            ["html", "markdown"], ["html": .string, "markdown": .string], properties: .inline),
        "files": .array(.file(sha256: .ref("sha256"))),
    ]

    static let schema = JSONSchema.document(
        "publish-index", engine: .engine,
        "What a muavu publish run published, when, from which input files (SHA-256) and with which models; every output file with its SHA-256.",
        required: ["issued", "configuration", "inputs", "series", "bulletin", "files"],
        properties: members,
        definitions: [("sha256", .sha256), ("score", .numberOrNull), ("selection", selection), ("series", series)])

    private static let selection = JSONSchema.record(
        ["method", "span", "candidates"],
        [
            "method": .enum(["loyo", "rolling-origin"]),
            "span": .string,
            "candidates": JSONSchema(
                [
                    .type(.array), .minItems(1),
                    .items(
                        .record(
                            ["name", "rmse", "mape", "coverage_80", "chosen"],
                            [
                                "name": .string,
                                "rmse": .ref("score"),
                                "mape": .ref("score"),
                                "coverage_80": .ref("score"),
                                "chosen": .boolean,
                                "note": .string,
                            ], .hugging([3]))),
                ]),
            "range": range,
            "export_link_note": JSONSchema(
                [
                    .description(
                        "For a monthly price: why the link to the configuration's export price is not among the candidates (the series is the export price itself, or the export price does not cover the months before it)."
                    ),
                    .type(.string), .minLength(1),
                ], layout: .lines([1, 2])),
        ])

    private static let range = JSONSchema(
        [
            .description(
                "A monthly price's range at the headline level, calibrated on the chosen model's recent errors (split-conformal), with how often such ranges held the price in a rolling-origin backtest."
            ),
            .type(.object),
            .required([
                "level", "method", "calibration_origins", "cases", "held", "coverage", "model_interval_coverage",
            ]),
            .closed,
            .properties([
                "level": .level,
                "method": .const("split-conformal"),
                "calibration_origins": .integer(minimum: 1),
                "cases": .count,
                "held": .count,
                "coverage": .probability,
                "model_interval_coverage": .probability,
            ]),
        ], layout: .lines())

    private static let series = JSONSchema(
        [
            .type(.object),
            .required([
                "id", "kind", "name", "dataset", "series", "frequency", "stale", "horizon", "model", "selection",
                "document", "chart",
            ]),
            .closed,
            .properties([
                "id": JSONSchema([.type(.string), .pattern("^[A-Za-z0-9_-]+$")]),
                "kind": .enum(["series", "price", "yield", "production"]),
                "name": .bilingual,
                "dataset": .string,
                "series": .string,
                "unit": .string,
                "frequency": .frequency,
                "last_observed": .string,
                "data_age": .dataAge,
                "stale": JSONSchema.boolean.described(
                    "True when the series is older than its configured freshness (data_age.stale); no alert is raised on it."),
                "horizon": .integer(minimum: 1),
                "model": .record(["name", "family"], ["name": .string, "family": .string], properties: .inline),
                "selection": .ref("selection"),
                "area_selection": .ref("selection"),
                "document": JSONSchema([.type(.string), .pattern(#"^forecasts/[A-Za-z0-9_-]+\.json$"#)]),
                "chart": JSONSchema([.type(.string), .pattern(#"^charts/[A-Za-z0-9_-]+\.svg$"#)]),
            ]),
        ], layout: .lines())
}
