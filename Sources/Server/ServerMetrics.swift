import Documents
import Foundation
import Hummingbird
import Logging
import Prometheus

/// The server's own measurements, in Prometheus's text format at `GET /metrics`
/// (swift-prometheus): requests by route and status, their durations, the answers served from
/// memory and those computed, and the writes refused by the rate limit. One registry per server.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    /// Durations of answers, in seconds: from a cached answer (milliseconds) to a model fit (seconds).
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(1),
        .seconds(5), .seconds(20), .seconds(60),
    ]

    func request(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "muavu_http_requests_total", labels: [("route", route), ("method", method), ("status", "\(status)")],
            help: "HTTP requests answered, by route, method and status."
        ).increment()
        registry.makeDurationHistogram(
            name: "muavu_http_request_duration_seconds", labels: [("route", route)], buckets: Self.buckets,
            help: "Time to answer a request, by route."
        ).record(duration)
    }

    func answer(hit: Bool) {
        registry.makeCounter(
            name: "muavu_answers_total", labels: [("from", hit ? "memory" : "computed")],
            help: "Forecasts and outlooks answered from memory or computed."
        ).increment()
    }

    func writeRefused() {
        registry.makeCounter(name: "muavu_writes_refused_total", help: "Writes refused by the rate limit.")
            .increment()
    }

    var text: String { registry.emitToString() }
}

/// Logs every request as one structured line (swift-log: method, path, status, duration in
/// milliseconds, the route) and records it in `ServerMetrics`.
struct ObservedRequests: RouterMiddleware {
    typealias Context = BasicRequestContext
    let metrics: ServerMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let route = MuavuAPI.routes.first { $0.matches(path: request.uri.path) }?.path ?? "unmatched"
        func done(_ status: Int) {
            let elapsed = ContinuousClock.now - start
            metrics.request(route: route, method: request.method.rawValue, status: status, duration: elapsed)
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info(
                "request",
                metadata: [
                    "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "route": "\(route)",
                    "status": "\(status)", "ms": "\(String(format: "%.1f", ms))",
                ])
        }
        do {
            let response = try await next(request, context)
            done(Int(response.status.code))
            return response
        } catch let error as HTTPResponseError {
            done(Int(error.status.code))
            throw error
        } catch {
            done(500)
            throw error
        }
    }
}

/// `GET /metrics`: `ServerMetrics` in Prometheus's text exposition format.
enum MetricsRoute {
    static let route = Route(
        method: .get, path: "/metrics",
        operation: .init(
            id: "getMetrics", summary: "The server's metrics (Prometheus text format)",
            description: "Requests by route, method and status; their durations; answers from memory and computed; "
                + "writes refused by the rate limit. For a Prometheus server to scrape.",
            parameters: [],
            responses: [
                .init(
                    status: 200, description: "The metrics, in Prometheus's text format 0.0.4.", mediaType: "text/plain",
                    schema: JSONSchema.string.described("Prometheus text exposition."), alternatives: [])
            ])
    ) { api, _, _ in
        JSONResponse.response(Data(api.metrics.text.utf8), type: "text/plain; version=0.0.4; charset=utf-8")
    }
}
