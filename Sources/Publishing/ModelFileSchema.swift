/// JSON Schema (draft 2020-12) of `muavu.model/v1`, the saved model `muavu fit --save` writes
/// (`ModelFile`).
public enum ModelFileSchema {
    public static let text = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://muavu.example/schemas/model/v1",
      "title": "muavu.model/v1",
      "description": "A fitted model saved by muavu fit: its parameters and starting states, the training series and calendar, fit statistics and a SHA-256 of the training values. muavu forecast --model-file forecasts from it without estimating anything.",
      "type": "object",
      "required": ["format", "engine", "created", "seed", "model", "statistics", "training", "parameters"],
      "additionalProperties": false,
      "properties": {
        "format": {"const": "muavu.model/v1"},
        "engine": {
          "type": "object", "required": ["name", "version"], "additionalProperties": false,
          "properties": {"name": {"const": "muavu"}, "version": {"type": "string"}}
        },
        "created": {"type": "string", "format": "date-time", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                    "description": "When the model was saved (SOURCE_DATE_EPOCH when set)."},
        "seed": {"type": ["integer", "null"], "minimum": 0,
                 "description": "Seed of simulated intervals (ETS with a multiplicative season, also as a member of a combination); null for models that do not simulate."},
        "model": {
          "type": "object", "required": ["name", "kind", "family", "display_name"], "additionalProperties": false,
          "properties": {
            "name": {"enum": ["ets", "ses", "holt", "damped", "holt-winters", "ets-aw", "theta", "stm", "otm", "dotm",
                              "arima", "arima-fixed", "arima-exhaustive", "ces", "naive", "snaive", "drift", "mean", "naive2", "ensemble", "auto"],
                     "description": "The registry name the model was fitted under."},
            "kind": {"enum": ["ets", "ets-aw", "theta", "arima", "ces", "baseline", "ensemble"], "description": "Which parameters the model stores."},
            "family": {"type": "string", "description": "The family as forecast documents name it."},
            "display_name": {"type": "string", "description": "e.g. ETS(M,Ad,N), ARIMA(0,1,1)(0,1,1)[12], Theta(dotm)."}
          }
        },
        "statistics": {
          "type": "object", "required": ["loglik", "aicc", "sigma2"],
          "additionalProperties": {"type": ["number", "null"]},
          "description": "Fit criteria (loglik, aic, aicc, bic, sigma2, mse, ...); null when undefined."
        },
        "training": {
          "type": "object",
          "required": ["dataset", "id", "frequency", "period", "start", "seasons_per_year", "unit", "count", "values", "sha256"],
          "additionalProperties": false,
          "properties": {
            "dataset": {"type": "string"},
            "id": {"type": "string"},
            "frequency": {"enum": ["yearly", "quarterly", "monthly", "weekly", "daily", "season", "index"]},
            "period": {"type": "integer", "minimum": 1},
            "start": {"type": ["string", "null"], "description": "The first date, in the tidy-CSV form of the frequency."},
            "seasons_per_year": {"type": ["integer", "null"], "minimum": 1},
            "unit": {"type": ["string", "null"]},
            "dates_read_as": {"type": "string", "description": "How the data file's dates were read (as in muavu.forecast/v1)."},
            "count": {"type": "integer", "minimum": 1},
            "values": {"type": "array", "minItems": 1, "items": {"type": "number"}},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                       "description": "SHA-256 of the values as IEEE 754 binary64, little-endian, in order."}
          }
        },
        "parameters": {"type": "object"}
      },
      "allOf": [
        {"if": {"properties": {"model": {"properties": {"kind": {"const": "ets"}}}}},
         "then": {"properties": {"parameters": {"$ref": "#/$defs/ets"}, "seed": {"type": "integer"}}}},
        {"if": {"properties": {"model": {"properties": {"kind": {"const": "ets-aw"}}}}},
         "then": {"properties": {"parameters": {"$ref": "#/$defs/ets-aw"}, "seed": {"type": "integer"}}}},
        {"if": {"properties": {"model": {"properties": {"kind": {"const": "theta"}}}}},
         "then": {"properties": {"parameters": {"$ref": "#/$defs/theta"}}}},
        {"if": {"properties": {"model": {"properties": {"kind": {"const": "arima"}}}}},
         "then": {"properties": {"parameters": {"$ref": "#/$defs/arima"}}}},
        {"if": {"properties": {"model": {"properties": {"kind": {"const": "ces"}}}}},
         "then": {"properties": {"parameters": {"$ref": "#/$defs/ces"}}}},
        {"if": {"properties": {"model": {"properties": {"kind": {"const": "baseline"}}}}},
         "then": {"properties": {"parameters": {"$ref": "#/$defs/baseline"}}}},
        {"if": {"properties": {"model": {"properties": {"kind": {"const": "ensemble"}}}}},
         "then": {"properties": {"parameters": {"$ref": "#/$defs/ensemble"}}}}
      ],
      "$defs": {
        "numbers": {"type": "array", "items": {"type": "number"}},
        "baseline": {"type": "object", "maxProperties": 0,
                     "description": "A baseline estimates nothing beyond its training values."},
        "ensemble": {
          "type": "object", "required": ["combiner", "intervals", "members"], "additionalProperties": false,
          "properties": {
            "combiner": {"enum": ["median", "mean"]},
            "intervals": {"enum": ["quantiles", "envelope"]},
            "members": {"type": "array", "minItems": 1, "items": {
              "type": "object", "required": ["name", "kind", "parameters", "failure"], "additionalProperties": false,
              "properties": {
                "name": {"type": "string"},
                "kind": {"enum": ["ets", "ets-aw", "theta", "arima", "ces", "baseline", null]},
                "parameters": {"type": ["object", "null"]},
                "failure": {"type": ["string", "null"], "description": "Why the member could not be fitted (then kind and parameters are null)."},
                "box_cox": {
                  "type": "object", "required": ["lambda", "scale", "untransformed"], "additionalProperties": false,
                  "description": "A member fitted on the Box-Cox scale, w = ((y/scale)^lambda - 1)/lambda (log(y/scale) at 0): its parameters are those of the transformed series. lambda is Guerrero's λ in [0, 1] and scale the geometric mean of the training values (both checked on load); or both null, with the reason the series stayed on its own scale.",
                  "properties": {
                    "lambda": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
                    "scale": {"type": ["number", "null"], "exclusiveMinimum": 0},
                    "untransformed": {"type": ["string", "null"]}
                  }
                }
              },
              "allOf": [
                {"if": {"properties": {"kind": {"const": "ets"}}}, "then": {"properties": {"parameters": {"$ref": "#/$defs/ets"}}}},
                {"if": {"properties": {"kind": {"const": "ets-aw"}}}, "then": {"properties": {"parameters": {"$ref": "#/$defs/ets-aw"}}}},
                {"if": {"properties": {"kind": {"const": "theta"}}}, "then": {"properties": {"parameters": {"$ref": "#/$defs/theta"}}}},
                {"if": {"properties": {"kind": {"const": "arima"}}}, "then": {"properties": {"parameters": {"$ref": "#/$defs/arima"}}}},
                {"if": {"properties": {"kind": {"const": "ces"}}}, "then": {"properties": {"parameters": {"$ref": "#/$defs/ces"}}}},
                {"if": {"properties": {"kind": {"const": "baseline"}}}, "then": {"properties": {"parameters": {"$ref": "#/$defs/baseline"}}}},
                {"if": {"properties": {"kind": {"const": null}}}, "then": {"properties": {"parameters": {"const": null}, "failure": {"type": "string"}}}}
              ]
            }}
          }
        },
        "ets": {
          "type": "object",
          "required": ["form", "period", "alpha", "beta", "gamma", "phi", "initial_states", "final_states",
                       "estimated_parameters", "has_criteria", "notes", "simulation_paths", "seed"],
          "additionalProperties": false,
          "properties": {
            "form": {"type": "string", "pattern": "^[AM](N|A|Ad)[NAM]$"},
            "period": {"type": "integer", "minimum": 1},
            "alpha": {"type": "number"}, "beta": {"type": "number"}, "gamma": {"type": "number"}, "phi": {"type": "number"},
            "initial_states": {"$ref": "#/$defs/numbers", "minItems": 1,
                               "description": "l0, then b0 with a trend, then the m seasonal states s0, s-1, ..."},
            "final_states": {"$ref": "#/$defs/numbers", "minItems": 1},
            "estimated_parameters": {"type": "integer", "minimum": 0},
            "has_criteria": {"type": "boolean"},
            "notes": {"type": "array", "items": {"type": "string"}},
            "simulation_paths": {"type": "integer", "minimum": 0},
            "seed": {"type": "integer", "minimum": 0}
          }
        },
        "ets-aw": {
          "type": "object", "required": ["models", "weights", "notes"], "additionalProperties": false,
          "description": "Akaike-weighted ETS: every candidate model and its weight (the Akaike weights of their AICc); the statistics of the file are the highest-weighted model's.",
          "properties": {
            "models": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/ets"}},
            "weights": {"type": "array", "minItems": 1, "items": {"type": "number", "minimum": 0, "maximum": 1}},
            "notes": {"type": "array", "items": {"type": "string"}, "description": "Candidates left out and why."}
          }
        },
        "theta": {
          "type": "object",
          "required": ["variant", "alpha", "theta", "initial_level", "adjustment", "final_state"],
          "additionalProperties": false,
          "properties": {
            "variant": {"enum": ["stm", "otm", "dstm", "dotm"]},
            "alpha": {"type": ["number", "null"], "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "theta": {"type": ["number", "null"], "minimum": 1},
            "initial_level": {"type": ["number", "null"]},
            "adjustment": {
              "type": "object", "required": ["kind", "period", "indices"], "additionalProperties": false,
              "properties": {
                "kind": {"enum": ["none", "additive", "multiplicative"]},
                "period": {"type": "integer", "minimum": 1},
                "indices": {"$ref": "#/$defs/numbers"}
              }
            },
            "final_state": {"$ref": "#/$defs/numbers", "description": "l_n, mean of y, A_n, B_n; empty for a constant series.",
                            "maxItems": 4}
          }
        },
        "ces": {
          "type": "object",
          "required": ["seasonality", "lag", "alpha0", "alpha1", "beta0", "beta1", "initial_states", "final_states",
                       "sigma2", "notes"],
          "additionalProperties": false,
          "description": "Complex Exponential Smoothing: the form, its constants and the state rows; every parameter null for a constant series.",
          "properties": {
            "seasonality": {"enum": ["N", "S", "P", "F", null], "description": "none, simple, partial or full seasonality."},
            "lag": {"type": "integer", "minimum": 1, "description": "The lag of the recursion: the seasonal period for S, P and F, 1 for N."},
            "alpha0": {"type": ["number", "null"]}, "alpha1": {"type": ["number", "null"]},
            "beta0": {"type": ["number", "null"], "description": "Forms P and F only."},
            "beta1": {"type": ["number", "null"], "description": "Form F only."},
            "initial_states": {"$ref": "#/$defs/numbers",
                               "description": "The lag rows before the first observation after backcasting, row by row: l, c, then s (P) or s, d (F)."},
            "final_states": {"$ref": "#/$defs/numbers", "description": "The lag rows after the last observation, same layout."},
            "sigma2": {"type": ["number", "null"], "minimum": 0},
            "notes": {"type": "array", "items": {"type": "string"}}
          }
        },
        "arima": {
          "type": "object",
          "required": ["order", "include_constant", "method", "ar", "ma", "seasonal_ar", "seasonal_ma", "intercept", "drift",
                       "sigma2", "loglik", "aic", "aicc", "bic", "nobs", "parameter_count", "notes"],
          "additionalProperties": false,
          "properties": {
            "order": {
              "type": "object", "required": ["p", "d", "q", "seasonal_p", "seasonal_d", "seasonal_q", "period"],
              "additionalProperties": false,
              "properties": {
                "p": {"type": "integer", "minimum": 0}, "d": {"type": "integer", "minimum": 0}, "q": {"type": "integer", "minimum": 0},
                "seasonal_p": {"type": "integer", "minimum": 0}, "seasonal_d": {"type": "integer", "minimum": 0},
                "seasonal_q": {"type": "integer", "minimum": 0}, "period": {"type": "integer", "minimum": 1}
              }
            },
            "include_constant": {"type": "boolean"},
            "method": {"enum": ["css", "css-ml", "ml"]},
            "ar": {"$ref": "#/$defs/numbers"}, "ma": {"$ref": "#/$defs/numbers"},
            "seasonal_ar": {"$ref": "#/$defs/numbers"}, "seasonal_ma": {"$ref": "#/$defs/numbers"},
            "intercept": {"type": ["number", "null"]}, "drift": {"type": ["number", "null"]},
            "sigma2": {"type": "number", "minimum": 0},
            "loglik": {"type": ["number", "null"]}, "aic": {"type": ["number", "null"]},
            "aicc": {"type": ["number", "null"]}, "bic": {"type": ["number", "null"]},
            "nobs": {"type": "integer", "minimum": 0},
            "parameter_count": {"type": "integer", "minimum": 0},
            "notes": {"type": "array", "items": {"type": "string"}}
          }
        }
      }
    }
    """#
}
