/// JSON Schema (draft 2020-12) of `muavu.report-index/v1`, the `index.json` of `muavu report`.
enum ReportIndexSchema {
    private static let members: KeyValuePairs<String, JSONSchema> = [
        "issued": .dateTime,
        "notebooks": .array(
            .record(
                ["name", "title", "markdown", "html"],
                [
                    "name": .enum([
                        "datasets", "yield-study", "province-season-study", "price-study", "m3-benchmark", "track-record",
                    ]),
                    "title": JSONSchema.string.with(.minLength(1)),
                    "markdown": .string,
                    "html": .string,
                ], .hugging([3]))),
        "files": .array(.file(sha256: .sha256)),
    ]

    static let schema = JSONSchema.document(
        "report-index", engine: .engine,
        "What a muavu report run rendered and when: its notebooks and every output file with its SHA-256. It marks the folder as a muavu report output, which a later run may replace.",
        required: ["issued", "notebooks", "files"],
        properties: members)
}
