/// JSON Schema (draft 2020-12) of `muavu.benchmark/v1`.
public enum BenchmarkSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("benchmark"))
          "description": "Scores of forecasting models fitted on the training part of each series and scored on its test part: a row per model and subset and one for 'all'.",
          "type": "object",
          "required": ["schema", "engine", "issued", "dataset", "models", "levels", "shards", "results", "baseline", "errors", "notes"],
          "additionalProperties": false,
          "properties": {
            "schema": {"const": "muavu.benchmark/v1"},
            "engine": {"$ref": "#/$defs/engine"},
            \#(SchemaText.issued),
            "dataset": {"type": "string"},
            "models": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            \#(SchemaText.levels),
            "intervals": {"enum": ["model", "calibrated"],
                          "description": "The models' own intervals, or intervals calibrated on a holdout of each series' last observations; absent means model."},
            "shards": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]+/[0-9]+$"},
                       "description": "Shards i/n this document covers; empty for a whole run."},
            "results": {"type": "array", "items": {"$ref": "#/$defs/row"}},
            "baseline": {"type": "array", "items": {"$ref": "#/$defs/row"},
                         "description": "The Naive2 benchmark that OWA is relative to (M4), per subset and 'all'."},
            "errors": {"type": "array", "items": {
              "type": "object", "required": ["id", "model", "message"], "additionalProperties": false,
              "properties": {"id": {"type": "string"}, "model": {"type": "string"}, "message": {"type": "string"}}}},
            "notes": {"type": "array", "items": {"type": "string"}}
          },
          "$defs": {
            \#(SchemaText.engine),
            "measure": {"type": ["number", "null"]},
            "row": {
              "type": "object",
              "required": ["model", "subset", "series", "failures", "smape", "mase", "owa", "coverage", "seconds", "totals"],
              "additionalProperties": false,
              "properties": {
                "model": {"type": "string"},
                "subset": {"type": "string"},
                "series": {"type": "integer", "minimum": 0, "description": "Series scored."},
                "failures": {"type": "integer", "minimum": 0, "description": "Series whose fit failed (see errors)."},
                "smape": {"$ref": "#/$defs/measure", "description": "M3/M4 sMAPE in percent: mean over every series and step of 200|y-f|/(|y|+|f|)."},
                "mase": {"$ref": "#/$defs/measure", "description": "MASE scaled by the in-sample seasonal-naive MAE, mean over series."},
                "owa": {"$ref": "#/$defs/measure", "description": "M4 overall weighted average relative to Naive2; null without a baseline."},
                "coverage": {"type": "object", "propertyNames": {"pattern": "^[0-9]{1,2}$"},
                             "additionalProperties": {"type": ["number", "null"], "minimum": 0, "maximum": 1}},
                "seconds": {"type": "number", "minimum": 0, "description": "Wall time of fitting and forecasting."},
                "totals": {
                  "type": "object",
                  "required": ["series", "failures", "steps", "smape_sum", "mase_series", "mase_sum", "covered", "interval_steps", "seconds"],
                  "additionalProperties": false,
                  "properties": {
                    "series": {"type": "integer", "minimum": 0},
                    "failures": {"type": "integer", "minimum": 0},
                    "steps": {"type": "integer", "minimum": 0},
                    "smape_sum": {"type": "number"},
                    "mase_series": {"type": "integer", "minimum": 0},
                    "mase_sum": {"type": "number"},
                    "covered": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
                    "interval_steps": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}},
                    "seconds": {"type": "number", "minimum": 0}
                  }
                }
              }
            }
          }
        }

        """#
}
