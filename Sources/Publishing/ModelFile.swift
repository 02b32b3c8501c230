import AgriData
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// `muavu.model/v1`: a fitted model saved as JSON (`muavu fit --save FILE`), read back by
/// `muavu forecast --model-file FILE` to forecast without estimating anything again.
///
/// The document holds the model's registry name and kind, the kind's parameters and states
/// (`FittedState`), the training series with its calendar so that the forecast's dates and
/// numbers are reproduced, the fit statistics, a SHA-256 of the training values (IEEE 754
/// binary64, little-endian, in order: `hashlib.sha256(numpy.asarray(v, '<f8').tobytes())`),
/// the seed of simulated intervals, the engine, and the time it was made (`SOURCE_DATE_EPOCH`
/// when set). Numbers are written in the shortest form that reads back to the same double.
///
/// Reading checks, in order, and names the file, the field and what was expected when a check
/// fails (`DataError`, exit 65): valid JSON, the `format` and its version (a newer version is
/// refused with the version this engine reads), a model name this engine knows with its kind,
/// every field of that kind, the training values against their SHA-256, the parameters against
/// the training values (the model's recursion, run once and kept for the forecasts, must end in
/// the stored final states: `FittedModel.verified()`), and the stored display name, family and
/// statistics against those that run gives.
public struct ModelFile: Sendable, Equatable {
    public static let formatName = "muavu.model"
    public static let version = 1
    public static var format: String { "\(formatName)/v\(version)" }

    public var format: String = ModelFile.format
    public var engine: Engine
    /// ISO 8601 UTC.
    public var created: String
    /// The data file the series came from (its last path component), as forecasts name it.
    public var dataset: String
    public var series: TimeSeries
    public var model: FittedModel
    /// Fit criteria as the forecast shows them (`loglik`, `aicc`, `sigma2`, ...); null when undefined.
    public var statistics: [String: Double?]
    public var displayName: String
    public var family: String

    /// A saved model of `model`, fitted to `series` of data file `dataset`.
    public init(model: FittedModel, series: TimeSeries, dataset: String, created: Date) throws {
        self.init(model: model, summary: try model.summary(), series: series, dataset: dataset,
                  created: IssueTime.iso8601(created), engine: Engine.current)
    }

    /// The document of `model`, whose summary is `summary`.
    init(model: FittedModel, summary: ModelSummary, series: TimeSeries, dataset: String, created: String, engine: Engine) {
        self.model = model
        self.series = series
        self.dataset = dataset
        self.engine = engine
        self.created = created
        displayName = summary.name
        family = summary.family
        statistics = ModelFile.statistics(summary)
    }

    /// The fit statistics a document writes for `summary`: its criteria, with `loglik`, `aicc` and
    /// `sigma2` always present, `null` where undefined or not finite.
    static func statistics(_ summary: ModelSummary) -> [String: Double?] {
        var statistics: [String: Double?] = ["loglik": nil, "aicc": nil, "sigma2": nil]
        for (k, v) in summary.criteria { statistics[k] = v.isFinite ? v : nil }
        return statistics
    }

    /// The SHA-256 of `values` as IEEE 754 binary64, little-endian, in order (hex).
    public static func fingerprint(_ values: [Double]) -> String {
        var bytes = Data(capacity: values.count * 8)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return SHA256.hex(bytes)
    }

    /// The document as JSON (sorted keys, a final newline).
    public func encoded() throws -> Data {
        try DocumentEncoder.encode(Document(self))
    }

    /// Writes the document whole or not at all.
    public func write(to path: String) throws {
        try AtomicFile.write(encoded(), to: path)
    }

    /// Reads and checks the model file at `path`.
    public static func read(path: String) throws -> ModelFile {
        let data = try InputFile.bytes(of: path, what: "model file")
        return try decode(data, file: path)
    }

    /// Decodes and checks a model document; `file` names it in messages.
    public static func decode(_ data: Data, file: String) throws -> ModelFile {
        guard !data.isEmpty else {
            throw DataError(.empty, file: file, "the model file is empty; expected a \(format) JSON document")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw DataError(.unreadable, file: file,
                            "not valid JSON (a truncated or damaged file?); expected a \(format) document written by muavu fit")
        }
        guard let top = object as? [String: Any] else {
            throw DataError(.badConfiguration, file: file, "expected a JSON object (a \(format) document)")
        }
        try checkFormat(top["format"], file: file)
        try checkModelName(top["model"], file: file)
        try checkIntegers(top, path: "", file: file)
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw DataError(.badConfiguration, file: file, describe(error))
        } catch {
            throw DataError(.badConfiguration, file: file, "\(error)")
        }
        return try document.modelFile(file: file)
    }

    private static func checkFormat(_ value: Any?, file: String) throws {
        guard let text = value as? String else {
            throw DataError(.badConfiguration, file: file,
                            "field 'format' is missing or not a string: not a muavu model file (expected \"format\": \"\(format)\")")
        }
        let prefix = formatName + "/v"
        guard text.hasPrefix(prefix), let v = Int(text.dropFirst(prefix.count)) else {
            throw DataError(.badConfiguration, file: file,
                            "field 'format' is '\(text)': not a muavu model file (expected \"\(format)\")")
        }
        if v > version {
            throw DataError(.badConfiguration, file: file,
                            "field 'format' is '\(text)', saved by a newer muavu; this engine (\(Engine.current.version)) reads \(format): upgrade muavu, or fit the model again with this one")
        }
        if v < version {
            throw DataError(.badConfiguration, file: file,
                            "field 'format' is '\(text)', a version this engine (\(Engine.current.version)) cannot read: it reads \(format); fit the model again with muavu fit")
        }
    }

    private static func checkModelName(_ value: Any?, file: String) throws {
        let known = ForecasterRegistry.savableNames.sorted().joined(separator: ", ")
        guard let model = value as? [String: Any], let name = model["name"] as? String else {
            throw DataError(.badConfiguration, file: file, "field 'model.name' is missing; expected one of: \(known)")
        }
        guard let kind = ForecasterRegistry.stateType(named: name)?.kind else {
            throw DataError(.badConfiguration, file: file,
                            "field 'model.name': this engine does not know a saved model '\(name)'; it loads: \(known)")
        }
        guard let stated = model["kind"] as? String, stated == kind else {
            throw DataError(.badConfiguration, file: file,
                            "field 'model.kind': a '\(name)' model has kind '\(kind)', the file says \((model["kind"] as? String).map { "'\($0)'" } ?? "nothing")")
        }
    }

    /// The bounds of a model file's integers, by key (`Limits`): wherever they appear (a
    /// combination's members hold their own). `p`, `d`, `q` and the seasonal orders are bounded
    /// inside an `order` object.
    static let integerBounds: [String: Bound] = [
        "seed": Limits.seed, "period": Limits.period, "seasons_per_year": Limits.period, "lag": Limits.period,
        "simulation_paths": Limits.simulationPaths,
    ]
    static let orderKeys: Set<String> = ["p", "d", "q", "seasonal_p", "seasonal_d", "seasonal_q"]

    /// Every bounded integer is a whole number within its bound, checked on the JSON itself
    /// before it is decoded (so that 1e6 or 9223372036854775807 never reaches the model):
    /// exit 65 naming the field.
    private static func checkIntegers(_ value: Any, path: String, file: String) throws {
        if let object = value as? [String: Any] {
            for (key, item) in object {
                let at = path.isEmpty ? key : "\(path).\(key)"
                let bound = path.hasSuffix("order") && orderKeys.contains(key) ? Limits.arimaOrder : integerBounds[key]
                if let bound, item is NSNumber, bound.wholeNumber(fromJSON: item) == nil {
                    throw DataError(.impossibleValue, file: file,
                                    "field '\(at)' \(bound.refusal(Bound.describe(jsonValue: item)))")
                }
                try checkIntegers(item, path: at, file: file)
            }
        } else if let array = value as? [Any] {
            for (i, item) in array.enumerated() { try checkIntegers(item, path: "\(path)[\(i)]", file: file) }
        }
    }

    /// `field 'a.b[2].c': expected a number` from a decoding error.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            var s = ""
            for key in keys + (last.map { [$0] } ?? []) {
                if let i = key.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + key.stringValue }
            }
            return s.isEmpty ? "(the document)" : s
        }
        func expected(_ type: Any.Type) -> String {
            switch type {
            case is Double.Type, is Double?.Type: "a number"
            case is Int.Type, is UInt64.Type: "an integer"
            case is String.Type: "a string"
            case is Bool.Type: "true or false"
            default: "a value of type \(type)"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "field '\(path(context.codingPath, key))' is missing"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))': expected \(expected(type))"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' is null; expected \(expected(type))"
        case .dataCorrupted(let context) where context.debugDescription.hasPrefix("Cannot initialize"):
            // An enumeration's raw value it does not have (a kind, a variant, a method).
            return "field '\(path(context.codingPath))': not one of its allowed values (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return "field '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension ModelFile {
    /// The JSON shape of `muavu.model/v1`.
    struct Document: Codable {
        struct Model: Codable {
            var name: String
            var kind: String
            var family: String
            var displayName: String
            enum CodingKeys: String, CodingKey { case name, kind, family, displayName = "display_name" }
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
            model = Model(name: file.model.name, kind: file.model.kind, family: file.family, displayName: file.displayName)
            statistics = file.statistics
            let s = file.series
            var seasons: Int?
            if case .season(_, _, let k)? = s.start { seasons = k }
            training = Training(dataset: file.dataset, id: s.id, frequency: s.frequency, period: file.model.period,
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
                throw DecodingError.dataCorruptedError(forKey: .model, in: c,
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
            guard t.period >= 1 else { throw bad("training.period", "expected an integer of at least 1, got \(t.period)") }
            // A period is at most the series' length, unless it is the frequency's own (a short
            // monthly series keeps 12); and it is the one the parameters were fitted at.
            let natural = t.frequency == .season ? (t.seasonsPerYear ?? t.period) : t.frequency.defaultPeriod
            let allowed = Bound(1...min(Limits.period.range.upperBound, max(t.count, natural)),
                                reason: "the training series has \(t.count) values")
            guard allowed.contains(t.period) else { throw bad("training.period", allowed.refusal(String(t.period))) }
            for seasonal in parameters.seasonalPeriods where seasonal != t.period {
                throw bad("training.period", "\(t.period), but the parameters were fitted at a period of \(seasonal): the file was edited or damaged")
            }
            let computed = ModelFile.fingerprint(t.values)
            guard computed == t.sha256.lowercased() else {
                throw DataError(.impossibleValue, file: file,
                                "field 'training.sha256': the training values do not match their SHA-256 (stored \(t.sha256), computed \(computed)): the file was edited or damaged")
            }
            var start: PeriodDate?
            if let text = t.start {
                guard let date = ModelFile.parseStart(text, frequency: t.frequency, seasonsPerYear: t.seasonsPerYear) else {
                    throw bad("training.start", "'\(text)' is not a \(t.frequency.rawValue) date of the tidy-CSV forms")
                }
                // The training values must end on a date the tidy-CSV forms can write (a year of four
                // digits, an index of at most nine): an edited start would shift every date past them.
                let end = date.advanced(by: t.count - 1, frequency: t.frequency)
                guard ModelFile.writable(end) else {
                    throw bad("training.start", "'\(text)' puts the last of the \(t.count) training values at \(end), "
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
            let fitted: FittedModel, summary: ModelSummary
            do {
                fitted = try stored.verified()
                summary = try fitted.summary()
            } catch let error as ForecastingError {
                throw bad("parameters", error.message)
            }
            try checkSummary(summary, file: file)
            var series = TimeSeries(id: t.id, values: t.values, frequency: t.frequency, period: t.period, start: start,
                                    unit: t.unit)
            series.dateReading = t.datesReadAs
            return ModelFile(model: fitted, summary: summary, series: series,
                             dataset: t.dataset, created: created, engine: engine)
        }

        /// The stored name, family and statistics are those the parameters give (`summary`, from
        /// the run that checked them): an edited or damaged value is refused, naming its field.
        /// Numbers agree to a relative 1e-9 (absolute below 1), as the final states are checked.
        func checkSummary(_ summary: ModelSummary, file: String) throws {
            func bad(_ field: String, stored: String, computed: String) -> DataError {
                DataError(.impossibleValue, file: file,
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
                let stored = statistics[key], expected = computed[key]
                switch (stored, expected) {
                case (nil, let b?): throw bad("statistics.\(key)", stored: "missing", computed: ModelFile.text(b))
                case (let a?, nil): throw bad("statistics.\(key)", stored: ModelFile.text(a), computed: "no such statistic")
                case (let a??, let b??) where abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)): continue
                case (nil?, nil?): continue
                case (let a?, let b?): throw bad("statistics.\(key)", stored: ModelFile.text(a), computed: ModelFile.text(b))
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
        case .year(let y), .quarter(let y, _), .month(let y, _), .day(let y, _, _), .season(let y, _, _): (0...9999).contains(y)
        case .index(let i): (1...999_999_999).contains(i)
        }
    }

    /// The training series' first date, in the form its frequency writes.
    static func parseStart(_ text: String, frequency: Frequency, seasonsPerYear: Int?) -> PeriodDate? {
        if frequency == .index { return Int(text).flatMap { (1...999_999_999).contains($0) ? PeriodDate.index($0) : nil } }
        guard let date = PeriodDate(parsing: text, seasonsPerYear: seasonsPerYear ?? 3) else { return nil }
        let implied = date.impliedFrequency
        guard implied == frequency || (frequency == .weekly && implied == .daily) else { return nil }
        return date
    }
}
