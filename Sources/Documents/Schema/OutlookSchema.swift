/// JSON Schema (draft 2020-12) of `muavu.outlook/v1`, the document `muavu outlook --json` writes
/// (`OutlookDocument`).
enum OutlookSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "issued": JSONSchema(
            [
                .type(.string), .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"),
                .description("ISO 8601 UTC; SOURCE_DATE_EPOCH when set."),
            ], layout: .wrapped([2])),
        "as_of": JSONSchema([
            .type(.string), .pattern("^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"),
            .description("The date the alerts are judged against."),
        ]),
        "commodity": .ref("text"),
        "market": .ref("text"),
        "unit": .ref("text"),
        "data": .nonEmptyArray(data),
        "series": series,
        "last_observation": .record(
            ["date", "price"], ["date": .ref("month"), "price": .number], properties: .inline),
        "data_age": .dataAge,
        "level": .level,
        "months": .nonEmptyArray(month),
        "alerts": .record(
            ["ipa", "alps"], ["ipa": .ref("alert"), "alps": .ref("alert")], properties: .inline),
        "model": OutlookSchema.model,
        "range": OutlookSchema.range,
        "text": .ref("text"),
        "quotes": OutlookSchema.quotes,
        "rice_link": JSONSchema.nonEmptyArray(OutlookSchema.riceLink),
        "sell_or_store": OutlookSchema.sellOrStore,
        "change_since_previous": OutlookSchema.changeSincePrevious,
        "track_record": OutlookSchema.trackRecord,
    ]

    /// For a price built from irregular daily quotes: the days behind each month.
    private static let quotes = JSONSchema.record(
        ["file", "market", "variety", "state", "rule", "note", "quoted_months", "single_day_months", "months"],
        [
            "file": .string,
            "market": .string,
            "variety": .string,
            "state": .enum(["fresh", "dry"]),
            "rule": JSONSchema.string.described("How a month's value is made from the days quoted in it."),
            "note": textOrNull,
            "quoted_months": .count,
            "single_day_months": JSONSchema.count.described("Months whose value rests on a single day."),
            "months": .nonEmptyArray(
                .record(
                    ["date", "days"],
                    ["date": .ref("month"), "days": JSONSchema.count.described("Days quoted (0: a gap).")],
                    properties: .inline)),
        ])

    /// A paddy price against a rice price over their common months.
    private static let riceLink = JSONSchema.record(
        [
            "paddy", "other", "name", "paddy_unit", "other_unit", "months", "first", "last", "margin", "ratio_mean",
            "correlation", "note",
        ],
        [
            "paddy": .string,
            "other": .string,
            "name": .ref("text"),
            "paddy_unit": .string,
            "other_unit": .string,
            "months": JSONSchema.count.described("Months both prices report."),
            "first": monthOrNull,
            "last": monthOrNull,
            "margin": JSONSchema([
                .anyOf([
                    .record(
                        ["mean", "min", "max", "unit"],
                        ["mean": .number, "min": .number, "max": .number, "unit": .string], properties: .inline),
                    .null,
                ]),
                .description("other − paddy, when both are in one unit; null otherwise (never relabelled)."),
            ]),
            "ratio_mean": JSONSchema.ref("number").described(
                "The mean of other ÷ paddy, in other_unit per paddy_unit."),
            "correlation": JSONSchema.ref("number").described("Pearson's r of the two prices."),
            "note": textOrNull,
        ])

    static let schema = JSONSchema.document(
        "outlook", engine: .closedEngine,
        "The price outlook of one commodity and market: the expected price of each coming month with its range (calibrated on the model's past errors), the change from the latest price and from the same month a year before, the FAO GIEWS IPA and WFP ALPS alert classes with their meaning, the model and why it was chosen, and how often such ranges held the price in a rolling-origin backtest. Origins are named by the first month they forecast.",
        required: [
            "issued", "as_of", "commodity", "market", "unit", "data", "series",
            "last_observation", "data_age", "level", "months", "alerts", "model", "range", "text",
        ],
        .wrapped([10]),
        properties: members,
        before: [
            .defs([
                ("text", .bilingual),
                ("month", JSONSchema([.type(.string), .pattern("^[0-9]{4}-(0[1-9]|1[0-2])$")])),
                ("number", .numberOrNull),
                ("share", .probability),
                ("alert", OutlookSchema.alert),
            ])
        ])

    static let monthOrNull = JSONSchema([.anyOf([.ref("month"), .null])])
    private static let textOrNull = JSONSchema([.anyOf([.ref("text"), .null])])

    private static let alert = JSONSchema(
        [
            .type(.object),
            .required(["method", "status", "latest", "value", "class", "name", "meaning"]),
            .closed,
            .properties([
                "method": .string,
                "status": JSONSchema.enum(["current", "stale", "future", "not-computable"]).described(
                    "A class is published only when current (the latest price at most two months before as_of)."
                ).laid(.wrapped([1])),
                "latest": monthOrNull.described("The latest reported month assessed."),
                "value": JSONSchema.ref("number").described(
                    "The indicator's value there (IPA or ALPS, in standard deviations)."),
                "class": .stringOrNull,
                "name": textOrNull,
                "meaning": textOrNull.described("What the class means, or why no class is published.").laid(
                    .wrapped([1])),
                "note": .string,
            ]),
            .if(JSONSchema([.properties(["status": .const("current")], .inline)])),
            .then(JSONSchema([.properties(["class": .string, "name": .ref("text")], .inline)])),
            .else(JSONSchema([.properties(["class": .null], .inline), .required(["note"])])),
        ], layout: .lines())

    private static let data = JSONSchema.record(
        ["role", "file", "series", "sha256", "bytes", "source"],
        [
            "role": .enum(["price", "export"]),
            "file": .string,
            "series": .string,
            "sha256": .sha256,
            "bytes": .count,
            "source": textOrNull,
        ])

    private static let series = JSONSchema.record(
        ["id", "frequency", "unit", "first", "last", "months", "reported"],
        [
            "id": .string,
            "frequency": .const("monthly"),
            "unit": .stringOrNull,
            "first": .ref("month"),
            "last": .ref("month"),
            "months": .integer(minimum: 1),
            "reported": JSONSchema.integer(minimum: 1).described("Months with a reported price (the others are gaps)."),
        ])

    private static let month = JSONSchema(
        [
            .type(.object),
            .required(
                [
                    "date", "step", "expected", "lower", "upper", "range", "model_lower", "model_upper",
                    "calibration_errors", "change_from_latest", "same_month_last_year",
                ], .wrapped([9])),
            .closed,
            .properties([
                "date": .ref("month"),
                "step": .integer(minimum: 1),
                "expected": .number,
                "lower": .ref("number"),
                "upper": .ref("number"),
                "range": JSONSchema.enum(["calibrated", "model"]).described(
                    "Whether lower/upper are the calibrated range or the model's own interval."),
                "model_lower": .ref("number"),
                "model_upper": .ref("number"),
                "calibration_errors": .count,
                "change_from_latest": JSONSchema.ref("number").described("expected / latest price − 1."),
                "same_month_last_year": .record(
                    ["date", "price", "change"],
                    [
                        "date": .ref("month"),
                        "price": .ref("number"),
                        "change": JSONSchema.ref("number").described("expected / that price − 1."),
                        "note": .string,
                    ]),
                "note": .string,
            ]),
        ], layout: .lines())
}
