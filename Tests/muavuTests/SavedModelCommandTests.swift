import Foundation
import TestSupport
import Testing

/// `muavu fit --save` and `muavu forecast --model-file` end to end: the forecast from a saved
/// model is byte-identical to `muavu forecast` on the same data, model and horizon; the saved
/// document conforms to `muavu schema model` (python3 `jsonschema`) and its SHA-256 is the one
/// python3 `hashlib` computes; damaged, foreign-version or unknown-model files, and files whose
/// stored statistics or name are not those the parameters give, exit 65 naming the file and the
/// field.
@Suite struct SavedModelCommandTests {
    static let data = CLIRunner.fixture("forecast/series.csv")
    static let epoch = ["SOURCE_DATE_EPOCH": "1764374400"]

    /// Fits `model` to `series` and saves it in `dir`; the path of the file.
    static func fit(_ model: String, series: String = "N1402", in dir: URL, extra: [String] = []) throws -> String {
        let path = dir.appendingPathComponent("\(model)-\(series.count).json").path
        let r = try CLIRunner.run(
            ["fit", "--data", data, "--series", series, "--model", model, "--save", path] + extra,
            environment: epoch)
        #expect(r.status == 0, "fit \(model): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        return path
    }

    static func json(_ path: String) throws -> [String: Any] { try DocumentCheck.json(path) }

    static func write(_ object: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    @Test(arguments: [
        ("ets", "N1402"), ("holt-winters", "N1402"), ("theta", "N1402"), ("stm", "N0646"),
        ("arima", "N1402"), ("arima", "N0646"), ("arima-fixed", "Lúa Đông Xuân"), ("naive", "N0646"),
        ("snaive", "N1402"), ("drift", "Lúa Đông Xuân"), ("mean", "N0646"), ("naive2", "N1402"),
        ("ets", "Lúa Đông Xuân"), ("damped", "N0646"), ("auto", "N1402"), ("ensemble", "N0646"),
        ("ets-aw", "N1402"), ("ets-aw", "N0646"), ("ets-aw", "Lúa Đông Xuân"), ("arima-exhaustive", "N0646"),
        ("ces", "N1402"), ("ces", "N0646"), ("ces", "Lúa Đông Xuân"), ("mstl", "N1402"),
        ("mstl", "N0646"),
    ])
    func forecastFromTheSavedModelIsByteIdentical(model: String, series: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = try Self.fit(model, series: series, in: dir)
        let levels = ["--level", "80", "--level", "90"]
        let direct = try CLIRunner.run(
            [
                "forecast", "--intervals", "model", "--data", Self.data, "--series", series, "--model", model,
                "--horizon", "10",
            ] + levels, environment: Self.epoch)
        let fromFile = try CLIRunner.run(
            ["forecast", "--model-file", saved, "--horizon", "10"] + levels,
            environment: Self.epoch)
        #expect(direct.status == 0 && fromFile.status == 0, "\(direct.stderr) \(fromFile.stderr)")
        #expect(fromFile.stdout.contains("\"points\""))
        #expect(fromFile.stdout == direct.stdout, "\(model) \(series): the saved model forecasts differently")
        #expect(try DocumentCheck.schemaViolation(kind: "model", document: saved) == nil)
    }

    /// A monthly series with a zero stays off the Box-Cox scale in `auto`: the saved file says
    /// why for the ARIMA member (λ and reference level null), conforms to the schema, and
    /// forecasts as `auto` does.
    @Test func autoOffTheBoxCoxScaleIsSavedWithTheReason() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try String(contentsOfFile: Self.data, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("N1402,") }.map(String.init)
        var edited = rows
        let cells = edited[7].split(separator: ",")
        edited[7] = "\(cells[0]),\(cells[1]),0"
        let data = dir.appendingPathComponent("zero.csv").path
        try ("series_id,date,value\n" + edited.joined(separator: "\n") + "\n").write(
            toFile: data, atomically: true, encoding: .utf8)
        let saved = dir.appendingPathComponent("auto.json").path
        let fit = try CLIRunner.run(
            ["fit", "--data", data, "--model", "auto", "--save", saved], environment: Self.epoch)
        #expect(fit.status == 0, "\(fit.stderr)")
        let members = try #require(
            (try Self.json(saved)["parameters"] as? [String: Any])?["members"] as? [[String: Any]])
        for member in members {
            guard member["name"] as? String == "arima" else {
                #expect(member["box_cox"] == nil)
                continue
            }
            let boxCox = try #require(member["box_cox"] as? [String: Any])
            #expect(boxCox["lambda"] is NSNull && boxCox["scale"] is NSNull)
            #expect(boxCox["untransformed"] as? String == "the series has values ≤ 0")
        }
        #expect(try DocumentCheck.schemaViolation(kind: "model", document: saved) == nil)
        let direct = try CLIRunner.run(
            ["forecast", "--intervals", "model", "--data", data, "--model", "auto", "--horizon", "6"],
            environment: Self.epoch)
        let fromFile = try CLIRunner.run(
            ["forecast", "--model-file", saved, "--horizon", "6"], environment: Self.epoch)
        #expect(direct.status == 0 && fromFile.stdout == direct.stdout)
    }

    @Test func arimaAtGivenOrdersIsSavedWithThem() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = try Self.fit("arima-fixed", in: dir, extra: ["--order", "1,1,0,0,1,1"])
        let direct = try CLIRunner.run(
            [
                "forecast", "--intervals", "model", "--data", Self.data, "--series", "N1402", "--model", "arima-fixed",
                "--order", "1,1,0,0,1,1", "--horizon", "14",
            ], environment: Self.epoch)
        let fromFile = try CLIRunner.run(
            ["forecast", "--model-file", saved, "--horizon", "14"], environment: Self.epoch)
        #expect(direct.status == 0 && fromFile.status == 0, "\(direct.stderr) \(fromFile.stderr)")
        #expect(fromFile.stdout.contains("ARIMA(1,1,0)(0,1,1)[12]"))
        #expect(fromFile.stdout == direct.stdout)
        let parameters = try #require(try Self.json(saved)["parameters"] as? [String: Any])
        #expect((parameters["ar"] as? [Double])?.count == 1 && (parameters["seasonal_ma"] as? [Double])?.count == 1)
    }

    @Test func theSavedDocumentCarriesTrainingDataStatisticsAndAReproducibleTime() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = try Self.fit("ets", in: dir)
        let doc = try Self.json(saved)
        #expect(doc["format"] as? String == "muavu.model/v1")
        #expect(doc["created"] as? String == "2025-11-29T00:00:00Z")
        #expect(doc["seed"] as? Int == 20_080_601)
        let model = try #require(doc["model"] as? [String: Any])
        #expect(model["name"] as? String == "ets" && model["kind"] as? String == "ets")
        let statistics = try #require(doc["statistics"] as? [String: Any])
        for key in ["loglik", "aicc", "sigma2"] { #expect(statistics[key] is Double, "\(key)") }
        let training = try #require(doc["training"] as? [String: Any])
        #expect(training["id"] as? String == "N1402" && training["start"] as? String == "1990-01")
        #expect(training["frequency"] as? String == "monthly" && training["period"] as? Int == 12)
        #expect((training["values"] as? [Double])?.count == 68)
        // The fingerprint as python3 computes it from the values in the file.
        let script = """
            import hashlib, json, struct, sys
            t = json.load(open(sys.argv[1]))["training"]
            print(hashlib.sha256(struct.pack("<%dd" % len(t["values"]), *t["values"])).hexdigest())
            """
        let digest = try Python.run(["-c", script, saved]).output
        #expect(digest.trimmingCharacters(in: .whitespacesAndNewlines) == training["sha256"] as? String)
        // Saving again gives the same bytes.
        let again = try Self.fit("ets", in: try DocumentCheck.temporaryDirectory())
        #expect(FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: saved))
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: again).deletingLastPathComponent())
    }

    /// A CES file records its form, constants and state rows; an edited constant is refused.
    @Test func aSavedCESModelIsCheckedAgainstItsTrainingValues() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = try Self.fit("ces", in: dir)
        var doc = try Self.json(saved)
        let model = try #require(doc["model"] as? [String: Any])
        #expect(model["kind"] as? String == "ces" && (model["display_name"] as? String)?.hasPrefix("CES(") == true)
        var parameters = try #require(doc["parameters"] as? [String: Any])
        let lag = try #require(parameters["lag"] as? Int)
        #expect(["N", "S", "P", "F"].contains(parameters["seasonality"] as? String ?? ""))
        #expect((parameters["initial_states"] as? [Double])?.count ?? 0 >= 2 * lag)
        parameters["alpha0"] = (parameters["alpha0"] as? Double ?? 1) * 0.9
        doc["parameters"] = parameters
        try Self.write(doc, to: saved)
        #expect(try DocumentCheck.schemaViolation(kind: "model", document: saved) == nil)
        let r = try CLIRunner.run(["forecast", "--model-file", saved, "--horizon", "3"], environment: Self.epoch)
        #expect(r.status == 65 && r.stdout.isEmpty, "\(r.stderr)")
        #expect(r.stderr.contains(saved) && r.stderr.contains("final states do not follow"), "\(r.stderr)")
    }

    /// Theta's final state (ℓₙ, Ȳₙ, Aₙ, Bₙ) does not depend on θ, so an edited θ passes the
    /// state check; the stored statistics (mse, sigma2) are those of the fit, and refuse it.
    @Test func anEditedThetaCoefficientIsRefusedByTheStoredStatistics() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = try Self.fit("theta", in: dir)
        var doc = try Self.json(saved)
        var parameters = try #require(doc["parameters"] as? [String: Any])
        parameters["theta"] = try #require(parameters["theta"] as? Double) + 0.5
        doc["parameters"] = parameters
        try Self.write(doc, to: saved)
        let r = try CLIRunner.run(["forecast", "--model-file", saved, "--horizon", "3"], environment: Self.epoch)
        #expect(r.status == 65 && r.stdout.isEmpty, "\(r.stderr)")
        #expect(r.stderr.contains(saved) && r.stderr.contains("field 'statistics.mse'"), "\(r.stderr)")
    }

    @Test func theSchemaRejectsADocumentThatBreaksIt() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = try Self.fit("theta", in: dir)
        var doc = try Self.json(saved)
        var parameters = try #require(doc["parameters"] as? [String: Any])
        parameters["form"] = "MAdM"
        doc["parameters"] = parameters
        try Self.write(doc, to: saved)
        // A Theta model's parameters are not an ETS model's.
        let violation = try #require(try DocumentCheck.schemaViolation(kind: "model", document: saved))
        #expect(violation.contains("form"), "\(violation)")
    }

    /// Each broken file: what is done to a good one, and what the message must say.
    static let damages: [(label: String, expected: [String])] = [
        ("truncated", ["not valid JSON", "truncated"]),
        ("newer", ["muavu.model/v2", "newer muavu", "reads muavu.model/v1"]),
        ("older", ["muavu.model/v0", "reads muavu.model/v1"]),
        ("no format", ["field 'format'", "muavu.model/v1"]),
        ("unknown model", ["field 'model.name'", "'prophet'", "it loads:"]),
        ("missing field", ["field 'parameters.alpha' is missing"]),
        ("wrong type", ["field 'parameters.phi'", "expected a number"]),
        ("edited value", ["field 'training.sha256'", "do not match"]),
        ("edited parameter", ["field 'parameters'", "final states do not follow"]),
        ("bad form", ["field 'parameters'", "'ZZZ' is not an ETS form"]),
        ("wrong kind", ["field 'model.kind'", "has kind 'ets'", "'arima'"]),
        (
            "edited statistic",
            ["field 'statistics.loglik'", "the parameters and training values give", "edited or damaged"]
        ),
        ("missing statistic", ["field 'statistics.aicc': missing", "the parameters and training values give"]),
        ("extra statistic", ["field 'statistics.mase'", "no such statistic"]),
        ("edited name", ["field 'model.display_name': 'ETS(A,A,A)'", "give 'ETS("]),
        ("edited seed", ["field 'seed': 7, but the parameters' seed is 20080601"]),
    ]

    @Test(arguments: damages.map(\.label))
    func aDamagedOrForeignFileFailsWithExit65NamingFileAndField(label: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = try Self.fit("ets", in: dir)
        var doc = try Self.json(saved)
        var parameters = try #require(doc["parameters"] as? [String: Any])
        switch label {
        case "truncated":
            let bytes = try #require(FileManager.default.contents(atPath: saved))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: saved))
        case "newer": doc["format"] = "muavu.model/v2"
        case "older": doc["format"] = "muavu.model/v0"
        case "no format": doc["format"] = nil
        case "unknown model":
            doc["model"] = ["name": "prophet", "kind": "ets", "family": "prophet", "display_name": "Prophet"]
        case "missing field": parameters["alpha"] = nil
        case "wrong type": parameters["phi"] = "0.9"
        case "edited value":
            var training = try #require(doc["training"] as? [String: Any])
            var values = try #require(training["values"] as? [Double])
            values[3] += 1
            training["values"] = values
            doc["training"] = training
        case "edited parameter": parameters["alpha"] = (parameters["alpha"] as? Double ?? 0.5) * 0.5
        case "bad form": parameters["form"] = "ZZZ"
        case "wrong kind": doc["model"] = ["name": "ets", "kind": "arima", "family": "ets", "display_name": "ETS"]
        case "edited statistic", "missing statistic", "extra statistic":
            var statistics = try #require(doc["statistics"] as? [String: Any])
            switch label {
            case "edited statistic": statistics["loglik"] = try #require(statistics["loglik"] as? Double) + 0.5
            case "missing statistic": statistics["aicc"] = nil
            default: statistics["mase"] = 0.8
            }
            doc["statistics"] = statistics
        case "edited seed": doc["seed"] = 7
        case "edited name":
            var model = try #require(doc["model"] as? [String: Any])
            #expect(model["display_name"] as? String != "ETS(A,A,A)")
            model["display_name"] = "ETS(A,A,A)"
            doc["model"] = model
        default: Issue.record("no damage \(label)")
        }
        if label != "truncated" {
            doc["parameters"] = parameters
            try Self.write(doc, to: saved)
        }
        let r = try CLIRunner.run(["forecast", "--model-file", saved, "--horizon", "3"], environment: Self.epoch)
        #expect(r.status == 65, "\(label): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(saved), "\(label): \(r.stderr)")
        let expected = try #require(Self.damages.first { $0.label == label }?.expected)
        for text in expected { #expect(r.stderr.contains(text), "\(label): '\(text)' not in \(r.stderr)") }
    }

    @Test func combinationsAndBadUsageAreRefusedWithExit64() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("prophet.json").path
        let unknown = try CLIRunner.run([
            "fit", "--data", Self.data, "--series", "N1402", "--model", "prophet", "--save", target,
        ])
        #expect(unknown.status == 64 && unknown.stderr.contains("no model 'prophet'"), "\(unknown.stderr)")
        #expect(DocumentCheck.contents(dir).isEmpty)
        let many = try CLIRunner.run(["fit", "--data", Self.data, "--model", "naive", "--save", target])
        #expect(many.status == 64)
        #expect(many.stderr.contains("name one with --series"), "\(many.stderr)")
        let saved = try Self.fit("naive", in: dir)
        let withData = try CLIRunner.run(["forecast", "--model-file", saved, "--data", Self.data, "--horizon", "2"])
        #expect(withData.status == 64 && withData.stderr.contains("give no --data"), "\(withData.stderr)")
        let calibrated = try CLIRunner.run([
            "forecast", "--model-file", saved, "--intervals", "calibrated", "--horizon", "2",
        ])
        #expect(calibrated.status == 64 && calibrated.stderr.contains("--intervals model"), "\(calibrated.stderr)")
        let missing = try CLIRunner.run([
            "forecast", "--model-file", dir.appendingPathComponent("none.json").path,
            "--horizon", "2",
        ])
        #expect(missing.status == 65 && missing.stderr.contains("no such model file"), "\(missing.stderr)")
        let noData = try CLIRunner.run(["forecast", "--horizon", "2"])
        #expect(noData.status == 64 && noData.stderr.contains("--data"), "\(noData.stderr)")
    }
}
