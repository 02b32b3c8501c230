/// JSON Schema (draft 2020-12) of `muavu.regression/v1`.
enum RegressionSchema {
    /// What was fitted and how.
    private static let fit: [(String, JSONSchema)] = [
        ("formula", JSONSchema.string.described("As given: y ~ x1 + I(x1^2) + poly(x, k) + log(z) - 1.")),
        ("data", JSONSchema.string.described("The data file's name.")),
        ("response", .string),
        ("n", JSONSchema.integer(minimum: 1).described("Rows used in the fit.")),
        (
            "rows_dropped_missing",
            JSONSchema.count.described("Rows left out because a column the model uses is missing (empty or NA).")
                .laid(.wrapped([2]))
        ),
        (
            "df_residual",
            JSONSchema(
                [.type(.number), .exclusiveMinimum(0), .description("n - p; for ridge, n - tr(H).")],
                layout: .wrapped([2]))
        ),
        ("rank", .integer(minimum: 1)),
        ("intercept", .boolean),
        ("method", .enum(["ordinary least squares", "weighted least squares", "ridge"])),
        ("weights", JSONSchema.stringOrNull.described("The weights column, if any.")),
        ("ridge_lambda", JSONSchema.numberOrNull.with(.minimum(0))),
        ("coefficients", coefficients),
        ("covariance", covariance),
    ]

    private static let coefficients = JSONSchema.nonEmptyArray(
        .record(
            ["term", "estimate", "std_error", "t", "p"],
            [
                "term": JSONSchema.string.described("(Intercept), a column, I(x^k), poly(x, k)j or log(x)."),
                "estimate": .numberOrNull,
                "std_error": JSONSchema.numberOrNull.with(.minimum(0)),
                "t": .numberOrNull,
                "p": JSONSchema.probability.described("Two-sided, Student t on df_residual."),
            ]))

    private static let covariance = JSONSchema.record(
        ["terms", "matrix"],
        [
            "terms": .strings,
            "matrix": JSONSchema.array(.array(.numberOrNull)).described(
                "Cov(beta) = sigma^2 (X'WX)^-1 from the QR factor R, row-major in term order."
            ).laid(.wrapped([2])),
        ])

    /// How well it fits, and the predictions asked for.
    private static let inference: [(String, JSONSchema)] = [
        ("r_squared", JSONSchema.numberOrNull.described("Centred with an intercept, uncentred without (as R).")),
        ("adj_r_squared", .numberOrNull),
        (
            "sigma",
            JSONSchema.numberOrNull.with(.minimum(0)).described("Residual standard error sqrt(RSS/df_residual).")
        ),
        ("residual_sum_of_squares", JSONSchema.numberOrNull.with(.minimum(0))),
        (
            "f_statistic",
            JSONSchema(
                [
                    .type(.object, .null), .required(["value", "df1", "df2", "p"]), .closed,
                    .properties(
                        ["value": .numberOrNull, "df1": .number, "df2": .number, "p": .probability], .lines([3])),
                ], layout: .lines([3]))
        ),
        ("log_likelihood", .numberOrNull),
        ("aic", JSONSchema.numberOrNull.described("-2 log L + 2k, k = aic_parameters.")),
        ("bic", JSONSchema.numberOrNull.described("-2 log L + k log n.")),
        ("aic_parameters", JSONSchema.number.described("Coefficients + 1 for sigma, as R's AIC().")),
        ("durbin_watson", JSONSchema.numberOrNull.with(.minimum(0), .maximum(4))),
        (
            "condition_number",
            JSONSchema.numberOrNull.with(.minimum(1)).described(
                "1-norm condition estimate of the column-scaled triangular factor R (dtrcon)."
            ).laid(.wrapped([2]))
        ),
        ("notes", .strings),
        ("levels", JSONSchema.levels.described("Interval levels of 'predictions', percent.").laid(.wrapped([2]))),
        ("predictions", predictions),
    ]

    private static let predictions = JSONSchema(
        [
            .type(.array), .description("At the rows of the --predict file: Student t intervals on df_residual."),
            .items(
                JSONSchema(
                    [
                        .type(.object), .closed,
                        .required([
                            "line", "mean", "std_error", "confidence_lower", "confidence_upper", "prediction_lower",
                            "prediction_upper",
                        ]),
                        .properties(
                            [
                                "line": .integer(minimum: 1),
                                "mean": .numberOrNull,
                                "std_error": JSONSchema.numberOrNull.with(.minimum(0)).described("Of the fitted mean."),
                                "confidence_lower": .ref("byLevel"), "confidence_upper": .ref("byLevel"),
                                "prediction_lower": .ref("byLevel"), "prediction_upper": .ref("byLevel"),
                            ], .lines([1, 1, 1, 2, 2])),
                    ], layout: .lines([2]))),
        ], layout: .lines([2]))

    static let schema = JSONSchema.document(
        "regression", engine: .closedEngine,
        "A linear regression fitted by least squares on the pivoted QR of the design, with the inference of R's summary.lm. Values that cannot be computed are null and 'notes' says why.",
        required: [
            "formula", "n", "df_residual", "coefficients", "r_squared", "adj_r_squared", "sigma", "aic",
            "bic",
        ],
        properties: fit + inference,
        closed: false,
        definitions: [
            (
                "byLevel",
                JSONSchema(
                    [.type(.object), .patternProperties(["^[0-9]{1,2}$": .numberOrNull]), .closed],
                    layout: .wrapped([2]))
            )
        ])
}
