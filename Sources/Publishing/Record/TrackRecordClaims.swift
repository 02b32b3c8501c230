import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// The track record of a series set beside what the publication claims for it: the forecasts of
/// record summarised by horizon and origin (`TrackRecord.summaries`), each with the backtest
/// coverage of the same series at the same level.
enum TrackRecordClaims {
    /// The lines of `series` in `records`, compared at `level` with `claim`.
    static func lines(
        _ records: [CheckedRecord], series: String, level: Int, claim: TrackRecordLine.Claim?
    ) -> [TrackRecordLine] {
        TrackRecord.summaries(records.filter { $0.record.series == series }).map {
            TrackRecordLine(summary: $0, level: level, claim: claim)
        }
    }

    /// The coverage the publication claims from `selection`'s backtest at `level`:
    /// - a monthly price: its calibrated range, held in `held` of `cases` (origin, month) pairs of
    ///   the rolling-origin backtest (`ModelSelection.CalibratedRange`), at the range's level;
    /// - another series chosen by rolling origin: the chosen model's share of backtest values
    ///   inside its 80% interval (`coverage80`) over the `W × H` values of its span, as counts;
    /// - otherwise (a yield chosen by leave-one-year-out, which publishes no coverage): nil.
    static func claim(_ selection: ModelSelection, level: Int) -> TrackRecordLine.Claim? {
        if let r = selection.range {
            guard r.cases > 0 else { return nil }
            return .init(
                level: r.level, share: TrackRecord.Share(hits: r.held, cases: r.cases),
                backtest: Bilingual(
                    vi: "kiểm định lùi từ \(r.origins) điểm xuất phát, \(r.months) tháng tới, khoảng \(r.level)% "
                        + "đã hiệu chỉnh",
                    en: "rolling-origin backtest from \(r.origins) origins, \(r.months) months ahead, the calibrated "
                        + "\(r.level)% range"))
        }
        guard level == 80, selection.method == "rolling-origin", let c = selection.chosen, let share = c.coverage80,
            share.isFinite
        else { return nil }
        let parts = selection.span.components(separatedBy: " × ").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0 else { return nil }
        let cases = parts[0] * parts[1]
        let held = Int((share / 100 * Double(cases)).rounded())
        return .init(
            level: 80, share: TrackRecord.Share(hits: held, cases: cases),
            backtest: Bilingual(
                vi: "kiểm định lùi \(parts[0]) lần × \(parts[1]) bước, khoảng 80% của mô hình \(c.name)",
                en: "rolling-origin backtest, \(parts[0]) windows × \(parts[1]) steps, the 80% interval of \(c.name)"))
    }
}
