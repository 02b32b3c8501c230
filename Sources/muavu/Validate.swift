import ArgumentParser
import AgriData

/// `muavu validate --data FILE`: checks a data file and reports every problem found.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a data file and report every problem found (exit 65 when there are any).")

    @Option(name: .long, help: "The CSV file to check.")
    var data: String

    func run() throws {
        try runReportingFailures {
            let table = try CSVTable(path: data)
            print("\(data): \(table.rows.count) rows, columns: \(table.header.joined(separator: ", "))")
        }
    }
}
