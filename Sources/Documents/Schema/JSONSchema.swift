/// A JSON Schema (draft 2020-12) as muavu states one: its keywords in the order they are written,
/// and how they sit on lines (`Layout`). Every schema `muavu schema NAME` prints is one of these,
/// and `text` is the one printer they share (`JSONSchema+Text.swift`), so that a shape repeated
/// across documents (the engine, a SHA-256, a file entry, a bilingual text) is stated once.
///
/// The layout is part of the value because the schemas are published and pinned byte for byte:
/// the printer chooses nothing, it lays out what the schema says.
public struct JSONSchema: Sendable {
    /// The keywords, in the order they are printed.
    public var keywords: [Keyword]
    /// How the keywords sit on lines.
    public var layout: Layout
    /// A schema given as JSON text by another target (a model's `FittedState.schema`), printed as
    /// it is with its lines after the first indented to where it starts.
    let verbatim: String?

    public init(_ keywords: [Keyword], layout: Layout = .inline) {
        self.keywords = keywords
        self.layout = layout
        self.verbatim = nil
    }

    /// A schema written as JSON text elsewhere (Forecasting cannot import Documents).
    public static func text(_ json: String) -> JSONSchema {
        JSONSchema(verbatim: json)
    }

    private init(verbatim: String) {
        self.keywords = []
        self.layout = .inline
        self.verbatim = verbatim
    }
}

extension JSONSchema {
    /// How the members of an object (or the items of an array) sit on lines. `rows` gives how
    /// many members each row holds; members left over after the rows listed go one per row in
    /// `lines` and `hugging`, and all on one last row in `wrapped`.
    public enum Layout: Sendable {
        /// `{"a": 1, "b": 2}` on the line where it starts.
        case inline
        /// Rows after the first continue under the first member: `{"a": 1,` then `"b": 2}`
        /// aligned one column after the brace.
        case wrapped([Int])
        /// `{` ends the line, each row on a line of its own two spaces further in than the line
        /// that opened it (plus `indent[i]` more for row `i`), `}` alone under the opening line.
        case lines([Int] = [], indent: [Int] = [])
        /// As `lines`, but `}` follows the last row on its line (`"items": {` ... `}}}`).
        case hugging([Int] = [])
    }

    /// One keyword and its value: `"type": "object"`.
    public struct Keyword: Sendable {
        public let name: String
        public let value: Value
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// A keyword's value.
    public indirect enum Value: Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        case null
        case list([Value], Layout)
        case schema(JSONSchema)
        /// An object of named schemas (`properties`, `$defs`, `patternProperties`).
        case schemas([(String, JSONSchema)], Layout)
    }
}

extension JSONSchema.Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(nilLiteral: ()) { self = .null }
}

// MARK: - Keywords

extension JSONSchema.Keyword {
    public typealias Layout = JSONSchema.Layout
    public typealias Value = JSONSchema.Value

    /// The JSON types a schema admits.
    public enum JSONType: String, Sendable {
        case string, number, integer, boolean, object, array, null
    }

    public static func type(_ type: JSONType) -> Self { Self("type", .string(type.rawValue)) }
    /// `"type": ["number", "null"]`.
    public static func type(_ types: JSONType...) -> Self {
        Self("type", .list(types.map { .string($0.rawValue) }, .inline))
    }
    public static func description(_ text: String) -> Self { Self("description", .string(text)) }
    public static func pattern(_ pattern: String) -> Self { Self("pattern", .string(pattern)) }
    public static func format(_ format: String) -> Self { Self("format", .string(format)) }
    public static func minimum(_ value: Int) -> Self { Self("minimum", .integer(value)) }
    public static func maximum(_ value: Int) -> Self { Self("maximum", .integer(value)) }
    public static func exclusiveMinimum(_ value: Int) -> Self { Self("exclusiveMinimum", .integer(value)) }
    public static func minItems(_ value: Int) -> Self { Self("minItems", .integer(value)) }
    public static func maxItems(_ value: Int) -> Self { Self("maxItems", .integer(value)) }
    public static func minLength(_ value: Int) -> Self { Self("minLength", .integer(value)) }
    public static func maxLength(_ value: Int) -> Self { Self("maxLength", .integer(value)) }
    public static func minContains(_ value: Int) -> Self { Self("minContains", .integer(value)) }
    public static func maxContains(_ value: Int) -> Self { Self("maxContains", .integer(value)) }
    public static func const(_ value: Value) -> Self { Self("const", value) }
    public static func `enum`(_ values: [Value], _ layout: Layout = .inline) -> Self {
        Self("enum", .list(values, layout))
    }
    /// `"$ref": "#/$defs/NAME"`.
    public static func ref(_ definition: String) -> Self { Self("$ref", .string("#/$defs/\(definition)")) }
    public static func required(_ names: [String], _ layout: Layout = .inline) -> Self {
        Self("required", .list(names.map { .string($0) }, layout))
    }
    public static func properties(_ properties: KeyValuePairs<String, JSONSchema>, _ layout: Layout = .lines())
        -> Self
    {
        Self.properties(properties.map { ($0.key, $0.value) }, layout)
    }
    public static func properties(_ properties: [(String, JSONSchema)], _ layout: Layout = .lines()) -> Self {
        Self("properties", .schemas(properties, layout))
    }
    public static func patternProperties(_ properties: KeyValuePairs<String, JSONSchema>) -> Self {
        Self("patternProperties", .schemas(properties.map { ($0.key, $0.value) }, .inline))
    }
    public static func defs(_ definitions: [(String, JSONSchema)], _ layout: Layout = .lines()) -> Self {
        Self("$defs", .schemas(definitions, layout))
    }
    /// `"additionalProperties": false`.
    public static let closed = Self("additionalProperties", false)
    public static func additionalProperties(_ schema: JSONSchema) -> Self {
        Self("additionalProperties", .schema(schema))
    }
    public static func propertyNames(_ schema: JSONSchema) -> Self { Self("propertyNames", .schema(schema)) }
    public static func items(_ schema: JSONSchema) -> Self { Self("items", .schema(schema)) }
    public static func contains(_ schema: JSONSchema) -> Self { Self("contains", .schema(schema)) }
    public static func anyOf(_ schemas: [JSONSchema]) -> Self {
        Self("anyOf", .list(schemas.map { .schema($0) }, .inline))
    }
    public static func allOf(_ schemas: [JSONSchema], _ layout: Layout) -> Self {
        Self("allOf", .list(schemas.map { .schema($0) }, layout))
    }
    public static func not(_ schema: JSONSchema) -> Self { Self("not", .schema(schema)) }
    public static func `if`(_ schema: JSONSchema) -> Self { Self("if", .schema(schema)) }
    public static func then(_ schema: JSONSchema) -> Self { Self("then", .schema(schema)) }
    public static func `else`(_ schema: JSONSchema) -> Self { Self("else", .schema(schema)) }
}
