/// JSON Schema (draft 2020-12) of `muavu.publish-index/v1`, the `index.json` of `muavu publish`.
public enum PublishIndexSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("publish-index"))
          "description": "What a muavu publish run published, when, from which input files (SHA-256) and with which models; every output file with its SHA-256.",
          "type": "object",
          "required": ["schema", "engine", "issued", "configuration", "inputs", "series", "bulletin", "files"],
          "additionalProperties": false,
          "properties": {
            "schema": {"const": "muavu.publish-index/v1"},
            \#(SchemaText.engine),
            \#(SchemaText.issued),
            "configuration": {
              "type": "object", "required": ["name", "file", "levels", "seed"], "additionalProperties": false,
              "properties": {
                "name": {"type": "string", "minLength": 1},
                "file": {"type": "string"},
                "sha256": {"$ref": "#/$defs/sha256"},
                "levels": {"type": "array", "minItems": 1, "items": {"type": "integer", "minimum": 1, "maximum": 99}},
                "seed": {"type": "integer", "minimum": 0}
              }
            },
            "inputs": {"type": "array", "items": {
              "type": "object", "required": ["name", "kind", "path", "sha256", "bytes"], "additionalProperties": false,
              "properties": {
                "name": {"type": "string"},
                "kind": {"enum": ["dataset", "calendar"]},
                "path": {"type": "string"},
                "sha256": {"$ref": "#/$defs/sha256"},
                "bytes": {"type": "integer", "minimum": 0}
              }}},
            "series": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/series"}},
            "bulletin": {
              "type": "object", "required": ["html", "markdown"], "additionalProperties": false,
              "properties": {"html": {"type": "string"}, "markdown": {"type": "string"}}
            },
            "files": {"type": "array", "items": {
              "type": "object", "required": ["path", "sha256", "bytes"], "additionalProperties": false,
              "properties": {
                "path": {"type": "string"},
                "sha256": {"$ref": "#/$defs/sha256"},
                "bytes": {"type": "integer", "minimum": 0}
              }}}
          },
          "$defs": {
            "sha256": {\#(SchemaText.sha256)},
            "score": {"type": ["number", "null"]},
            "selection": {
              "type": "object", "required": ["method", "span", "candidates"], "additionalProperties": false,
              "properties": {
                "method": {"enum": ["loyo", "rolling-origin"]},
                "span": {"type": "string"},
                "candidates": {"type": "array", "minItems": 1, "items": {
                  "type": "object", "required": ["name", "rmse", "mape", "coverage_80", "chosen"], "additionalProperties": false,
                  "properties": {
                    "name": {"type": "string"},
                    "rmse": {"$ref": "#/$defs/score"},
                    "mape": {"$ref": "#/$defs/score"},
                    "coverage_80": {"$ref": "#/$defs/score"},
                    "chosen": {"type": "boolean"},
                    "note": {"type": "string"}
                  }}},
                "range": {
                  "description": "A monthly price's range at the headline level, calibrated on the chosen model's recent errors (split-conformal), with how often such ranges held the price in a rolling-origin backtest.",
                  "type": "object",
                  "required": ["level", "method", "calibration_origins", "cases", "held", "coverage", "model_interval_coverage"],
                  "additionalProperties": false,
                  "properties": {
                    "level": {"type": "integer", "minimum": 1, "maximum": 99},
                    "method": {"const": "split-conformal"},
                    "calibration_origins": {"type": "integer", "minimum": 1},
                    "cases": {"type": "integer", "minimum": 0},
                    "held": {"type": "integer", "minimum": 0},
                    "coverage": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                    "model_interval_coverage": {"type": ["number", "null"], "minimum": 0, "maximum": 1}
                  }
                },
                "export_link_note": {
                  "description": "For a monthly price: why the link to the configuration's export price is not among the candidates (the series is the export price itself, or the export price does not cover the months before it).",
                  "type": "string", "minLength": 1
                }
              }
            },
            "series": {
              "type": "object",
              "required": ["id", "kind", "name", "dataset", "series", "frequency", "horizon", "model", "selection", "document", "chart"],
              "additionalProperties": false,
              "properties": {
                "id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
                "kind": {"enum": ["series", "price", "yield", "production"]},
                "name": {
                  "type": "object", "required": ["vi", "en"], "additionalProperties": false,
                  "properties": {"vi": {"type": "string"}, "en": {"type": "string"}}
                },
                "dataset": {"type": "string"},
                "series": {"type": "string"},
                "unit": {"type": "string"},
                "frequency": {"enum": ["yearly", "quarterly", "monthly", "weekly", "daily", "season", "index"]},
                "last_observed": {"type": "string"},
                "horizon": {"type": "integer", "minimum": 1},
                "model": {
                  "type": "object", "required": ["name", "family"], "additionalProperties": false,
                  "properties": {"name": {"type": "string"}, "family": {"type": "string"}}
                },
                "selection": {"$ref": "#/$defs/selection"},
                "area_selection": {"$ref": "#/$defs/selection"},
                "document": {"type": "string", "pattern": "^forecasts/[A-Za-z0-9_-]+\\.json$"},
                "chart": {"type": "string", "pattern": "^charts/[A-Za-z0-9_-]+\\.svg$"}
              }
            }
          }
        }
        """#
}
