import Dispatch
import Documents
import Foundation
import Hummingbird
import Publishing
import Store
import Synchronization
import TimeSeriesCore

/// The state the routes share: the settings, and the store, opened at its first use and kept.
final class MuavuAPI: Sendable {
    let settings: ServeSettings
    private let opened = Mutex<ObservationStore?>(nil)

    private let fitting = Mutex(0)
    /// The server's measurements (`GET /metrics`).
    let metrics = ServerMetrics()

    /// Answers made, by request and data: see `cached`.
    private let answers = Mutex<[String: (body: Data, type: String)]>([:])
    /// The most answers kept; when full, the cache starts again empty.
    static let cachedAnswers = 256

    /// The answer to `request` (a route and its normalised query) on the store's data as it is now:
    /// computed by `body` the first time, then served from memory until an import changes the
    /// store (`ObservationStore.importStamp`) or the issue day changes, so that a forecast is
    /// fitted once per new data, not once per request. `hit` says which it was (the
    /// `X-Muavu-Cache` header). Failures are not kept.
    func cached(
        _ request: String, _ body: @escaping @Sendable () throws -> (body: Data, type: String)
    ) async throws -> (body: Data, type: String, hit: Bool) {
        let stamp = try await offload { try self.store().importStamp() }
        let key = "\(request)|\(stamp)|\(Publisher.day(of: IssueTime.now()))"
        if let kept = answers.withLock({ $0[key] }) {
            metrics.answer(hit: true)
            return (kept.body, kept.type, true)
        }
        let made = try await fit(body)
        metrics.answer(hit: false)
        answers.withLock { all in
            if all.count >= Self.cachedAnswers { all.removeAll() }
            all[key] = made
        }
        return (made.body, made.type, false)
    }

    /// Per token name, the times (seconds since boot) of its writes in the last minute.
    private let writes = Mutex<[String: [UInt64]]>([:])

    init(settings: ServeSettings) { self.settings = settings }

    /// Model fits at once: one per core. A fit takes seconds of a core; more requests than cores
    /// are answered 503 at once (with Retry-After) rather than queued behind each other.
    static let fits = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Runs `body` (a model fit) off the event loops when fewer than `fits` are running, else
    /// refuses with a 503 problem.
    func fit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let admitted = fitting.withLock { running in
            guard running < Self.fits else { return false }
            running += 1
            return true
        }
        guard admitted else {
            throw Problem(
                .busy, "the server is fitting \(Self.fits) models already; ask again in a few seconds",
                expected: "a request when fewer models are being fitted")
        }
        defer { fitting.withLock { $0 -= 1 } }
        return try await offload(body)
    }

    /// Counts a write by `token`, or refuses it (429) when the token has made
    /// `settings.writesPerMinute` writes in the last 60 seconds (a sliding window).
    func admitWrite(by token: String, now: UInt64 = DispatchTime.now().uptimeNanoseconds) throws {
        let limit = settings.writesPerMinute
        let minute: UInt64 = 60_000_000_000
        let admitted = writes.withLock { all in
            var recent = (all[token] ?? []).filter { now &- $0 < minute }
            guard recent.count < limit else {
                all[token] = recent
                return false
            }
            recent.append(now)
            all[token] = recent
            return true
        }
        guard admitted else {
            metrics.writeRefused()
            throw Problem(
                .tooManyWrites, "token '\(token)' has written \(limit) times in the last minute; ask again in a minute",
                at: .init(header: "Authorization"), expected: "at most \(limit) writes a minute per token")
        }
    }

    static let version = Engine.current.version

    /// The store; `StoreError` (a problem 503) when there is none or it is not a muavu store.
    /// Reading never creates one: `muavu import` or `muavu token add` does.
    func store() throws -> ObservationStore {
        if let store = opened.withLock({ $0 }) { return store }
        let store = try ObservationStore(path: settings.store, create: false)
        opened.withLock { $0 = store }
        return store
    }

    /// The route table: every endpoint, its OpenAPI operation and its handler. The router and the
    /// OpenAPI document are both built from it, so that no route goes undescribed.
    ///
    /// The outlook's phone page and its SMS and Zalo texts (made in Publishing) are forms of
    /// `/v1/outlook` (`format=html|sms|zalo`, `OutlookRoute.render`); any new page is one more row.
    static let routes: [Route] = [
        OpenAPIRoute.route,
        HealthRoute.route,
        CommoditiesRoute.route,
        SeriesRoute.route,
        ForecastRoute.route,
        OutlookRoute.route,
        ObservationsRoute.route,
        PublishedRoute.route,
        PublishedRoute.nested,
        MetricsRoute.route,
    ]
}

/// One endpoint: method, path (OpenAPI's form, `/v1/series/{id}`), its description and handler.
struct Route: Sendable {
    var method: HTTPRequest.Method
    var path: String
    var operation: OpenAPI.Operation
    var handler: @Sendable (MuavuAPI, Request, BasicRequestContext) async throws -> Response

    /// The path as Hummingbird's router writes it: `{id}` → `:id`.
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : part
        }.joined(separator: "/")
    }

    /// Whether `path` is this route's path (whatever the method).
    func matches(path requested: String) -> Bool {
        let mine = path.split(separator: "/", omittingEmptySubsequences: false)
        let theirs = requested.split(separator: "/", omittingEmptySubsequences: false)
        guard mine.count == theirs.count else { return false }
        return zip(mine, theirs).allSatisfy { m, t in m == t || (m.hasPrefix("{") && !t.isEmpty) }
    }
}

/// Reading a request's query and path values, each refused (400) with a message that names it.
struct Query {
    let request: Request
    let context: BasicRequestContext

    /// Every value of `name` in the query, decoded as a form encodes it (application/x-www-form-
    /// urlencoded, as browsers and HTTP libraries write a query): `+` is a space, then
    /// percent-decoding as UTF-8; a value that does not decode is refused (400) rather than read as
    /// written.
    func values(_ name: String) throws -> [String] {
        guard let query = request.uri.query, !query.isEmpty else { return [] }
        func decoded(_ raw: Substring) -> String? { raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
        var found: [String] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decoded(parts[0]) == name else { continue }
            let raw = parts.count == 2 ? parts[1] : ""
            guard let value = decoded(raw) else {
                throw Problem(
                    .badRequest, "\(name) is not percent-encoded UTF-8: '\(MessageText.escaped(String(raw.prefix(40))))'",
                    at: .init(parameter: name), expected: "a value percent-encoded as UTF-8")
            }
            found.append(value)
        }
        return found
    }

    /// The query value `name` (decoded by `values`), nil when absent; given twice is refused.
    func string(_ name: String) throws -> String? {
        let all = try values(name)
        guard all.count <= 1 else {
            throw Problem(
                .badRequest, "\(name) is given \(all.count) times", at: .init(parameter: name), expected: "once")
        }
        guard let value = all.first.map({ String($0) }) else { return nil }
        try Self.checkText(value, name)
        return value
    }

    /// Every value of a repeatable query parameter.
    func strings(_ name: String) throws -> [String] {
        let all = try values(name)
        guard all.count <= 100 else {
            throw Problem(
                .badRequest, "\(name) is given \(all.count) times", at: .init(parameter: name),
                expected: "at most 100")
        }
        for value in all { try Self.checkText(value, name) }
        return all
    }

    /// The integer query value `name` within `bound` (the CLI's words: "must be at least 1 and at
    /// most 24 (a whole number), got 99"), `fallback` when absent.
    func integer(_ name: String, _ bound: Bound, default fallback: Int) throws -> Int {
        guard let text = try string(name) else { return fallback }
        guard let value = Int(text), bound.contains(value) else {
            throw Problem(
                .badRequest, "\(name) \(bound.refusal(MessageText.escaped(String(text.prefix(40)))))",
                at: .init(parameter: name),
                expected: "a whole number from \(bound.range.lowerBound) to \(bound.range.upperBound)")
        }
        return value
    }

    /// One of `allowed`, `fallback` when absent.
    func choice(_ name: String, _ allowed: [String], default fallback: String) throws -> String {
        guard let text = try string(name) else { return fallback }
        guard allowed.contains(text) else {
            throw Problem(
                .badRequest,
                "\(name) must be \(Self.list(allowed)), not '\(MessageText.escaped(String(text.prefix(40))))'",
                at: .init(parameter: name), expected: Self.list(allowed))
        }
        return text
    }

    /// `as_of`: a day or a month, as `--as-of` takes it, and the instant it stands for.
    func asOf() throws -> (text: String, instant: Date)? {
        guard let text = try string("as_of") else { return nil }
        guard let instant = StoreSeries.instant(asOf: text) else {
            throw Problem(
                .badRequest,
                "as_of must be a day YYYY-MM-DD or a month YYYY-MM, not "
                    + "'\(MessageText.escaped(String(text.prefix(40))))'",
                at: .init(parameter: "as_of"), expected: "YYYY-MM-DD or YYYY-MM")
        }
        return (text, instant)
    }

    /// The longest series id or name a request may give.
    static let maxTextLength = 200

    /// The path value `name` (a series id), percent-decoded: at most 200 characters, no control
    /// characters (a NUL byte, a line break).
    func path(_ name: String) throws -> String {
        let raw = context.parameters.get(name) ?? ""
        // A code point is at most 4 bytes of UTF-8, each written %XX.
        guard raw.utf8.count <= Self.maxTextLength * 12, let value = raw.removingPercentEncoding, !value.isEmpty else {
            throw Problem(
                .badRequest, "the \(name) in the path is not a series id", at: .init(parameter: name),
                expected: "a series id of at most \(Self.maxTextLength) characters, percent-encoded as UTF-8")
        }
        try Self.checkText(value, name)
        return value
    }

    /// Lengths are counted in code points, as the OpenAPI document's `maxLength` counts them.
    static func checkText(_ value: String, _ name: String) throws {
        guard value.unicodeScalars.count <= maxTextLength else {
            throw Problem(
                .badRequest, "\(name) is \(value.unicodeScalars.count) characters long", at: .init(parameter: name),
                expected: "at most \(maxTextLength) characters")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw Problem(
                .badRequest, "\(name) holds a control character: '\(MessageText.escaped(value))'",
                at: .init(parameter: name), expected: "text without control characters")
        }
    }

    static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
    }
}
