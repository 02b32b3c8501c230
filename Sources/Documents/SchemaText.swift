/// The text every `muavu.*/v1` JSON Schema repeats, which each schema's literal interpolates
/// (`\#(SchemaText.engine)`), so that each schema file states only its own shape. The pieces are
/// laid out for where they stand: the envelope at the top level, the members one level down.
enum SchemaText {
    /// `$schema` (draft 2020-12), `$id` and `title` of `muavu.NAME/v1`, each line ending in a comma.
    static func envelope(_ name: String) -> String {
        """
        "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://muavu.example/schemas/\(name)/v1",
          "title": "muavu.\(name)/v1",
        """
    }

    /// The `engine` member: `{"name": "muavu", "version": ...}`.
    static let engine = engineMember(additionalProperties: "")

    /// The `engine` member that admits no other keys.
    static let closedEngine = engineMember(additionalProperties: #", "additionalProperties": false"#)

    private static func engineMember(additionalProperties: String) -> String {
        #"""
        "engine": {
              "type": "object", "required": ["name", "version"]\#(additionalProperties),
              "properties": {"name": {"const": "muavu"}, "version": {"type": "string"}}
            }
        """#
    }

    /// A UTC time stamp as the documents write it, `2024-05-01T00:00:00Z`.
    static let dateTime =
        #""type": "string", "format": "date-time", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$""#

    /// A SHA-256 as lowercase hex.
    static let sha256 = #""type": "string", "pattern": "^[0-9a-f]{64}$""#

    /// The `issued` member: when the document was written.
    static let issued = #""issued": {\#(dateTime)}"#

    /// The `levels` member: the interval levels, percent.
    static let levels = #""levels": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 99}}"#
}
