import Agronomy
import Forecasting

/// How the model of one published series was chosen and how well the candidates did.
public struct ModelSelection: Sendable, Equatable {
    /// `loyo` (leave-one-year-out, crop yields) or `rolling-origin` (backtest of the models).
    public var method: String
    /// What the scores cover: `2006–2020`, `12 windows × 3 steps`.
    public var span: String
    public var candidates: [Score]

    /// A candidate's score (rolling origin, or leave-one-year-out for crop yields).
    public typealias Score = RollingOriginChoice.Score

    /// For a monthly price: how the chosen model's range was calibrated and how often such
    /// ranges held the price in the rolling-origin backtest (nil: the model's own intervals).
    public var range: CalibratedRange?

    /// For a monthly price whose candidates could include the configuration's export link: why
    /// they do not (the series is the export price itself, or the export price does not cover the
    /// months before it); nil when the link is a candidate or none is configured.
    public var exportLinkNote: Bilingual?

    public init(method: String, span: String, candidates: [Score]) {
        (self.method, self.span, self.candidates) = (method, span, candidates)
    }

    /// The selection of a monthly price's outlook study: the candidates' rolling-origin scores
    /// and the calibrated range of the chosen one.
    public init(_ study: OutlookStudy) {
        let origins = study.selectionOrigins.count
        self.init(
            method: "rolling-origin", span: "\(origins) × \(study.options.months)",
            candidates: study.scores.map {
                Score(name: $0.name, rmse: $0.rmse, mape: $0.mape, coverage80: nil, chosen: $0.chosen, note: $0.note)
            })
        let coverage = study.coverage
        range = CalibratedRange(
            level: study.options.level, origins: origins, months: study.options.months,
            calibrationOrigins: study.options.conformal.calibrationOrigins, cases: coverage.cases,
            held: coverage.hits, modelHeld: coverage.modelHits)
    }

    public struct CalibratedRange: Sendable, Equatable {
        /// The calibrated level (%).
        public var level: Int
        /// The origins the candidates were compared on, and the months ahead scored.
        public var origins: Int
        public var months: Int
        /// The most recent errors of each step that calibrate a range.
        public var calibrationOrigins: Int
        /// (origin, month) pairs checked, and those whose calibrated range held the price.
        public var cases: Int
        public var held: Int
        /// Of the same cases, those the model's own interval at `level` held (nil: no such interval).
        public var modelHeld: Int?

        public var coverage: Double? { cases > 0 ? Double(held) / Double(cases) : nil }
        public var modelCoverage: Double? { cases > 0 ? modelHeld.map { Double($0) / Double(cases) } : nil }
    }

    public var chosen: Score? { candidates.first { $0.chosen } }
}
