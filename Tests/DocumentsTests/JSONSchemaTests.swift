import Foundation
import Testing

@testable import Documents

/// The one printer of the schemas: each layout as `JSONSchema.Layout` defines it, strings escaped as
/// JSON requires (RFC 8259 §7), and every printed schema valid JSON that reads back to its values.
@Suite struct JSONSchemaTests {
    static let record = JSONSchema.record(["id"], ["id": .string, "n": .integer(minimum: 0)])

    @Test func inlineKeepsEverythingOnTheLine() {
        #expect(JSONSchema([.type(.string), .minLength(1)]).text == #"{"type": "string", "minLength": 1}"#)
        #expect(JSONSchema.numberOrNull.text == #"{"type": ["number", "null"]}"#)
        #expect(JSONSchema.enum(["a", nil, 1, true]).text == #"{"enum": ["a", null, 1, true]}"#)
    }

    @Test func wrappedRowsAlignOneColumnAfterTheBrace() {
        let schema = JSONSchema([.type(.string), .pattern("x"), .description("d")], layout: .wrapped([2]))
        #expect(schema.text == "{\"type\": \"string\", \"pattern\": \"x\",\n \"description\": \"d\"}")
        let nested = JSONSchema([.properties(["key": schema], .inline)])
        #expect(
            nested.text == "{\"properties\": {\"key\": {\"type\": \"string\", \"pattern\": \"x\",\n"
                + String(repeating: " ", count: 24) + "\"description\": \"d\"}}}")
    }

    @Test func linesIndentTwoFromTheOpeningLineAndCloseUnderIt() {
        #expect(
            Self.record.text == """
                {
                  "type": "object", "required": ["id"], "additionalProperties": false,
                  "properties": {
                    "id": {"type": "string"},
                    "n": {"type": "integer", "minimum": 0}
                  }
                }
                """)
    }

    @Test func extraIndentShiftsOnlyItsRow() {
        let list = JSONSchema([.allOf([.string, .number], .lines([], indent: [0, 4]))])
        #expect(list.text == "{\"allOf\": [\n  {\"type\": \"string\"},\n      {\"type\": \"number\"}\n]}")
    }

    @Test func huggingClosesAfterItsLastRow() {
        let array = JSONSchema.array(Self.record.laid(.hugging([3])))
        #expect(
            array.text == """
                {"type": "array", "items": {
                  "type": "object", "required": ["id"], "additionalProperties": false,
                  "properties": {
                    "id": {"type": "string"},
                    "n": {"type": "integer", "minimum": 0}
                  }}}
                """)
    }

    @Test func verbatimTextIsIndentedToWhereItStarts() {
        let schema = JSONSchema([.defs([("a", .text("{\n  \"type\": \"object\"\n}"))])], layout: .lines())
        #expect(schema.text == "{\n  \"$defs\": {\n    \"a\": {\n      \"type\": \"object\"\n    }\n  }\n}")
    }

    @Test func stringsAreEscaped() throws {
        let schema = JSONSchema([.pattern(#"^a\.b$"#), .description(#"say "x" − y"#)])
        #expect(schema.text == #"{"pattern": "^a\\.b$", "description": "say \"x\" − y"}"#)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(schema.text.utf8)) as? [String: String])
        #expect(object == ["pattern": #"^a\.b$"#, "description": #"say "x" − y"#])
    }

    /// Control characters are not allowed in a JSON string as they are (RFC 8259 §7): an example
    /// body's line breaks were once printed raw, and the OpenAPI document could not be read.
    @Test func controlCharactersAreEscaped() throws {
        let text = "a,b\r\n1,2\n\t\u{1}\u{1F}\u{7F}é"
        let schema = JSONSchema([.description(text)])
        #expect(schema.text == #"{"description": "a,b\r\n1,2\n\t\u0001\u001f"# + "\u{7F}é\"}")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(schema.text.utf8)) as? [String: String])
        #expect(object == ["description": text])
    }

    @Test(arguments: DocumentSchemas.names)
    func everySchemaIsJSONNamingItsDocument(name: String) throws {
        let text = try #require(DocumentSchemas.all[name])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["$id"] as? String == "https://muavu.example/schemas/\(name)/v1")
        let properties = try #require(object["properties"] as? [String: Any])
        let tag = name == "model" ? "format" : "schema"
        #expect((properties[tag] as? [String: Any])?["const"] as? String == "muavu.\(name)/v1")
        #expect((object["required"] as? [String])?.prefix(2) == [tag, "engine"])
    }
}
