extension JSONSchema {
    /// The schema as JSON text, laid out as `layout` says at every level.
    public var text: String {
        var printer = SchemaPrinter()
        printer.write(self)
        return printer.output
    }

    /// The schemas these shapes are built from: `{"type": "string"}` and the like.
    public static func type(_ type: Keyword.JSONType) -> JSONSchema { JSONSchema([.type(type)]) }
    public static let string = type(.string)
    public static let number = type(.number)
    public static let integer = type(.integer)
    public static let boolean = type(.boolean)
    public static let null = type(.null)
    /// `{"type": ["number", "null"]}`: a number, or null where it cannot be computed.
    public static let numberOrNull = JSONSchema([.type(.number, .null)])
    /// `{"type": ["string", "null"]}`.
    public static let stringOrNull = JSONSchema([.type(.string, .null)])
    /// An integer of at least `minimum`.
    public static func integer(minimum: Int) -> JSONSchema { JSONSchema([.type(.integer), .minimum(minimum)]) }
    /// An interval level, percent: an integer from 1 to 99.
    public static let level = JSONSchema([.type(.integer), .minimum(1), .maximum(99)])
    public static func ref(_ definition: String) -> JSONSchema { JSONSchema([.ref(definition)]) }
    public static func const(_ value: Value) -> JSONSchema { JSONSchema([.const(value)]) }
    public static func `enum`(_ values: [Value]) -> JSONSchema { JSONSchema([.enum(values)]) }
    /// `{"type": "array", "items": ITEMS}`.
    public static func array(_ items: JSONSchema, _ layout: Layout = .inline) -> JSONSchema {
        JSONSchema([.type(.array), .items(items)], layout: layout)
    }
    /// An object with exactly these members, the `required` ones always present:
    /// `"type": "object", "required": [...], "additionalProperties": false, "properties": {...}`.
    public static func record(
        _ required: [String], _ properties: KeyValuePairs<String, JSONSchema>, _ layout: Layout = .lines([3]),
        properties propertiesLayout: Layout = .lines()
    ) -> JSONSchema {
        record(required, properties.map { ($0.key, $0.value) }, layout, properties: propertiesLayout)
    }

    /// `record` with the members as a list.
    public static func record(
        _ required: [String], _ properties: [(String, JSONSchema)], _ layout: Layout = .lines([3]),
        properties propertiesLayout: Layout = .lines()
    ) -> JSONSchema {
        JSONSchema(
            [.type(.object), .required(required), .closed, .properties(properties, propertiesLayout)], layout: layout)
    }

    /// This schema with more keywords after its own.
    public func with(_ more: Keyword...) -> JSONSchema {
        JSONSchema(keywords + more, layout: layout)
    }
    /// This schema with a `description` last.
    public func described(_ text: String) -> JSONSchema { with(.description(text)) }
    /// This schema laid out otherwise.
    public func laid(_ layout: Layout) -> JSONSchema { JSONSchema(keywords, layout: layout) }
}

/// Prints a `JSONSchema` as its layouts say. Where a block opens, its rows are indented from the
/// line it opens on, and a wrapped row aligns one column after its brace, so every value is
/// printed knowing only the line it continues.
struct SchemaPrinter {
    private(set) var output = ""

    private typealias Piece = (inout SchemaPrinter) -> Void

    mutating func write(_ schema: JSONSchema) {
        if let verbatim = schema.verbatim {
            let indent = String(repeating: " ", count: lineIndent)
            output += verbatim.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
            return
        }
        let pieces: [Piece] = schema.keywords.map { keyword in
            { printer in printer.member(keyword.name, keyword.value) }
        }
        container("{", "}", pieces, schema.layout)
    }

    private mutating func member(_ name: String, _ value: JSONSchema.Value) {
        string(name)
        output += ": "
        write(value)
    }

    private mutating func write(_ value: JSONSchema.Value) {
        switch value {
        case .string(let text): string(text)
        case .integer(let number): output += String(number)
        case .boolean(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .schema(let schema): write(schema)
        case .list(let values, let layout):
            let pieces: [Piece] = values.map { value in { printer in printer.write(value) } }
            container("[", "]", pieces, layout)
        case .schemas(let named, let layout):
            let pieces: [Piece] = named.map { name, schema in
                { printer in
                    printer.string(name)
                    printer.output += ": "
                    printer.write(schema)
                }
            }
            container("{", "}", pieces, layout)
        }
    }

    /// A JSON string: quotes, backslashes and control characters (U+0000–U+001F, which JSON does
    /// not allow as they are: an example body's line breaks) escaped, everything else as it is.
    private mutating func string(_ text: String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private mutating func container(_ open: String, _ close: String, _ pieces: [Piece], _ layout: JSONSchema.Layout) {
        switch layout {
        case .inline:
            output += open
            row(pieces[...])
            output += close
        case .wrapped(let sizes):
            output += open
            let align = String(repeating: " ", count: column)
            for (index, range) in Self.rows(pieces.count, sizes, restTogether: true).enumerated() {
                if index > 0 { output += ",\n" + align }
                row(pieces[range])
            }
            output += close
        case .lines(let sizes, let extra):
            block(open, close, pieces, sizes, extra, closeAlone: true)
        case .hugging(let sizes):
            block(open, close, pieces, sizes, [], closeAlone: false)
        }
    }

    private mutating func block(
        _ open: String, _ close: String, _ pieces: [Piece], _ sizes: [Int], _ extra: [Int], closeAlone: Bool
    ) {
        let indent = lineIndent
        output += open
        let ranges = Self.rows(pieces.count, sizes, restTogether: false)
        for (index, range) in ranges.enumerated() {
            let more = index < extra.count ? extra[index] : 0
            output += "\n" + String(repeating: " ", count: indent + 2 + more)
            row(pieces[range])
            if index < ranges.count - 1 { output += "," }
        }
        if closeAlone { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    private mutating func row(_ pieces: ArraySlice<Piece>) {
        for (index, piece) in pieces.enumerated() {
            if index > 0 { output += ", " }
            piece(&self)
        }
    }

    /// The members' index ranges row by row: the sizes listed, then the rest together or one a row.
    private static func rows(_ count: Int, _ sizes: [Int], restTogether: Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for size in sizes where start < count {
            let end = min(count, start + size)
            ranges.append(start..<end)
            start = end
        }
        if start < count {
            ranges += restTogether ? [start..<count] : (start..<count).map { $0..<($0 + 1) }
        }
        return ranges
    }

    /// The line being written so far.
    private var currentLine: Substring {
        output[(output.lastIndex(of: "\n").map { output.index(after: $0) } ?? output.startIndex)...]
    }
    private var column: Int { currentLine.count }
    private var lineIndent: Int { currentLine.prefix { $0 == " " }.count }
}
