/// JSON Schema (draft 2020-12) of `muavu.quoted-price/v1` (`QuotedPriceDocument`), what
/// `muavu outlook --json` writes for a price known only from a few quotes.
enum QuotedPriceSchema {
    private static let quote = JSONSchema.record(
        ["date", "month", "variety", "low", "high", "unit", "publisher", "url", "age_months"],
        [
            "date": JSONSchema.string.described("The date as the page gives it."),
            "month": JSONSchema([.anyOf([.ref("month"), .null])]),
            "variety": .string,
            "low": .number,
            "high": .number,
            "unit": .string,
            "publisher": .string,
            "url": .string,
            "age_months": JSONSchema([.type(.integer, .null)]).described("Months from the quote to as_of."),
        ])

    static let schema = JSONSchema.document(
        "quoted-price", engine: .closedEngine,
        "What is known of a price too sparsely reported to forecast: each quote (date as the page gives it, variety, range, source, age), the monthly prices the store holds against the number at which the outlook takes over, and the answer in words.",
        required: ["issued", "as_of", "commodity", "market", "data", "quotes", "store", "forecast", "text"],
        properties: [
            "issued": JSONSchema([
                .type(.string), .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"),
            ]),
            "as_of": JSONSchema([.type(.string), .pattern("^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")]),
            "commodity": .ref("text"),
            "market": .ref("text"),
            "data": .record(
                ["file", "sha256", "bytes"], ["file": .string, "sha256": .sha256, "bytes": .count],
                properties: .inline),
            "quotes": .array(quote),
            "store": .record(
                ["series", "months", "minimum_months"],
                ["series": .string, "months": .count, "minimum_months": .integer(minimum: 1)], properties: .inline),
            "forecast": .const(false),
            "text": .ref("text"),
        ],
        before: [
            .defs([
                ("text", .bilingual),
                ("month", JSONSchema([.type(.string), .pattern("^[0-9]{4}-(0[1-9]|1[0-2])$")])),
            ])
        ])
}
