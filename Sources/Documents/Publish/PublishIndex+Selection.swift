import TimeSeriesCore

extension PublishIndex {
    /// How a series' model was chosen (`ModelSelection`) as the index writes it. Scores that could
    /// not be computed are written as null (CONTRACT.md), with the note saying why.
    struct Selection: Encodable {
        var method: String
        var span: String
        var candidates: [Candidate]
        var range: CalibratedRange?
        /// Why the export link is not a candidate (English, as in `muavu.outlook/v1`).
        var exportLinkNote: String?

        enum CodingKeys: String, CodingKey {
            case method, span, candidates, range
            case exportLinkNote = "export_link_note"
        }

        init(_ s: ModelSelection) {
            method = s.method
            span = s.span
            candidates = s.candidates.map(Candidate.init)
            range = s.range.map(CalibratedRange.init)
            exportLinkNote = s.exportLinkNote?.en
        }
    }

    struct Candidate: Encodable {
        var name: String
        @Nullable var rmse: Double?
        @Nullable var mape: Double?
        @Nullable var coverage80: Double?
        var chosen: Bool
        var note: String?

        enum CodingKeys: String, CodingKey {
            case name, rmse, mape, chosen, note
            case coverage80 = "coverage_80"
        }

        init(_ s: ModelSelection.Score) {
            name = s.name
            rmse = finite(s.rmse)
            mape = finite(s.mape)
            coverage80 = finite(s.coverage80)
            chosen = s.chosen
            note = s.note
        }
    }

    /// The calibrated range of a monthly price and its rolling-origin backtest.
    struct CalibratedRange: Encodable {
        var level: Int
        var method = "split-conformal"
        var calibrationOrigins: Int
        var cases: Int
        var held: Int
        @Nullable var coverage: Double?
        @Nullable var modelIntervalCoverage: Double?

        init(_ r: ModelSelection.CalibratedRange) {
            level = r.level
            calibrationOrigins = r.calibrationOrigins
            cases = r.cases
            held = r.held
            coverage = finite(r.coverage)
            modelIntervalCoverage = finite(r.modelCoverage)
        }

        enum CodingKeys: String, CodingKey {
            case level, method, cases, held, coverage
            case calibrationOrigins = "calibration_origins"
            case modelIntervalCoverage = "model_interval_coverage"
        }
    }
}
