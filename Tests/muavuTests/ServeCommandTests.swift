import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `muavu serve` and `muavu token` as a user runs them: the built binary listens on a free port
/// (`--port 0`, its address printed on stderr), serves `/openapi.json` exactly as
/// `muavu schema openapi` prints it, takes a write with a token from `muavu token add`, and stops
/// with exit 0 on SIGTERM.
@Suite("muavu serve and muavu token, end to end", .serialized)
struct ServeCommandTests {
    /// A temporary folder removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("muavu-serve-cli-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        var store: String { url.appendingPathComponent("store.sqlite").path }
    }

    /// A running `muavu serve` and the address it printed.
    struct Running {
        var process: Process
        var address: String
        var stderr: Pipe
    }

    /// 2026-11-29T00:00:00Z: the documents' issue time, in the server as in the CLI.
    static let epoch = ["SOURCE_DATE_EPOCH": "1795910400"]

    static func serve(store: String) throws -> Running {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.environment = ProcessInfo.processInfo.environment.merging(epoch) { _, new in new }
        process.arguments = [
            "serve", "--port", "0", "--store", store, "--config",
            BundledConfiguration.root
                .appendingPathComponent("models/dong-thap.json").path,
        ]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let said = "muavu serve: listening on "
        while !text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().contains(where: {
            $0.hasPrefix(said)
        }) {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(said) })
        let address = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") })
        return Running(process: process, address: String(address), stderr: stderr)
    }

    /// The status and body of a request.
    static func request(_ url: String, method: String = "GET", headers: [String: String] = [:], body: String? = nil)
        throws -> (Int, Data)
    {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        request.httpBody = body.map { Data($0.utf8) }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, Data) = (0, Data())
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    @Test func serveAnswersOnAFreePortAsTheSchemaSaysAndStopsOnSIGTERM() throws {
        let f = try Folder()
        let added = try CLIRunner.run(["token", "add", "htx-tan-hong", "--store", f.store])
        #expect(added.status == 0)
        let token = added.stdout.trimmingCharacters(in: .newlines)
        #expect(token.count == 64 && token.allSatisfy(\.isHexDigit))
        let running = try Self.serve(store: f.store)
        defer { if running.process.isRunning { running.process.terminate() } }

        let (status, body) = try Self.request(running.address + "/openapi.json")
        #expect(status == 200)
        let schema = try CLIRunner.run(["schema", "openapi"])
        #expect(schema.status == 0)
        #expect(String(decoding: body, as: UTF8.self) == schema.stdout)

        let week = "series_id,date,value,unit\npaddy-ir50404-an-giang,2030-01,7100,VND/kg\n"
        let (written, answer) = try Self.request(
            running.address + "/v1/observations", method: "POST",
            headers: ["Authorization": "Bearer \(token)", "Content-Type": "text/csv"], body: week)
        #expect(written == 200, "\(String(decoding: answer, as: UTF8.self))")
        let (refused, _) = try Self.request(
            running.address + "/v1/observations", method: "POST", headers: ["Content-Type": "text/csv"], body: week)
        #expect(refused == 401)

        running.process.terminate()
        running.process.waitUntilExit()
        #expect(running.process.terminationReason == .exit && running.process.terminationStatus == 0)
    }

    /// `GET /v1/forecast/{id}` and `muavu forecast --series ID` take one path (`ForecastRun`): the
    /// same store and issue time give the same bytes.
    @Test func theServedForecastIsTheForecastCommandsDocument() throws {
        let f = try Folder()
        let data = BundledConfiguration.root.appendingPathComponent("datasets/paddy-price-monthly.csv").path
        #expect(try CLIRunner.run(["import", "--format", "tidy", "--file", data, "--store", f.store]).status == 0)
        let cli = try CLIRunner.run(
            [
                "forecast", "--series", "paddy-ir50404-an-giang", "--horizon", "2", "--on-missing", "interpolate",
                "--store", f.store,
            ], environment: Self.epoch)
        #expect(cli.status == 0, "\(cli.stderr)")
        let running = try Self.serve(store: f.store)
        defer { if running.process.isRunning { running.process.terminate() } }
        let (status, body) = try Self.request(
            running.address + "/v1/forecast/paddy-ir50404-an-giang?horizon=2&on_missing=interpolate")
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self) == cli.stdout)
    }

    /// `GET /v1/outlook` and `muavu outlook --json` share `OutlookAssembly`: the same store,
    /// configuration and issue time give the same bytes.
    @Test func theServedOutlookIsTheOutlookCommandsDocument() throws {
        let f = try Folder()
        let datasets = BundledConfiguration.root.appendingPathComponent("datasets")
        // The paddy prices, and the one Pink Sheet series the configuration links them to.
        let pinksheet = try String(
            contentsOf: datasets.appendingPathComponent("wb-pinksheet-monthly.csv"), encoding: .utf8
        ).split(separator: "\n")
        let rice = f.url.appendingPathComponent("wb-rice-vnm-5.csv")
        try ([pinksheet[0]] + pinksheet.filter { $0.hasPrefix("wb-rice-vnm-5,") }).joined(separator: "\n")
            .write(to: rice, atomically: true, encoding: .utf8)
        // The paddy prices, the export price they are linked to, and the wholesale rice prices of
        // the paddy–rice margin.
        let files = [
            datasets.appendingPathComponent("paddy-price-monthly.csv").path, rice.path,
            datasets.appendingPathComponent("wfp-rice-wholesale.csv").path,
        ]
        for file in files {
            #expect(try CLIRunner.run(["import", "--format", "tidy", "--file", file, "--store", f.store]).status == 0)
        }
        let config = BundledConfiguration.root.appendingPathComponent("models/dong-thap.json").path
        let cli = try CLIRunner.run(
            [
                "outlook", "--commodity", "lúa", "--market", "An Giang", "--months", "2", "--json", "--store", f.store,
                "--config", config,
            ], environment: Self.epoch)
        #expect(cli.status == 0, "\(cli.stderr)")
        let running = try Self.serve(store: f.store)
        defer { if running.process.isRunning { running.process.terminate() } }
        let (status, body) = try Self.request(
            running.address + "/v1/outlook?commodity=l%C3%BAa&market=An%20Giang&months=2")
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self) == cli.stdout)
        // The SMS, as `muavu outlook --format sms` writes it.
        let sms = try CLIRunner.run(
            [
                "outlook", "--commodity", "lúa", "--market", "An Giang", "--months", "2", "--format", "sms",
                "--store", f.store, "--config", config,
            ], environment: Self.epoch)
        let (smsStatus, smsBody) = try Self.request(
            running.address + "/v1/outlook?commodity=l%C3%BAa&market=An%20Giang&months=2&format=sms")
        #expect(smsStatus == 200 && sms.status == 0)
        #expect(String(decoding: smsBody, as: UTF8.self) == sms.stdout)
    }

    @Test func tokensAreListedRevokedAndEachNameGivenOnce() throws {
        let f = try Folder()
        #expect(try CLIRunner.run(["token", "add", "htx-a", "--store", f.store]).status == 0)
        let list = try CLIRunner.run(["token", "list", "--store", f.store])
        #expect(list.status == 0 && list.stdout.hasPrefix("htx-a\tmade ") && list.stdout.contains("\tvalid"))
        #expect(try CLIRunner.run(["token", "revoke", "htx-a", "--store", f.store]).status == 0)
        #expect(try CLIRunner.run(["token", "list", "--store", f.store]).stdout.contains("\trevoked "))
        let again = try CLIRunner.run(["token", "add", "htx-a", "--store", f.store])
        #expect(again.status == 64 && again.stderr.contains("already exists"))
        #expect(try CLIRunner.run(["token", "revoke", "nobody", "--store", f.store]).status == 64)
        #expect(try CLIRunner.run(["token", "add", "../x", "--store", f.store]).status == 64)
    }

    @Test func serveStopsOnSIGINTWithExit0() throws {
        let f = try Folder()
        let running = try Self.serve(store: f.store)
        defer { if running.process.isRunning { running.process.terminate() } }
        #expect(try Self.request(running.address + "/v1/health").0 == 503)
        running.process.interrupt()
        running.process.waitUntilExit()
        #expect(running.process.terminationReason == .exit && running.process.terminationStatus == 0)
    }

    @Test func aPortOutOfRangeIsAUsageError() throws {
        let result = try CLIRunner.run(["serve", "--port", "70000"])
        #expect(result.status == 64 && result.stderr.contains("--port"))
    }
}
