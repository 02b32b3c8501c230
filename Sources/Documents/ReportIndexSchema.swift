/// JSON Schema (draft 2020-12) of `muavu.report-index/v1`, the `index.json` of `muavu report`.
public enum ReportIndexSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("report-index"))
          "description": "What a muavu report run rendered and when: its notebooks and every output file with its SHA-256. It marks the folder as a muavu report output, which a later run may replace.",
          "type": "object",
          "required": ["schema", "engine", "issued", "notebooks", "files"],
          "additionalProperties": false,
          "properties": {
            "schema": {"const": "muavu.report-index/v1"},
            \#(SchemaText.engine),
            \#(SchemaText.issued),
            "notebooks": {"type": "array", "items": {
              "type": "object", "required": ["name", "title", "markdown", "html"], "additionalProperties": false,
              "properties": {
                "name": {"enum": ["datasets", "yield-study", "price-study", "m3-benchmark"]},
                "title": {"type": "string", "minLength": 1},
                "markdown": {"type": "string"},
                "html": {"type": "string"}
              }}},
            "files": {"type": "array", "items": {
              "type": "object", "required": ["path", "sha256", "bytes"], "additionalProperties": false,
              "properties": {
                "path": {"type": "string"},
                "sha256": {\#(SchemaText.sha256)},
                "bytes": {"type": "integer", "minimum": 0}
              }}}
          }
        }
        """#
}
