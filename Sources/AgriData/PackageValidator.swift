import Foundation

/// `muavu validate --package`: every resource of a data package checked against its own
/// description in the package.
///
/// Each resource's file is checked as a table against its schema (`TableCheck`: header, types,
/// missing values, required fields, number formats, bounds, primary key). A resource that lists
/// its series (muavu's `series` extension) is also read as tidy data (`TidyReader`), with the
/// number formats its fields declare and its gaps accepted when it says `"muavu:gaps": "allowed"`,
/// and the series read must be the ones it lists, with their units, spans, rows and missing counts.
public enum PackageValidator {
    /// What was found in one resource.
    public struct ResourceReport: Sendable {
        public var name: String
        /// The file's problems in file order, its rows, and the series read for a resource that
        /// lists them (none for a table).
        public var report: ValidationReport
        public var isValid: Bool { report.isValid }
    }

    /// Reads the package at `path` and checks every resource. Throws only when the package
    /// itself cannot be read.
    public static func validate(path: String, bounds: ValueBounds = .standard, maxProblems: Int = 100_000) throws
        -> [ResourceReport]
    {
        let package = try DataPackage.load(path: path)
        return try package.resources.map { r in
            try validate(r, of: package, path: path, bounds: bounds, maxProblems: maxProblems)
        }
    }

    static func validate(
        _ r: DataPackage.Resource, of package: DataPackage, path: String, bounds: ValueBounds, maxProblems: Int
    ) throws -> ResourceReport {
        // Relative to the package as the user named it, for messages.
        let directory = (path as NSString).deletingLastPathComponent
        let file = directory.isEmpty ? r.path : (directory as NSString).appendingPathComponent(r.path)
        var problems = TidyReader.Problems(limit: max(1, maxProblems))
        guard let schema = r.schema else {
            problems.add(DataError(.badConfiguration, file: path, "resource '\(r.name)' has no schema"))
            return report(r, file: file, rows: 0, problems: problems, series: [])
        }
        guard FileManager.default.fileExists(atPath: file) else {
            problems.add(DataError(.fileNotFound, file: path, "resource '\(r.name)': no file \(file)"))
            return report(r, file: file, rows: 0, problems: problems, series: [])
        }
        var options = TidyReadOptions()
        options.bounds = bounds
        options.onMissing = r.allowsGaps ? .interpolate : .fail
        options.maxProblems = maxProblems
        for f in schema.fields {
            if let format = try? f.numberFormat() { options.columnFormats[f.name] = format }
        }
        let isSeries = r.series != nil
        let tidyColumns: Set<String> = [options.idColumn, options.dateColumn, options.valueColumn, options.unitColumn]
        let table = TableCheck(
            file: file, schema: schema, skipping: isSeries ? tidyColumns : [], checkKey: !isSeries, bounds: bounds)
        let rows = try table.run(path: file, problems: &problems)
        guard let listed = r.series else { return report(r, file: file, rows: rows, problems: problems, series: []) }
        let tidy = try TidyReader.validate(path: file, options: options)
        for p in tidy.problems { problems.add(p) }
        problems.count += tidy.problemCount - tidy.problems.count
        compare(tidy.series, listed, resource: r.name, path: path, problems: &problems)
        return report(r, file: file, rows: rows, problems: problems, series: tidy.series)
    }

    /// The series read against those the resource lists.
    static func compare(
        _ read: [SeriesSummary], _ listed: [DataPackage.Series], resource: String, path: String,
        problems: inout TidyReader.Problems
    ) {
        let found = Dictionary(read.map { (TextKey.nfc($0.id), $0) }, uniquingKeysWith: { a, _ in a })
        for want in listed {
            guard let got = found[TextKey.nfc(want.id)] else {
                problems.add(
                    DataError(
                        .badConfiguration, file: path,
                        "resource '\(resource)' lists series '\(want.id)', not in its file"))
                continue
            }
            var differences: [String] = []
            if got.unit != want.unit { differences.append("unit \(got.unit ?? "none") (listed \(want.unit))") }
            if got.start != want.start || got.end != want.end {
                differences.append("span \(got.start ?? "?") – \(got.end ?? "?") (listed \(want.start) – \(want.end))")
            }
            if got.rows != want.rows { differences.append("\(got.rows) rows (listed \(want.rows))") }
            if got.missing != want.missing { differences.append("\(got.missing) missing (listed \(want.missing))") }
            if !differences.isEmpty {
                problems.add(
                    DataError(
                        .badConfiguration, file: path,
                        "resource '\(resource)', series '\(want.id)': the file has \(differences.joined(separator: ", "))"
                    ))
            }
        }
        let listedIDs = Set(listed.map { TextKey.nfc($0.id) })
        for s in read where !listedIDs.contains(TextKey.nfc(s.id)) {
            problems.add(
                DataError(.badConfiguration, file: path, "resource '\(resource)': series '\(s.id)' is not listed"))
        }
    }

    private static func report(
        _ r: DataPackage.Resource, file: String, rows: Int, problems: TidyReader.Problems, series: [SeriesSummary]
    ) -> ResourceReport {
        let kept = problems.kept.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return ResourceReport(
            name: r.name,
            report: ValidationReport(
                file: file, rows: rows, problems: kept, problemCount: problems.count, series: series, dataset: nil))
    }
}
