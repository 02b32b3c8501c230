/// JSON Schema (draft 2020-12) of `muavu.validation/v1`, the report `muavu validate --output`
/// writes.
public enum ValidationSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("validation"))
          "description": "What muavu validate found in a data file: every problem (up to the listing limit; problem_count counts them all) and, for a tidy file, a summary of each series.",
          "type": "object",
          "required": ["schema", "engine", "file", "valid", "rows", "problem_count", "problems", "series"],
          "additionalProperties": false,
          "properties": {
            "schema": {"const": "muavu.validation/v1"},
            \#(SchemaText.closedEngine),
            "file": {"type": "string", "description": "The file checked, as named on the command line."},
            "valid": {"type": "boolean", "description": "True when no problem was found (then problem_count is 0)."},
            "rows": {"type": "integer", "minimum": 0, "description": "Data rows read (the header excluded)."},
            "problem_count": {"type": "integer", "minimum": 0,
                              "description": "Every problem found; 'problems' lists at most the reader's limit of them."},
            "problems": {
              "type": "array",
              "items": {
                "type": "object", "required": ["file", "code", "message"], "additionalProperties": false,
                "properties": {
                  "file": {"type": "string"},
                  "line": {"type": "integer", "minimum": 1, "description": "1-based physical line (the header is line 1)."},
                  "column": {"type": "integer", "minimum": 1, "description": "1-based field position."},
                  "column_name": {"type": "string"},
                  "code": {"type": "string", "pattern": "^[a-z]+(-[a-z]+)*$",
                           "description": "A stable kebab-case code: missing-column, not-numeric, bad-date, duplicate-key, out-of-order, missing-value, impossible-value, ..."},
                  "message": {"type": "string", "minLength": 1}
                }
              }
            },
            "series": {
              "type": "array",
              "items": {
                "type": "object", "required": ["id", "rows", "missing"], "additionalProperties": false,
                "properties": {
                  "id": {"type": "string"},
                  "unit": {"type": "string"},
                  "frequency": {"enum": ["yearly", "quarterly", "monthly", "weekly", "daily", "season", "index"]},
                  "period": {"type": "integer", "minimum": 1},
                  "rows": {"type": "integer", "minimum": 0},
                  "missing": {"type": "integer", "minimum": 0,
                              "description": "Empty or NA cells and absent periods between the first and last date."},
                  "start": {"type": "string", "description": "First date, as in the file's date format."},
                  "end": {"type": "string"}
                }
              }
            }
          },
          "if": {"properties": {"valid": {"const": true}}},
          "then": {"properties": {"problem_count": {"const": 0}, "problems": {"maxItems": 0}}}
        }
        """#
}
