import ArgumentParser
import Documents

/// `muavu schema NAME`: prints the JSON Schema of a document.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of a document (forecast, backtest, benchmark, regression, ...).")

    @Argument(help: "The document kind.")
    var name: String

    func validate() throws {
        guard DocumentSchemas.all[name] != nil else {
            throw ValidationError("no schema '\(name)'; known: \(DocumentSchemas.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        print(DocumentSchemas.all[name] ?? "", terminator: "")
    }
}
