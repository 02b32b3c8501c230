import Documents

/// The JSON Schemas (draft 2020-12) of the API's own answers, and the documents' schemas they sit
/// beside in the OpenAPI document's components.
enum APISchemas {
    static var components: [(String, JSONSchema)] {
        [
            ("Problem", problem), ("Health", health), ("Commodities", commodities), ("Series", series),
            ("ImportResult", importResult),
        ] + ["forecast", "outlook"].map { ($0, DocumentSchemas.values[$0]!) }
    }

    /// A problem document (RFC 9457) with muavu's members.
    static let problem = JSONSchema.record(
        ["type", "title", "status", "detail", "code"],
        [
            "type": JSONSchema.string.described("https://muavu.example/problems/CODE."),
            "title": .string,
            "status": JSONSchema.integer.with(.minimum(400), .maximum(599)),
            "detail": JSONSchema.string.described("What went wrong, in the words the command line would use."),
            "code": JSONSchema.enum(Problem.Code.allCases.map { .string($0.rawValue) }),
            "where": .record(
                [],
                [
                    "parameter": .string, "header": .string, "line": .integer(minimum: 1),
                    "column": .integer(minimum: 1), "column_name": .string,
                ], properties: .inline),
            "expected": JSONSchema.string.described("What was expected instead."),
            "cause": JSONSchema.string.described(
                "The readable code of the check that refused (e.g. implausible-value)."),
        ])

    static let health = JSONSchema.record(
        ["status", "version", "store", "configuration"],
        [
            "status": JSONSchema.enum(["ok", "unavailable"]),
            "version": .string,
            "store": .record(
                ["path", "reachable", "series", "last_import"],
                [
                    "path": .string,
                    "reachable": .boolean,
                    "series": JSONSchema([.type(.integer, .null), .minimum(0)]),
                    "last_import": JSONSchema([.type(.string, .null), .format("date-time")]).described(
                        "When the newest file or batch was written to the store."),
                    "problem": JSONSchema.string.described("Why the store cannot be read."),
                ]),
            "configuration": .record(
                ["path", "entries"], ["path": .stringOrNull, "entries": .count], properties: .inline),
        ])

    private static let bilingualOrNull = JSONSchema([.anyOf([JSONSchema.bilingual, JSONSchema.null])])

    static let commodities = JSONSchema.record(
        ["configuration", "entries", "series"],
        [
            "configuration": .stringOrNull,
            "entries": .array(
                .record(
                    [
                        "id", "kind", "name", "commodity", "market", "unit", "series", "dataset", "words",
                        "in_store",
                    ],
                    [
                        "id": .string,
                        "kind": .string,
                        "name": .bilingual,
                        "commodity": bilingualOrNull,
                        "market": bilingualOrNull,
                        "unit": JSONSchema([.anyOf([JSONSchema.bilingual, JSONSchema.null])]).described(
                            "The unit as the department writes it (đồng/kg, tạ/ha)."),
                        "series": .string,
                        "dataset": .string,
                        "words": JSONSchema.array(.string).described(
                            "The words that name the commodity in a query (lúa, lua, paddy)."),
                        "in_store": .boolean,
                    ])),
            "series": .array(status),
        ])

    /// One stored series' span and source.
    static let status = JSONSchema.record(
        ["id", "unit", "frequency", "label", "first", "last", "count", "last_import", "publisher"],
        [
            "id": .string, "unit": .string, "frequency": .frequency, "label": .stringOrNull, "first": .string,
            "last": .string, "count": .count, "last_import": .dateTime, "publisher": .string,
        ])

    static let series = JSONSchema.record(
        ["id", "unit", "frequency", "label", "as_of", "observations"],
        [
            "id": .string,
            "unit": .string,
            "frequency": .frequency,
            "label": .stringOrNull,
            "as_of": JSONSchema.stringOrNull.described("The as_of asked for (null: everything known now)."),
            "observations": .array(
                .record(
                    ["date", "value", "unit", "status", "vintage"],
                    [
                        "date": .string, "value": .number, "unit": .string, "status": .stringOrNull,
                        "vintage": JSONSchema.dateTime.described(
                            "The value's release date, else when it was imported."),
                    ], properties: .lines())),
        ])

    static let importResult = JSONSchema.record(
        [
            "token", "sha256", "already_imported", "rows_read", "series", "new", "unchanged", "revised", "vintage",
            "skipped",
        ],
        [
            "token": JSONSchema.string.described("The name of the token that wrote it, as the store records it."),
            "sha256": .sha256,
            "already_imported": JSONSchema.boolean.described("The same body was written before: nothing was written."),
            "rows_read": .count,
            "series": .count,
            "new": .count,
            "unchanged": .count,
            "revised": .count,
            "vintage": .dateTime,
            "skipped": .array(
                .record(["reason", "count"], ["reason": .string, "count": .count], properties: .inline)),
        ])
}
