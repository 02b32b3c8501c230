import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Store
import Testing

@testable import Server

/// `POST /v1/observations` on a real server on loopback: a write needs a valid token, lands whole
/// in the store with the token's name, and is checked as every import is.
@Suite("muavu serve: writing observations")
struct ObservationsEndpointTests {
    /// This week's paddy price at An Giang, a month after the bundled file's last.
    static let week = "series_id,date,value,unit\npaddy-ir50404-an-giang,2030-01,7100,VND/kg\n"

    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "text/csv; charset=utf-8"]
    }

    @Test func aWriteWithoutATokenIsRefusedAndWritesNothing() async throws {
        let served = try ServedStore()
        _ = try served.addToken("htx-tan-hong")
        let before = try ObservationStore(path: served.path).imports().count
        try await served.application().test(.live) { client in
            let none = try await client.call(
                .post, "/v1/observations", headers: [.contentType: "text/csv"], body: Self.week)
            #expect(none.status == 401)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let guessed = try await client.call(
                .post, "/v1/observations", headers: Self.bearer(String(repeating: "a", count: 64)), body: Self.week)
            #expect(guessed.status == 401)
            let malformed = try await client.call(
                .post, "/v1/observations", headers: [.authorization: "Basic dXNlcjpwYXNz"], body: Self.week)
            #expect(malformed.status == 401)
            // Without a token, nothing else of the request is looked at (found by schemathesis).
            let badQuery = try await client.call(
                .post, "/v1/observations?confirmed=", headers: [.contentType: "text/csv"], body: Self.week)
            #expect(badQuery.status == 401)
        }
        #expect(try ObservationStore(path: served.path).imports().count == before)
    }

    @Test func aWriteWithATokenLandsAndRecordsTheTokensName() async throws {
        let served = try ServedStore()
        let token = try served.addToken("htx-tan-hong")
        try await served.application().test(.live) { client in
            let answer = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: Self.week)
            #expect(answer.status == 200)
            #expect(answer.json["token"] as? String == "htx-tan-hong")
            #expect(answer.json["new"] as? Int == 1)
            #expect(answer.json["already_imported"] as? Bool == false)
            let series = try await client.call(.get, "/v1/series/paddy-ir50404-an-giang")
            let last = try #require((series.json["observations"] as? [[String: Any]])?.last)
            #expect(last["date"] as? String == "2030-01" && last["value"] as? Double == 7100)
            // The same body again writes nothing.
            let again = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: Self.week)
            #expect(again.status == 200 && again.json["already_imported"] as? Bool == true)
        }
        let record = try #require(try ObservationStore(path: served.path).imports().last)
        #expect(record.token == "htx-tan-hong")
        #expect(record.path == ObservationsRoute.origin)
        // Files imported with `muavu import` name no token.
        #expect(try ObservationStore(path: served.path).imports().first?.token == nil)
    }

    @Test func aRevokedTokenIsRefused() async throws {
        let served = try ServedStore()
        let token = try served.addToken("htx-tan-hong")
        try ObservationStore(path: served.path).revokeToken(name: "htx-tan-hong", now: Date())
        try await served.application().test(.live) { client in
            let answer = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: Self.week)
            #expect(answer.status == 401)
            #expect((answer.json["detail"] as? String)?.contains("not valid") == true)
        }
        #expect(try ObservationStore(path: served.path).observations(seriesID: "paddy-ir50404-an-giang").count == 36)
    }

    @Test(
        arguments: [
            // A value out of the plausible range of a price, not confirmed.
            ("series_id,date,value,unit\npaddy-ir50404-an-giang,2030-01,7100000,VND/kg\n", "implausible-value"),
            // Another unit than the stored one.
            ("series_id,date,value,unit\npaddy-ir50404-an-giang,2030-01,7.1,USD/kg\n", "series-mismatch"),
            // A number that is not one, with its line.
            ("series_id,date,value,unit\npaddy-ir50404-an-giang,2030-01,7,100abc,VND/kg\n", "ragged-row"),
            ("series_id,date,value,unit\npaddy-ir50404-an-giang,2030-01,bảy nghìn,VND/kg\n", "not-numeric"),
            ("series_id,date,value,unit\npaddy-ir50404-an-giang,tuần này,7100,VND/kg\n", "bad-date"),
            ("", "empty"),
        ])
    func badDataIs422WithWhereAndWhy(body: String, cause: String) async throws {
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        let token = try served.addToken("htx-tan-hong")
        try await served.application().test(.live) { client in
            let answer = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: body)
            #expect(answer.status == 422)
            #expect(answer.json["cause"] as? String == cause)
            #expect(!(answer.json["detail"] as? String ?? "").isEmpty)
        }
        #expect(try ObservationStore(path: served.path).observations(seriesID: "paddy-ir50404-an-giang").count == 36)
    }

    @Test func aValueOutOfRangeThatIsRealIsWrittenWhenItsRowSaysConfirmed() async throws {
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        let token = try served.addToken("htx-tan-hong")
        let body = "series_id,date,value,unit,flag\npaddy-ir50404-an-giang,2030-01,71000,VND/kg,\n"
        try await served.application().test(.live) { client in
            let refused = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: body)
            #expect(refused.status == 422)
            #expect((refused.json["where"] as? [String: Any])?["line"] as? Int == 2)
            // As `muavu import --format tidy`: the row's flag says so, and confirmed= (--confirmed) names it.
            let flagged = body.replacingOccurrences(of: "VND/kg,\n", with: "VND/kg,confirmed\n")
            let confirmed = try await client.call(
                .post, "/v1/observations?confirmed=paddy-ir50404-an-giang@2030-01", headers: Self.bearer(token),
                body: flagged)
            #expect(confirmed.status == 200, "\(confirmed.text)")
            let badConfirmation = try await client.call(
                .post, "/v1/observations?confirmed=2030-01", headers: Self.bearer(token), body: flagged)
            #expect(badConfirmation.status == 400)
        }
    }

    @Test func aBodyLargerThanTheLimitIs413AndAnotherMediaType415() async throws {
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        let token = try served.addToken("htx-tan-hong")
        try await served.application(maxBodyBytes: 1024).test(.live) { client in
            let big = Self.week + String(repeating: "paddy-ir50404-an-giang,2030-01,7100,VND/kg\n", count: 100)
            let answer = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: big)
            #expect(answer.status == 413)
            let json = try await client.call(
                .post, "/v1/observations",
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: "{}")
            #expect(json.status == 415)
        }
    }

    /// The default body limit is 64 KiB: a body of 65 KiB is refused before it is read.
    @Test func theDefaultBodyLimitIs64KiB() async throws {
        #expect(ServeSettings.defaultMaxBodyBytes == 65_536)
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        let token = try served.addToken("htx-tan-hong")
        try await served.application().test(.live) { client in
            let row = "paddy-ir50404-an-giang,2030-01,7100,VND/kg\n"
            let big = Self.week + String(repeating: row, count: 66_560 / row.utf8.count + 1)
            let answer = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: big)
            #expect(answer.status == 413)
        }
    }

    /// A token writes at most `writesPerMinute` times a minute: the next write is 429 with
    /// Retry-After and writes nothing; another token is not held back.
    @Test func aTokenPastItsWritesOfTheMinuteGets429() async throws {
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        let token = try served.addToken("htx-tan-hong")
        let other = try served.addToken("htx-phu-thanh")
        try await served.application(writesPerMinute: 2).test(.live) { client in
            for month in ["2030-01", "2030-02"] {
                let body = "series_id,date,value,unit\npaddy-ir50404-an-giang,\(month),7100,VND/kg\n"
                let ok = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: body)
                #expect(ok.status == 200)
            }
            let third = "series_id,date,value,unit\npaddy-ir50404-an-giang,2030-03,7100,VND/kg\n"
            let refused = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: third)
            #expect(refused.status == 429)
            #expect(refused.headers[.retryAfter] == "60")
            #expect(refused.json["code"] as? String == "too-many-writes")
            let theirs = try await client.call(.post, "/v1/observations", headers: Self.bearer(other), body: third)
            #expect(theirs.status == 200)
        }
        let stored = try ObservationStore(path: served.path).observations(seriesID: "paddy-ir50404-an-giang")
        #expect(stored.filter { $0.period.description.hasPrefix("2030") }.count == 3)
    }

    /// An outlook is computed once per new data: the same request again is served from memory
    /// (`X-Muavu-Cache: hit`, the same bytes); after a write that changes the store it is computed
    /// again (`miss`).
    @Test func anOutlookIsComputedOncePerNewData() async throws {
        let served = try ServedStore(importing: ServedStore.outlookData)
        let token = try served.addToken("htx-tan-hong")
        try await served.application().test(.live) { client in
            let uri = "/v1/outlook?commodity=lua&market=an%20giang&months=2"
            let first = try await client.call(.get, uri)
            let again = try await client.call(.get, uri)
            #expect(first.status == 200 && again.status == 200)
            #expect(first.headers[HTTPField.Name("X-Muavu-Cache")!] == "miss")
            #expect(again.headers[HTTPField.Name("X-Muavu-Cache")!] == "hit")
            #expect(first.body == again.body)
            let week = "series_id,date,value,unit\npaddy-ir50404-an-giang,2026-04,5600,VND/kg\n"
            let wrote = try await client.call(.post, "/v1/observations", headers: Self.bearer(token), body: week)
            #expect(wrote.status == 200 && wrote.json["new"] as? Int == 1)
            let after = try await client.call(.get, uri)
            #expect(after.status == 200 && after.headers[HTTPField.Name("X-Muavu-Cache")!] == "miss")
            #expect(after.body != first.body)
            // The metrics count them: two computed, one from memory, every request by route and status.
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.status == 200 && metrics.contentType.hasPrefix("text/plain"))
            #expect(metrics.text.contains(#"muavu_answers_total{from="computed"} 2"#), "\(metrics.text)")
            #expect(metrics.text.contains(#"muavu_answers_total{from="memory"} 1"#))
            #expect(metrics.text.contains(#"muavu_http_requests_total{route="/v1/outlook",method="GET",status="200"} 3"#))
            #expect(metrics.text.contains("muavu_http_request_duration_seconds_bucket"))
        }
    }
}
