import Forecasting

/// JSON Schema (draft 2020-12) of `muavu.model/v1`, the saved model `muavu fit --save` writes
/// (`ModelFile`), assembled from the registry (`ForecasterRegistry`): the names that can be
/// saved, their kinds, and each kind's `FittedState.schema` as a `$defs` entry that
/// `parameters` must match.
public enum ModelFileSchema {
    public static var text: String {
        let types = ForecasterRegistry.stateTypes
        let names = ForecasterRegistry.savableNames.map { "\"\($0)\"" }.joined(separator: ", ")
        let kinds = types.map { "\"\($0.kind)\"" }.joined(separator: ", ")
        let cases = types.map { type in
            let seed = type.isSeeded ? ", \"seed\": {\"type\": \"integer\"}" : ""
            return
                "        {\"if\": {\"properties\": {\"model\": {\"properties\": {\"kind\": {\"const\": \"\(type.kind)\"}}}}},\n"
                + "         \"then\": {\"properties\": {\"parameters\": {\"$ref\": \"#/$defs/\(type.kind)\"}\(seed)}}}"
        }.joined(separator: ",\n")
        let definitions = types.map { type in
            "        \"\(type.kind)\": "
                + type.schema.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n        ")
        }.joined(separator: ",\n")
        return template.replacingOccurrences(of: "NAMES", with: names).replacingOccurrences(of: "KINDS", with: kinds)
            .replacingOccurrences(of: "CASES", with: cases).replacingOccurrences(of: "DEFINITIONS", with: definitions)
    }

    /// The document's envelope: `NAMES`, `KINDS`, `CASES` and `DEFINITIONS` are filled in by `text`.
    static let template = #"""
        {
          \#(SchemaText.envelope("model"))
          "description": "A fitted model saved by muavu fit: its parameters and starting states, the training series and calendar, fit statistics and a SHA-256 of the training values. muavu forecast --model-file forecasts from it without estimating anything.",
          "type": "object",
          "required": ["format", "engine", "created", "seed", "model", "statistics", "training", "parameters"],
          "additionalProperties": false,
          "properties": {
            "format": {"const": "muavu.model/v1"},
            \#(SchemaText.closedEngine),
            "created": {\#(SchemaText.dateTime),
                        "description": "When the model was saved (SOURCE_DATE_EPOCH when set)."},
            "seed": {"type": ["integer", "null"], "minimum": 0,
                     "description": "Seed of simulated intervals (ETS with a multiplicative season, also as a member of a combination); null for models that do not simulate."},
            "model": {
              "type": "object", "required": ["name", "kind", "family", "display_name"], "additionalProperties": false,
              "properties": {
                "name": {"enum": [NAMES],
                         "description": "The registry name the model was fitted under."},
                "kind": {"enum": [KINDS], "description": "Which parameters the model stores."},
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
                "sha256": {\#(SchemaText.sha256),
                           "description": "SHA-256 of the values as IEEE 754 binary64, little-endian, in order."}
              }
            },
            "parameters": {"type": "object"}
          },
          "allOf": [
        CASES
          ],
          "$defs": {
            "numbers": {"type": "array", "items": {"type": "number"}},
        DEFINITIONS
          }
        }
        """#
}
