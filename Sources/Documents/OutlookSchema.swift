/// JSON Schema (draft 2020-12) of `muavu.outlook/v1`, the document `muavu outlook --json` writes
/// (`OutlookDocument`).
public enum OutlookSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("outlook"))
          "description": "The price outlook of one commodity and market: the expected price of each coming month with its range (calibrated on the model's past errors), the change from the latest price and from the same month a year before, the FAO GIEWS IPA and WFP ALPS alert classes with their meaning, the model and why it was chosen, and how often such ranges held the price in a rolling-origin backtest. Origins are named by the first month they forecast.",
          "type": "object",
          "required": ["schema", "engine", "issued", "as_of", "commodity", "market", "unit", "data", "series", "last_observation",
                       "level", "months", "alerts", "model", "range", "text"],
          "additionalProperties": false,
          "$defs": {
            "text": {
              "type": "object", "required": ["vi", "en"], "additionalProperties": false,
              "properties": {"vi": {"type": "string"}, "en": {"type": "string"}}
            },
            "month": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
            "number": {"type": ["number", "null"]},
            "share": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
            "alert": {
              "type": "object",
              "required": ["method", "status", "latest", "value", "class", "name", "meaning"],
              "additionalProperties": false,
              "properties": {
                "method": {"type": "string"},
                "status": {"enum": ["current", "stale", "future", "not-computable"],
                           "description": "A class is published only when current (the latest price at most two months before as_of)."},
                "latest": {"anyOf": [{"$ref": "#/$defs/month"}, {"type": "null"}], "description": "The latest reported month assessed."},
                "value": {"$ref": "#/$defs/number", "description": "The indicator's value there (IPA or ALPS, in standard deviations)."},
                "class": {"type": ["string", "null"]},
                "name": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]},
                "meaning": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}],
                            "description": "What the class means, or why no class is published."},
                "note": {"type": "string"}
              },
              "if": {"properties": {"status": {"const": "current"}}},
              "then": {"properties": {"class": {"type": "string"}, "name": {"$ref": "#/$defs/text"}}},
              "else": {"properties": {"class": {"type": "null"}}, "required": ["note"]}
            }
          },
          "properties": {
            "schema": {"const": "muavu.outlook/v1"},
            \#(SchemaText.closedEngine),
            "issued": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                       "description": "ISO 8601 UTC; SOURCE_DATE_EPOCH when set."},
            "as_of": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$", "description": "The date the alerts are judged against."},
            "commodity": {"$ref": "#/$defs/text"},
            "market": {"$ref": "#/$defs/text"},
            "unit": {"$ref": "#/$defs/text"},
            "data": {
              "type": "array", "minItems": 1,
              "items": {
                "type": "object", "required": ["role", "file", "series", "sha256", "bytes", "source"], "additionalProperties": false,
                "properties": {
                  "role": {"enum": ["price", "export"]},
                  "file": {"type": "string"},
                  "series": {"type": "string"},
                  "sha256": {\#(SchemaText.sha256)},
                  "bytes": {"type": "integer", "minimum": 0},
                  "source": {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "null"}]}
                }
              }
            },
            "series": {
              "type": "object", "required": ["id", "frequency", "unit", "first", "last", "months", "reported"], "additionalProperties": false,
              "properties": {
                "id": {"type": "string"},
                "frequency": {"const": "monthly"},
                "unit": {"type": ["string", "null"]},
                "first": {"$ref": "#/$defs/month"},
                "last": {"$ref": "#/$defs/month"},
                "months": {"type": "integer", "minimum": 1},
                "reported": {"type": "integer", "minimum": 1, "description": "Months with a reported price (the others are gaps)."}
              }
            },
            "last_observation": {
              "type": "object", "required": ["date", "price"], "additionalProperties": false,
              "properties": {"date": {"$ref": "#/$defs/month"}, "price": {"type": "number"}}
            },
            "level": {"type": "integer", "minimum": 1, "maximum": 99},
            "months": {
              "type": "array", "minItems": 1,
              "items": {
                "type": "object",
                "required": ["date", "step", "expected", "lower", "upper", "range", "model_lower", "model_upper", "calibration_errors",
                             "change_from_latest", "same_month_last_year"],
                "additionalProperties": false,
                "properties": {
                  "date": {"$ref": "#/$defs/month"},
                  "step": {"type": "integer", "minimum": 1},
                  "expected": {"type": "number"},
                  "lower": {"$ref": "#/$defs/number"},
                  "upper": {"$ref": "#/$defs/number"},
                  "range": {"enum": ["calibrated", "model"], "description": "Whether lower/upper are the calibrated range or the model's own interval."},
                  "model_lower": {"$ref": "#/$defs/number"},
                  "model_upper": {"$ref": "#/$defs/number"},
                  "calibration_errors": {"type": "integer", "minimum": 0},
                  "change_from_latest": {"$ref": "#/$defs/number", "description": "expected / latest price − 1."},
                  "same_month_last_year": {
                    "type": "object", "required": ["date", "price", "change"], "additionalProperties": false,
                    "properties": {
                      "date": {"$ref": "#/$defs/month"},
                      "price": {"$ref": "#/$defs/number"},
                      "change": {"$ref": "#/$defs/number", "description": "expected / that price − 1."},
                      "note": {"type": "string"}
                    }
                  },
                  "note": {"type": "string"}
                }
              }
            },
            "alerts": {
              "type": "object", "required": ["ipa", "alps"], "additionalProperties": false,
              "properties": {"ipa": {"$ref": "#/$defs/alert"}, "alps": {"$ref": "#/$defs/alert"}}
            },
            "model": {
              "type": "object", "required": ["name", "family", "candidate", "kind", "why", "selection"], "additionalProperties": false,
              "properties": {
                "name": {"type": "string"},
                "family": {"type": "string"},
                "candidate": {"type": ["string", "null"]},
                "kind": {"enum": ["univariate", "export-link", null]},
                "why": {"$ref": "#/$defs/text"},
                "selection": {
                  "type": "object",
                  "required": ["method", "criterion", "origins", "steps", "first_origin", "last_origin", "candidates"],
                  "additionalProperties": false,
                  "properties": {
                    "method": {"const": "rolling-origin"},
                    "criterion": {"const": "rmse"},
                    "origins": {"type": "integer", "minimum": 0},
                    "steps": {"type": "integer", "minimum": 1},
                    "first_origin": {"anyOf": [{"$ref": "#/$defs/month"}, {"type": "null"}]},
                    "last_origin": {"anyOf": [{"$ref": "#/$defs/month"}, {"type": "null"}]},
                    "export_link_note": {"type": "string"},
                    "candidates": {
                      "type": "array", "minItems": 1,
                      "items": {
                        "type": "object", "required": ["name", "kind", "rmse", "mape", "cases", "chosen"], "additionalProperties": false,
                        "properties": {
                          "name": {"type": "string"},
                          "kind": {"enum": ["univariate", "export-link"]},
                          "rmse": {"$ref": "#/$defs/number"},
                          "mape": {"$ref": "#/$defs/number", "description": "Percent."},
                          "cases": {"type": "integer", "minimum": 0},
                          "chosen": {"type": "boolean"},
                          "note": {"type": "string"}
                        }
                      },
                      "contains": {"properties": {"chosen": {"const": true}}},
                      "minContains": 1, "maxContains": 1
                    }
                  }
                }
              }
            },
            "range": {
              "type": "object",
              "required": ["level", "method", "score", "calibration_origins", "minimum_train", "backtest"],
              "additionalProperties": false,
              "properties": {
                "level": {"type": "integer", "minimum": 1, "maximum": 99},
                "method": {"const": "split-conformal"},
                "score": {"const": "abs-log-ratio"},
                "calibration_origins": {"type": "integer", "minimum": 1},
                "minimum_train": {"type": "integer", "minimum": 1},
                "backtest": {
                  "type": "object",
                  "required": ["method", "cases", "held", "coverage", "model_interval_coverage", "first_origin", "last_origin", "by_step",
                               "mean_relative_width", "model_mean_relative_width"],
                  "additionalProperties": false,
                  "properties": {
                    "method": {"const": "rolling-origin"},
                    "cases": {"type": "integer", "minimum": 0, "description": "(origin, month) pairs with a reported price and a calibrated range."},
                    "held": {"type": "integer", "minimum": 0},
                    "coverage": {"$ref": "#/$defs/share", "description": "held / cases."},
                    "model_interval_coverage": {"$ref": "#/$defs/share", "description": "The model's own interval on the same cases."},
                    "first_origin": {"anyOf": [{"$ref": "#/$defs/month"}, {"type": "null"}]},
                    "last_origin": {"anyOf": [{"$ref": "#/$defs/month"}, {"type": "null"}]},
                    "by_step": {
                      "type": "array",
                      "items": {
                        "type": "object", "required": ["step", "cases", "held", "coverage"], "additionalProperties": false,
                        "properties": {
                          "step": {"type": "integer", "minimum": 1},
                          "cases": {"type": "integer", "minimum": 0},
                          "held": {"type": "integer", "minimum": 0},
                          "coverage": {"$ref": "#/$defs/share"}
                        }
                      }
                    },
                    "mean_relative_width": {"$ref": "#/$defs/number", "description": "Mean of upper / lower − 1."},
                    "model_mean_relative_width": {"$ref": "#/$defs/number"},
                    "note": {"type": "string"}
                  }
                }
              }
            },
            "text": {"$ref": "#/$defs/text"}
          }
        }
        """#
}
