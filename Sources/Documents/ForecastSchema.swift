/// JSON Schema (draft 2020-12) of `muavu.forecast/v1`.
public enum ForecastSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("forecast"))
          "description": "Point forecasts and prediction intervals per series, with the model fitted; series that could not be forecast are listed in errors.",
          "type": "object",
          "required": ["schema", "engine", "issued", "dataset", "horizon", "levels", "series", "errors"],
          "additionalProperties": false,
          "properties": {
            "schema": {"const": "muavu.forecast/v1"},
            \#(SchemaText.engine),
            \#(SchemaText.issued),
            "dataset": {"type": "string"},
            "horizon": {"type": "integer", "minimum": 1},
            \#(SchemaText.levels),
            "series": {"type": "array", "items": {"$ref": "#/$defs/series"}},
            "errors": {"type": "array", "items": {
              "type": "object", "required": ["id", "message"], "additionalProperties": false,
              "properties": {"id": {"type": "string"}, "message": {"type": "string"}}}}
          },
          "$defs": {
            "bounds": {
              "type": "object", "propertyNames": {"pattern": "^[0-9]{1,2}$"},
              "additionalProperties": {"type": ["number", "null"]}
            },
            "series": {
              "type": "object",
              "required": ["id", "frequency", "period", "observations", "model", "points"],
              "additionalProperties": false,
              "properties": {
                "id": {"type": "string"},
                "frequency": {"enum": ["yearly", "quarterly", "monthly", "weekly", "daily", "season", "index"]},
                "period": {"type": "integer", "minimum": 1},
                "observations": {"type": "integer", "minimum": 0},
                "dates_read_as": {"type": "string", "description": "How the data file's dates were read: e.g. '2015-01-01' as a month or a day, '1000' as a year or an integer index (--frequency chooses)."},
                "model": {
                  "type": "object",
                  "required": ["name", "family", "parameters", "criteria", "notes"],
                  "additionalProperties": false,
                  "properties": {
                    "name": {"type": "string", "description": "Display name, e.g. ETS(M,Ad,M)."},
                    "family": {"type": "string", "description": "Registry name of the method: ets, arima, theta, naive, ..."},
                    "parameters": {"type": "object", "additionalProperties": {"type": ["number", "null"]}},
                    "criteria": {"type": "object", "additionalProperties": {"type": ["number", "null"]}},
                    "notes": {"type": "array", "items": {"type": "string"}}
                  }
                },
                "points": {"type": "array", "items": {
                  "type": "object",
                  "required": ["date", "horizon", "mean", "lower", "upper"],
                  "additionalProperties": false,
                  "properties": {
                    "date": {"type": ["string", "null"], "description": "YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD, YYYY-Sn or an index; null without a calendar."},
                    "horizon": {"type": "integer", "minimum": 1},
                    "mean": {"type": ["number", "null"]},
                    "lower": {"$ref": "#/$defs/bounds"},
                    "upper": {"$ref": "#/$defs/bounds"}
                  }
                }},
                "covariates": {
                  "type": "array",
                  "description": "Regression with ARIMA errors: the covariates (x_t = series at t - lag) and their coefficients; absent without covariates.",
                  "items": {
                    "type": "object",
                    "required": ["series", "lag", "term", "coefficient"],
                    "additionalProperties": false,
                    "properties": {
                      "series": {"type": "string"},
                      "lag": {"type": "integer", "minimum": 0},
                      "term": {"type": "string", "description": "As named on the command line: ID or ID@lagK."},
                      "coefficient": {"type": ["number", "null"]}
                    }
                  }
                }
              }
            }
          }
        }

        """#
}
