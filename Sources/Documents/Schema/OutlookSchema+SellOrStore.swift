extension OutlookSchema {
    /// The optional `sell_or_store` member (`SellOrStoreSection`): sell the paddy fresh now, or dry
    /// it and sell it k months later.
    static let sellOrStore = JSONSchema.record(
        [
            "now", "series_price_now", "fresh_price", "fresh_price_from", "model", "calibration_errors", "relation",
            "costs", "months", "text",
        ],
        [
            "now": JSONSchema.ref("month").described("The month of the price taken as now (the latest reported)."),
            "series_price_now": .number,
            "fresh_price": JSONSchema.number.described("F0, the fresh paddy price now, đồng/kg."),
            "fresh_price_from": JSONSchema.enum(["series", "given"]).described(
                "series: the series is the fresh paddy price; given: --fresh-price or the configuration."),
            "model": .string,
            "calibration_errors": JSONSchema.integer(minimum: 1).described(
                "The most recent past errors of each step that make the price distribution."),
            "relation": JSONSchema.string.described("The decision and the price relation, as a formula."),
            "costs": .record(
                [
                    "drying_cost", "field_moisture", "store_moisture", "drying_loss", "storage_loss_per_month",
                    "interest_per_month", "dry_to_fresh",
                ],
                [
                    "drying_cost": JSONSchema.number.described("đồng per kg of fresh paddy."),
                    "field_moisture": .probability,
                    "store_moisture": .probability,
                    "drying_loss": JSONSchema.probability.described("1 − (1 − field)/(1 − store)."),
                    "storage_loss_per_month": .probability,
                    "interest_per_month": .probability,
                    "dry_to_fresh": .number,
                ]),
            "months": .nonEmptyArray(sellOrStoreMonth),
            "text": .ref("text"),
        ])

    private static let sellOrStoreMonth = JSONSchema.record(
        [
            "months", "date", "probability", "draws", "expected_gain_per_tonne", "break_even_dry_price",
            "reliability",
        ],
        [
            "months": .integer(minimum: 1),
            "date": JSONSchema.ref("month").described("The month the dry paddy would be sold."),
            "probability": JSONSchema.probability.described(
                "That waiting beats selling now (null: too few past errors)."),
            "draws": .count,
            "expected_gain_per_tonne": JSONSchema.ref("number").described(
                "Mean gain of waiting, đồng per tonne of fresh paddy, in today's đồng (negative: a loss)."),
            "break_even_dry_price": JSONSchema.ref("number").described(
                "The dry price (đồng/kg) at which waiting neither gains nor loses."),
            "reliability": .record(
                ["statements", "happened", "brier", "uncertainty", "bin"],
                [
                    "statements": JSONSchema.count.described(
                        "Statements for this k at the series' earlier origins, checked against the price that came."),
                    "happened": .count,
                    "brier": .ref("number"),
                    "uncertainty": JSONSchema.ref("number").described("The base rate's Brier score."),
                    "bin": JSONSchema([
                        .anyOf([
                            .record(
                                ["from", "to", "statements", "happened"],
                                ["from": .number, "to": .number, "statements": .count, "happened": .count]),
                            .null,
                        ])
                    ]).described("The earlier statements in the same tenth of probability, and how many came true."),
                ]),
            "note": .string,
        ])
}
