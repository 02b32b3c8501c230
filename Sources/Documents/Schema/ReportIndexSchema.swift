/// JSON Schema (draft 2020-12) of `muavu.report-index/v1`, the `index.json` of `muavu report`.
public enum ReportIndexSchema {
    public static let text = schema.text

    static let schema = JSONSchema.document(
        "report-index",
        "What a muavu report run rendered and when: its notebooks and every output file with its SHA-256. It marks the folder as a muavu report output, which a later run may replace.",
        [
            .type(.object),
            .required(["schema", "engine", "issued", "notebooks", "files"]),
            .closed,
            .properties([
                "schema": .const("muavu.report-index/v1"),
                "engine": .engine,
                "issued": .dateTime,
                "notebooks": .array(
                    .record(
                        ["name", "title", "markdown", "html"],
                        [
                            "name": .enum(["datasets", "yield-study", "price-study", "m3-benchmark"]),
                            "title": JSONSchema.string.with(.minLength(1)),
                            "markdown": .string,
                            "html": .string,
                        ], .hugging([3]))),
                "files": .array(.file(sha256: .sha256)),
            ]),
        ])
}
