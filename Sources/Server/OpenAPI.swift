import Documents

/// The OpenAPI 3.1 document of `muavu serve` (`GET /openapi.json`, `muavu schema openapi`), built
/// from the route table and from the same `JSONSchema` values `muavu schema` prints: the forecast
/// and outlook responses are the documents' own schemas, embedded whole (with their `$id`) and
/// referenced by it. Printed by `JSONSchema.text`, the one printer of muavu's schemas, so that the
/// document is the same bytes on every run.
public enum OpenAPI {
    /// A parameter of an operation.
    struct Parameter: Sendable {
        enum Location: String, Sendable { case query, path }
        var name: String
        var location: Location
        var description: String
        var schema: JSONSchema
        var required = false
        /// A value that works on the bundled data (OpenAPI's `example`): for readers, and the first
        /// value schemathesis tries.
        var example: String? = nil

        static func query(
            _ name: String, _ description: String, _ schema: JSONSchema, required: Bool = false, example: String? = nil
        ) -> Parameter {
            Parameter(
                name: name, location: .query, description: description, schema: schema, required: required,
                example: example)
        }

        static func path(_ name: String, _ description: String, _ schema: JSONSchema, example: String? = nil)
            -> Parameter
        {
            Parameter(
                name: name, location: .path, description: description, schema: schema, required: true,
                example: example)
        }
    }

    /// One response: its status, what it means, its media type and schema.
    struct Response: Sendable {
        var status: Int
        var description: String
        var mediaType: String
        var schema: JSONSchema
        /// Other media types the same status may answer with (`?format=`), and their schemas.
        var alternatives: [(mediaType: String, schema: JSONSchema)] = []

        static func json(_ status: Int, _ description: String, _ schema: JSONSchema) -> Response {
            Response(status: status, description: description, mediaType: "application/json", schema: schema)
        }

        /// A problem document (`Problem`).
        static func problem(_ status: Int, _ description: String) -> Response {
            Response(
                status: status, description: description, mediaType: "application/problem+json",
                schema: component("Problem"))
        }
    }

    /// What an endpoint does, takes and answers.
    struct Operation: Sendable {
        var id: String
        var summary: String
        var description: String
        var parameters: [Parameter] = []
        /// The body's media type, what it is, its schema and an example.
        var body: (mediaType: String, description: String, schema: JSONSchema, example: String)? = nil
        /// Whether a write token is needed (`Authorization: Bearer`).
        var needsToken = false
        var responses: [Response]
    }

    /// `{"$ref": "#/components/schemas/NAME"}`.
    static func component(_ name: String) -> JSONSchema {
        JSONSchema([.init("$ref", .string("#/components/schemas/\(name)"))])
    }

    /// `{"$ref": ID}`: a document schema by its `$id`, embedded in the components.
    static func document(_ name: String) -> JSONSchema {
        JSONSchema([.init("$ref", .string("https://muavu.example/schemas/\(name)/v1"))])
    }

    /// The document's text, ending with a newline.
    public static let text: String = document.text + "\n"

    static var document: JSONSchema {
        object([
            ("openapi", "3.1.0"),
            ("jsonSchemaDialect", "https://json-schema.org/draft/2020-12/schema"),
            (
                "info",
                .schema(
                    object([
                        ("title", "muavu"),
                        ("version", .string(MuavuAPI.version)),
                        (
                            "description",
                            .string(
                                "The crop-forecast and market-access engine for Đồng Tháp over HTTP: the series of "
                                    + "the store with their vintages, forecasts, the price outlook, and this week's "
                                    + "prices written with a token. Every failure is a problem document (RFC 9457).")
                        ),
                    ]))
            ),
            ("paths", .schemas(paths, .lines())),
            (
                "components",
                .schema(
                    object([
                        ("schemas", .schemas(APISchemas.components, .lines())),
                        (
                            "securitySchemes",
                            .schemas(
                                [
                                    (
                                        "token",
                                        object(
                                            [
                                                ("type", "http"), ("scheme", "bearer"),
                                                (
                                                    "description",
                                                    "A write token from `muavu token add NAME` (64 hexadecimal digits)."
                                                ),
                                            ], .inline)
                                    )
                                ], .lines())
                        ),
                    ]))
            ),
        ])
    }

    /// The paths, in the route table's order, each with its operations.
    private static var paths: [(String, JSONSchema)] {
        var order: [String] = []
        var byPath: [String: [(String, JSONSchema)]] = [:]
        for route in MuavuAPI.routes {
            if byPath[route.path] == nil { order.append(route.path) }
            byPath[route.path, default: []].append((route.method.rawValue.lowercased(), operation(route.operation)))
        }
        return order.map { ($0, JSONSchema(byPath[$0]!.map { .init($0.0, .schema($0.1)) }, layout: .lines())) }
    }

    private static func operation(_ o: Operation) -> JSONSchema {
        var members: [(String, JSONSchema.Value)] = [
            ("operationId", .string(o.id)), ("summary", .string(o.summary)), ("description", .string(o.description)),
        ]
        if !o.parameters.isEmpty {
            members.append(("parameters", .list(o.parameters.map { .schema(parameter($0)) }, .lines())))
        }
        if let body = o.body {
            members.append(
                (
                    "requestBody",
                    .schema(
                        object([
                            ("required", true), ("description", .string(body.description)),
                            (
                                "content",
                                .schemas(
                                    [
                                        (
                                            body.mediaType,
                                            object([("schema", .schema(body.schema)), ("example", .string(body.example))])
                                        )
                                    ], .lines())
                            ),
                        ]))
                ))
        }
        if o.needsToken {
            members.append(("security", .list([.schema(object([("token", .list([], .inline))], .inline))], .inline)))
        }
        members.append(
            (
                "responses",
                .schemas(
                    o.responses.map { r in
                        (
                            String(r.status),
                            object([
                                ("description", .string(r.description)),
                                (
                                    "content",
                                    .schemas(
                                        ([(r.mediaType, r.schema)] + r.alternatives).map { type, schema in
                                            (type, object([("schema", .schema(schema))], .inline))
                                        }, .lines())
                                ),
                            ])
                        )
                    }, .lines())
            ))
        return object(members)
    }

    private static func parameter(_ p: Parameter) -> JSONSchema {
        object(
            [
                ("name", .string(p.name)), ("in", .string(p.location.rawValue)), ("required", .boolean(p.required)),
                ("description", .string(p.description)), ("schema", .schema(p.schema)),
            ] + (p.example.map { [("example", .string($0))] } ?? []), .lines())
    }

    /// A JSON object of these members in this order.
    static func object(_ members: [(String, JSONSchema.Value)], _ layout: JSONSchema.Layout = .lines()) -> JSONSchema {
        JSONSchema(members.map { .init($0.0, $0.1) }, layout: layout)
    }
}
