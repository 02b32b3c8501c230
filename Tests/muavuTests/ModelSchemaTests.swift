import Foundation
import Testing

/// The model-file schema, assembled from the registry, is pinned: `muavu schema model` prints the
/// fixture byte for byte (Fixtures/schema/README.md says how to regenerate it), and its lists are
/// consistent: every kind a name may have has its `$defs` entry and a clause choosing it.
@Suite struct ModelSchemaTests {
    static func schema() throws -> (text: String, object: [String: Any]) {
        let r = try CLIRunner.run(["schema", "model"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (r.stdout, object)
    }

    @Test func theAssembledSchemaIsThePinnedOne() throws {
        let pinned = try String(contentsOfFile: CLIRunner.fixture("schema/model.schema.json"), encoding: .utf8)
        #expect(try Self.schema().text == pinned, "muavu schema model changed: see Fixtures/schema/README.md")
    }

    @Test func everyKindHasItsDefinitionAndClause() throws {
        let object = try Self.schema().object
        let properties = try #require(object["properties"] as? [String: Any])
        let model = try #require((properties["model"] as? [String: Any])?["properties"] as? [String: Any])
        let kinds = try #require((model["kind"] as? [String: Any])?["enum"] as? [String])
        let names = try #require((model["name"] as? [String: Any])?["enum"] as? [String])
        let definitions = try #require(object["$defs"] as? [String: Any])
        let clauses = try #require(object["allOf"] as? [[String: Any]])
        #expect(Set(names).count == names.count && !names.isEmpty)
        #expect(clauses.count == kinds.count)
        for kind in kinds {
            #expect(definitions[kind] != nil, "no $defs entry for \(kind)")
            #expect(clauses.contains { "\($0)".contains("#/$defs/\(kind)") }, "no clause for \(kind)")
        }
    }
}
