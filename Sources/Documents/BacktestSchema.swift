/// JSON Schema (draft 2020-12) of `muavu.backtest/v1`.
public enum BacktestSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("backtest"))
          "description": "Rolling-origin evaluation: each model refitted at every origin and scored on the following horizon values, per window, per series and in summary.",
          "type": "object",
          "required": ["schema", "engine", "issued", "dataset", "horizon", "windows", "step", "levels", "models", "series", "summary", "errors"],
          "additionalProperties": false,
          "properties": {
            "schema": {"const": "muavu.backtest/v1"},
            \#(SchemaText.engine),
            \#(SchemaText.issued),
            "dataset": {"type": "string"},
            "horizon": {"type": "integer", "minimum": 1},
            "windows": {"type": "integer", "minimum": 1},
            "step": {"type": "integer", "minimum": 1},
            \#(SchemaText.levels),
            "models": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "series": {"type": "array", "items": {
              "type": "object", "required": ["id", "period", "observations", "results"], "additionalProperties": false,
              "properties": {
                "id": {"type": "string"},
                "period": {"type": "integer", "minimum": 1},
                "observations": {"type": "integer", "minimum": 0},
                "results": {"type": "array", "items": {
                  "type": "object", "required": ["model", "summary", "windows"], "additionalProperties": false,
                  "properties": {
                    "model": {"type": "string"},
                    "summary": {"$ref": "#/$defs/measures"},
                    "windows": {"type": "array", "items": {
                      "type": "object", "required": ["origin", "start", "fitted", "measures"], "additionalProperties": false,
                      "properties": {
                        "origin": {"type": "integer", "minimum": 1, "description": "Observations fitted on; the test values start at this 0-based index."},
                        "start": {"type": ["string", "null"], "description": "Date of the first test value; null without a calendar."},
                        "fitted": {"type": "string", "description": "The model as fitted in this window."},
                        "measures": {"$ref": "#/$defs/measures"}
                      }}}
                  }}}
              }}},
            "summary": {"type": "array", "items": {
              "type": "object", "required": ["model", "series", "failures", "measures"], "additionalProperties": false,
              "properties": {
                "model": {"type": "string"},
                "series": {"type": "integer", "minimum": 0},
                "failures": {"type": "integer", "minimum": 0},
                "measures": {"$ref": "#/$defs/measures"}
              }}},
            "errors": {"type": "array", "items": {
              "type": "object", "required": ["id", "model", "message"], "additionalProperties": false,
              "properties": {"id": {"type": "string"}, "model": {"type": "string"}, "message": {"type": "string"}}}}
          },
          "$defs": {
            "measure": {"type": ["number", "null"]},
            "byLevel": {"type": "object", "propertyNames": {"pattern": "^[0-9]{1,2}$"}, "additionalProperties": {"type": ["number", "null"]}},
            "measures": {
              "type": "object",
              "required": ["mae", "rmse", "mape", "smape", "mase", "rmsse", "pinball", "coverage", "winkler"],
              "additionalProperties": false,
              "properties": {
                "mae": {"$ref": "#/$defs/measure"},
                "rmse": {"$ref": "#/$defs/measure"},
                "mape": {"$ref": "#/$defs/measure", "description": "Percent, over the steps with a non-zero actual value."},
                "smape": {"$ref": "#/$defs/measure", "description": "M3/M4 sMAPE, percent."},
                "mase": {"$ref": "#/$defs/measure", "description": "Scaled by the in-sample seasonal-naive MAE."},
                "rmsse": {"$ref": "#/$defs/measure"},
                "pinball": {"$ref": "#/$defs/measure", "description": "Mean pinball loss of the interval bounds as quantiles."},
                "coverage": {"$ref": "#/$defs/byLevel"},
                "winkler": {"$ref": "#/$defs/byLevel"}
              }
            }
          }
        }

        """#
}
