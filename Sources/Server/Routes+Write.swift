import AgriData
import Documents
import Foundation
import Hummingbird
import Store
import TimeSeriesCore

/// `POST /v1/observations`: this week's prices, as tidy CSV, written to the store in one
/// transaction with the checks of every import (the tidy reader's number formats and units, the
/// plausibility bounds, the store's units and frequencies), recording the token that sent them.
enum ObservationsRoute {
    /// The source file name a batch is recorded under.
    static let origin = "POST /v1/observations"

    struct Body: Encodable {
        struct Skip: Encodable {
            var reason: String
            var count: Int
        }
        var token: String
        var sha256: String
        var alreadyImported: Bool
        var rowsRead: Int
        var series: Int
        var new: Int
        var unchanged: Int
        var revised: Int
        var vintage: String
        var skipped: [Skip]

        enum CodingKeys: String, CodingKey {
            case token, sha256, series, new, unchanged, revised, vintage, skipped
            case alreadyImported = "already_imported"
            case rowsRead = "rows_read"
        }
    }

    static let route = Route(
        method: .post, path: "/v1/observations",
        operation: .init(
            id: "addObservations", summary: "Write observations (this week's prices) to the store",
            description: "The body is tidy CSV (series_id,date,value[,unit]), as `muavu import --format tidy` reads "
                + "a file, and is checked the same way: dates and numbers as written, one unit per series and the "
                + "stored one, values within the plausible bounds (datasets/bounds.json) unless confirmed (as for "
                + "`muavu import --format tidy`: the row's flag column says confirmed, and confirmed names it). It is "
                + "written in one transaction, whole or not at all, with the import time as its vintage, and the "
                + "store records the token's name with it. The same body sent again writes nothing.",
            parameters: [
                .query(
                    "confirmed",
                    "A value out of the plausible range that is real, as ID@PERIOD (repeatable, at most 100 times), "
                        + "as --confirmed.",
                    JSONSchema([.type(.array), .maxItems(100), .items(ParameterSchemas.confirmation)]))
            ],
            body: (
                "text/csv", "Tidy CSV with a header: series_id,date,value, optionally unit and flag.",
                JSONSchema([.type(.string)]), "series_id,date,value,unit\npaddy-ir50404-an-giang,2026-11,6500,VND/kg\n"
            ),
            needsToken: true,
            responses: [
                .json(200, "What was written.", OpenAPI.component("ImportResult")),
                .problem(400, "A query value is not accepted."),
                .problem(401, "No write token, or one that is not valid (revoked, unknown)."),
                .problem(413, "The body is larger than the server takes (64 KiB by default)."),
                .problem(415, "The body is not text/csv."),
                .problem(422, "The data does not hold up: the problem says where (line, column) and why."),
                .problem(429, "The token has made its writes of the minute (60 by default); Retry-After says when."),
                .problem(503, "The store cannot be read."),
            ])
    ) { api, request, context in
        // The token first: a request without a valid one is 401 whatever else it holds.
        let token = try await authorize(api, request.headers[.authorization])
        let query = Query(request: request, context: context)
        let confirmed = try query.strings("confirmed").map { text in
            guard let c = ImportBounds.Confirmation(text) else {
                throw Problem(
                    .badRequest,
                    "confirmed must be a series id and a period, ID@PERIOD (e.g. x@2016), not "
                        + "'\(MessageText.escaped(text))'",
                    at: .init(parameter: "confirmed"), expected: "ID@PERIOD")
            }
            return c
        }
        try api.admitWrite(by: token)
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces)
        guard type?.lowercased() == "text/csv" else {
            throw Problem(
                .unsupportedMediaType,
                "the body must be tidy CSV sent as text/csv, not \(type.map { "'\($0)'" } ?? "untyped")",
                at: .init(header: "Content-Type"), expected: "text/csv")
        }
        var request = request
        let limit = api.settings.maxBodyBytes
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw Problem(
                .tooLarge, "the body is larger than \(limit) bytes", expected: "at most \(limit) bytes of tidy CSV")
        }
        let data = Data(buffer.readableBytesView)
        let body = try await offload {
            try write(data, api: api, token: token, confirmed: Set(confirmed))
        }
        return try JSONResponse.response(body)
    }

    /// The name of the valid token `header` carries (`Bearer TOKEN`), or a 401 problem.
    static func authorize(_ api: MuavuAPI, _ header: String?) async throws -> String {
        guard let header else {
            throw Problem(
                .unauthorized, "writing needs a token: Authorization: Bearer TOKEN (muavu token add NAME makes one)",
                at: .init(header: "Authorization"), expected: "Bearer and a token of 64 hexadecimal digits")
        }
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer", AccessTokens.isWellFormed(parts[1]) else {
            throw Problem(
                .unauthorized, "the Authorization header is not Bearer and a token",
                at: .init(header: "Authorization"), expected: "Bearer and a token of 64 hexadecimal digits")
        }
        let hash = AccessTokens.hash(String(parts[1]))
        let tokens = try await offload { try api.store().tokens() }
        guard let name = AccessTokens.name(of: hash, among: tokens) else {
            throw Problem(
                .unauthorized, "the token is not valid (unknown or revoked)", at: .init(header: "Authorization"),
                expected: "a token muavu token list shows as valid")
        }
        return name
    }

    /// Reads, checks and writes `data` as `muavu import --format tidy` does a file.
    static func write(_ data: Data, api: MuavuAPI, token: String, confirmed: Set<ImportBounds.Confirmation>) throws
        -> Body
    {
        let batch = try TidyImport.read(data: data, file: origin)
        try ImportBounds.check(batch, file: origin, confirmed: confirmed)
        let report = try api.store().import(
            batch, file: origin, sha256: SHA256.hex(data), now: Date(), token: token)
        // The forecasts of record whose period this write brought are scored against the first release.
        try api.store().checkRecords(release: .first, now: Date())
        return Body(
            token: token, sha256: report.sha256, alreadyImported: report.alreadyImported, rowsRead: report.rowsRead,
            series: report.series, new: report.new, unchanged: report.unchanged, revised: report.revised,
            vintage: IssueTime.iso8601(report.vintage),
            skipped: report.skipped.map { Body.Skip(reason: $0.reason, count: $0.count) })
    }
}
