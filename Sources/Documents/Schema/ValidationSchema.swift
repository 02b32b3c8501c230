/// JSON Schema (draft 2020-12) of `muavu.validation/v1`, the report `muavu validate --output`
/// writes.
enum ValidationSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "file": JSONSchema.string.described("The file checked, as named on the command line."),
        "valid": JSONSchema.boolean.described("True when no problem was found (then problem_count is 0)."),
        "rows": JSONSchema.count.described("Data rows read (the header excluded)."),
        "problem_count": JSONSchema.count.described(
            "Every problem found; 'problems' lists at most the reader's limit of them."
        ).laid(.wrapped([2])),
        "problems": JSONSchema.array(.record(["file", "code", "message"], problem), .lines()),
        "series": JSONSchema.array(.record(["id", "rows", "missing"], series), .lines()),
    ]

    static let schema = JSONSchema.document(
        "validation", engine: .closedEngine,
        "What muavu validate found in a data file: every problem (up to the listing limit; problem_count counts them all) and, for a tidy file, a summary of each series.",
        required: ["file", "valid", "rows", "problem_count", "problems", "series"],
        properties: members,
        after: [
            .if(JSONSchema([.properties(["valid": .const(true)], .inline)])),
            .then(
                JSONSchema([.properties(["problem_count": .const(0), "problems": JSONSchema([.maxItems(0)])], .inline)])
            ),
        ])

    private static let problem: KeyValuePairs<String, JSONSchema> = [
        "file": .string,
        "line": JSONSchema.integer(minimum: 1).described("1-based physical line (the header is line 1)."),
        "column": JSONSchema.integer(minimum: 1).described("1-based field position."),
        "column_name": .string,
        "code": JSONSchema(
            [
                .type(.string), .pattern("^[a-z]+(-[a-z]+)*$"),
                .description(
                    "A stable kebab-case code: missing-column, not-numeric, bad-date, duplicate-key, out-of-order, missing-value, impossible-value, ..."
                ),
            ], layout: .wrapped([2])),
        "message": JSONSchema.string.with(.minLength(1)),
    ]

    private static let series: [(String, JSONSchema)] =
        JSONSchema.members(["id": .string, "unit": .string]) + JSONSchema.sampling
        + JSONSchema.members([
            "rows": .count,
            "missing": JSONSchema.count.described(
                "Empty or NA cells and absent periods between the first and last date."
            ).laid(.wrapped([2])),
            "start": JSONSchema.string.described("First date, as in the file's date format."),
            "end": .string,
        ])
}
