import AgriData
import Documents
import Foundation
import Hummingbird
import HummingbirdTesting
import Publishing
import Store
import TestSupport
import Testing

@testable import Server

/// A store of its own holding real data (datasets/wfp-rice-wholesale.csv and
/// datasets/paddy-price-monthly.csv, imported as `muavu import --format tidy` imports them), and the
/// server over it, removed with the value's last use.
final class ServedStore: Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let datasets = ["wfp-rice-wholesale.csv", "paddy-price-monthly.csv"]
    /// What the paddy outlook reads: the paddy prices, and Viet Nam's 5% broken rice export price
    /// (the configuration's export link), the rows of that one series of the Pink Sheet file.
    /// The paddy prices, the Pink Sheet series the configuration links them to, and the wholesale
    /// rice prices of the paddy–rice margin.
    static let outlookData = [
        "paddy-price-monthly.csv", "wb-pinksheet-monthly.csv#wb-rice-vnm-5", "wfp-rice-wholesale.csv",
    ]

    let folder: URL
    var path: String { folder.appendingPathComponent("store.sqlite").path }

    /// Imports each file of datasets/ named; `FILE#ID` imports only the rows of series ID.
    init(importing files: [String] = ServedStore.datasets) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try ObservationStore(path: path)
        for name in files {
            let parts = name.split(separator: "#").map(String.init)
            var file = Self.root.appendingPathComponent("datasets/\(parts[0])").path
            if parts.count == 2 {
                let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
                let kept = [lines[0]] + lines.dropFirst().filter { $0.hasPrefix(parts[1] + ",") }
                file = folder.appendingPathComponent(parts[1] + ".csv").path
                try (kept.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            }
            let batch = try TidyImport.read(path: file)
            try ImportBounds.check(batch, file: file)
            _ = try store.import(
                batch, file: file, sha256: SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: file))), now: Date())
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The bundled configuration, models/dong-thap.json.
    static let configuration: PublishConfiguration? = try? PublishConfiguration.load(
        path: root.appendingPathComponent("models/dong-thap.json").path)

    /// The server over this store on a free loopback port.
    func application(
        maxBodyBytes: Int = ServeSettings.defaultMaxBodyBytes,
        writesPerMinute: Int = ServeSettings.defaultWritesPerMinute, published: String? = nil
    ) -> some ApplicationProtocol {
        MuavuServer.application(
            ServeSettings(
                host: "127.0.0.1", port: 0, store: path, configuration: Self.configuration, maxBodyBytes: maxBodyBytes,
                writesPerMinute: writesPerMinute, published: published))
    }

    /// A valid token named `name`, added as `muavu token add` adds one.
    func addToken(_ name: String) throws -> String {
        let token = AccessTokens.generate()
        try ObservationStore(path: path).addToken(name: name, sha256: AccessTokens.hash(token), now: Date())
        return token
    }
}

/// One answer of the server, checked against the OpenAPI document.
struct Answer {
    var status: Int
    var contentType: String
    var body: Data
    var headers: HTTPFields

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
    var text: String { String(decoding: body, as: UTF8.self) }
}

extension TestClientProtocol {
    /// Sends a request and checks the answer against the OpenAPI document: the status must be one
    /// the document gives for the route (or, for a path no route has, a problem), and the body
    /// must conform to the schema the document gives for that status and media type
    /// (`OpenAPIConformance`, python's `jsonschema`).
    func call(
        _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:], body: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        let response = try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let answer = Answer(
            status: Int(response.status.code), contentType: response.headers[.contentType] ?? "",
            body: Data(response.body.readableBytesView), headers: response.headers)
        let path = String(uri.prefix { $0 != "?" })
        let route = MuavuAPI.routes.first { $0.method == method && $0.matches(path: path) }
        let problems = try OpenAPIConformance.problems(
            of: answer.body, route: route.map { ($0.path, $0.method.rawValue.lowercased()) },
            status: answer.status, mediaType: answer.contentType)
        #expect(
            problems == nil, "\(method) \(uri) → \(answer.status): \(problems ?? "")", sourceLocation: sourceLocation)
        return answer
    }
}

/// Whether a body conforms to the OpenAPI document's schema for its route, status and media type
/// (without its parameters; a body that is not JSON is checked as a string),
/// checked by python's `jsonschema` (Draft 2020-12; requirements-test.txt), an implementation
/// independent of muavu. The document schemas embedded in the components (forecast, outlook) are
/// registered under their `$id`, as an OpenAPI 3.1 reader resolves them.
enum OpenAPIConformance {
    static let script = """
        import json, sys
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
        doc = json.load(open(sys.argv[1]))
        path, method, status, media = sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
        media = media.split(";")[0].strip()
        text = open(sys.argv[2], encoding="utf-8").read()
        body = json.loads(text) if media.endswith("json") else text
        def escape(s): return s.replace("~", "~0").replace("/", "~1")
        if path:
            responses = doc["paths"][path][method]["responses"]
            if status not in responses:
                sys.exit(f"status {status} is not among the documented {sorted(responses)}")
            content = responses[status]["content"]
            if media not in content:
                sys.exit(f"media type {media!r} is not among the documented {sorted(content)}")
            pointer = "/".join(
                ["#", "paths", escape(path), method, "responses", status, "content", escape(media), "schema"])
        else:
            if media != "application/problem+json":
                sys.exit(f"a path no route has answered {media!r}, not a problem")
            pointer = "#/components/schemas/Problem"
        schemas = doc["components"]["schemas"]
        registry = Registry().with_resources(
            (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012))
            for s in schemas.values() if "$id" in s)
        root = dict(doc)
        root["$ref"] = pointer
        errors = sorted(Draft202012Validator(root, registry=registry).iter_errors(body), key=str)
        if errors:
            sys.exit("; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]))
        """

    /// The first problems found, nil when the body conforms.
    static func problems(of body: Data, route: (path: String, method: String)?, status: Int, mediaType: String)
        throws -> String?
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let documentFile = folder.appendingPathComponent("openapi.json")
        let bodyFile = folder.appendingPathComponent("body.json")
        try Data(OpenAPI.text.utf8).write(to: documentFile)
        try body.write(to: bodyFile)
        let result = try Python.run([
            "-c", script, documentFile.path, bodyFile.path, route?.path ?? "", route?.method ?? "", String(status),
            mediaType,
        ])
        return result.status == 0 ? nil : result.output
    }
}
