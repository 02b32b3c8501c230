import Foundation
import TimeSeriesCore

/// Reads the department's own crop-season reports, written in muavu's template
/// (`muavu import --template season-report`; docs/contract.md, "Season reports"):
///
///     province,season,crop_year,area_ha,yield_ta_ha,production_t,status,source
///
/// - `season`: a `CropSeasonCode` or its Vietnamese name (`dong-xuan`, `Đông Xuân`, `he-thu`,
///   `thu-dong`, `mua`, `he-thu-thu-dong`, `ca-nam`);
/// - `crop_year`: the year of the harvest (Đông Xuân 2026 is sown in late 2025);
/// - `area_ha` in ha, `yield_ta_ha` in tạ/ha (100 kg/ha), `production_t` in tonnes: plain numbers
///   with a decimal point and no grouping; any of the three may be empty (a plan has no yield);
///   "185.000", which reads as 185 or as 185,000, is refused naming both readings;
/// - `status`: `plan`, `in-season`, `estimate` or `final`, kept as each value's status;
/// - `source`: who reported it; one report, one source (it becomes the batch's publisher).
///
/// When area, yield and production are all given, production must be area × yield / 10 within
/// 2% (a yield typed in t/ha instead of tạ/ha is off tenfold). Lines starting with `#` are notes.
/// Series ids: `season-report-<area|yield|production>-<season>-<province>`.
public enum SeasonReportReader {
    public static let statuses = ["plan", "in-season", "estimate", "final"]
    public static let columns = [
        "province", "season", "crop_year", "area_ha", "yield_ta_ha", "production_t", "status", "source",
    ]
    /// The measures: column, id part, unit.
    static let measures = [
        ("area_ha", "area", "ha"), ("yield_ta_ha", "yield", "tạ/ha"), ("production_t", "production", "t"),
    ]

    /// The template `muavu import --template season-report` prints: the header and, as a note,
    /// an example row.
    public static func template() -> String {
        """
        \(columns.joined(separator: ","))
        # Example (delete this line): Đông Xuân 2026 in Đồng Tháp, the department's estimate of 20 March.
        # Đồng Tháp,dong-xuan,2026,185000,72.5,1341250,estimate,"Sở NN&PTNT Đồng Tháp, báo cáo 20/3/2026"
        # season: dong-xuan (Đông Xuân), he-thu (Hè Thu), thu-dong (Thu Đông), mua (Mùa),
        #   he-thu-thu-dong (GSO's autumn paddy: Hè Thu + Thu Đông), ca-nam (whole year)
        # crop_year: the year of the harvest. area_ha: ha; yield_ta_ha: tạ/ha; production_t: tonnes
        #   (plain numbers, decimal point, no thousands separators; leave a cell empty if not known).
        # status: plan, in-season, estimate or final. source: who reports it (one source per file).

        """
    }

    public static func read(file: URL) throws -> ImportBatch {
        let path = file.path
        let records = try CSVReader(path: path, separator: 0x2C).records()
            .filter { !($0.fields.first?.trimmingCharacters(in: .whitespaces).hasPrefix("#") ?? false) }
        guard let first = records.first else {
            throw DataError(
                .empty, file: path, "the file is empty: expected the header \(columns.joined(separator: ","))")
        }
        let h = ImportHeader(first.fields, file: path, line: first.line, format: "a season report")
        if let j = h.names.firstIndex(where: { $0.lowercased() == "yield_t_ha" }) {
            throw DataError(
                .inconsistentUnit, file: path, line: first.line, column: j + 1,
                "the template's yield is in tạ/ha, column 'yield_ta_ha'; found '\(h.names[j])' (t/ha)")
        }
        let index = try Dictionary(uniqueKeysWithValues: columns.map { ($0, try h.required($0)) })
        var out: [ImportedObservation] = []
        var labels: [String: String] = [:]
        var source: (text: String, line: Int)? = nil
        var duplicates = ImportSupport.DuplicateCheck()
        var skips = ImportSupport.SkipCounter()
        for record in records.dropFirst() {
            try ImportSupport.checkWidth(record, h.names.count, file: path)
            let row = try Row(record, index: index, file: path)
            if let s = source, s.text != row.source {
                throw DataError(
                    .inconsistentUnit, file: path, line: record.line, column: index["source"]! + 1,
                    columnName: "source",
                    "one report, one source: this line says '\(row.source)', line \(s.line) said '\(s.text)'")
            }
            source = source ?? (row.source, record.line)
            for (column, part, unit) in measures {
                guard let v = row.values[column] else {
                    skips.add("empty \(column)")
                    continue
                }
                let id = "season-report-\(part)-\(row.season.rawValue)-\(ImportSupport.slug(row.province))"
                let o = ImportedObservation(
                    seriesID: id, period: .year(row.year), value: v, unit: unit, status: row.status,
                    origin: "line \(record.line)")
                try duplicates.check(o, file: path, line: record.line)
                out.append(o)
                labels[id] = "\(row.province), \(row.season.nameVi), \(part) (\(unit))"
            }
        }
        guard let source else {
            throw DataError(.empty, file: path, "the report has a header but no rows")
        }
        return ImportBatch(
            format: .seasonReport, publisher: source.text, rowsRead: records.count - 1, observations: out,
            skipped: skips.skips, seriesLabels: labels)
    }
}
