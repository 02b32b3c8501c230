import ArgumentParser
import Documents
import Server

/// `muavu schema NAME`: prints the JSON Schema of a document.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of a document (forecast, backtest, benchmark, regression, ...).",
        discussion: "`muavu schema openapi` prints the OpenAPI 3.1 document of `muavu serve` (GET /openapi.json).")

    @Argument(help: "The document kind.")
    var name: String

    /// Every schema by name: the documents' and `openapi`, the API of `muavu serve`.
    static var all: [String: String] { DocumentSchemas.all.merging(["openapi": OpenAPI.text]) { a, _ in a } }

    func validate() throws {
        guard Self.all[name] != nil else {
            throw ValidationError("no schema '\(name)'; known: \(Self.all.keys.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        print(Self.all[name] ?? "", terminator: "")
    }
}
