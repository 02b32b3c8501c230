/// The shapes several `muavu.*/v1` schemas share, stated once.
extension JSONSchema {
    /// A `muavu.NAME/v1` schema: `$schema` (draft 2020-12), `$id`, `title` and `description`, one a
    /// line; then an object whose `required` members start with `tag` (`"schema"`, or `"format"` for
    /// the model file) and `engine`, admitting no others unless `closed` is false; `before` (keywords
    /// that precede `properties`); `properties`, led by `tag` with the constant `muavu.NAME/v1` and
    /// `engine`; `after`; and `definitions` as `$defs`.
    static func document(
        _ name: String, engine: JSONSchema, _ description: String, required: [String], _ layout: Layout = .inline,
        properties: [(String, JSONSchema)], tag: String = "schema", closed: Bool = true, before: [Keyword] = [],
        after: [Keyword] = [], definitions: [(String, JSONSchema)] = []
    ) -> JSONSchema {
        let envelope: [Keyword] = [
            Keyword("$schema", "https://json-schema.org/draft/2020-12/schema"),
            Keyword("$id", .string("https://muavu.example/schemas/\(name)/v1")),
            Keyword("title", .string("muavu.\(name)/v1")),
            .description(description),
            .type(.object),
            .required([tag, "engine"] + required, layout),
        ]
        let members: [(String, JSONSchema)] =
            [(tag, .const(.string("muavu.\(name)/v1"))), ("engine", engine)] + properties
        return JSONSchema(
            envelope + (closed ? [.closed] : []) + before + [.properties(members)] + after
                + (definitions.isEmpty ? [] : [.defs(definitions)]), layout: .lines())
    }

    /// `document` with the members as literal pairs.
    static func document(
        _ name: String, engine: JSONSchema, _ description: String, required: [String], _ layout: Layout = .inline,
        properties: KeyValuePairs<String, JSONSchema>, tag: String = "schema", closed: Bool = true,
        before: [Keyword] = [], after: [Keyword] = [], definitions: [(String, JSONSchema)] = []
    ) -> JSONSchema {
        document(
            name, engine: engine, description, required: required, layout,
            properties: properties.map { ($0.key, $0.value) },
            tag: tag, closed: closed, before: before, after: after, definitions: definitions)
    }

    /// The `engine` member: `{"name": "muavu", "version": ...}`.
    static let engine = engine(closed: false)
    /// The `engine` member that admits no other keys.
    static let closedEngine = engine(closed: true)

    private static func engine(closed: Bool) -> JSONSchema {
        let properties = Keyword.properties(["name": .const("muavu"), "version": .string], .inline)
        let keywords: [Keyword] = [.type(.object), .required(["name", "version"])] + (closed ? [.closed] : [])
        return JSONSchema(keywords + [properties], layout: .lines([keywords.count]))
    }

    /// A UTC time stamp as the documents write it, `2024-05-01T00:00:00Z`.
    public static let dateTime = JSONSchema([
        .type(.string), .format("date-time"), .pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"),
    ])

    /// A SHA-256 as lowercase hex.
    public static let sha256 = JSONSchema([.type(.string), .pattern("^[0-9a-f]{64}$")])

    /// The interval levels, percent.
    static let levels = array(level)

    /// The frequencies of a series, as `Frequency` names them.
    public static let frequency = JSONSchema.enum([
        "yearly", "quarterly", "monthly", "weekly", "daily", "season", "index",
    ])

    /// A list of strings.
    static let strings = array(.string)

    /// A count: an integer of at least 0.
    public static let count = integer(minimum: 0)

    /// A value per interval level, keyed by the level (`"80"`), null where it cannot be computed.
    static let byLevel = JSONSchema([
        .type(.object), .propertyNames(.levelKey), .additionalProperties(.numberOrNull),
    ])

    /// `{"vi": ..., "en": ...}`: a text in Vietnamese and English.
    public static let bilingual = record(["vi", "en"], ["vi": .string, "en": .string], properties: .inline)

    /// A file written: its path, SHA-256 and size.
    static func file(sha256: JSONSchema) -> JSONSchema {
        record(
            ["path", "sha256", "bytes"], ["path": .string, "sha256": sha256, "bytes": count], .hugging([3]))
    }

    /// The `errors` member: series (and models) that failed, with the message.
    static func errors(_ keys: [String]) -> JSONSchema {
        array(record(keys, keys.map { ($0, .string) }, .hugging([3]), properties: .inline))
    }
}

extension JSONSchema {
    /// A share: a number from 0 to 1, or null.
    static let probability = numberOrNull.with(.minimum(0), .maximum(1))

    /// A duration in seconds.
    static let seconds = number.with(.minimum(0))

    /// Numbers by name, null where undefined: `{"type": "object", "additionalProperties": ...}`.
    static let namedNumbers = JSONSchema([.type(.object), .additionalProperties(.numberOrNull)])

    /// An interval level as an object key, `"80"`.
    static let levelKey = JSONSchema([.pattern("^[0-9]{1,2}$")])

    /// `{"type": "array", "minItems": 1,` then `"items": ITEMS` on a line of its own.
    static func nonEmptyArray(_ items: JSONSchema) -> JSONSchema {
        JSONSchema([.type(.array), .minItems(1), .items(items)], layout: .lines([2]))
    }

    /// How a series is sampled: its `frequency` and `period` (observations per seasonal cycle).
    static let sampling: [(String, JSONSchema)] = [("frequency", .frequency), ("period", .integer(minimum: 1))]

    /// Literal members as a list, to be joined with shared ones (`sampling`).
    static func members(_ pairs: KeyValuePairs<String, JSONSchema>) -> [(String, JSONSchema)] {
        pairs.map { ($0.key, $0.value) }
    }

    /// `data_age` (`DataAgeEntry`): a series' last observed period and its age at the issue date.
    static let dataAge = record(
        ["last_observed", "issue_period", "age", "unit", "months_old", "freshness_months", "stale"],
        [
            "last_observed": JSONSchema.string.described("The last observed period: YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD."),
            "issue_period": JSONSchema.string.described("The issue date as a period of the same kind."),
            "age": JSONSchema.integer.described(
                "Periods from the last observation to the issue period, in the series' own periods (unit)."),
            "unit": .enum(["days", "months", "quarters", "years"]),
            "months_old": JSONSchema.integer.described(
                "Months from the last month the last observed period covers to the issue month."),
            "freshness_months": JSONSchema.count.described(
                "The freshness allowed (configured, else 2 for monthly and 18 for yearly series)."),
            "stale": JSONSchema.boolean.described("True when months_old exceeds freshness_months."),
        ])
}
