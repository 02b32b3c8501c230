/// JSON Schema (draft 2020-12) of `muavu.regression/v1`.
public enum RegressionSchema {
    public static let text = #"""
        {
          \#(SchemaText.envelope("regression"))
          "description": "A linear regression fitted by least squares on the pivoted QR of the design, with the inference of R's summary.lm. Values that cannot be computed are null and 'notes' says why.",
          "type": "object",
          "required": ["schema", "engine", "formula", "n", "df_residual", "coefficients", "r_squared", "adj_r_squared", "sigma", "aic", "bic"],
          "properties": {
            "schema": {"const": "muavu.regression/v1"},
            \#(SchemaText.closedEngine),
            "formula": {"type": "string", "description": "As given: y ~ x1 + I(x1^2) + poly(x, k) + log(z) - 1."},
            "data": {"type": "string", "description": "The data file's name."},
            "response": {"type": "string"},
            "n": {"type": "integer", "minimum": 1, "description": "Rows used in the fit."},
            "rows_dropped_missing": {"type": "integer", "minimum": 0,
                                     "description": "Rows left out because a column the model uses is missing (empty or NA)."},
            "df_residual": {"type": "number", "exclusiveMinimum": 0,
                            "description": "n - p; for ridge, n - tr(H)."},
            "rank": {"type": "integer", "minimum": 1},
            "intercept": {"type": "boolean"},
            "method": {"enum": ["ordinary least squares", "weighted least squares", "ridge"]},
            "weights": {"type": ["string", "null"], "description": "The weights column, if any."},
            "ridge_lambda": {"type": ["number", "null"], "minimum": 0},
            "coefficients": {
              "type": "array", "minItems": 1,
              "items": {
                "type": "object", "required": ["term", "estimate", "std_error", "t", "p"], "additionalProperties": false,
                "properties": {
                  "term": {"type": "string", "description": "(Intercept), a column, I(x^k), poly(x, k)j or log(x)."},
                  "estimate": {"type": ["number", "null"]},
                  "std_error": {"type": ["number", "null"], "minimum": 0},
                  "t": {"type": ["number", "null"]},
                  "p": {"type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "Two-sided, Student t on df_residual."}
                }
              }
            },
            "covariance": {
              "type": "object", "required": ["terms", "matrix"], "additionalProperties": false,
              "properties": {
                "terms": {"type": "array", "items": {"type": "string"}},
                "matrix": {"type": "array", "items": {"type": "array", "items": {"type": ["number", "null"]}},
                           "description": "Cov(beta) = sigma^2 (X'WX)^-1 from the QR factor R, row-major in term order."}
              }
            },
            "r_squared": {"type": ["number", "null"], "description": "Centred with an intercept, uncentred without (as R)."},
            "adj_r_squared": {"type": ["number", "null"]},
            "sigma": {"type": ["number", "null"], "minimum": 0, "description": "Residual standard error sqrt(RSS/df_residual)."},
            "residual_sum_of_squares": {"type": ["number", "null"], "minimum": 0},
            "f_statistic": {
              "type": ["object", "null"], "required": ["value", "df1", "df2", "p"], "additionalProperties": false,
              "properties": {
                "value": {"type": ["number", "null"]}, "df1": {"type": "number"}, "df2": {"type": "number"},
                "p": {"type": ["number", "null"], "minimum": 0, "maximum": 1}
              }
            },
            "log_likelihood": {"type": ["number", "null"]},
            "aic": {"type": ["number", "null"], "description": "-2 log L + 2k, k = aic_parameters."},
            "bic": {"type": ["number", "null"], "description": "-2 log L + k log n."},
            "aic_parameters": {"type": "number", "description": "Coefficients + 1 for sigma, as R's AIC()."},
            "durbin_watson": {"type": ["number", "null"], "minimum": 0, "maximum": 4},
            "condition_number": {"type": ["number", "null"], "minimum": 1,
                                 "description": "1-norm condition estimate of the column-scaled triangular factor R (dtrcon)."},
            "notes": {"type": "array", "items": {"type": "string"}},
            "levels": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 99},
                       "description": "Interval levels of 'predictions', percent."},
            "predictions": {
              "type": "array", "description": "At the rows of the --predict file: Student t intervals on df_residual.",
              "items": {
                "type": "object", "additionalProperties": false,
                "required": ["line", "mean", "std_error", "confidence_lower", "confidence_upper", "prediction_lower", "prediction_upper"],
                "properties": {
                  "line": {"type": "integer", "minimum": 1},
                  "mean": {"type": ["number", "null"]},
                  "std_error": {"type": ["number", "null"], "minimum": 0, "description": "Of the fitted mean."},
                  "confidence_lower": {"$ref": "#/$defs/byLevel"}, "confidence_upper": {"$ref": "#/$defs/byLevel"},
                  "prediction_lower": {"$ref": "#/$defs/byLevel"}, "prediction_upper": {"$ref": "#/$defs/byLevel"}
                }
              }
            }
          },
          "$defs": {
            "byLevel": {"type": "object", "patternProperties": {"^[0-9]{1,2}$": {"type": ["number", "null"]}},
                        "additionalProperties": false}
          }
        }
        """#
}
