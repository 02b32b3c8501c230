import Foundation

extension TidyReader {
    /// Where the columns of a tidy file are, read from its header line, and their names as the
    /// header writes them (for messages).
    struct Columns {
        let file: String
        let headerLine: Int
        /// The header's names, trimmed (invalid UTF-8 replaced, for messages).
        let header: [String]
        let id: Int, date: Int, value: Int
        let unit: Int?, label: Int?
        /// The column whose cell `confirmed` lifts a plausible-range refusal (`TidyReadOptions.flagColumn`).
        let flag: Int?
        /// The declared formats of the value and covariate columns; nil: not declared.
        let valueFormat: NumberFormat?
        let covariateFormats: [NumberFormat?]
        /// The same, nil also where the declared format is the standard one, so that a row
        /// compares no format to take the fast path (`TidyReader.cell`).
        let valueReader: NumberFormat?
        let covariateReaders: [NumberFormat?]
        let covariates: [Int]
        let idName: String, dateName: String, valueName: String
        let covariateNames: [String]

        /// Reads the header, the tokenizer's current record. Reports names that are not UTF-8,
        /// empty or given twice, and returns nil when a required or covariate column is missing.
        init?(header t: CSVTokenizer, options: TidyReadOptions, problems: inout Problems) {
            let file = t.file
            let headerLine = t.line
            let header = Self.names(t, problems: &problems)
            let columnOf = Self.index(header, file: file, line: headerLine, problems: &problems)
            func column(_ name: String) -> Int? { columnOf[TextKey.nfc(name)] }
            let listing = header.joined(separator: ", ")
            var required: [Int] = []
            for name in [options.idColumn, options.dateColumn, options.valueColumn] {
                if let j = column(name) {
                    required.append(j)
                } else {
                    problems.add(
                        DataError(
                            .missingColumn, file: file, line: headerLine, columnName: name,
                            "no column '\(name)'; the columns are: \(listing)"))
                }
            }
            var covariateColumns: [Int] = []
            for name in options.covariates {
                if let j = column(name) {
                    covariateColumns.append(j)
                } else {
                    problems.add(
                        DataError(
                            .unknownColumn, file: file, line: headerLine, columnName: name,
                            "no covariate column '\(name)'; the columns are: \(listing)"))
                }
            }
            guard required.count == 3, covariateColumns.count == options.covariates.count else { return nil }
            self.file = file
            self.headerLine = headerLine
            self.header = header
            (id, date, value) = (required[0], required[1], required[2])
            unit = column(options.unitColumn)
            label = options.labelColumn.flatMap(column)
            flag = column(options.flagColumn)
            covariates = covariateColumns
            (idName, dateName, valueName) = (header[id], header[date], header[value])
            covariateNames = covariateColumns.map { header[$0] }
            func format(_ name: String) -> NumberFormat? {
                options.columnFormats.first { TextKey.nfc($0.key) == TextKey.nfc(name) }?.value ?? options.numberFormat
            }
            valueFormat = format(valueName)
            covariateFormats = covariateNames.map(format)
            func reader(_ f: NumberFormat?) -> NumberFormat? { f.flatMap { $0.isStandard ? nil : $0 } }
            valueReader = reader(valueFormat)
            covariateReaders = covariateFormats.map(reader)
        }

        /// The names, trimmed of spaces; one that is not UTF-8 is reported.
        private static func names(_ t: CSVTokenizer, problems: inout Problems) -> [String] {
            var header: [String] = []
            for j in 0..<t.fieldCount {
                guard let s = t.string(j) else {
                    problems.add(
                        DataError(
                            .badEncoding, file: t.file, line: t.line, column: j + 1,
                            "the column name is not valid UTF-8"))
                    header.append(t.lossyString(j))
                    continue
                }
                header.append(s.trimmingCharacters(in: .whitespaces))
            }
            return header
        }

        /// NFC name → column (the first of equal names); an empty name or a name given twice is
        /// reported.
        private static func index(
            _ header: [String], file: String, line: Int,
            problems: inout Problems
        ) -> [String: Int] {
            var columnOf: [String: Int] = [:]
            for (j, name) in header.enumerated() {
                if name.isEmpty {
                    problems.add(
                        DataError(
                            .emptyName, file: file, line: line, column: j + 1,
                            "column \(j + 1) has no name"))
                    continue
                }
                let key = TextKey.nfc(name)
                if let k = columnOf[key] {
                    problems.add(
                        DataError(
                            .duplicateColumn, file: file, line: line, column: j + 1, columnName: name,
                            "column '\(name)' appears twice in the header (also column \(k + 1))"))
                } else {
                    columnOf[key] = j
                }
            }
            return columnOf
        }
    }
}
