import AgriData
import ArgumentParser
import Documents
import Foundation
import TimeSeriesCore

/// `muavu validate --data FILE`: checks a data file and reports every problem found;
/// `muavu validate --package datapackage.json`: checks every resource of a data package against
/// its own schema (`PackageValidator`).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a data file and report every problem found (exit 65 when there are any).",
        discussion: """
            Every problem is printed to stderr as FILE:LINE:COLUMN: message [code]. With --output the \
            report is also written as a JSON document (muavu.validation/v1). Without problems, a summary \
            (series, rows, span per series) goes to stdout and the exit status is 0; with any, 65.
            Formats: tidy (series_id,date,value + covariates, the default), csv (RFC 4180 structure only) and \
            calendar (a crop calendar JSON, models/calendars/*.json).
            With --package, every resource of a Frictionless data package is checked against its own schema: \
            header, column types, missing values, number formats (decimalChar, groupChar), bounds, primary key; \
            a resource listing its series is also read as tidy data, its gaps accepted where it says \
            "muavu:gaps": "allowed", and its series must be those it lists.
            """)

    @Option(name: .long, help: "The CSV file to check.")
    var data: String?

    @Option(name: .long, help: ArgumentHelp("A datapackage.json whose every resource is checked.", valueName: "file"))
    var package: String?

    @Option(name: .long, help: ArgumentHelp("tidy, csv or calendar.", valueName: "format"))
    var format = "tidy"

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Covariate columns that must be numeric (comma-separated or repeated).", valueName: "a,b"))
    var covariates: [String] = []

    @OptionGroup var reading: TidyDataOptions

    @Option(name: .long, help: "Write the report as JSON to this file ('-' for stdout).")
    var output: String?

    func validate() throws {
        guard (data == nil) != (package == nil) else {
            throw ValidationError("give either --data FILE or --package datapackage.json")
        }
        if package != nil {
            guard format == "tidy", covariates.isEmpty, output == nil, try reading.numberFormat() == nil else {
                throw ValidationError(
                    "--package reads each resource as the package describes it: --format, --covariates, --output, "
                        + "--decimal-char and --group-char apply to --data")
            }
        }
        guard ["tidy", "csv", "calendar"].contains(format) else {
            throw ValidationError("--format must be tidy, csv or calendar, not '\(format)'")
        }
        try reading.validate()
    }

    func run() throws {
        if let package {
            return try runReportingFailures { try checkPackage(package) }
        }
        guard let data else { return }
        try runReportingFailures {
            try AtomicFile.checkTarget(output, option: "--output", inputs: [data, reading.bounds])
            let columns = covariates.flatMap {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            .filter { !$0.isEmpty }
            if format == "calendar" {
                let calendar = try CropCalendar.load(path: data)
                print(Self.summary(calendar, file: data), terminator: "")
                return
            }
            let report: ValidationReport
            switch format {
            case "csv": report = try CSVStructure.check(path: data)
            default: report = try TidyReader.validate(path: data, options: reading.readOptions(covariates: columns))
            }
            for problem in report.problems { printError(problem.description) }
            if report.problemCount > report.problems.count {
                printError("\(data): \(report.problemCount - report.problems.count) more problems not listed")
            }
            if let output {
                try AtomicFile.writeDocument(ValidationDocument(report), to: output)
            }
            if !report.isValid {
                printError(
                    "\(data): \(report.problemCount) problem\(report.problemCount == 1 ? "" : "s") in \(report.rows) rows"
                )
                throw ExitCode(65)
            }
            if output == nil || output != "-" {
                print(MessageText.escaped(ValidationDocument.summary(report), keepingLineBreaks: true), terminator: "")
            }
        }
    }
}

extension Validate {
    /// Checks every resource of the package: problems to stderr (exit 65), else a summary per
    /// resource to stdout.
    func checkPackage(_ path: String) throws {
        let bounds = try reading.readOptions().bounds
        let reports = try PackageValidator.validate(path: path, bounds: bounds)
        var total = 0
        for r in reports {
            for problem in r.report.problems { printError(problem.description) }
            if r.report.problemCount > r.report.problems.count {
                printError(
                    "\(r.report.file): \(r.report.problemCount - r.report.problems.count) more problems not listed")
            }
            total += r.report.problemCount
        }
        if total > 0 {
            let bad = reports.filter { !$0.isValid }.map(\.name).joined(separator: ", ")
            printError("\(path): \(total) problem\(total == 1 ? "" : "s") in resources \(bad)")
            throw ExitCode(65)
        }
        var s = "\(path): valid, \(reports.count) resources\n"
        for r in reports {
            s += "resource '\(r.name)': " + ValidationDocument.summary(r.report)
        }
        print(MessageText.escaped(s, keepingLineBreaks: true), terminator: "")
    }

    /// A line for the calendar, then one per crop with its months.
    static func summary(_ c: CropCalendar, file: String) -> String {
        func months(_ w: MonthWindow) -> String {
            let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return "\(names[w.from - 1])–\(names[w.to - 1])" + (w.yearOffset == 0 ? "" : " (year \(w.yearOffset))")
        }
        var s = "\(file): valid crop calendar, \(c.crop), \(c.region), \(c.period) crops a year\n"
        for x in c.seasons.sorted(by: { $0.number < $1.number }) {
            s +=
                "  S\(x.number) \(x.nameVi) (\(x.nameEn)): \(x.startStage) \(months(x.start)), harvest \(months(x.harvest)), "
                + "covariates averaged over \(months(x.covariateWindow))\n"
        }
        return s
    }
}
