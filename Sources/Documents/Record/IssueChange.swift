import Foundation
import TimeSeriesCore

/// The change of one headline number since the previous issue, split in two, as the JRC MARS
/// bulletins print each forecast beside the previous bulletin's and AMIS marks what changed:
///
///     change       = this forecast − the previous issue's forecast of the same period
///     data effect  = the previous issue's model re-run on this issue's data − the previous forecast
///     model effect = change − data effect
///
/// So the data effect is what the new observations (and revisions) alone moved the number by, and
/// the model effect what the change of model (or of its chosen form) moved it by. When the previous
/// model cannot be re-run (a crop-yield model with its indicators, an export link), only the
/// change is given, with the reason (docs/design/track-record.md, "In the bulletin").
public struct IssueChange: Sendable, Equatable {
    /// The store series and the period forecast, in the series' unit.
    public var series: String
    public var target: PeriodDate
    public var unit: String
    /// This issue's forecast of `target`.
    public var current: Double
    /// The previous issue's record of `target` (the latest issue day before this one; an issued
    /// record before a replayed one of the same day).
    public var previous: ForecastRecord
    /// The previous model (`model`, a registry name) re-run on this issue's data to `target`; nil
    /// when it cannot be.
    public var rerun: Double?
    /// The registry name the previous model was re-run as (nil: not re-run).
    public var rerunModel: String?
    /// Why there is no split (nil when there is one).
    public var noSplit: Bilingual?

    public init(
        series: String, target: PeriodDate, unit: String, current: Double, previous: ForecastRecord,
        rerun: Double?, rerunModel: String?, noSplit: Bilingual?
    ) {
        (self.series, self.target, self.unit, self.current, self.previous) = (series, target, unit, current, previous)
        (self.rerun, self.rerunModel, self.noSplit) = (rerun, rerunModel, noSplit)
    }

    /// This forecast − the previous one.
    public var change: Double { current - previous.point }
    /// The previous model on the new data − the previous forecast.
    public var dataEffect: Double? { rerun.map { $0 - previous.point } }
    /// The change − the data effect.
    public var modelEffect: Double? { dataEffect.map { change - $0 } }

    /// The `change_since_previous` member of a document.
    var tree: JSONTree {
        .object([
            "target": .string(target.description),
            "unit": .string(unit),
            "forecast": .of(current),
            "previous": .object([
                "issue_day": .string(previous.issueDay.description),
                "origin": .string(previous.origin.rawValue),
                "data_vintage": .string(previous.dataVintage),
                "horizon": .integer(previous.horizon),
                "forecast": .of(previous.point),
                "model": .string(previous.model),
                "family": .string(previous.family),
            ]),
            "change": .of(change),
            "rerun_model": .of(rerunModel),
            "rerun_forecast": .of(rerun),
            "data_effect": .of(dataEffect),
            "model_effect": .of(modelEffect),
            "note": .of(noSplit),
        ])
    }
}
