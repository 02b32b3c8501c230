import Foundation
import Testing

@testable import Documents

@Suite struct SchemaCatalogTests {
    @Test(arguments: ["forecast", "backtest", "benchmark"])
    func schemaIsDraft2020JSONAndNamesItsDocument(kind: String) throws {
        let text = try #require(DocumentSchemas.all[kind])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["title"] as? String == "muavu.\(kind)/v1")
        let properties = try #require(object["properties"] as? [String: Any])
        let schema = try #require(properties["schema"] as? [String: Any])
        #expect(schema["const"] as? String == "muavu.\(kind)/v1")
        // Every required key is described.
        for key in object["required"] as? [String] ?? [] { #expect(properties[key] != nil, "\(key)") }
    }
}
