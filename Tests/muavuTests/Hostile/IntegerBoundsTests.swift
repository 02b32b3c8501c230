import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The hostile-input suite, issue 12 §2 ("Crashes: integers at the edge") and the "Edited model
/// files" part of §3: every integer a user gives (options, publish configurations, saved model
/// files, benchmark files) is bounded (docs/contract.md, "Limits"). Each case that crashed the
/// process (SIGSEGV, SIGILL, SIGABRT) or asked for gigabytes is here as the issue wrote it, with
/// the exit code (64 an option or a configuration, 65 a data or model file) and the name of the
/// option or field the message must carry; then each command runs at each maximum within 60 s and
/// 2 GB.
///
/// `bounds-good.csv` is one monthly series of 60 rows (2015-01 – 2019-12); `bounds-seasons.csv`
/// 30 crop seasons (`YYYY-Sn`); both made up for these tests.
@Suite struct IntegerBoundsTests {
    static let good = CLIRunner.fixture("bounds-good.csv")
    static let seasons = CLIRunner.fixture("bounds-seasons.csv")
    static let intMax = "9223372036854775807"
    static let halfIntMax = "4611686018427387904"

    /// A command, the exit status it must give, and the words its stderr must hold.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var words: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static func refusal(_ arguments: [String], _ status: Int32, _ words: String...) -> Refusal {
        Refusal(arguments: arguments, status: status, words: words)
    }

    static let models = [
        "naive", "snaive", "drift", "mean", "naive2", "ets", "ets-aw", "theta", "arima", "ces",
        "ensemble", "auto", "regression", "arima-fixed",
    ]

    /// The crashing options of the issue, as it wrote them, and their neighbours.
    static let options: [Refusal] =
        [
            // SIGSEGV at SeasonalNaive.swift:16.
            refusal(
                [
                    "backtest", "--data", good, "--horizon", "3", "--windows", "3", "--models", "snaive", "--period",
                    halfIntMax,
                ],
                64, "--period", "10000"),
            // Overflow in HoldoutCalibration.swift:79 (2 * period).
            refusal(["forecast", "--data", good, "--horizon", "3", "--period", intMax], 64, "--period", "10000"),
            refusal(
                [
                    "backtest", "--data", good, "--horizon", "3", "--windows", "3", "--models", "naive", "--period",
                    intMax,
                ],
                64, "--period"),
            // YYYY-Sn dates: TidyReader.swift:556 (year * period).
            refusal(["validate", "--data", seasons, "--period", intMax], 64, "--period"),
            // RollingOrigin.swift:30.
            refusal(
                ["backtest", "--data", good, "--horizon", "3", "--windows", intMax, "--models", "naive"], 64,
                "--windows"),
            refusal(
                [
                    "backtest", "--data", good, "--horizon", "3", "--windows", "3", "--step", intMax, "--models",
                    "naive",
                ], 64, "--step"),
            refusal(
                ["backtest", "--data", good, "--horizon", intMax, "--windows", "3", "--models", "naive"], 64,
                "--horizon"),
            // SARIMAEstimator.swift:130 and ARMAPolynomials.swift:15; 80 GB after 14 s.
            refusal(
                ["forecast", "--data", good, "--horizon", "3", "--model", "arima-fixed", "--order", "\(intMax),0,0"],
                64, "--order", "20"),
            refusal(
                [
                    "forecast", "--data", good, "--horizon", "3", "--model", "arima-fixed", "--order",
                    "0,0,0,\(halfIntMax),0,0",
                ],
                64, "--order", "20"),
            refusal(
                ["forecast", "--data", good, "--horizon", "3", "--model", "arima-fixed", "--order", "100000,0,0"], 64,
                "--order", "20"),
            refusal(
                [
                    "backtest", "--data", good, "--horizon", "3", "--windows", "2", "--models", "arima-fixed",
                    "--order", "100000,0,0",
                ],
                64, "--order"),
            refusal(
                [
                    "fit", "--data", good, "--model", "arima-fixed", "--order", "100000,0,0", "--save",
                    "/nonexistent/m.json",
                ],
                64, "--order"),
            // SIGSEGV; and "failed to allocate 8000000032 bytes".
            refusal(["outlook", "--data", good, "--months", intMax], 64, "--months", "24"),
            refusal(["outlook", "--data", good, "--months", "1000000000"], 64, "--months", "24"),
            refusal(["outlook", "--data", good, "--months", "25"], 64, "--months"),
            refusal(
                [
                    "forecast", "--data", CLIRunner.fixture("covariates/dong-thap.csv"), "--horizon", "1000000000",
                    "--covariate-data", CLIRunner.fixture("covariates/export.csv"), "--covariates",
                    "wb-rice-vnm-5@lag1",
                    "--future", CLIRunner.fixture("covariates/future.csv"), "--model", "arima-fixed", "--order",
                    "1,0,0",
                ],
                64, "--horizon", "10000"),
            // The rest of each bound.
            refusal(["forecast", "--data", good, "--horizon", "10001"], 64, "--horizon", "10000"),
            refusal(["forecast", "--data", good, "--horizon", "0"], 64, "--horizon"),
            refusal(
                ["forecast", "--data", good, "--horizon", "3", "--period", "61"], 64, "--period", "60 observations",
                "good"),
            refusal(["forecast", "--data", good, "--horizon", "3", "--level", "100"], 64, "--level", "99"),
            refusal(["forecast", "--data", good, "--horizon", "3", "--level", "0"], 64, "--level"),
            refusal(["forecast", "--data", good, "--horizon", "3", "--jobs", "0"], 64, "--jobs"),
            refusal(["forecast", "--data", good, "--horizon", "3", "--jobs", intMax], 64, "--jobs", "1024"),
            refusal(
                ["backtest", "--data", good, "--horizon", "3", "--windows", "1001", "--models", "naive"], 64,
                "--windows", "1000"),
            refusal(
                [
                    "backtest", "--data", good, "--horizon", "3", "--windows", "2", "--models", "naive", "--jobs",
                    "1025",
                ], 64, "--jobs"),
            refusal(
                [
                    "backtest", "--data", good, "--horizon", "3", "--windows", "2", "--models", "naive", "--level",
                    intMax,
                ], 64, "--level"),
            refusal(
                [
                    "benchmark", "--data", CLIRunner.fixture("bench/m3_small.csv"), "--models", "naive", "--shard",
                    "1/\(intMax)",
                ],
                64, "--shard", "10000"),
            refusal(
                [
                    "benchmark", "--data", CLIRunner.fixture("bench/m3_small.csv"), "--models", "naive", "--jobs",
                    intMax,
                ], 64, "--jobs"),
            refusal(
                ["benchmark", "--data", CLIRunner.fixture("bench/m3_small.csv"), "--models", "naive", "--level", "-1"],
                64, "--level"),
            refusal(["outlook", "--data", good, "--calibration-origins", intMax], 64, "--calibration-origins"),
            refusal(["outlook", "--data", good, "--level", "100"], 64, "--level"),
            refusal(["outlook", "--data", good, "--period", intMax], 64, "--period"),
            refusal(["regress", "--data", good, "--formula", "value ~ 1", "--level", intMax], 64, "--level"),
            refusal(
                ["report", "--out", "/nonexistent/report", "--price-windows", intMax], 64, "--price-windows", "1000"),
            refusal(
                ["fit", "--data", good, "--model", "snaive", "--period", intMax, "--save", "/nonexistent/m.json"], 64,
                "--period"),
            // Found after the issue's cases: a covariate's lag.
            refusal(
                [
                    "forecast", "--data", CLIRunner.fixture("covariates/dong-thap.csv"), "--horizon", "1",
                    "--covariate-data", CLIRunner.fixture("covariates/export.csv"), "--covariates",
                    "wb-rice-vnm-5@lag\(intMax)",
                    "--model", "regression",
                ], 64, "--covariates", "10000"),
        ]
        + models.map {
            // "failed to allocate 8000000032 bytes" in forecast with any model.
            refusal(["forecast", "--data", good, "--horizon", "1000000000", "--model", $0], 64, "--horizon", "10000")
        }

    @Test("An integer option beyond its limit exits 64 at once, naming the option and its range", arguments: options)
    func optionBeyondItsLimitIsRefused(_ c: Refusal) throws {
        let start = ContinuousClock.now
        let r = try CLIRunner.run(c.arguments)
        #expect(r.status == c.status, "\(c.testDescription): \(r.stderr)")
        for word in c.words { #expect(r.stderr.contains(word), "\(c.testDescription): \(r.stderr)") }
        #expect(r.stdout.isEmpty)
        #expect(ContinuousClock.now - start < .seconds(20), "refused before any data is read or memory allocated")
    }

    /// Values in files: publish configurations (64, as every configuration error) and benchmark
    /// files (65).
    static let files: [Refusal] = [
        // SIGSEGV.
        refusal(
            [
                "publish", "--config", CLIRunner.fixture("publish/bounds-horizon-int-max.json"), "--out",
                "/nonexistent/out",
            ],
            64, "bounds-horizon-int-max.json", "horizon must be at least 1 and at most 10000", intMax),
        refusal(
            [
                "publish", "--config", CLIRunner.fixture("publish/bounds-entry-horizon-int-max.json"), "--out",
                "/nonexistent/out",
            ],
            64, "forecasts[2].horizon", "10000"),
        // "failed to allocate 8000000032 bytes".
        refusal(
            ["publish", "--config", CLIRunner.fixture("publish/bounds-horizon-1e9.json"), "--out", "/nonexistent/out"],
            64, "horizon", "10000"),
        // "The given data was not valid JSON".
        refusal(
            [
                "publish", "--config", CLIRunner.fixture("publish/bounds-seed-negative.json"), "--out",
                "/nonexistent/out",
            ],
            64, "seed", "0", "4294967295", "-1"),
        // A benchmark file whose period column is 4.6e18: written out, and as a float.
        refusal(
            ["benchmark", "--data", CLIRunner.fixture("bounds-benchmark-period-huge.csv"), "--models", "snaive"],
            65, "bounds-benchmark-period-huge.csv:2", "period", "10000"),
        refusal(
            [
                "benchmark", "--data", CLIRunner.fixture("bounds-benchmark-period-huge.csv"), "--models", "naive",
                "--intervals", "model",
            ],
            65, "period"),
        refusal(
            [
                "forecast", "--data", CLIRunner.fixture("bounds-benchmark-period-huge.csv"), "--horizon", "3",
                "--model", "snaive",
            ],
            65, "period"),
        refusal(
            ["benchmark", "--data", CLIRunner.fixture("bounds-benchmark-period-float.csv"), "--models", "naive"],
            65, "bounds-benchmark-period-float.csv:2", "period", "4.6e18"),
    ]

    @Test(
        "An integer in a configuration or benchmark file beyond its limit is refused naming the file and field",
        arguments: files)
    func fileIntegerBeyondItsLimitIsRefused(_ c: Refusal) throws {
        let r = try CLIRunner.run(c.arguments)
        #expect(r.status == c.status, "\(c.testDescription): \(r.stderr)")
        for word in c.words { #expect(r.stderr.contains(word), "\(c.testDescription): \(r.stderr)") }
        #expect(!r.stderr.contains("not valid JSON"))
    }

    @Test("A backtest longer than a series is that series' error, naming the windows, step and horizon")
    func backtestLongerThanTheSeriesIsASeriesError() throws {
        let r = try CLIRunner.run([
            "backtest", "--data", Self.good, "--horizon", "20", "--windows", "3", "--models", "naive",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("60 observations are too few for 3 windows of horizon 20 and step 20"))
    }

    @Test(
        "A crop calendar's yearOffset near Int.min or Int.max is refused (it overflowed the month arithmetic)",
        arguments: ["-9223372036854775808", "9223372036854775807", "3"])
    func calendarYearOffsetBeyondItsLimitIsRefused(_ offset: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try String(contentsOfFile: CLIRunner.fixture("publish/rice-calendar.json"), encoding: .utf8)
        let edited = source.replacingOccurrences(of: "\"yearOffset\": -1", with: "\"yearOffset\": \(offset)")
        #expect(edited != source)
        let file = dir.appendingPathComponent("calendar.json")
        try Data(edited.utf8).write(to: file)
        let r = try CLIRunner.run(["validate", "--format", "calendar", "--data", file.path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("yearOffset") && r.stderr.contains("calendar.json"), "\(r.stderr)")
    }

    @Test("Shard documents whose counts near Int.max would overflow the merge are refused naming the field")
    func benchmarkMergeOfHugeCountsIsRefused() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var parts: [String] = []
        for shard in ["1/2", "2/2"] {
            let path = dir.appendingPathComponent("shard-\(parts.count + 1).json").path
            let r = try CLIRunner.run([
                "benchmark", "--data", CLIRunner.fixture("bench/m3_small.csv"), "--models", "naive",
                "--shard", shard, "--output", path,
            ])
            #expect(r.status == 0, "\(r.stderr)")
            var document = try DocumentCheck.json(path)
            var results = try #require(document["results"] as? [[String: Any]])
            var totals = try #require(results[0]["totals"] as? [String: Any])
            totals["steps"] = Int.max
            results[0]["totals"] = totals
            document["results"] = results
            try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(
                to: URL(fileURLWithPath: path))
            parts.append(path)
        }
        let r = try CLIRunner.run(["benchmark", "--merge"] + parts)
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("results[0].totals.steps") && r.stderr.contains("shard-1.json"), "\(r.stderr)")
    }

    // MARK: - Saved model files

    /// A saved model and the edit made to it: a key path in the document and the value put there,
    /// written as `text` in the JSON (`1e6` stays `1e6`).
    struct Edit: Sendable, CustomTestStringConvertible {
        var label: String
        var model: String
        var order: String?
        var path: [String]
        var text: String
        var field: String
        var testDescription: String { label }
    }

    static let edits: [Edit] = [
        // The same period as the crashing backtest, in a saved snaive model.
        Edit(
            label: "snaive training.period 4.6e18", model: "snaive", path: ["training", "period"], text: halfIntMax,
            field: "training.period"),
        // Loaded with exit 0, the document saying 9223372036854775807 while the model kept 12 seasonal states.
        Edit(
            label: "holt-winters training.period 12 → 1e6", model: "holt-winters", path: ["training", "period"],
            text: "1e6",
            field: "training.period"),
        Edit(
            label: "holt-winters training.period 12 → 24", model: "holt-winters", path: ["training", "period"],
            text: "24",
            field: "training.period"),
        Edit(
            label: "snaive training.period 12 → 24", model: "snaive", path: ["training", "period"], text: "24",
            field: "model.display_name"),
        // The dates shifted to "10004-01".
        Edit(
            label: "training.start 2015-01 → 9999-01", model: "holt-winters", path: ["training", "start"],
            text: "\"9999-01\"",
            field: "training.start"),
        Edit(
            label: "ARIMA order p Int.max", model: "arima-fixed", order: "1,0,0,1,0,0",
            path: ["parameters", "order", "p"],
            text: intMax, field: "parameters.order.p"),
        Edit(
            label: "ARIMA seasonal P 4.6e18", model: "arima-fixed", order: "1,0,0,1,0,0",
            path: ["parameters", "order", "seasonal_p"],
            text: halfIntMax, field: "parameters.order.seasonal_p"),
        Edit(
            label: "ARIMA period 12 → 10000", model: "arima-fixed", order: "1,0,0,1,0,0",
            path: ["parameters", "order", "period"],
            text: "10000", field: "training.period"),
        Edit(
            label: "ETS simulation paths 1e12", model: "holt-winters", path: ["parameters", "simulation_paths"],
            text: "1e12",
            field: "parameters.simulation_paths"),
        Edit(
            label: "ETS seasonal period Int.max", model: "holt-winters", path: ["parameters", "period"], text: intMax,
            field: "parameters.period"),
        Edit(label: "seed -1", model: "holt-winters", path: ["seed"], text: "-1", field: "seed"),
        // Found after the issue's cases: Int.max overflowed ETS's information criteria; ARIMA's
        // counts loaded silently.
        Edit(
            label: "ETS estimated_parameters Int.max", model: "holt-winters",
            path: ["parameters", "estimated_parameters"],
            text: intMax, field: "parameters"),
        Edit(
            label: "ARIMA nobs Int.max", model: "arima-fixed", order: "1,0,0,1,0,0", path: ["parameters", "nobs"],
            text: intMax, field: "parameters"),
        Edit(
            label: "ARIMA parameter_count Int.max", model: "arima-fixed", order: "1,0,0,1,0,0",
            path: ["parameters", "parameter_count"],
            text: intMax, field: "parameters"),
    ]

    /// Fits `model` to `bounds-good.csv` into `dir` and returns the file.
    static func fit(_ model: String, order: String?, in dir: URL) throws -> URL {
        let file = dir.appendingPathComponent("\(model).json")
        let r = try CLIRunner.run(
            ["fit", "--data", good, "--model", model, "--save", file.path] + (order.map { ["--order", $0] } ?? []))
        #expect(r.status == 0, "fit \(model): \(r.stderr)")
        return file
    }

    @Test("A saved model whose integers were edited is refused on load with exit 65 naming the field", arguments: edits)
    func editedModelFileIsRefused(_ e: Edit) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.fit(e.model, order: e.order, in: dir)
        // The edit goes in as a marker number, replaced by the text so that 1e6 stays as written.
        var document = try DocumentCheck.json(file.path)
        let marker = 987_654_321
        func put(_ object: inout [String: Any], _ path: ArraySlice<String>) {
            guard let key = path.first else { return }
            if path.count == 1 {
                object[key] = marker
                return
            }
            var inner = object[key] as? [String: Any] ?? [:]
            put(&inner, path.dropFirst())
            object[key] = inner
        }
        put(&document, e.path[...])
        let text = String(
            decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
        #expect(text.components(separatedBy: "\(marker)").count == 2)
        try Data(text.replacingOccurrences(of: "\(marker)", with: e.text).utf8).write(to: file)
        let r = try CLIRunner.run(["forecast", "--model-file", file.path, "--horizon", "3", "--intervals", "model"])
        #expect(r.status == 65, "\(e.label): \(r.stderr)")
        #expect(r.stderr.contains("field '\(e.field)'"), "\(e.label): \(r.stderr)")
        #expect(r.stderr.contains(file.lastPathComponent))
        #expect(r.stdout.isEmpty)
    }

    @Test("--horizon 1000000000 with --model-file is refused (it aborted allocating 8 GB)")
    func modelFileHorizonBeyondItsLimitIsRefused() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Self.fit("holt-winters", order: nil, in: dir)
        for horizon in ["1000000000", Self.intMax, "10001"] {
            let r = try CLIRunner.run([
                "forecast", "--model-file", file.path, "--horizon", horizon, "--intervals", "model",
            ])
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stderr.contains("--horizon") && r.stderr.contains("10000"), "\(r.stderr)")
        }
        // A --period beside --model-file was silently ignored.
        let r = try CLIRunner.run([
            "forecast", "--model-file", file.path, "--horizon", "3", "--intervals", "model", "--period", Self.intMax,
        ])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--period"), "\(r.stderr)")
    }

    // MARK: - At each maximum

    /// What a child process took: its exit status, output, wall time and largest resident set.
    struct Measured {
        var status: Int32
        var stderr: String
        var seconds: Double
        var maxResidentKB: Int
    }

    /// Runs the binary with `wait4`, so that the child's own peak memory is read (getrusage of
    /// all children would mix in the other tests' processes); killed after 180 s.
    static func measured(_ arguments: [String], in dir: URL) throws -> Measured {
        let out = dir.appendingPathComponent("stdout").path
        let err = dir.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([CLIRunner.binary.path] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, CLIRunner.binary.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if ContinuousClock.now - start > .seconds(180) {
                kill(pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(20_000)
        }
        let elapsed = ContinuousClock.now - start
        let exited = status & 0x7f == 0
        return Measured(
            status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            maxResidentKB: usage.ru_maxrss)
    }

    /// A monthly series of `count` rows from 1200-01 (seasonal, made up), written into `dir`.
    static func longSeries(_ count: Int, in dir: URL) throws -> String {
        var text = "series_id,date,value\n"
        for i in 0..<count {
            let value = 100 + 10 * sin(2 * Double.pi * Double(i) / 12) + Double((i * 37) % 11 - 5) * 0.8
            text += "long,\(1200 + i / 12)-\(String(format: "%02d", i % 12 + 1)),\(String(format: "%.2f", value))\n"
        }
        let path = dir.appendingPathComponent("long.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Future values of `bounds-good.csv`'s own series as a covariate, `count` months from 2020-01.
    static func future(_ count: Int, in dir: URL) throws -> String {
        var text = "series_id,date,value\n"
        for i in 0..<count { text += "good,\(2020 + i / 12)-\(String(format: "%02d", i % 12 + 1)),\(100 + i % 7)\n" }
        let path = dir.appendingPathComponent("future.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Each command at each maximum: horizon 10000 (every model, a saved model, covariates, a
    /// configuration), period at the most the series allows (60 for 60 rows, 10000 for 10050),
    /// ARIMA orders at 20 and at 350 lags, outlook months 24, windows 1000, levels 1 and 99,
    /// seed 2³²−1, jobs 1024.
    static let maxima: [String] =
        models.map { "forecast --horizon 10000 --model \($0)" } + [
            "forecast --model-file --horizon 10000",
            "forecast --covariates --horizon 10000",
            "publish horizon 10000",
            "publish seed 4294967295",
            "forecast --period 60",
            "forecast --period 10000",
            "backtest --period 60",
            "validate --period 10000 --on-missing interpolate",
            "forecast --order 20,0,20,20,0,20",
            "forecast --order 20,1,20,2,1,2",
            "forecast --order 0,0,0,1,0,0 --period 350",
            "outlook --months 24",
            "backtest --windows 1000 --step 1",
            "backtest --horizon 10000",
            "backtest --step 10000",
            "forecast --level 1 --level 99",
            "forecast --jobs 1024",
        ]

    /// The arguments of a case of `maxima`, with its files made in `dir`.
    static func arguments(_ label: String, in dir: URL) throws -> [String] {
        let auto = ["--model", "auto"]
        switch label {
        case let l where l.hasPrefix("forecast --horizon 10000 --model "):
            return ["forecast", "--data", good, "--horizon", "10000", "--model", String(l.split(separator: " ").last!)]
        case "forecast --model-file --horizon 10000":
            let file = try fit("ets-aw", order: nil, in: dir)
            return ["forecast", "--model-file", file.path, "--horizon", "10000", "--intervals", "model"]
        case "forecast --covariates --horizon 10000":
            return [
                "forecast", "--data", good, "--series", "good", "--covariate-data", good, "--covariates", "good@lag1",
                "--future", try future(10_000, in: dir), "--horizon", "10000", "--model", "arima",
            ]
        case "publish horizon 10000":
            return [
                "publish", "--config", CLIRunner.fixture("publish/bounds-horizon-max.json"), "--out",
                dir.appendingPathComponent("out").path, "--as-of", PublishCommandTests.issueDay,
            ]
        case "publish seed 4294967295":
            return [
                "publish", "--config", CLIRunner.fixture("publish/bounds-seed-max.json"), "--out",
                dir.appendingPathComponent("out").path, "--as-of", PublishCommandTests.issueDay,
            ]
        case "forecast --period 60": return ["forecast", "--data", good, "--horizon", "12", "--period", "60"] + auto
        case "forecast --period 10000":
            return ["forecast", "--data", try longSeries(10_050, in: dir), "--horizon", "12", "--period", "10000"]
                + auto
        case "backtest --period 60":
            return [
                "backtest", "--data", good, "--horizon", "6", "--windows", "2", "--period", "60", "--models",
                "snaive,auto",
            ]
        case "validate --period 10000 --on-missing interpolate":
            return ["validate", "--data", seasons, "--period", "10000", "--on-missing", "interpolate"]
        case "forecast --order 20,0,20,20,0,20", "forecast --order 20,1,20,2,1,2":
            return [
                "forecast", "--data", good, "--horizon", "12", "--model", "arima-fixed", "--order",
                String(label.split(separator: " ").last!),
            ]
        case "forecast --order 0,0,0,1,0,0 --period 350":
            return [
                "forecast", "--data", try longSeries(1_000, in: dir), "--horizon", "12", "--model", "arima-fixed",
                "--order", "0,0,0,1,0,0", "--period", "350", "--intervals", "model",
            ]
        case "outlook --months 24":
            // Issued the month after the file's last price (2019-12), so that 24 months are 24 steps.
            return ["outlook", "--data", good, "--months", "24", "--step", "24", "--json", "--as-of", "2020-01"]
        case "backtest --windows 1000 --step 1":
            return [
                "backtest", "--data", try longSeries(1_100, in: dir), "--horizon", "1", "--windows", "1000", "--step",
                "1",
                "--models", "naive",
            ]
        case "backtest --horizon 10000":
            return [
                "backtest", "--data", try longSeries(10_050, in: dir), "--horizon", "10000", "--windows", "1",
                "--models", "naive,snaive",
            ]
        case "backtest --step 10000":
            return [
                "backtest", "--data", try longSeries(10_050, in: dir), "--horizon", "12", "--windows", "2", "--step",
                "10000",
                "--models", "naive",
            ]
        case "forecast --level 1 --level 99":
            return ["forecast", "--data", good, "--horizon", "12", "--level", "1", "--level", "99"] + auto
        case "forecast --jobs 1024":
            return ["forecast", "--data", good, "--horizon", "12", "--jobs", "1024", "--model", "theta"]
        default: throw POSIXError(.EINVAL)
        }
    }

    @Test("Each command at each maximum finishes in under 60 s and 2 GB", .serialized, arguments: maxima)
    func commandAtItsMaximumFinishesInBoundedTimeAndMemory(_ label: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let m = try Self.measured(Self.arguments(label, in: dir), in: dir)
        #expect(m.status == 0, "\(label): exit \(m.status): \(m.stderr)")
        // Under `make sanitize` (MUAVU_SANITIZED) the instrumented binary runs 3–4 times slower;
        // the 60 s bound is for the build `make test` makes.
        let seconds: Double = ProcessInfo.processInfo.environment["MUAVU_SANITIZED"] == nil ? 60 : 240
        #expect(m.seconds < seconds, "\(label): \(m.seconds) s")
        #expect(m.maxResidentKB < 2_000_000, "\(label): \(m.maxResidentKB) KB")
    }
}
