extension OutlookSchema {
    /// The `model` member: the model chosen, and the rolling-origin comparison that chose it.
    static let model = JSONSchema.record(
        ["name", "family", "candidate", "kind", "why", "selection"],
        [
            "name": .string,
            "family": .string,
            "candidate": .stringOrNull,
            "kind": .enum(["univariate", "export-link", nil]),
            "why": .ref("text"),
            "selection": JSONSchema(
                [
                    .type(.object),
                    .required(["method", "criterion", "origins", "steps", "first_origin", "last_origin", "candidates"]),
                    .closed,
                    .properties([
                        "method": .const("rolling-origin"),
                        "criterion": .const("rmse"),
                        "origins": .count,
                        "steps": .integer(minimum: 1),
                        "first_origin": monthOrNull,
                        "last_origin": monthOrNull,
                        "export_link_note": .string,
                        "candidates": candidates,
                    ]),
                ], layout: .lines()),
        ])

    private static let candidates = JSONSchema(
        [
            .type(.array), .minItems(1),
            .items(
                .record(
                    ["name", "kind", "rmse", "mape", "cases", "chosen"],
                    [
                        "name": .string,
                        "kind": .enum(["univariate", "export-link"]),
                        "rmse": .ref("number"),
                        "mape": JSONSchema.ref("number").described("Percent."),
                        "cases": .count,
                        "chosen": .boolean,
                        "note": .string,
                    ])),
            .contains(JSONSchema([.properties(["chosen": .const(true)], .inline)])),
            .minContains(1), .maxContains(1),
        ], layout: .lines([2, 1, 1, 2]))

    /// The `range` member: how the range is calibrated, and how often such ranges held the price.
    static let range = JSONSchema(
        [
            .type(.object),
            .required(["level", "method", "score", "calibration_origins", "minimum_train", "backtest"]),
            .closed,
            .properties([
                "level": .level,
                "method": .const("split-conformal"),
                "score": .const("abs-log-ratio"),
                "calibration_origins": .integer(minimum: 1),
                "minimum_train": .integer(minimum: 1),
                "backtest": backtest,
            ]),
        ], layout: .lines())

    private static let backtest = JSONSchema(
        [
            .type(.object),
            .required(
                [
                    "method", "cases", "held", "coverage", "model_interval_coverage", "first_origin", "last_origin",
                    "by_step", "mean_relative_width", "model_mean_relative_width",
                ], .wrapped([8])),
            .closed,
            .properties([
                "method": .const("rolling-origin"),
                "cases": JSONSchema.count.described(
                    "(origin, month) pairs with a reported price and a calibrated range."),
                "held": .count,
                "coverage": JSONSchema.ref("share").described("held / cases."),
                "model_interval_coverage": JSONSchema.ref("share").described(
                    "The model's own interval on the same cases."),
                "first_origin": monthOrNull,
                "last_origin": monthOrNull,
                "by_step": JSONSchema.array(
                    .record(
                        ["step", "cases", "held", "coverage"],
                        ["step": .integer(minimum: 1), "cases": .count, "held": .count, "coverage": .ref("share")]),
                    .lines()),
                "mean_relative_width": JSONSchema.ref("number").described("Mean of upper / lower − 1."),
                "model_mean_relative_width": .ref("number"),
                "note": .string,
            ]),
        ], layout: .lines())
}
