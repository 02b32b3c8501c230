import TimeSeriesCore

extension FittedModel.EnsembleState {
    /// The schema of a combination, `KINDS` and `CASES` filled in by `schema` with the member kinds.
    static let schemaTemplate = #"""
        {
          "type": "object", "required": ["combiner", "intervals", "members"], "additionalProperties": false,
          "properties": {
            "combiner": {"enum": ["median", "mean"]},
            "intervals": {"enum": ["quantiles", "envelope"]},
            "members": {"type": "array", "minItems": 1, "items": {
              "type": "object", "required": ["name", "kind", "parameters", "failure"], "additionalProperties": false,
              "properties": {
                "name": {"type": "string"},
                "kind": {"enum": [KINDS, null]},
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
        CASES
                {"if": {"properties": {"kind": {"const": null}}}, "then": {"properties": {"parameters": {"const": null}, "failure": {"type": "string"}}}}
              ]
            }}
          }
        }
        """#
}
