import Documents
import Foundation
import TestSupport
import Testing

@testable import Server

/// The OpenAPI document: every route described with its parameters, every schema in it a valid
/// Draft 2020-12 schema (python's `jsonschema`), and the forecast and outlook responses the very
/// schemas `muavu schema forecast` and `muavu schema outlook` print.
@Suite("muavu serve: the OpenAPI document")
struct OpenAPIDocumentTests {
    static var document: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(OpenAPI.text.utf8)) as? [String: Any]) ?? [:]
    }

    @Test func everyRouteIsDescribedWithItsPathParameters() throws {
        let paths = try #require(Self.document["paths"] as? [String: [String: Any]])
        #expect(Set(paths.keys) == Set(MuavuAPI.routes.map(\.path)))
        for route in MuavuAPI.routes {
            let operation = try #require(paths[route.path]?[route.method.rawValue.lowercased()] as? [String: Any])
            let declared = ((operation["parameters"] as? [[String: Any]]) ?? []).filter {
                $0["in"] as? String == "path"
            }
            .compactMap { $0["name"] as? String }
            let inPath = route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
                String($0.dropFirst().dropLast())
            }
            #expect(declared == inPath, "\(route.path)")
            #expect((operation["responses"] as? [String: Any])?.isEmpty == false)
        }
    }

    @Test func theDocumentsResponsesAreTheSchemasMuavuSchemaPrints() throws {
        let schemas = try #require((Self.document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        for name in ["forecast", "outlook"] {
            let printed = try JSONSerialization.jsonObject(with: Data(try #require(DocumentSchemas.all[name]).utf8))
            let embedded = try JSONSerialization.data(withJSONObject: try #require(schemas[name]), options: .sortedKeys)
            #expect(try JSONSerialization.data(withJSONObject: printed, options: .sortedKeys) == embedded, "\(name)")
        }
    }

    @Test func everySchemaInTheDocumentIsAValidDraft202012Schema() throws {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            doc = json.load(sys.stdin)
            assert doc["openapi"].startswith("3.1."), doc["openapi"]
            schemas = list(doc["components"]["schemas"].values())
            for item in doc["paths"].values():
                for op in item.values():
                    schemas += [p["schema"] for p in op.get("parameters", [])]
                    schemas += [m["schema"] for r in op["responses"].values() for m in r["content"].values()]
            for s in schemas:
                Draft202012Validator.check_schema(s)
            print(len(schemas))
            """
        let result = try Python.run(["-c", script], input: Data(OpenAPI.text.utf8))
        #expect(result.status == 0, "\(result.output)")
    }
}
