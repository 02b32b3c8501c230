import AgriData

/// `muavu.validation/v1`: what `muavu validate` found.
public struct ValidationDocument: Encodable {
    struct Problem: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var columnName: String?
        var code: String
        var message: String
        enum CodingKeys: String, CodingKey {
            case file, line, column
            case columnName = "column_name"
            case code, message
        }
    }

    var schema = "muavu.validation/v1"
    var engine = Engine.current
    var file: String
    var valid: Bool
    var rows: Int
    var problemCount: Int
    var problems: [Problem]
    var series: [SeriesSummary]

    enum CodingKeys: String, CodingKey {
        case schema, engine, file, valid, rows
        case problemCount = "problem_count"
        case problems, series
    }

    public init(_ report: ValidationReport) {
        file = report.file
        valid = report.isValid
        rows = report.rows
        problemCount = report.problemCount
        problems = report.problems.map {
            Problem(
                file: $0.file, line: $0.line, column: $0.column, columnName: $0.columnName,
                code: $0.code.rawValue, message: $0.message)
        }
        series = report.series
    }

    /// The text summary: a line for the file, then one per series.
    public static func summary(_ report: ValidationReport) -> String {
        var s = "\(report.file): valid, \(report.rows) rows, \(report.series.count) series\n"
        for x in report.series {
            var line = "  \(x.id): \(x.rows) rows"
            if let f = x.frequency { line += ", \(f)" }
            if let p = x.period { line += " (period \(p))" }
            if let a = x.start, let b = x.end { line += ", \(a) – \(b)" }
            if x.missing > 0 { line += ", \(x.missing) missing" }
            if let u = x.unit { line += ", \(u)" }
            s += line + "\n"
        }
        return s
    }
}
