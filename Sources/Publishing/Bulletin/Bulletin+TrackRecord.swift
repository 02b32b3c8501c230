import Documents
import Forecasting
import Rendering
import TimeSeriesCore

/// The bulletin's memory (docs/design/track-record.md, "In the bulletin"): under the summary, each
/// headline number's change since the previous issue, split into what the new data and what the
/// model did; and a track-record section: how the forecasts actually issued (and, apart, those
/// replayed over history) fared against what happened, beside the backtest coverage the bulletin
/// claims, both with 95% Wilson intervals, and a chart of past forecasts against the outcome.
extension Bulletin {
    /// One headline number's change since the previous issue.
    public struct ChangeRow: Sendable, Equatable {
        public var item: Bilingual
        /// The period forecast, in words (`tháng 12/2026`, `Đông Xuân 2026–2027`).
        public var period: Bilingual
        public var unit: Bilingual
        public var decimals: Int
        public var change: IssueChange

        public init(item: Bilingual, period: Bilingual, unit: Bilingual, decimals: Int, change: IssueChange) {
            (self.item, self.period, self.unit, self.decimals, self.change) = (item, period, unit, decimals, change)
        }
    }

    /// One series at one horizon, of one origin, in the track-record table.
    public struct TrackRecordRow: Sendable, Equatable {
        public var item: Bilingual
        public var line: TrackRecordLine

        public init(item: Bilingual, line: TrackRecordLine) { (self.item, self.line) = (item, line) }
    }

    /// Past forecasts one period ahead against what happened, drawn once per language.
    public struct TrackRecordChart: Sendable, Equatable {
        /// `charts/track-record-<entry id>.svg`.
        public var file: String
        public var caption: Bilingual
        public var vi, en: LineChart

        public init(file: String, caption: Bilingual, vi: LineChart, en: LineChart) {
            (self.file, self.caption, self.vi, self.en) = (file, caption, vi, en)
        }
    }

    /// The track-record section: the table, its notes and its charts.
    public struct TrackRecordSection: Sendable, Equatable {
        public var rows: [TrackRecordRow]
        public var charts: [TrackRecordChart]
        /// Per series: what the backtest claimed is, or that none of its records is scored yet.
        public var notes: [Bilingual]

        public init(rows: [TrackRecordRow], charts: [TrackRecordChart], notes: [Bilingual]) {
            (self.rows, self.charts, self.notes) = (rows, charts, notes)
        }
    }

    /// `+1,2` / `−0,5` / `0`: a change with its sign.
    static func signed(_ v: Double?, decimals: Int, _ l: Language) -> String {
        guard let v, v.isFinite else { return "–" }
        let text = NumberText.format(v, decimals: decimals, language: l)
        let zero = text.allSatisfy { $0 == "0" || $0 == "," || $0 == "." }
        return (v > 0 && !zero ? "+" : "") + text
    }

    /// `7/10 (70%; 95%: 40–89%)`: a share with its Wilson interval.
    static func shareText(_ s: TrackRecord.Share, _ l: Language) -> String {
        guard s.cases > 0 else { return "–" }
        func pct(_ x: Double) -> String { NumberText.format(x * 100, decimals: 0, language: l) }
        return "\(s.hits)/\(s.cases) (\(pct(s.value))%; 95%: \(pct(s.lower))–\(pct(s.upper))%)"
    }

    static let origins: [ForecastRecord.Origin: Bilingual] = [
        .issued: Bilingual(vi: "đã phát hành", en: "issued"),
        .replayed: Bilingual(vi: "dựng lại", en: "replayed"),
    ]

    /// The change table under the summary, and why a change has no split.
    func changeBlocks() -> [Block] {
        guard !changes.isEmpty else { return [] }
        // A period reads the same in both languages (2025) but a crop season's label does not.
        func cell(_ b: Bilingual) -> Inlines { b.vi == b.en ? Inlines(b.vi) : Self.term(b, html: "<br>") }
        let rows: [[Inlines]] = changes.map { r in
            let c = r.change
            let d = r.decimals
            var previous = Bilingual(
                vi: NumberText.date(c.previous.issueDay, language: .vi),
                en: NumberText.date(c.previous.issueDay, language: .en))
            if c.previous.origin == .replayed {
                previous.vi += " (dựng lại)"
                previous.en += " (replayed)"
            }
            return [cell(r.item), cell(r.period), Inlines(r.unit.vi), cell(previous)]
                + [
                    NumberText.format(c.previous.point, decimals: d, language: .vi),
                    NumberText.format(c.current, decimals: d, language: .vi),
                    Self.signed(c.change, decimals: d, .vi), Self.signed(c.dataEffect, decimals: d, .vi),
                    Self.signed(c.modelEffect, decimals: d, .vi),
                ].map { Inlines($0) }
        }
        var notes = [Self.changeLegend]
        notes += changes.compactMap { r in
            r.change.noSplit.map { Bilingual(vi: "\(r.item.vi): \($0.vi).", en: "\(r.item.en): \($0.en).") }
        }
        return [
            .heading(
                3, Self.heading(Bilingual(vi: "Thay đổi so với bản tin trước", en: "Change since the previous issue"))),
            .table(
                Table(
                    header: Self.changeHeadings.map(Self.columnHeading), rows: rows, numeric: [4, 5, 6, 7, 8],
                    htmlClass: "changes")),
            .list(notes.map(Self.lines)),
        ]
    }

    static let changeLegend = Bilingual(
        vi: "Thay đổi = dự báo bản tin này trừ dự báo của bản tin trước cho cùng kỳ. Phần do số liệu mới: cách dự báo "
            + "của bản tin trước, chạy lại trên số liệu hiện có, trừ dự báo trước. Phần còn lại là do mô hình (cách "
            + "dự báo được chọn lại).",
        en: "Change = this issue's forecast minus the previous issue's forecast of the same period. Due to new data: "
            + "the previous issue's model run again on the data now held, minus the previous forecast. The rest is "
            + "due to the model (the model chosen anew).")

    static let changeHeadings = [
        Bilingual(vi: "Chỉ tiêu", en: "Item"), Bilingual(vi: "Kỳ", en: "Period"),
        Bilingual(vi: "Đơn vị", en: "Unit"), Bilingual(vi: "Bản tin trước", en: "Previous issue"),
        Bilingual(vi: "Dự báo trước", en: "Previous forecast"), Bilingual(vi: "Dự báo này", en: "This forecast"),
        Bilingual(vi: "Thay đổi", en: "Change"), Bilingual(vi: "Do số liệu mới", en: "Due to new data"),
        Bilingual(vi: "Do mô hình", en: "Due to the model"),
    ]

    /// The track-record section.
    func trackRecordBlocks(_ t: TrackRecordSection) -> [Block] {
        var blocks: [Block] = [
            .heading(2, Self.heading(Bilingual(vi: "Kết quả các bản tin trước", en: "Track record"))),
            .pair(vi: Inlines(Self.trackRecordIntro.vi), en: Inlines(Self.trackRecordIntro.en), kind: "track-record"),
        ]
        if !t.rows.isEmpty {
            let rows: [[Inlines]] = t.rows.map { r in
                let s = r.line.summary
                let origin = Self.origins[s.origin] ?? Bilingual(vi: s.origin.rawValue, en: s.origin.rawValue)
                let verdict: Bilingual =
                    switch r.line.disagrees {
                    case true?: Bilingual(vi: "khác nhau rõ", en: "clearly different")
                    case false?: Bilingual(vi: "phù hợp", en: "consistent")
                    case nil: Bilingual(vi: "–", en: "–")
                    }
                return [
                    Self.term(r.item, html: "<br>"), Inlines("\(s.horizon)"), Self.term(origin, html: "<br>"),
                    Inlines("\(s.issues)"),
                    Inlines(s.mape.map { NumberText.format($0, decimals: 1, language: .vi) + "%" } ?? "–"),
                    Inlines(r.line.held.map { Self.shareText($0, .vi) } ?? "–"),
                    Inlines(r.line.claim.map { Self.shareText($0.share, .vi) } ?? "–"),
                    verdict.vi == "–" ? Inlines("–") : Self.term(verdict, html: "<br>"),
                ]
            }
            blocks.append(
                .table(
                    Table(
                        header: Self.trackRecordHeadings.map(Self.columnHeading), rows: rows,
                        numeric: [1, 3, 4, 5, 6], htmlClass: "track-record")))
            let said = t.rows.compactMap(Self.disagreement)
            if !said.isEmpty { blocks.append(.list(said.map(Self.lines))) }
        }
        if !t.notes.isEmpty { blocks.append(.list(t.notes.map(Self.lines))) }
        for (i, chart) in t.charts.enumerated() {
            blocks.append(
                .figure(
                    path: chart.file, alt: chart.caption.vi, svg: chart.vi.svg(), caption: Self.lines(chart.caption),
                    .init(id: "track-record-chart-\(i + 1)")))
        }
        return [.group(tag: "section", .init(id: "track-record"), blocks)]
    }

    static let trackRecordIntro = Bilingual(
        vi: "Mỗi dự báo đã phát hành được lưu lại và so với số liệu thực tế khi số liệu về (lần công bố đầu tiên). "
            + "Bảng cho sai số phần trăm trung bình (MAPE) và số lần khoảng 80% chứa giá trị thực tế, kèm khoảng tin "
            + "cậy 95% (Wilson), đặt cạnh kết quả kiểm định trên số liệu các năm trước mà bản tin công bố. Dự báo "
            + "dựng lại cho các kỳ đã qua được tính riêng, không gộp với dự báo đã phát hành. Bước 1 là kỳ ngay sau "
            + "kỳ có số liệu cuối cùng.",
        en: "Every forecast issued is recorded and checked against the data when it arrives (its first release). The "
            + "table gives the mean absolute percentage error (MAPE) and how often the 80% range held the outcome, "
            + "with 95% Wilson intervals, beside the backtest coverage the bulletin claims. Forecasts replayed over "
            + "past periods are counted apart, never pooled with those issued. Horizon 1 is the period right after "
            + "the last one observed.")

    static let trackRecordHeadings = [
        Bilingual(vi: "Chỉ tiêu", en: "Item"), Bilingual(vi: "Bước", en: "Horizon"),
        Bilingual(vi: "Loại", en: "Kind"), Bilingual(vi: "Số bản tin", en: "Issues"),
        Bilingual(vi: "Sai số % TB", en: "MAPE"),
        Bilingual(vi: "Khoảng 80% chứa thực tế", en: "Held by the 80% range"),
        Bilingual(vi: "Kiểm định công bố", en: "Backtest claimed"),
        Bilingual(vi: "So sánh", en: "Comparison"),
    ]

    /// Where the record and the claim disagree, the plain sentence that says so.
    static func disagreement(_ r: TrackRecordRow) -> Bilingual? {
        guard r.line.disagrees == true, let held = r.line.held, let claim = r.line.claim else { return nil }
        let s = r.line.summary
        let origin = Self.origins[s.origin] ?? Bilingual(vi: s.origin.rawValue, en: s.origin.rawValue)
        let less = held.upper < claim.share.lower
        return Bilingual(
            vi:
                "\(r.item.vi), bước \(s.horizon): khoảng \(r.line.level)% của các dự báo \(origin.vi) chứa giá trị thực "
                + "\(Self.shareText(held, .vi)), còn kiểm định công bố \(Self.shareText(claim.share, .vi)). Hai kết quả "
                + "khác nhau rõ (khoảng tin cậy 95% không chồng lên nhau): trên thực tế khoảng dự báo chứa giá trị thực "
                + (less ? "ít hơn" : "nhiều hơn") + " mức bản tin công bố.",
            en:
                "\(r.item.en), horizon \(s.horizon): the \(r.line.level)% ranges of the \(origin.en) forecasts held the "
                + "outcome \(Self.shareText(held, .en)), while the backtest claimed \(Self.shareText(claim.share, .en)). "
                + "They disagree (their 95% intervals do not overlap): in practice the ranges held the outcome "
                + (less ? "less" : "more") + " often than the bulletin claims.")
    }
}
