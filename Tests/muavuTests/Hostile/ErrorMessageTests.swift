import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12 §4: inputs that used to give a wrong or unclear error. Fixtures:
/// Fixtures/hostile-README.md.
@Suite struct ErrorMessageTests {
    static func fixture(_ name: String) -> String { CLIRunner.fixture(name) }

    /// Runs the binary with the bytes of `file` on its standard input through a pipe
    /// (`cat FILE | muavu ...`).
    static func run(_ arguments: [String], piping file: String) throws -> CLIResult {
        try CLIRunner.run(
            ["-c", "cat \"$0\" | \"$@\"", file, CLIRunner.binary.path] + arguments,
            executable: URL(fileURLWithPath: "/bin/sh"))
    }

    static func document(_ r: CLIResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func onlySeries(_ r: CLIResult) throws -> [String: Any] {
        let series = try #require(try document(r)["series"] as? [[String: Any]])
        #expect(series.count == 1)
        return try #require(series.first)
    }

    // MARK: Reading input once

    /// A pipe is read once: the format check and the reader see the same bytes, for every
    /// command that reads --data, as /dev/stdin and as `-`.
    @Test(
        arguments: [
            (["forecast", "--horizon", "3", "--model", "naive"], "hostile-monthly-60.csv"),
            (["backtest", "--horizon", "3", "--windows", "2", "--models", "naive"], "hostile-monthly-60.csv"),
            (["validate"], "hostile-monthly-60.csv"),
            (["benchmark", "--models", "naive"], "hostile-bench-one-train.csv"),
            (["regress", "--formula", "y ~ x"], "hostile-regress-overflow.csv"),
        ], ["/dev/stdin", "-"])
    func pipedDataIsReadOnce(_ command: ([String], String), _ path: String) throws {
        let piped = try Self.run(command.0 + ["--data", path], piping: Self.fixture(command.1))
        let direct = try CLIRunner.run(command.0 + ["--data", Self.fixture(command.1)], environment: [:])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(direct.status == 0, "\(direct.stderr)")
        // The same result as from the file, but for the file's name and the timings.
        func comparable(_ text: String, name: String) -> String {
            DocumentCheck.withoutTimings(text).split(separator: "\n")
                .filter { !$0.contains("\"dataset\"") && !$0.contains("\"issued\"") && !$0.contains("\"data\"") }
                .map { $0.hasPrefix(name + ":") ? "<data>" + $0.dropFirst(name.count) : String($0) }
                .joined(separator: "\n")
        }
        #expect(!piped.stdout.isEmpty)
        #expect(comparable(piped.stdout, name: path) == comparable(direct.stdout, name: Self.fixture(command.1)))
    }

    /// A FIFO given as --data is read as data, like a pipe.
    @Test func fifoIsReadAsData() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("data.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer waits in open(2) until muavu opens the FIFO for reading.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "cat \"$0\" > \"$1\"", Self.fixture("hostile-monthly-60.csv"), fifo]
        try writer.run()
        defer {
            if writer.isRunning { writer.terminate() }  // muavu never opened it: do not wait forever
            writer.waitUntilExit()
        }
        let r = try CLIRunner.run(["forecast", "--data", fifo, "--horizon", "3", "--model", "naive"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.onlySeries(r)["observations"] as? Int == 60)
    }

    /// A directory given where a file is read says it is a directory (it used to say
    /// file-not-found), for data, model files and bounds files.
    @Test(arguments: [
        ["forecast", "--horizon", "3", "--data", "DIR"],
        ["validate", "--data", "DIR"],
        ["regress", "--formula", "y ~ x", "--data", "DIR"],
        ["benchmark", "--models", "naive", "--data", "DIR"],
        ["forecast", "--horizon", "3", "--model-file", "DIR"],
        ["forecast", "--horizon", "3", "--data", "MONTHLY", "--bounds", "DIR"],
    ])
    func directoryIsNamedADirectory(_ arguments: [String]) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(
            arguments.map {
                $0 == "DIR" ? dir.path : $0 == "MONTHLY" ? Self.fixture("hostile-monthly-60.csv") : $0
            })
        #expect(r.status == 65)
        #expect(
            r.stderr.contains("\(dir.path): this is a directory") && !r.stderr.contains("file-not-found"), "\(r.stderr)"
        )
    }

    /// --output that cannot be a file (a directory, or in a folder that does not exist) is a usage
    /// error that says which (it was exit 1 "Is a directory", or "The file doesn't exist").
    @Test(arguments: [("DIR", "it is a directory"), ("DIR/missing/out.json", "does not exist")])
    func outputThatCannotBeAFileSaysWhy(_ output: String, _ reason: String) throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-monthly-60.csv"), "--horizon", "1",
            "--model", "naive", "--output", output.replacingOccurrences(of: "DIR", with: dir.path),
        ])
        #expect(r.status == 64)
        #expect(r.stderr.contains(reason), "\(r.stderr)")
        #expect(DocumentCheck.contents(dir).isEmpty)
    }

    // MARK: How dates are read

    /// Whole numbers: 1..1500 is an index (it used to fail: 1000 and up were years); 1000..1099
    /// is read as years unless --frequency index says otherwise, and the document says which.
    @Test(arguments: [
        ("hostile-index-1500.csv", [String](), "index", "1501", "integer index"),
        ("hostile-index-1000.csv", [String](), "yearly", "1100", "read as years"),
        ("hostile-index-1000.csv", ["--frequency", "index"], "index", "1100", "--frequency index"),
        ("hostile-month-start.csv", [String](), "monthly", "2018-01", "the 1st of a month"),
        ("hostile-month-start.csv", ["--frequency", "monthly"], "monthly", "2018-01", "--frequency monthly"),
    ])
    func datesAreReadAsTheDocumentSays(
        _ file: String, _ options: [String], _ frequency: String, _ firstDate: String,
        _ reading: String
    ) throws {
        let r = try CLIRunner.run(
            ["forecast", "--data", Self.fixture(file), "--horizon", "2", "--model", "naive"] + options)
        #expect(r.status == 0, "\(r.stderr)")
        let s = try Self.onlySeries(r)
        #expect(s["frequency"] as? String == frequency)
        #expect((s["points"] as? [[String: Any]])?.first?["date"] as? String == firstDate)
        #expect((s["dates_read_as"] as? String)?.contains(reading) == true, "\(s["dates_read_as"] ?? "none")")
    }

    /// Month starts read as days when asked: 36 dates a month apart are then a daily series with
    /// gaps, refused by default.
    @Test func monthStartsAsDaysOnRequest() throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-month-start.csv"), "--horizon", "2",
            "--frequency", "daily",
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("hostile-month-start.csv:3:2:") && r.stderr.contains("no row for"), "\(r.stderr)")
    }

    /// The forecast document with the new field still conforms to its schema.
    @Test func forecastDocumentWithDateReadingConforms() throws {
        let dir = try DocumentCheck.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("f.json").path
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-month-start.csv"), "--horizon", "2",
            "--model", "naive", "--output", out,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try DocumentCheck.schemaViolation(kind: "forecast", document: out) == nil)
    }

    @Test func unknownFrequencyIsAUsageError() throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-monthly-60.csv"), "--horizon", "2",
            "--frequency", "fortnightly",
        ])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--frequency"), "\(r.stderr)")
    }

    // MARK: Dates past 9999

    /// A horizon that would pass 9999-12 is a per-series error (dates used to be "10000-01").
    @Test func forecastPastTheYear9999IsRefused() throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-late-9999.csv"), "--horizon", "2",
            "--model", "naive",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\"10000-"))
        let errors = try Self.document(r)["errors"] as? [[String: Any]] ?? []
        #expect((errors.first?["message"] as? String)?.contains("after 9999-12-31") == true, "\(errors)")
    }

    /// A date past 9999 in the data is refused with its file, line and column.
    @Test func dataDatePastTheYear9999IsRefused() throws {
        let r = try CLIRunner.run(["forecast", "--data", Self.fixture("hostile-year-10000.csv"), "--horizon", "2"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("hostile-year-10000.csv:2:2:") && r.stderr.contains("'10000-01'"), "\(r.stderr)")
    }

    // MARK: SOURCE_DATE_EPOCH

    /// A malformed SOURCE_DATE_EPOCH is refused (it used to become the current time).
    @Test(arguments: ["abc", "1e9", "-1", "253402300800", "", "12 34"])
    func malformedSourceDateEpochIsAUsageError(_ value: String) throws {
        let r = try CLIRunner.run(
            [
                "forecast", "--data", Self.fixture("hostile-monthly-60.csv"), "--horizon", "1",
                "--model", "naive",
            ], environment: ["SOURCE_DATE_EPOCH": value])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("SOURCE_DATE_EPOCH"))
        #expect(r.stdout.isEmpty)
    }

    /// The last second a four-digit year can write is accepted, and written as such.
    @Test func latestSourceDateEpochIsAccepted() throws {
        let r = try CLIRunner.run(
            [
                "forecast", "--data", Self.fixture("hostile-monthly-60.csv"), "--horizon", "1",
                "--model", "naive",
            ], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.document(r)["issued"] as? String == "9999-12-31T23:59:59Z")
    }

    // MARK: Names in messages

    /// A collinear covariate is named as the user wrote it, not as xreg2.
    @Test(arguments: ["regression", "arima"])
    func collinearCovariateIsNamedByItsTerm(_ model: String) throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-collinear.csv"), "--series", "y",
            "--covariates", "c@lag1,c@lag2", "--model", model, "--horizon", "1",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let errors = try Self.document(r)["errors"] as? [[String: Any]] ?? []
        let message = errors.first?["message"] as? String ?? ""
        #expect(message.contains("c@lag2") && !message.contains("xreg"), "\(message)")
    }

    /// A NUL byte in user text is visible in messages, as \0.
    @Test func nulByteInASeriesIdIsEscaped() throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-nul-id.csv"), "--horizon", "1",
            "--series", "zz",
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("ab\\0c"), "\(r.stderr)")
        #expect(!r.stderr.contains("\0"))
    }

    /// A series named twice (once precomposed, once decomposed: the same id NFC-normalised) is a
    /// usage error, not a document with the series twice.
    @Test(arguments: [["rice", "rice"], ["gi\u{1EBF}ng", "gie\u{0302}\u{0301}ng"]])
    func seriesNamedTwiceIsAUsageError(_ ids: [String]) throws {
        let r = try CLIRunner.run([
            "forecast", "--data", Self.fixture("hostile-monthly-60.csv"), "--horizon", "1",
            "--series", ids[0], "--series", ids[1],
        ])
        #expect(r.status == 64)
        #expect(r.stderr.contains("is given twice"), "\(r.stderr)")
    }

    /// A number too large for a double is named as such, not as "not a number".
    @Test func valueBeyondTheLargestDoubleIsNamed() throws {
        let r = try CLIRunner.run(["validate", "--data", Self.fixture("hostile-value-overflow.csv")])
        #expect(r.status == 65)
        #expect(
            r.stderr.contains("hostile-value-overflow.csv:3:3:")
                && r.stderr.contains("'1e999' is beyond the largest number"),
            "\(r.stderr)")
    }

    /// A weight that is not positive is named at its line and column of the file (it was "fitted
    /// row 2", a position among the rows kept).
    @Test func nonPositiveWeightIsNamedAtItsLine() throws {
        let r = try CLIRunner.run([
            "regress", "--data", Self.fixture("hostile-negative-weight.csv"), "--formula", "y ~ x",
            "--weights", "w",
        ])
        #expect(r.status == 65)
        #expect(
            r.stderr.contains("hostile-negative-weight.csv:4:3: column 'w'") && r.stderr.contains("found -1"),
            "\(r.stderr)")
    }

    /// A formula is an argument: its syntax errors are usage errors (64).
    @Test(arguments: ["y ~ x +", "y x"])
    func formulaSyntaxErrorIsAUsageError(_ formula: String) throws {
        let r = try CLIRunner.run([
            "regress", "--data", Self.fixture("hostile-regress-overflow.csv"), "--formula", formula,
        ])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--formula"))
    }
}
