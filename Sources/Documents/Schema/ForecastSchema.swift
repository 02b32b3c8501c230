/// JSON Schema (draft 2020-12) of `muavu.forecast/v1`.
enum ForecastSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "issued": .dateTime,
        "dataset": .string,
        "horizon": .integer(minimum: 1),
        "levels": .levels,
        "series": .array(.ref("series")),
        "errors": .errors(["id", "message"]),
    ]

    static let schema = JSONSchema.document(
        "forecast", engine: .engine,
        "Point forecasts and prediction intervals per series, with the model fitted; series that could not be forecast are listed in errors.",
        required: ["issued", "dataset", "horizon", "levels", "series", "errors"],
        properties: members,
        definitions: [("bounds", JSONSchema.byLevel.laid(.lines([2]))), ("series", series)])

    private static let series = JSONSchema(
        [
            .type(.object),
            .required(["id", "frequency", "period", "observations", "model", "points"]),
            .closed,
            .properties(
                [("id", .string)] + JSONSchema.sampling
                    + JSONSchema.members([
                        "observations": .count,
                        "dates_read_as": JSONSchema.string.described(
                            "How the data file's dates were read: e.g. '2015-01-01' as a month or a day, '1000' as a year or an integer index (--frequency chooses)."
                        ),
                        "model": model,
                        "points": .array(point),
                        "covariates": covariates,
                        "data_age": JSONSchema.dataAge.described(
                            "The last observed period and its age at the issue date; absent without a calendar."),
                    ])),
        ], layout: .lines())

    private static let model = JSONSchema.record(
        ["name", "family", "parameters", "criteria", "notes"],
        [
            "name": JSONSchema.string.described("Display name, e.g. ETS(M,Ad,M)."),
            "family": JSONSchema.string.described("Registry name of the method: ets, arima, theta, naive, ..."),
            "parameters": .namedNumbers,
            "criteria": .namedNumbers,
            "notes": .strings,
        ], .lines())

    private static let point = JSONSchema.record(
        ["date", "horizon", "mean", "lower", "upper"],
        [
            "date": JSONSchema.stringOrNull.described(
                "YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD, YYYY-Sn or an index; null without a calendar."),
            "horizon": .integer(minimum: 1),
            "mean": .numberOrNull,
            "lower": .ref("bounds"),
            "upper": .ref("bounds"),
            "period": JSONSchema.enum(["estimate", "forecast"]).described(
                "estimate: a period before the issue period, already past; forecast: from the issue period on."),
        ], .lines())

    private static let covariates = JSONSchema(
        [
            .type(.array),
            .description(
                "Regression with ARIMA errors: the covariates (x_t = series at t - lag) and their coefficients; absent without covariates."
            ),
            .items(
                .record(
                    ["series", "lag", "term", "coefficient"],
                    [
                        "series": .string,
                        "lag": .count,
                        "term": JSONSchema.string.described("As named on the command line: ID or ID@lagK."),
                        "coefficient": .numberOrNull,
                    ], .lines())),
        ], layout: .lines())
}
