import Foundation
import TimeSeriesCore

extension FAOSTATReader {
    /// The columns of one FAOSTAT file, found by name, and the reading of one row.
    struct Columns {
        let header: ImportHeader
        let areaCode, area, itemCode, item, elementCode, element, year, unit, value: Int
        let flag, monthsCode, months: Int?

        init(_ h: ImportHeader) throws {
            header = h
            areaCode = try h.required("Area Code")
            area = try h.required("Area")
            itemCode = try h.required("Item Code")
            item = try h.required("Item")
            elementCode = try h.required("Element Code")
            element = try h.required("Element")
            year = try h.required("Year")
            unit = try h.required("Unit")
            value = try h.required("Value")
            flag = h.optional("Flag")
            monthsCode = h.optional("Months Code")
            months = h.optional("Months")
        }

        struct Row {
            var id: String
            var period: PeriodDate
            var value: Double
            var unit: String
            var label: String
        }

        func row(_ f: [String], line: Int) throws -> Row {
            let file = header.file
            let known = FAOSTATReader.areas[f[areaCode]]
            let elementPart = FAOSTATReader.elements[f[elementCode]]
            var unitText = f[unit]
            if let elementPart {
                guard let mapped = elementPart.units[unitText] else {
                    throw DataError(
                        .inconsistentUnit, file: file, line: line, column: unit + 1, columnName: "Unit",
                        "expected \(f[element]) (element \(f[elementCode])) in "
                            + elementPart.units.keys.sorted().map { "'\($0)'" }.joined(separator: " or ")
                            + ", found '\(unitText)'")
                }
                unitText = mapped.replacingOccurrences(of: "LCU", with: known?.currency ?? "LCU")
            }
            let period = try self.period(f, line: line)
            let v = try ImportSupport.number(f[value], file: file, line: line, column: value + 1, columnName: "Value")
            var parts = [
                known?.iso ?? "area-\(f[areaCode])",
                FAOSTATReader.items[f[itemCode]] ?? "item-\(f[itemCode])",
                elementPart?.id ?? "element-\(f[elementCode])",
            ]
            if case .month = period { parts.append("monthly") }
            return Row(
                id: parts.joined(separator: "-"), period: period, value: v, unit: unitText,
                label: "\(f[area]), \(f[item]), \(f[element])")
        }

        /// The year (`Year` column), or its month when `Months` names one rather than the
        /// annual value.
        private func period(_ f: [String], line: Int) throws -> PeriodDate {
            let t = f[year]
            guard t.utf8.count == 4, t.allSatisfy(\.isNumber), let y = Int(t) else {
                throw DataError(
                    .badDate, file: header.file, line: line, column: year + 1, columnName: "Year",
                    "expected a four-digit year, found '\(t)'")
            }
            guard let months, !(monthsCode.map { f[$0] == FAOSTATReader.annualMonthsCode } ?? false),
                f[months].lowercased() != "annual value"
            else { return .year(y) }
            guard let m = FAOSTATReader.monthNames.firstIndex(of: f[months].lowercased()) else {
                throw DataError(
                    .badDate, file: header.file, line: line, column: months + 1, columnName: "Months",
                    "expected 'Annual value' or a month's name, found '\(f[months])'")
            }
            return .month(year: y, month: m + 1)
        }
    }
}
