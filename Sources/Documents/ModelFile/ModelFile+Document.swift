import AgriData
import Forecasting
import Foundation
import TimeSeriesCore

extension ModelFile {
    /// The JSON shape of `muavu.model/v1`.
    struct Document: Codable {
        struct Model: Codable {
            var name: String
            var kind: String
            var family: String
            var displayName: String
            enum CodingKeys: String, CodingKey {
                case name, kind, family
                case displayName = "display_name"
            }
        }

        struct Training: Codable {
            var dataset: String
            var id: String
            var frequency: Frequency
            var period: Int
            @Nullable var start: String?
            @Nullable var seasonsPerYear: Int?
            @Nullable var unit: String?
            var count: Int
            var values: [Double]
            var sha256: String
            /// How the data file's dates were read (`TimeSeries.dateReading`); absent when unknown.
            var datesReadAs: String? = nil
            enum CodingKeys: String, CodingKey {
                case dataset, id, frequency, period, start, unit, count, values, sha256
                case seasonsPerYear = "seasons_per_year"
                case datesReadAs = "dates_read_as"
            }

        }

        var format: String
        var engine: Engine
        var created: String
        var seed: UInt64?
        var model: Model
        var statistics: [String: Double?]
        var training: Training
        var parameters: any FittedState

        enum CodingKeys: String, CodingKey {
            case format, engine, created, seed, model, statistics, training, parameters
        }

        init(_ file: ModelFile) {
            format = file.format
            engine = file.engine
            created = file.created
            seed = file.model.seed
            model = Model(
                name: file.model.name, kind: file.model.kind, family: file.family, displayName: file.displayName)
            statistics = file.statistics
            let s = file.series
            var seasons: Int?
            if case .season(_, _, let k)? = s.start { seasons = k }
            training = Training(
                dataset: file.dataset, id: s.id, frequency: s.frequency, period: file.model.period,
                start: s.start?.description, seasonsPerYear: seasons, unit: s.unit,
                count: file.model.values.count, values: file.model.values,
                sha256: ModelFile.fingerprint(file.model.values))
            training.datesReadAs = s.dateReading
            parameters = file.model.state
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            format = try c.decode(String.self, forKey: .format)
            engine = try c.decode(Engine.self, forKey: .engine)
            created = try c.decode(String.self, forKey: .created)
            seed = try c.decodeIfPresent(UInt64.self, forKey: .seed)
            model = try c.decode(Model.self, forKey: .model)
            statistics = try c.decode([String: Double?].self, forKey: .statistics)
            training = try c.decode(Training.self, forKey: .training)
            // `checkModelName` has checked the kind against the registry.
            guard let type = ForecasterRegistry.stateType(kind: model.kind) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .model, in: c,
                    debugDescription: "no kind of model '\(model.kind)'")
            }
            parameters = try c.decodeState(type, forKey: .parameters)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(format, forKey: .format)
            try c.encode(engine, forKey: .engine)
            try c.encode(created, forKey: .created)
            try c.encode(seed, forKey: .seed)
            try c.encode(model, forKey: .model)
            try c.encode(statistics, forKey: .statistics)
            try c.encode(training, forKey: .training)
            try c.encode(parameters, forKey: .parameters)
        }

        /// The checked model file: calendar, fingerprint and parameters against the values.
        func modelFile(file: String) throws -> ModelFile {
            func bad(_ field: String, _ message: String) -> DataError {
                DataError(.badConfiguration, file: file, "field '\(field)': \(message)")
            }
            let t = training
            guard t.count == t.values.count else {
                throw bad("training.count", "\(t.count), but training.values holds \(t.values.count) values")
            }
            guard !t.values.isEmpty else { throw bad("training.values", "empty; expected the training observations") }
            guard t.period >= 1 else {
                throw bad("training.period", "expected an integer of at least 1, got \(t.period)")
            }
            // A period is at most the series' length, unless it is the frequency's own (a short
            // monthly series keeps 12); and it is the one the parameters were fitted at.
            let natural = t.frequency == .season ? (t.seasonsPerYear ?? t.period) : t.frequency.defaultPeriod
            let allowed = Bound(
                1...min(Limits.period.range.upperBound, max(t.count, natural)),
                reason: "the training series has \(t.count) values")
            guard allowed.contains(t.period) else { throw bad("training.period", allowed.refusal(String(t.period))) }
            for seasonal in parameters.seasonalPeriods where seasonal != t.period {
                throw bad(
                    "training.period",
                    "\(t.period), but the parameters were fitted at a period of \(seasonal): the file was edited or damaged"
                )
            }
            let computed = ModelFile.fingerprint(t.values)
            guard computed == t.sha256.lowercased() else {
                throw DataError(
                    .impossibleValue, file: file,
                    "field 'training.sha256': the training values do not match their SHA-256 (stored \(t.sha256), computed \(computed)): the file was edited or damaged"
                )
            }
            var start: PeriodDate?
            if let text = t.start {
                guard let date = ModelFile.parseStart(text, frequency: t.frequency, seasonsPerYear: t.seasonsPerYear)
                else {
                    throw bad("training.start", "'\(text)' is not a \(t.frequency.rawValue) date of the tidy-CSV forms")
                }
                // The training values must end on a date the tidy-CSV forms can write (a year of four
                // digits, an index of at most nine): an edited start would shift every date past them.
                let end = date.advanced(by: t.count - 1, frequency: t.frequency)
                guard ModelFile.writable(end) else {
                    throw bad(
                        "training.start",
                        "'\(text)' puts the last of the \(t.count) training values at \(end), "
                            + "past the dates muavu reads and writes (years up to 9999, indexes up to 999999999)")
                }
                start = date
            }
            // The seed written at the top is the model's own (`FittedModel.seed`: an ETS model's, an
            // ets-aw model's, or a combination's first simulating member's).
            let stored = FittedModel(name: model.name, values: t.values, period: t.period, state: parameters)
            if let seed, let own = stored.seed, own != seed {
                throw bad("seed", "\(seed), but the parameters' seed is \(own)")
            }
            // One run of the model's recursion checks the parameters and gives the summary; the
            // model keeps it for its forecasts.
            let fitted: FittedModel
            let summary: ModelSummary
            do {
                fitted = try stored.verified()
                summary = try fitted.summary()
            } catch let error as ForecastingError {
                throw bad("parameters", error.message)
            }
            try checkSummary(summary, file: file)
            var series = TimeSeries(
                id: t.id, values: t.values, frequency: t.frequency, period: t.period, start: start,
                unit: t.unit)
            series.dateReading = t.datesReadAs
            return ModelFile(
                model: fitted, summary: summary, series: series,
                dataset: t.dataset, created: created, engine: engine)
        }

        /// The stored name, family and statistics are those the parameters give (`summary`, from
        /// the run that checked them): an edited or damaged value is refused, naming its field.
        /// Numbers agree to a relative 1e-9 (absolute below 1), as the final states are checked.
        func checkSummary(_ summary: ModelSummary, file: String) throws {
            func bad(_ field: String, stored: String, computed: String) -> DataError {
                DataError(
                    .impossibleValue, file: file,
                    "field '\(field)': \(stored), but the parameters and training values give \(computed): "
                        + "the file was edited or damaged")
            }
            guard model.displayName == summary.name else {
                throw bad("model.display_name", stored: "'\(model.displayName)'", computed: "'\(summary.name)'")
            }
            guard model.family == summary.family else {
                throw bad("model.family", stored: "'\(model.family)'", computed: "'\(summary.family)'")
            }
            let computed = ModelFile.statistics(summary)
            for key in Set(statistics.keys).union(computed.keys).sorted() {
                let stored = statistics[key]
                let expected = computed[key]
                switch (stored, expected) {
                case (nil, let b?): throw bad("statistics.\(key)", stored: "missing", computed: ModelFile.text(b))
                case (let a?, nil):
                    throw bad("statistics.\(key)", stored: ModelFile.text(a), computed: "no such statistic")
                case (let a??, let b??) where abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)): continue
                case (nil?, nil?): continue
                case (let a?, let b?):
                    throw bad("statistics.\(key)", stored: ModelFile.text(a), computed: ModelFile.text(b))
                case (nil, nil): continue
                }
            }
        }
    }

    /// A statistic as a refusal shows it: the number, or null.
    static func text(_ value: Double?) -> String {
        value.map { "\($0)" } ?? "null"
    }

    /// Whether `date` has a four-digit year (or an index of at most nine digits), as the readers take.
    static func writable(_ date: PeriodDate) -> Bool {
        switch date {
        case .year(let y), .quarter(let y, _), .month(let y, _), .day(let y, _, _), .season(let y, _, _):
            (0...9999).contains(y)
        case .index(let i): (1...999_999_999).contains(i)
        }
    }

    /// The training series' first date, in the form its frequency writes.
    static func parseStart(_ text: String, frequency: Frequency, seasonsPerYear: Int?) -> PeriodDate? {
        if frequency == .index {
            return Int(text).flatMap { (1...999_999_999).contains($0) ? PeriodDate.index($0) : nil }
        }
        guard let date = PeriodDate(parsing: text, seasonsPerYear: seasonsPerYear ?? 3) else { return nil }
        let implied = date.impliedFrequency
        guard implied == frequency || (frequency == .weekly && implied == .daily) else { return nil }
        return date
    }
}
