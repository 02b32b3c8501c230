import ArgumentParser
import Dispatch
import Documents
import Foundation
import Publishing
import Server

/// `muavu serve [--port N] [--host ADDR] [--store PATH] [--config FILE]`: the JSON API over HTTP.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the store, forecasts and price outlooks as a JSON API over HTTP.",
        discussion: """
            Listens on --host (default 127.0.0.1: this machine only) and --port (default 8080; 0 lets the \
            system choose a free port). Once listening it prints 'muavu serve: listening on http://HOST:PORT' \
            on stderr. GET /openapi.json (the same as `muavu schema openapi`) describes every endpoint. \
            Writing observations (POST /v1/observations) needs a token from `muavu token add NAME`. \
            SIGINT or SIGTERM stops it gracefully: requests in progress are answered first.
            """)

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @OptionGroup var store: StoreOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The model configuration whose entries name the prices (default: models/dong-thap.json when it exists).",
            valueName: "file"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A publication (muavu publish --out DIR) to serve read-only under /published/ (the bulletin, its "
                + "charts, the phone pages).", valueName: "dir"))
    var published: String?

    /// The configuration the outlook searches when --config is not given.
    static let defaultConfiguration = "models/dong-thap.json"

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be at least 0 and at most 65535 (a whole number), got \(port)")
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw ValidationError("--host must be an address such as 127.0.0.1 or ::1, not '\(host)'")
        }
        if let published {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: published, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--published must name the folder of a publication, not '\(published)'")
            }
        }
    }

    /// The root command is synchronous: the server runs in a task while this thread waits for it
    /// (signals are caught on a queue of their own, so nothing needs this thread).
    func run() throws {
        let settings = ServeSettings(
            host: host, port: port, store: store.path, configuration: try loadConfiguration(), published: published)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await MuavuServer.run(settings) { address in
                    printError("muavu serve: listening on \(address) (store \(settings.store))")
                }
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            printError("error: muavu serve: \(error)")
            throw ExitCode(1)
        }
    }

    /// --config, else models/dong-thap.json when it exists, else none; a configuration that cannot be
    /// read is a usage error (exit 64).
    func loadConfiguration() throws -> PublishConfiguration? {
        do {
            if let config { return try PublishConfiguration.load(path: config) }
            if FileManager.default.fileExists(atPath: Self.defaultConfiguration) {
                return try PublishConfiguration.load(path: Self.defaultConfiguration)
            }
            return nil
        } catch let error as PublishingError {
            printError("error: \(error.description)")
            throw ExitCode(64)
        }
    }

    /// The error the server ended with, handed from its task to the waiting thread.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { stored = error } }
    }
}
