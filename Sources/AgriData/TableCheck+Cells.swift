import Foundation

extension TableCheck {
    /// Checks cell `j` of the current record against its column.
    func check(
        _ t: CSVTokenizer, _ j: Int, _ c: Column, missing: Set<String>, confirmed: Bool,
        problems: inout TidyReader.Problems
    ) {
        let text = t.lossyString(j)
        func problem(_ code: DataError.Code, _ message: String) {
            problems.add(DataError(code, file: file, line: t.line, column: j + 1, columnName: c.field.name, message))
        }
        if missing.contains(text) {
            if c.field.constraints?.required == true { problem(.missingValue, "the field is required") }
            return
        }
        switch c.field.type ?? "string" {
        case "number":
            let format = c.format ?? .standard
            guard let v = format.parse(text) else {
                let why =
                    c.format == nil
                    ? NumberParser.refusal(text) + NumberFormat.readingsHint(text) : format.refusal(text)
                return problem(.badType, why)
            }
            if c.checksAmbiguity, let r = NumberFormat.ambiguousReadings(text) {
                // Refused as ambiguous; its bounds depend on the reading.
                let u = c.field.unit.map { " \($0)" } ?? ""
                problem(
                    .ambiguousNumber,
                    "'\(text)' could be \(NumberFormat.number(r.decimal))\(u) ('.' as the decimal point) or "
                        + "\(NumberFormat.number(r.grouped))\(u) ('.' grouping thousands): declare decimalChar "
                        + "(and groupChar) on the field")
            } else if let b = c.bounds, let violation = b.violation(v, confirmed: confirmed) {
                problem(violation.code, violation.message(value: text, series: c.field.name, unit: c.field.unit))
            }
        case "integer":
            if Int(text) == nil { problem(.badType, "expected an integer, found '\(text)'") }
        case "boolean":
            if !["true", "True", "TRUE", "1", "false", "False", "FALSE", "0"].contains(text) {
                problem(.badType, "expected true or false, found '\(text)'")
            }
        case "year", "yearmonth", "date":
            if !Self.isDate(text, type: c.field.type ?? "") {
                problem(
                    .badDate,
                    "expected a \(c.field.type ?? "") (\(Self.dateForms[c.field.type ?? ""] ?? "")), found '\(text)'")
            }
        default:
            break
        }
    }

    static let dateForms = ["year": "YYYY", "yearmonth": "YYYY-MM", "date": "YYYY-MM-DD"]

    /// `YYYY`, `YYYY-MM` (month 01–12) or `YYYY-MM-DD` (a day of that month), as `type` says.
    static func isDate(_ text: String, type: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let counts = ["year": [4], "yearmonth": [4, 2], "date": [4, 2, 2]][type] ?? []
        guard parts.count == counts.count,
            zip(parts, counts).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCII) }),
            let numbers = Optional(parts.compactMap { Int($0) }), numbers.count == parts.count
        else { return false }
        if numbers.count >= 2, !(1...12).contains(numbers[1]) { return false }
        if numbers.count == 3 {
            var c = DateComponents()
            (c.year, c.month, c.day) = (numbers[0], numbers[1], numbers[2])
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard let d = calendar.date(from: c), calendar.component(.day, from: d) == numbers[2] else { return false }
        }
        return true
    }
}
