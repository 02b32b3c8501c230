extension OutlookSchema {
    /// The optional `change_since_previous` member (`IssueChange`): the outlook's month against the
    /// previous issue's forecast of it, the change split into the data's and the model's effects.
    static let changeSincePrevious = JSONSchema.record(
        [
            "target", "unit", "forecast", "previous", "change", "rerun_model", "rerun_forecast", "data_effect",
            "model_effect", "note",
        ],
        [
            "target": JSONSchema.ref("month").described("The month forecast by both issues."),
            "unit": .string,
            "forecast": JSONSchema.number.described("This issue's forecast of the month."),
            "previous": .record(
                ["issue_day", "origin", "data_vintage", "horizon", "forecast", "model", "family"],
                [
                    "issue_day": JSONSchema([.type(.string), .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]),
                    "origin": JSONSchema.enum(["issued", "replayed"]).described(
                        "issued: told to people; replayed: rebuilt over history by muavu replay."),
                    "data_vintage": .string,
                    "horizon": .integer(minimum: 1),
                    "forecast": .number,
                    "model": .string,
                    "family": .string,
                ]),
            "change": JSONSchema.number.described("forecast − previous.forecast."),
            "rerun_model": JSONSchema.stringOrNull.described(
                "The registry model the previous issue's model was re-run as (null: it cannot be re-run)."),
            "rerun_forecast": JSONSchema.ref("number").described(
                "The previous issue's model on this issue's data, to the same month."),
            "data_effect": JSONSchema.ref("number").described("rerun_forecast − previous.forecast."),
            "model_effect": JSONSchema.ref("number").described("change − data_effect."),
            "note": JSONSchema([.anyOf([.ref("text"), .null])]).described("Why there is no split."),
        ])

    /// The optional `track_record` member (`TrackRecordLine`): per horizon and origin, how the
    /// forecasts of record of the series fared, beside the backtest coverage the outlook claims.
    static let trackRecord = JSONSchema.array(
        .record(
            [
                "series", "horizon", "origin", "records", "checked", "issues", "first_issue", "last_issue", "mape",
                "mean_error", "levels", "level", "claimed", "disagrees",
            ],
            [
                "series": .string,
                "horizon": .integer(minimum: 1),
                "origin": .enum(["issued", "replayed"]),
                "records": .count,
                "checked": JSONSchema.count.described("Records whose month has been observed (scored)."),
                "issues": JSONSchema.count.described("Distinct issue days among the scored records."),
                "first_issue": .stringOrNull,
                "last_issue": .stringOrNull,
                "mape": JSONSchema.ref("number").described("Mean absolute percentage error, percent."),
                "mean_error": JSONSchema.ref("number").described("Mean of actual − forecast."),
                "levels": .array(share(["level": .level, "winkler": .ref("number"), "pinball": .ref("number")])),
                "level": JSONSchema.level.described("The level compared with the claim."),
                "claimed": JSONSchema([
                    .anyOf([share(["level": .level, "backtest": .ref("text")]), .null])
                ]).described("The backtest coverage the outlook claims (null: none)."),
                "disagrees": JSONSchema([.type(.boolean, .null)]).described(
                    "True when the 95% Wilson intervals of the record and the claim do not overlap."),
            ]), .lines([2]))

    /// A share with its 95% Wilson interval, and `more` members.
    private static func share(_ more: KeyValuePairs<String, JSONSchema>) -> JSONSchema {
        .record(
            ["held", "cases", "share", "wilson_lower", "wilson_upper"] + more.map(\.key),
            [
                ("held", .count), ("cases", .count), ("share", .probability), ("wilson_lower", .probability),
                ("wilson_upper", .probability),
            ] + more.map { ($0.key, $0.value) })
    }
}
