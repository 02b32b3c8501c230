import Forecasting
import Foundation
import TimeSeriesCore

/// The track record of one series at one horizon, of one origin (issued or replayed, never
/// pooled), set beside the interval coverage the publication claims for the same series from its
/// backtest: both shares with their 95% Wilson intervals (`TrackRecord.Share`). Where the two
/// intervals do not overlap, the record and the claim disagree, and the bulletin says so.
public struct TrackRecordLine: Sendable, Equatable {
    /// What the publication claims: the share of backtest cases whose interval at `level` held
    /// the value, and what the backtest was.
    public struct Claim: Sendable, Equatable {
        public var level: Int
        public var share: TrackRecord.Share
        /// The backtest in words (`24 origins × 3 months, the calibrated 80% range`).
        public var backtest: Bilingual

        public init(level: Int, share: TrackRecord.Share, backtest: Bilingual) {
            (self.level, self.share, self.backtest) = (level, share, backtest)
        }
    }

    public var summary: TrackRecord.Summary
    /// The level the record is compared at (the headline level, 80).
    public var level: Int
    public var claim: Claim?

    public init(summary: TrackRecord.Summary, level: Int, claim: Claim?) {
        (self.summary, self.level, self.claim) = (summary, level, claim)
    }

    /// The share of scored records whose interval at `level` held the value (nil: none at it).
    public var held: TrackRecord.Share? { summary.levels.first { $0.level == level }?.held }

    /// True when the record's and the claim's 95% intervals do not overlap; nil when either has no
    /// case.
    public var disagrees: Bool? {
        guard let held, held.cases > 0, let c = claim?.share, c.cases > 0 else { return nil }
        return !held.overlaps(c)
    }

    /// One element of a document's `track_record` member.
    var tree: JSONTree {
        func share(_ s: TrackRecord.Share) -> [String: JSONTree] {
            [
                "held": .integer(s.hits), "cases": .integer(s.cases), "share": .of(s.value),
                "wilson_lower": .of(s.lower), "wilson_upper": .of(s.upper),
            ]
        }
        let s = summary
        let levels: [JSONTree] = s.levels.map { l in
            var m = share(l.held)
            m["level"] = .integer(l.level)
            m["winkler"] = .of(l.winkler)
            m["pinball"] = .of(l.pinball)
            return .object(m)
        }
        var claimTree: JSONTree = .null
        if let claim {
            var m = share(claim.share)
            m["level"] = .integer(claim.level)
            m["backtest"] = .of(claim.backtest)
            claimTree = .object(m)
        }
        return .object([
            "series": .string(s.series), "horizon": .integer(s.horizon), "origin": .string(s.origin.rawValue),
            "records": .integer(s.records), "checked": .integer(s.checked), "issues": .integer(s.issues),
            "first_issue": .of(s.firstIssue?.description), "last_issue": .of(s.lastIssue?.description),
            "mape": .of(s.mape), "mean_error": .of(s.meanError), "levels": .array(levels),
            "level": .integer(level), "claimed": claimTree, "disagrees": disagrees.map { .bool($0) } ?? .null,
        ])
    }
}
