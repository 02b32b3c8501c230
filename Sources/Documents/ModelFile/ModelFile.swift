import AgriData
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
        self.init(
            model: model, summary: try model.summary(), series: series, dataset: dataset,
            created: IssueTime.iso8601(created), engine: Engine.current)
    }

    /// The document of `model`, whose summary is `summary`.
    init(
        model: FittedModel, summary: ModelSummary, series: TimeSeries, dataset: String, created: String, engine: Engine
    ) {
        (self.model, self.series, self.dataset, self.engine, self.created) = (model, series, dataset, engine, created)
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
            throw DataError(
                .unreadable, file: file,
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
            throw DataError(
                .badConfiguration, file: file,
                "field 'format' is missing or not a string: not a muavu model file (expected \"format\": \"\(format)\")"
            )
        }
        let prefix = formatName + "/v"
        guard text.hasPrefix(prefix), let v = Int(text.dropFirst(prefix.count)) else {
            throw DataError(
                .badConfiguration, file: file,
                "field 'format' is '\(text)': not a muavu model file (expected \"\(format)\")")
        }
        if v > version {
            throw DataError(
                .badConfiguration, file: file,
                "field 'format' is '\(text)', saved by a newer muavu; this engine (\(Engine.current.version)) reads \(format): upgrade muavu, or fit the model again with this one"
            )
        }
        if v < version {
            throw DataError(
                .badConfiguration, file: file,
                "field 'format' is '\(text)', a version this engine (\(Engine.current.version)) cannot read: it reads \(format); fit the model again with muavu fit"
            )
        }
    }

    private static func checkModelName(_ value: Any?, file: String) throws {
        let known = ForecasterRegistry.savableNames.sorted().joined(separator: ", ")
        guard let model = value as? [String: Any], let name = model["name"] as? String else {
            throw DataError(.badConfiguration, file: file, "field 'model.name' is missing; expected one of: \(known)")
        }
        guard let kind = ForecasterRegistry.stateType(named: name)?.kind else {
            throw DataError(
                .badConfiguration, file: file,
                "field 'model.name': this engine does not know a saved model '\(name)'; it loads: \(known)")
        }
        guard let stated = model["kind"] as? String, stated == kind else {
            throw DataError(
                .badConfiguration, file: file,
                "field 'model.kind': a '\(name)' model has kind '\(kind)', the file says \((model["kind"] as? String).map { "'\($0)'" } ?? "nothing")"
            )
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
                    throw DataError(
                        .impossibleValue, file: file,
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
