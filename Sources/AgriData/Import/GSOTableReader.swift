import Foundation
import TimeSeriesCore

/// Reads the wide tables of the General Statistics Office of Viet Nam (GSO, Tổng cục Thống kê) as
/// its website exports them: one indicator and one season per table, provinces in rows, years in
/// columns.
///
/// Layout: a title line ("Yield of autumn paddy by province by Cities, provincies and Year"),
/// a header `Cities, provincies;1995;…;Prel. 2016`, then a line per province or region. `..` is a
/// missing value; a `Prel.` (or `Pre.`) year is preliminary and its values carry the status
/// `preliminary`. Separator `;` (`,` when the file has no `;`).
///
/// The indicator and the season come from the title; the unit is GSO's for that indicator
/// (planted area in thousand ha, production in thousand tonnes, yield in quintals (tạ) per ha),
/// and a unit written in the title must be that one. Series ids:
/// `gso-paddy-<area|production|yield>-<season code>-<province>`, e.g.
/// `gso-paddy-yield-he-thu-thu-dong-dong-thap`.
public enum GSOTableReader {
    public static let publisher = "GSO"

    /// GSO's indicators: the word of the title, the id part, muavu's unit, and the unit as GSO
    /// writes it (compared without case and spaces).
    static let indicators: [(title: String, id: String, unit: String, gsoUnit: String)] = [
        ("Planted area", "area", "nghìn ha", "Thous. ha"),
        ("Production", "production", "nghìn tấn", "Thous. tons"),
        ("Yield", "yield", "tạ/ha", "Quintal/ha"),
    ]
    /// GSO's English season words (none: the whole year).
    static let seasons: [String: CropSeasonCode] = ["spring": .dongXuan, "autumn": .heThuThuDong, "winter": .mua]

    /// What a table's title says.
    struct Title {
        var indicator: (title: String, id: String, unit: String, gsoUnit: String)
        var season: CropSeasonCode
        var english: String
    }

    public static func read(file: URL) throws -> ImportBatch {
        let path = file.path
        let data = try InputFile.bytes(of: path, what: "GSO table")
        let separator: UInt8 = data.contains(0x3B) ? 0x3B : 0x2C
        let records = try CSVReader(data: data, file: path, separator: separator).records()
        guard records.count >= 2 else {
            throw DataError(.empty, file: path, "expected a title line, a header line and rows of provinces")
        }
        let title = try readTitle(records[0], file: path)
        let header = records[1]
        let years = try readYears(header, file: path)
        var observations: [ImportedObservation] = []
        var skips = ImportSupport.SkipCounter()
        var labels: [String: String] = [:]
        var duplicates = ImportSupport.DuplicateCheck()
        for record in records.dropFirst(2) {
            try ImportSupport.checkWidth(record, header.fields.count, file: path)
            let place = record.fields[0].trimmingCharacters(in: .whitespaces)
            guard !place.isEmpty else {
                throw DataError(
                    .emptyName, file: path, line: record.line, column: 1, "expected a province or region name")
            }
            let id = "gso-paddy-\(title.indicator.id)-\(title.season.rawValue)-\(ImportSupport.slug(place))"
            labels[id] = "\(place): \(title.english) (\(title.season.nameVi)), \(title.indicator.unit)"
            for (k, year) in years.enumerated() {
                let j = k + 1
                let cell = record.fields[j].trimmingCharacters(in: .whitespaces)
                if cell == ".." || cell.isEmpty {
                    skips.add("missing (..)")
                    continue
                }
                let v = try ImportSupport.number(
                    cell, file: path, line: record.line, column: j + 1, columnName: header.fields[j])
                let o = ImportedObservation(
                    seriesID: id, period: .year(year.year), value: v, unit: title.indicator.unit,
                    status: year.preliminary ? "preliminary" : nil, origin: "line \(record.line), column \(j + 1)")
                try duplicates.check(o, file: path, line: record.line)
                observations.append(o)
            }
        }
        return ImportBatch(
            format: .gsoTable, publisher: publisher, rowsRead: records.count - 2, observations: observations,
            skipped: skips.skips, seriesLabels: labels)
    }

    /// "Yield of autumn paddy by province by Cities, provincies and Year", with an optional unit
    /// in parentheses.
    static func readTitle(_ record: CSVRecord, file: String) throws -> Title {
        let text = record.fields.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        let expected = "expected a GSO title such as 'Yield of spring paddy by province …', found '\(text)'"
        guard let indicator = indicators.first(where: { text.lowercased().hasPrefix($0.title.lowercased() + " of ") })
        else { throw DataError(.missingColumn, file: file, line: record.line, expected) }
        let rest = text.dropFirst(indicator.title.count + 4).lowercased()
        guard let paddy = rest.range(of: "paddy by province") else {
            throw DataError(.missingColumn, file: file, line: record.line, expected)
        }
        let word = rest[..<paddy.lowerBound].trimmingCharacters(in: .whitespaces)
        let season: CropSeasonCode
        if word.isEmpty {
            season = .caNam
        } else if let s = seasons[word] {
            season = s
        } else {
            throw DataError(
                .missingColumn, file: file, line: record.line,
                "expected a season spring, autumn or winter (or none) before 'paddy', found '\(word)'")
        }
        if let open = text.lastIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
            let stated = String(text[text.index(after: open)..<close])
            let squash = { (s: String) in s.lowercased().filter { !$0.isWhitespace } }
            guard squash(stated) == squash(indicator.gsoUnit) else {
                throw DataError(
                    .inconsistentUnit, file: file, line: record.line,
                    "expected \(indicator.title.lowercased()) in \(indicator.gsoUnit), the title says '\(stated)'")
            }
        }
        let english = "\(indicator.title.lowercased()) of \(word.isEmpty ? "" : word + " ")paddy"
        return Title(indicator: indicator, season: season, english: english)
    }

    /// The header's year columns: `1995`, or `Prel. 2016` / `Pre. 2016` (preliminary).
    static func readYears(_ header: CSVRecord, file: String) throws -> [(year: Int, preliminary: Bool)] {
        let first = header.fields[0].trimmingCharacters(in: .whitespaces).lowercased()
        guard first.hasPrefix("cities, provinc") else {
            throw DataError(
                .missingColumn, file: file, line: header.line, column: 1,
                "expected the first column 'Cities, provincies' (provinces in rows), found '\(header.fields[0])'")
        }
        guard header.fields.count > 1 else {
            throw DataError(.missingColumn, file: file, line: header.line, "expected year columns after the first")
        }
        return try header.fields.dropFirst().enumerated().map { k, raw in
            var t = raw.trimmingCharacters(in: .whitespaces)
            var preliminary = false
            for prefix in ["Prel.", "Pre."] where t.hasPrefix(prefix) {
                t = t.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                preliminary = true
            }
            guard t.utf8.count == 4, let y = Int(t) else {
                throw DataError(
                    .badDate, file: file, line: header.line, column: k + 2,
                    "expected a year column such as '1995' or 'Prel. 2016', found '\(raw)'")
            }
            return (y, preliminary)
        }
    }
}
