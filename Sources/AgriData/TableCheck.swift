import Foundation

/// Checks a CSV file against a Frictionless table schema (`DataPackage.Schema`): the header names
/// the fields in order; each cell is of its field's type or one of the schema's missing values;
/// a required field is never missing; numbers are read as the field declares them
/// (`decimalChar`, `groupChar`), and where it declares nothing a number that reads two ways in a
/// field of đồng, masses or areas is refused (`NumberFormat.checksAmbiguity`); numbers with a
/// unit are within its bounds (`ValueBounds`, the field's name standing for the series id); the
/// primary key is unique. Reports every problem with its line and column.
struct TableCheck {
    /// How one field's cells are checked.
    struct Column {
        var field: DataPackage.Field
        var format: NumberFormat?
        var checksAmbiguity: Bool
        var bounds: SeriesBounds?
    }

    let file: String
    let schema: DataPackage.Schema
    /// Fields left to another reader (the tidy reader for a series resource's id, date, value
    /// and unit); they are still expected in the header.
    let skipping: Set<String>
    let checkKey: Bool
    let bounds: ValueBounds

    static let types: Set<String> = ["string", "number", "integer", "boolean", "date", "year", "yearmonth", "any"]

    /// Checks the file at `path`; `problems` gets every problem, and the data rows are counted.
    func run(path: String, problems: inout TidyReader.Problems) throws -> Int {
        var t = try CSVTokenizer(path: path, separator: nil, lenient: true)
        guard try t.next() else {
            problems.add(DataError(.empty, file: file, "the file is empty: expected a header line"))
            return 0
        }
        guard let columns = header(t, problems: &problems) else { return 0 }
        let missing = Set(schema.missingValues ?? [""])
        let flag = (0..<t.fieldCount).first { t.string($0)?.trimmingCharacters(in: .whitespaces) == "flag" }
        let key =
            checkKey ? (schema.primaryKey ?? []).compactMap { k in columns.firstIndex { $0.field.name == k } } : []
        var seen: [[String]: Int] = [:]
        var rows = 0
        while try t.next() {
            rows += 1
            guard t.fieldCount == columns.count else {
                problems.add(
                    DataError(
                        .raggedRow, file: file, line: t.line, column: min(t.fieldCount, columns.count) + 1,
                        "expected \(columns.count) fields as in the schema, found \(t.fieldCount)"))
                continue
            }
            let confirmed =
                flag.map { (t.string($0) ?? "").trimmingCharacters(in: .whitespaces).lowercased() == "confirmed" }
                ?? false
            for (j, c) in columns.enumerated() where !skipping.contains(c.field.name) {
                check(t, j, c, missing: missing, confirmed: confirmed, problems: &problems)
            }
            if !key.isEmpty {
                let k = key.map { t.lossyString($0) }
                if let previous = seen[k] {
                    problems.add(
                        DataError(
                            .duplicateKey, file: file, line: t.line, column: key[0] + 1,
                            "primary key (\(k.joined(separator: ", "))) already on line \(previous)"))
                } else {
                    seen[k] = t.line
                }
            }
        }
        for p in t.problems { problems.add(p) }
        return rows
    }

    /// The header against the schema's fields, in order; nil (reported) when they differ.
    private func header(_ t: CSVTokenizer, problems: inout TidyReader.Problems) -> [Column]? {
        let names = (0..<t.fieldCount).map { t.lossyString($0).trimmingCharacters(in: .whitespaces) }
        let fields = schema.fields
        guard names.map(TextKey.nfc) == fields.map({ TextKey.nfc($0.name) }) else {
            let j =
                Array(zip(names, fields)).firstIndex { TextKey.nfc($0) != TextKey.nfc($1.name) }
                ?? min(names.count, fields.count)
            problems.add(
                DataError(
                    .missingColumn, file: file, line: t.line, column: j + 1,
                    "the header is \(names.joined(separator: ",")), but the schema's fields are "
                        + fields.map(\.name).joined(separator: ",")))
            return nil
        }
        var columns: [Column] = []
        for f in fields {
            let type = f.type ?? "string"
            var format: NumberFormat? = nil
            do {
                format = try f.numberFormat()
            } catch let e as DataError {
                problems.add(DataError(.badConfiguration, file: file, columnName: f.name, e.message))
            } catch {}
            if !Self.types.contains(type) {
                problems.add(
                    DataError(
                        .badConfiguration, file: file, columnName: f.name,
                        "type '\(type)' is not one muavu checks (\(Self.types.sorted().joined(separator: ", ")))"))
            }
            let numeric = type == "number"
            columns.append(
                Column(
                    field: f, format: format,
                    checksAmbiguity: numeric && format == nil && NumberFormat.checksAmbiguity(unit: f.unit),
                    bounds: numeric && f.unit.flatMap(UnitOfMeasure.known) != nil
                        ? bounds.bounds(id: f.name, unit: f.unit) : nil))
        }
        return columns
    }
}
