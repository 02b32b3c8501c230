/// JSON Schema (draft 2020-12) of `muavu.reconciliation/v1`, the document `muavu reconcile` writes.
enum ReconciliationSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "issued": .dateTime,
        "dataset": .string,
        "hierarchy": JSONSchema.string.described("The hierarchy file's name."),
        "method": .enum(["bottom-up", "ols", "wls-structural", "wls-variance", "mint-shrink"]),
        "method_reference": JSONSchema.string.described(
            "hierarchicalforecast's name of the method, e.g. MinTrace_method-mint_shrink."),
        "model": JSONSchema.string.described("The base model asked for (auto, ets, ...)."),
        "horizon": .integer(minimum: 1),
        "levels": .levels,
        "span": span,
        "residual_periods": JSONSchema([.type(.integer, .null), .minimum(0)]).described(
            "Periods of in-sample residuals (every series finite) behind W; null without fitted values."
        ),
        "shrinkage_intensity": JSONSchema.probability.described("lambda of mint-shrink; null for the other methods."),
        "reconciled_incoherence": JSONSchema.numberOrNull.with(.minimum(0)).described(
            "The largest |aggregate - sum of its bottom series| / |aggregate| of the reconciled means."),
        "series": .array(.ref("series")),
        "coherence": coherence,
        "backtest": JSONSchema([.anyOf([.ref("backtest"), .null])]).described(
            "The rolling-origin evaluation of every method (--backtest N); null without it."),
    ]

    static let schema = JSONSchema.document(
        "reconciliation", engine: .closedEngine,
        "Base and reconciled forecasts of every series of a hierarchy, and the coherence of the history: "
            + "each aggregate against the sum of its members, period by period.",
        required: [
            "issued", "dataset", "hierarchy", "method", "method_reference", "model", "horizon", "levels", "span",
            "residual_periods", "shrinkage_intensity", "reconciled_incoherence", "series", "coherence",
            "backtest",
        ],
        properties: members,
        definitions: [
            ("bounds", JSONSchema.byLevel.laid(.lines([2]))), ("values", values), ("difference", difference),
            ("series", series), ("backtest", backtest),
        ])

    private static let span = JSONSchema.record(
        ["start", "end", "observations"],
        [
            "start": JSONSchema.stringOrNull.described("The first period the base models were fitted on."),
            "end": .stringOrNull,
            "observations": .integer(minimum: 1),
        ])

    private static let values = JSONSchema.record(
        ["mean", "lower", "upper"], ["mean": .numberOrNull, "lower": .ref("bounds"), "upper": .ref("bounds")])

    private static let series = JSONSchema.record(
        ["id", "level", "model", "points"],
        [
            "id": .string,
            "level": .enum(["aggregate", "bottom"]),
            "members": JSONSchema.strings.described("An aggregate's members as the hierarchy file declares them."),
            "bottom": JSONSchema.strings.described("The bottom series an aggregate sums."),
            "model": JSONSchema.record(
                ["name", "family", "parameters", "criteria", "notes"],
                [
                    "name": .string, "family": .string, "parameters": .namedNumbers, "criteria": .namedNumbers,
                    "notes": .strings,
                ]),
            "points": .array(
                .record(
                    ["date", "horizon", "base", "reconciled"],
                    [
                        "date": .stringOrNull, "horizon": .integer(minimum: 1), "base": .ref("values"),
                        "reconciled": .ref("values"),
                    ])),
        ])

    /// The methods a backtest scores, base first (`ReconcileMethod` and the base forecasts).
    private static let backtestMethods = ["base", "bottom-up", "ols", "wls-structural", "wls-variance", "mint-shrink"]

    private static let backtest = JSONSchema.record(
        ["origins", "horizon", "step", "methods", "windows", "scores"],
        [
            "origins": .integer(minimum: 1),
            "horizon": .integer(minimum: 1),
            "step": JSONSchema.integer(minimum: 1).described("Periods between origins."),
            "methods": JSONSchema.array(.enum(backtestMethods.map { .string($0) })).described(
                "base (the base forecasts), then the reconciliation methods."),
            "windows": .array(
                .record(
                    [
                        "fitted_through", "observations", "residual_periods", "shrinkage_intensity", "failures",
                        "series",
                    ],
                    [
                        "fitted_through": JSONSchema.stringOrNull.described(
                            "The last period the base models were fitted on."),
                        "observations": JSONSchema.integer(minimum: 1).described("Periods fitted on."),
                        "residual_periods": JSONSchema([.type(.integer, .null), .minimum(0)]),
                        "shrinkage_intensity": .probability,
                        "failures": JSONSchema.errors(["method", "message"]).described(
                            "The methods that could not reconcile at this origin, and why."),
                        "series": .array(
                            .record(
                                ["id", "points"],
                                [
                                    "id": .string,
                                    "points": .array(
                                        .record(
                                            ["date", "horizon", "actual", "forecasts"],
                                            [
                                                "date": .stringOrNull, "horizon": .integer(minimum: 1),
                                                "actual": .number,
                                                "forecasts": .record(
                                                    backtestMethods, backtestMethods.map { ($0, .numberOrNull) },
                                                    properties: .inline),
                                            ])),
                                ])),
                    ])),
            "scores": .array(
                .record(
                    ["level", "id", "method", "horizon", "count", "mape", "rmse"],
                    [
                        "level": JSONSchema.enum(["aggregate", "bottom"]).described(
                            "aggregate: the aggregate id; bottom: every bottom series pooled (id null)."),
                        "id": .stringOrNull,
                        "method": .enum(backtestMethods.map { .string($0) }),
                        "horizon": JSONSchema([.type(.integer, .null), .minimum(1)]).described(
                            "The step scored; null: every step pooled."),
                        "count": .count,
                        "mape": JSONSchema.numberOrNull.with(.minimum(0)).described(
                            "Mean absolute percentage error, percent; null when the method failed at an origin."),
                        "rmse": JSONSchema.numberOrNull.with(.minimum(0)),
                    ])),
        ])

    private static let difference = JSONSchema.record(
        ["date", "published", "sum_of_members", "difference", "relative"],
        [
            "date": .string,
            "published": .number,
            "sum_of_members": .number,
            "difference": JSONSchema.number.described("published - sum_of_members."),
            "relative": JSONSchema.numberOrNull.described("difference / |published|; null when published is 0."),
        ])

    private static let coherence = JSONSchema.record(
        ["tolerance_percent", "coherent", "aggregates"],
        [
            "tolerance_percent": JSONSchema.number.with(.minimum(0)),
            "coherent": JSONSchema.boolean.described("True when no aggregate has a period beyond the tolerance."),
            "aggregates": .array(
                .record(
                    ["id", "members", "compared", "incoherent", "differences", "not_compared"],
                    [
                        "id": .string,
                        "members": .strings,
                        "compared": .count,
                        "incoherent": JSONSchema.array(.ref("difference")).described(
                            "The periods where |difference| exceeds tolerance_percent of |published|."),
                        "differences": JSONSchema.array(.ref("difference")).described("Every period compared."),
                        "not_compared": JSONSchema.strings.described(
                            "Periods of the aggregate at which a member has no value."),
                    ])),
        ])
}
