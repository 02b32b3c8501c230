import Foundation
import Documents
import Rendering
import TimeSeriesCore

extension Bulletin {
    /// The province's own official figures: how old the newest season is, and one table per
    /// season (`ProvinceSeasonTable`).
    public struct ProvinceSection: Sendable, Equatable {
        /// "Số liệu chính thức mới nhất: vụ … , cách đây 10 năm." and who publishes them.
        public var note: Bilingual
        public var tables: [ProvinceSeasonTable]
        /// The reconciled forecasts of the province, the region and the country, one per season.
        public var reconciled: [ReconciledTable]

        public init(note: Bilingual, tables: [ProvinceSeasonTable], reconciled: [ReconciledTable] = []) {
            (self.note, self.tables, self.reconciled) = (note, tables, reconciled)
        }
    }

    /// The forecast of the province, the region and the country, reconciled so that they add up
    /// (`ProvinceHierarchy`): per place and indicator the forecast, its range and the newest
    /// official figure.
    public struct ReconciledTable: Sendable, Equatable {
        public struct Row: Sendable, Equatable {
            public var place, indicator, unit: Bilingual
            public var forecast: Double
            /// The range at the table's level (nil for yield, a ratio of two forecasts).
            public var lower, upper: Double?
            public var latest: Double
            /// The mean of the same season's last five years.
            public var usual: Double

            public init(
                place: Bilingual, indicator: Bilingual, unit: Bilingual, forecast: Double, range: (Double, Double)?,
                latest: Double, usual: Double
            ) {
                (self.place, self.indicator, self.unit, self.forecast) = (place, indicator, unit, forecast)
                (lower, upper, self.latest, self.usual) = (range?.0, range?.1, latest, usual)
            }

            /// Forecast, range, the newest figure and the change from it, the five-year mean and the
            /// change from it, as the table prints them (vi, one decimal).
            public func cells() -> [String] {
                func n(_ v: Double) -> String { v.isFinite ? NumberText.format(v, decimals: 1, language: .vi) : "–" }
                func change(_ from: Double) -> String {
                    from.isFinite && from != 0 && forecast.isFinite
                        ? NumberText.percent(forecast / from - 1, decimals: 1, language: .vi) : "–"
                }
                let range = lower.flatMap { l in upper.map { "\(n(l))–\(n($0))" } } ?? "–"
                return [n(forecast), range, n(latest), change(latest), n(usual), change(usual)]
            }
        }

        public var title, note: Bilingual
        /// The column labels: "Dự báo 2026", "Thực tế 2016".
        public var target: Bilingual
        public var level: Int
        public var latest: Bilingual
        /// "TB 5 năm 2012–2016".
        public var usual: Bilingual
        public var rows: [Row]
        /// Every series of the hierarchy as tidy CSV (`province-seasons.csv` of the publication),
        /// carried by the first table.
        public var csv: Data?

        public init(
            title: Bilingual, note: Bilingual, target: Bilingual, level: Int, latest: Bilingual, usual: Bilingual,
            rows: [Row]
        ) {
            (self.title, self.note, self.target, self.level, self.latest) = (title, note, target, level, latest)
            (self.usual, self.rows) = (usual, rows)
        }
    }

    /// One season: area, yield and production as GSO writes them, for the newest year reported,
    /// the same season a year before and the change, one row per place (today's province, the
    /// province before a merger) and indicator.
    public struct ProvinceSeasonTable: Sendable, Equatable {
        public struct Row: Sendable, Equatable {
            public var place, indicator, unit: Bilingual
            public var value, yearBefore: Double?

            public init(place: Bilingual, indicator: Bilingual, unit: Bilingual, value: Double?, yearBefore: Double?) {
                (self.place, self.indicator, self.unit) = (place, indicator, unit)
                (self.value, self.yearBefore) = (value, yearBefore)
            }

            /// The value, the year before and the change, as the tables print them (vi, one decimal).
            public func cells(decimals: Int = 1) -> [String] {
                func n(_ v: Double?) -> String {
                    v.map { NumberText.format($0, decimals: decimals, language: .vi) } ?? "–"
                }
                var change = "–"
                if let v = value, let b = yearBefore, b != 0 {
                    change = NumberText.percent(v / b - 1, decimals: 1, language: .vi)
                }
                return [n(value), n(yearBefore), change]
            }
        }

        /// "Vụ Đông Xuân 2015–2016" / "Winter–Spring 2015–2016".
        public var title: Bilingual
        /// The season's label this year and a year before (the value columns).
        public var season, seasonBefore: Bilingual
        public var rows: [Row]
        public var decimals = 1

        public init(title: Bilingual, season: Bilingual, seasonBefore: Bilingual, rows: [Row]) {
            (self.title, self.season, self.seasonBefore, self.rows) = (title, season, seasonBefore, rows)
        }
    }

    /// The province section as blocks: heading, note, one table per season.
    func provinceBlocks(_ p: ProvinceSection) -> [Block] {
        var blocks: [Block] = [
            .heading(2, Self.heading(Bilingual(vi: "Số liệu chính thức của tỉnh", en: "Official province figures"))),
            .pair(vi: Inlines(p.note.vi), en: Inlines(p.note.en), kind: "province-note"),
        ]
        for t in p.tables {
            blocks.append(.heading(3, Self.heading(t.title)))
            let header = [
                Bilingual(vi: "Địa bàn", en: "Area covered"), Bilingual(vi: "Chỉ tiêu", en: "Item"),
                Bilingual(vi: "Đơn vị", en: "Unit"), t.season, t.seasonBefore,
                Bilingual(vi: "Thay đổi", en: "Change"),
            ].map(Self.columnHeading)
            let rows = t.rows.map { r in
                [Self.term(r.place, html: "<br>"), Self.term(r.indicator, html: "<br>"), Inlines(r.unit.vi)]
                    + r.cells(decimals: t.decimals).map { Inlines($0) }
            }
            blocks.append(.table(Table(header: header, rows: rows, numeric: [3, 4, 5], htmlClass: "province")))
        }
        for r in p.reconciled {
            blocks.append(.heading(3, Self.heading(r.title)))
            blocks.append(.pair(vi: Inlines(r.note.vi), en: Inlines(r.note.en), kind: "province-note"))
            let header = [
                Bilingual(vi: "Địa bàn", en: "Area covered"), Bilingual(vi: "Chỉ tiêu", en: "Item"),
                Bilingual(vi: "Đơn vị", en: "Unit"), r.target,
                Bilingual(vi: "Khoảng \(r.level / 10) trên 10 khả năng", en: "\(r.level)% range"),
                Bilingual(vi: "Thực tế \(r.latest.vi)", en: "Observed \(r.latest.en)"),
                Bilingual(vi: "Thay đổi", en: "Change"), r.usual, Bilingual(vi: "So với TB", en: "Against the mean"),
            ].map(Self.columnHeading)
            let rows = r.rows.map { row in
                [Self.term(row.place, html: "<br>"), Self.term(row.indicator, html: "<br>"), Inlines(row.unit.vi)]
                    + row.cells().map { Inlines($0) }
            }
            blocks.append(
                .table(Table(header: header, rows: rows, numeric: [3, 4, 5, 6, 7, 8], htmlClass: "province")))
        }
        return blocks
    }
}
