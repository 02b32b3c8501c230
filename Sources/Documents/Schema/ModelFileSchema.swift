import Forecasting

/// JSON Schema (draft 2020-12) of `muavu.model/v1`, the saved model `muavu fit --save` writes
/// (`ModelFile`), assembled from the registry (`ForecasterRegistry`): the names that can be
/// saved, their kinds, and each kind's `FittedState.schema` as a `$defs` entry that
/// `parameters` must match.
public enum ModelFileSchema {
    public static var text: String { schema.text }

    static var schema: JSONSchema {
        let types = ForecasterRegistry.stateTypes
        // The cases and the states' schemas sit four columns deeper than their siblings would.
        let cases = types.map { type -> JSONSchema in
            let seed: [(String, JSONSchema)] = type.isSeeded ? [("seed", .integer)] : []
            return JSONSchema(
                [
                    .if(
                        JSONSchema([
                            .properties(
                                ["model": JSONSchema([.properties(["kind": .const(.string(type.kind))], .inline)])],
                                .inline)
                        ])),
                    .then(JSONSchema([.properties([("parameters", .ref(type.kind))] + seed, .inline)])),
                ], layout: .wrapped([1]))
        }
        let states = types.map { ($0.kind, JSONSchema.text($0.schema)) }
        return .document(
            "model", engine: .closedEngine,
            "A fitted model saved by muavu fit: its parameters and starting states, the training series and calendar, fit statistics and a SHA-256 of the training values. muavu forecast --model-file forecasts from it without estimating anything.",
            required: ["created", "seed", "model", "statistics", "training", "parameters"],
            properties: properties, tag: "format",
            after: [
                .allOf(cases, .lines([], indent: Array(repeating: 4, count: cases.count))),
                .defs(
                    [("numbers", .array(.number))] + states,
                    .lines([], indent: [0] + Array(repeating: 4, count: states.count))),
            ])
    }

    private static var properties: [(String, JSONSchema)] {
        let names = ForecasterRegistry.savableNames.map { JSONSchema.Value.string($0) }
        let kinds = ForecasterRegistry.stateTypes.map { JSONSchema.Value.string($0.kind) }
        return [
            (
                "created",
                JSONSchema.dateTime.described("When the model was saved (SOURCE_DATE_EPOCH when set).").laid(
                    .wrapped([3]))
            ),
            (
                "seed",
                JSONSchema(
                    [
                        .type(.integer, .null), .minimum(0),
                        .description(
                            "Seed of simulated intervals (ETS with a multiplicative season, also as a member of a combination); null for models that do not simulate."
                        ),
                    ], layout: .wrapped([2]))
            ),
            (
                "model",
                .record(
                    ["name", "kind", "family", "display_name"],
                    [
                        "name": JSONSchema([
                            .enum(names), .description("The registry name the model was fitted under."),
                        ])
                        .laid(.wrapped([1])),
                        "kind": JSONSchema([.enum(kinds), .description("Which parameters the model stores.")]),
                        "family": JSONSchema.string.described("The family as forecast documents name it."),
                        "display_name": JSONSchema.string.described(
                            "e.g. ETS(M,Ad,N), ARIMA(0,1,1)(0,1,1)[12], Theta(dotm)."),
                    ])
            ),
            (
                "statistics",
                JSONSchema(
                    [
                        .type(.object), .required(["loglik", "aicc", "sigma2"]), .additionalProperties(.numberOrNull),
                        .description("Fit criteria (loglik, aic, aicc, bic, sigma2, mse, ...); null when undefined."),
                    ], layout: .lines([2]))
            ),
            ("training", training),
            ("parameters", .type(.object)),
        ]
    }

    private static let training = JSONSchema(
        [
            .type(.object),
            .required([
                "dataset", "id", "frequency", "period", "start", "seasons_per_year", "unit", "count", "values",
                "sha256",
            ]),
            .closed,
            .properties([
                "dataset": .string,
                "id": .string,
                "frequency": .frequency,
                "period": .integer(minimum: 1),
                "start": JSONSchema.stringOrNull.described("The first date, in the tidy-CSV form of the frequency."),
                "seasons_per_year": JSONSchema([.type(.integer, .null), .minimum(1)]),
                "unit": .stringOrNull,
                "dates_read_as": JSONSchema.string.described(
                    "How the data file's dates were read (as in muavu.forecast/v1)."),
                "count": .integer(minimum: 1),
                "values": JSONSchema([.type(.array), .minItems(1), .items(.number)]),
                "sha256": JSONSchema.sha256.described(
                    "SHA-256 of the values as IEEE 754 binary64, little-endian, in order."
                ).laid(.wrapped([2])),
            ]),
        ], layout: .lines())
}
