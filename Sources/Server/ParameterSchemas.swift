import Documents

/// The schemas of the API's path and query parameters: each says what the server's own checks
/// (`Query`, `StoreSeries.instant(asOf:)`, `ImportBounds.Confirmation`, `PublishedRoute.segment`)
/// accept, no more and no less, so that a client (or schemathesis) that follows the OpenAPI
/// document is never refused for a value the document allows. `ParameterSchemaTests` checks each
/// pattern against those checks on many values.
///
/// Lengths count Unicode code points (JSON Schema's `maxLength`), as `Query` does; the patterns
/// are ECMA-262 (and Python `re`) regular expressions.
enum ParameterSchemas {
    /// The control characters (Unicode category Cc) a value may not hold, as a character-class body.
    static let controls = #"\u0000-\u001f\u007f-\u009f"#

    /// Free text (a commodity, a market): at most `Query.maxTextLength` code points, no control character.
    static let text = JSONSchema(
        [.type(.string), .maxLength(Query.maxTextLength), .pattern("^[^\(controls)]*$")] + exact)

    /// A series id in the path: as `text`, and not empty.
    static let seriesID = JSONSchema(
        [.type(.string), .minLength(1), .maxLength(Query.maxTextLength), .pattern("^[^\(controls)]*$")] + exact)

    /// Python's `re` (python-jsonschema, hypothesis) lets `$` match before a final line break,
    /// where ECMA-262 does not: each pattern here is therefore also given `"not": {"pattern":
    /// "\n"}`, so that every reader refuses "2024-01\n" as the server does.
    private static let exact: [JSONSchema.Keyword] = [.not(JSONSchema([.pattern(#"\n"#)]))]

    private static let year = "[0-9]{4}"
    private static let month = "(0[1-9]|1[0-2])"
    /// Years with a 29 February in the proleptic Gregorian calendar (`PeriodDate.daysInMonth`):
    /// divisible by 4 and not by 100, or by 400.
    private static let leapYear = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)"
    /// A calendar day YYYY-MM-DD that exists: 1–28 in every month, 29 and 30 but in February,
    /// 31 in the long months, 29 February in leap years.
    private static let day =
        "\(year)-\(month)-(0[1-9]|1[0-9]|2[0-8])|\(year)-(0[13-9]|1[0-2])-(29|30)|\(year)-(0[13578]|1[02])-31"
        + "|\(leapYear)-02-29"

    /// `as_of`: a day YYYY-MM-DD that exists or a month YYYY-MM (`StoreSeries.instant(asOf:)`).
    static let asOf = JSONSchema([.type(.string), .pattern("^(\(year)-\(month)|\(day))$")] + exact)

    /// A period in any of the tidy contract's forms (`PeriodDate(parsing:)`, three seasons a
    /// year): a year, a quarter, a season, a month, a day, or an index from 1 of at most nine
    /// digits that is not four digits long (four digits are a year).
    private static let period =
        "\(year)|[0-9]{1,3}|[0-9]{5,9}|\(year)-[Qq][1-4]|\(year)-[Ss][1-3]|\(year)-\(month)|\(day)"

    /// `confirmed`: ID@PERIOD (`ImportBounds.Confirmation`): an id of at least one character
    /// before the last @, a period after it (not an index of zeros, nor a line break: see `exact`), at most
    /// `Query.maxTextLength` code points in all, no control character.
    static let confirmation = JSONSchema([
        .type(.string), .maxLength(Query.maxTextLength), .pattern("^[^\(controls)]+@(\(period))$"),
        .not(JSONSchema([.pattern(#"\n|@(0{1,3}|0{5,9})$"#)])),
    ])

    /// A name in the publication (`PublishedRoute.segment`): one plain path segment of at most
    /// `Query.maxTextLength` code points, not starting with a dot, without / or \ or a control
    /// character. (Any other value is answered 404, like a name the folder does not hold.)
    static let publishedName = JSONSchema(
        [
            .type(.string), .minLength(1), .maxLength(Query.maxTextLength),
            .pattern(#"^[^./\\"# + controls + #"][^/\\"# + controls + "]*$"),
        ] + exact)
}
