import Dispatch
import Foundation
import Hummingbird
import Logging
import Publishing
import Store
import Synchronization
import TimeSeriesCore

/// What `muavu serve` is started with.
public struct ServeSettings: Sendable {
    /// The address to listen on (127.0.0.1: this machine only).
    public var host: String
    /// The port; 0 lets the system choose a free one (the address is printed once bound).
    public var port: Int
    /// The store's SQLite file.
    public var store: String
    /// The model configuration whose entries name the prices (`/v1/commodities`, `/v1/outlook`);
    /// nil: none (then only the store's series are listed).
    public var configuration: PublishConfiguration?
    /// The largest request body read, in bytes; a larger one is refused (413) before it is parsed.
    public var maxBodyBytes: Int

    /// The writes one token may make in any 60 seconds; more are refused (429) until the minute
    /// has passed.
    public var writesPerMinute: Int
    /// The folder of a publication (`muavu publish --out DIR`) served read-only under
    /// `/published/`; nil: none.
    public var published: String?

    /// 64 KiB: a week's prices of every market are a few kilobytes of CSV.
    public static let defaultMaxBodyBytes = 64 << 10
    /// 60: a price reporter sends a handful a week; a script gone wrong is held to one a second.
    public static let defaultWritesPerMinute = 60

    public init(
        host: String = "127.0.0.1", port: Int = 8080, store: String, configuration: PublishConfiguration? = nil,
        maxBodyBytes: Int = ServeSettings.defaultMaxBodyBytes, writesPerMinute: Int = ServeSettings.defaultWritesPerMinute,
        published: String? = nil
    ) {
        (self.host, self.port, self.store, self.configuration) = (host, port, store, configuration)
        (self.maxBodyBytes, self.writesPerMinute, self.published) = (maxBodyBytes, writesPerMinute, published)
    }
}

/// The HTTP server of `muavu serve`: the routes of `MuavuAPI.routes` on Hummingbird, every
/// failure answered with a problem document.
public enum MuavuServer {
    /// Serves `settings` until SIGINT or SIGTERM, then stops gracefully: the server stops accepting
    /// connections and answers the requests in progress first. `running` is told the bound address.
    public static func run(
        _ settings: ServeSettings, running: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws {
        try await application(settings, running: running).runService()
    }

    /// The application serving `settings`; `running` is told the bound address
    /// (`http://127.0.0.1:8080`) once the server listens. `runService()` runs it until SIGINT or
    /// SIGTERM, then stops gracefully (requests in progress are finished).
    public static func application(
        _ settings: ServeSettings, running: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let api = MuavuAPI(settings: settings)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ObservedRequests(metrics: api.metrics))
        router.add(middleware: ProblemMiddleware())
        for route in MuavuAPI.routes {
            router.on(RouterPath(route.routerPath), method: route.method) { request, context in
                try await route.handler(api, request, context)
            }
        }
        return Application(
            router: router,
            // A connection that sends nothing for 30 seconds is closed: a client that opens
            // connections and trickles bytes cannot hold the server's sockets.
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(
                address: .hostname(settings.host, port: settings.port), serverName: "muavu/\(MuavuAPI.version)"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
                await running("http://\(host):\(port)")
            },
            logger: Self.logger)
    }

    /// One structured line per request (`ObservedRequests`), at `info`, as `muavu.serve`.
    static let logger = Logger(label: "muavu.serve")
}

/// Turns every error a route throws (and the router's "no such path") into a problem document,
/// and answers a known path asked with another method 405 with the methods it takes.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Problem(error)
            if problem.code == .notFound, error is HTTPError {
                let allowed = MuavuAPI.routes.filter { $0.matches(path: request.uri.path) }.map(\.method.rawValue)
                if !allowed.isEmpty {
                    problem = Problem(
                        .methodNotAllowed, "\(request.uri.path) takes \(allowed.joined(separator: ", "))",
                        expected: allowed.joined(separator: ", "))
                    var response = problem.response()
                    response.headers[.allow] = allowed.joined(separator: ", ")
                    return response
                }
                problem = Problem(
                    .notFound,
                    "no endpoint \(MessageText.escaped(String(request.uri.path.prefix(200)))); "
                        + "GET /openapi.json lists them")
            }
            return problem.response()
        }
    }
}

/// Runs `body` on a thread of its own, away from the server's event loops and Swift's cooperative
/// threads: the store's reads and the model fits block.
func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
