import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Server

/// Requests built to break the server: each gets a problem document with a 4xx status, never a
/// crash or an empty answer, and the server answers the next request as before.
@Suite("muavu serve: hostile requests")
struct HostileRequestTests {
    @Test func hostilePathsAndQueriesAreRefusedWithAProblem() async throws {
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        try await served.application().test(.live) { client in
            let requests: [(String, Int)] = [
                ("/v1/series/..%2F..%2Fetc%2Fpasswd", 404),
                ("/v1/series/%2E%2E", 404),
                ("/v1/series/a%00b", 400),
                ("/v1/series/" + String(repeating: "x", count: 5_000), 400),
                ("/v1/series/%ZZ", 400),
                ("/v1/forecast/paddy-ir50404-an-giang?horizon=\(Int.max)", 400),
                ("/v1/forecast/paddy-ir50404-an-giang?horizon=-1", 400),
                ("/v1/forecast/paddy-ir50404-an-giang?horizon=99999999999999999999999", 400),
                ("/v1/forecast/paddy-ir50404-an-giang?on_missing=guess", 400),
                ("/v1/outlook?months=\(Int.max)", 400),
                ("/v1/outlook?months=1e3", 400),
                ("/v1/outlook?lang=fr", 400),
                ("/v1/commodities?commodity=" + String(repeating: "l%C3%BAa", count: 300), 400),
                ("/v1/commodities?commodity=a&commodity=b", 400),
                ("/v1/series/paddy-ir50404-an-giang?as_of=2020-13", 400),
                ("/nope", 404),
                ("/v1/series", 404),
            ]
            for (uri, status) in requests {
                let answer = try await client.call(.get, uri)
                #expect(answer.status == status, "\(uri)")
                #expect(answer.contentType == "application/problem+json", "\(uri)")
            }
            // Lengths are code points, as the OpenAPI document's maxLength counts them: 200 of
            // them is a series id (nothing stored: 404) however many bytes each takes, 201 is
            // refused, and so are 101 letters with a combining accent (202 code points, 101 characters).
            let đ = "%C4%91"
            let accented = "e%CC%81"
            for (uri, status) in [
                ("/v1/series/" + String(repeating: đ, count: 200), 404),
                ("/v1/series/" + String(repeating: đ, count: 201), 400),
                ("/v1/series/" + String(repeating: accented, count: 100), 404),
                ("/v1/series/" + String(repeating: accented, count: 101), 400),
                ("/v1/commodities?market=" + String(repeating: accented, count: 101), 400),
                ("/v1/series/paddy-ir50404-an-giang?as_of=2023-02-29", 400),
                ("/v1/series/paddy-ir50404-an-giang?as_of=0000-00", 400),
            ] {
                #expect(try await client.call(.get, uri).status == status, "\(uri.prefix(60))")
            }
            #expect(try await client.call(.get, "/v1/series/paddy-ir50404-an-giang?as_of=2024-02-29").status == 200)
            // A query value that is not percent-encoded UTF-8 is refused, not read as written.
            for uri in ["/v1/commodities?commodity=%ZZ", "/v1/commodities?commodity=%FF", "/v1/outlook?commodity=l%C3"] {
                #expect(try await client.call(.get, uri).status == 400, "\(uri)")
            }
            let wrongMethod = try await client.call(.delete, "/v1/health")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers[.allow] == "GET")
            #expect(try await client.call(.get, "/v1/health").status == 200)
        }
    }

    /// A query is read as a form writes it (browsers, curl --data-urlencode -G, python requests):
    /// `+` is a space, so "Đồng+Tháp" names the same market as "Đồng%20Tháp". It was once read as a
    /// plus sign, and the market named nothing.
    @Test func aPlusInTheQueryIsASpace() async throws {
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        try await served.application().test(.live) { client in
            let spaced = try await client.call(.get, "/v1/commodities?market=%C4%90%E1%BB%93ng%20Th%C3%A1p")
            let plussed = try await client.call(.get, "/v1/commodities?market=%C4%90%E1%BB%93ng+Th%C3%A1p")
            #expect(spaced.status == 200 && plussed.status == 200)
            #expect(((spaced.json["entries"] as? [Any]) ?? []).isEmpty == false)
            #expect(plussed.body == spaced.body)
            // An encoded plus stays a plus: "l+a" names no commodity.
            let plus = try await client.call(.get, "/v1/commodities?commodity=l%2Ba")
            #expect(((plus.json["entries"] as? [Any]) ?? []).isEmpty)
        }
    }
}
