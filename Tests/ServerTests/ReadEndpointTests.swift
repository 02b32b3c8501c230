import Documents
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import Server

/// The reading endpoints on a real server on loopback, over a fresh store of bundled data: each
/// answer's status and body are the ones the OpenAPI document gives (`call` checks every one).
@Suite("muavu serve: reading endpoints")
struct ReadEndpointTests {
    @Test func healthSaysTheStoreIsReachableAndWhenItWasLastWritten() async throws {
        let served = try ServedStore()
        try await served.application().test(.live) { client in
            let answer = try await client.call(.get, "/v1/health")
            #expect(answer.status == 200)
            let store = try #require(answer.json["store"] as? [String: Any])
            #expect(store["reachable"] as? Bool == true)
            #expect(store["series"] as? Int == 8)
            #expect((store["last_import"] as? String)?.hasSuffix("Z") == true)
            #expect(answer.json["version"] as? String == Engine.current.version)
        }
    }

    @Test func healthWithoutAStoreIs503AndSaysWhy() async throws {
        let served = try ServedStore(importing: [])
        try FileManager.default.removeItem(atPath: served.path)
        try await served.application().test(.live) { client in
            let answer = try await client.call(.get, "/v1/health")
            #expect(answer.status == 503)
            let store = try #require(answer.json["store"] as? [String: Any])
            #expect(store["reachable"] as? Bool == false)
            #expect((store["problem"] as? String)?.contains("no store here") == true)
        }
    }

    @Test func theOpenAPIDocumentIsServedAsMuavuSchemaPrintsIt() async throws {
        let served = try ServedStore(importing: [])
        try await served.application().test(.live) { client in
            let answer = try await client.call(.get, "/openapi.json")
            #expect(answer.status == 200)
            #expect(answer.text == OpenAPI.text)
        }
    }

    @Test func commoditiesListTheConfigurationsEntriesWithTheirNamesAndTheStoredSeries() async throws {
        let served = try ServedStore()
        try await served.application().test(.live) { client in
            let all = try await client.call(.get, "/v1/commodities")
            #expect(all.status == 200)
            let entries = try #require(all.json["entries"] as? [[String: Any]])
            #expect(entries.count == ServedStore.configuration?.forecasts.count)
            let series = try #require(all.json["series"] as? [[String: Any]])
            #expect(
                series.map { $0["id"] as? String } == [
                    "paddy-dai-thom-8-an-giang", "paddy-ir50404-an-giang", "paddy-ir50404-dry-an-giang",
                    "paddy-om18-an-giang", "paddy-om5451-an-giang", "wfp-rice-wholesale-an-giang",
                    "wfp-rice-wholesale-bac-lieu", "wfp-rice-wholesale-dong-thap",
                ])
            // lúa, lua and paddy name the same prices, with or without diacritics.
            var found: [[String?]] = []
            for word in ["l%C3%BAa", "lua", "paddy", "LUA"] {
                let answer = try await client.call(.get, "/v1/commodities?commodity=\(word)")
                #expect(answer.status == 200)
                let matched = try #require(answer.json["entries"] as? [[String: Any]])
                found.append(matched.map { $0["id"] as? String })
                #expect(matched.allSatisfy { $0["kind"] as? String == "price" })
                #expect(matched.contains { ($0["words"] as? [String])?.contains("lúa") == true })
            }
            #expect(Set(found.map { $0.description }).count == 1 && found[0].count >= 1)
            let paddy = try #require(
                (try await client.call(.get, "/v1/commodities?commodity=lua").json["entries"] as? [[String: Any]])?
                    .first { $0["series"] as? String == "paddy-ir50404-an-giang" })
            #expect(paddy["in_store"] as? Bool == true)
            #expect((paddy["unit"] as? [String: String])?["vi"] == "đồng/kg")
        }
    }

    @Test func aSeriesIsServedAsKnownNowAndAsKnownAtAnEarlierDate() async throws {
        let served = try ServedStore()
        try await served.application().test(.live) { client in
            let now = try await client.call(.get, "/v1/series/paddy-ir50404-an-giang")
            #expect(now.status == 200)
            let observations = try #require(now.json["observations"] as? [[String: Any]])
            #expect(observations.count == 36)
            #expect(observations.first?["date"] as? String == "2020-05")
            #expect(observations.first?["value"] as? Double == 5575)
            #expect(now.json["frequency"] as? String == "monthly")
            // Imported today: nothing of it was known in 2020.
            let before = try await client.call(.get, "/v1/series/paddy-ir50404-an-giang?as_of=2020-06")
            #expect(before.status == 200)
            #expect((before.json["observations"] as? [Any])?.isEmpty == true)
            #expect(before.json["as_of"] as? String == "2020-06")
        }
    }

    @Test func anUnknownSeriesIs404AndABadAsOfIs400WithTheCLIsWords() async throws {
        let served = try ServedStore()
        try await served.application().test(.live) { client in
            let unknown = try await client.call(.get, "/v1/series/no-such-series")
            #expect(unknown.status == 404)
            #expect((unknown.json["detail"] as? String)?.contains("no series 'no-such-series'") == true)
            let badDate = try await client.call(.get, "/v1/series/paddy-ir50404-an-giang?as_of=yesterday")
            #expect(badDate.status == 400)
            #expect(
                badDate.json["detail"] as? String
                    == "as_of must be a day YYYY-MM-DD or a month YYYY-MM, not 'yesterday'")
            #expect((badDate.json["where"] as? [String: Any])?["parameter"] as? String == "as_of")
            let unknownForecast = try await client.call(.get, "/v1/forecast/no-such-series")
            #expect(unknownForecast.status == 404)
        }
    }

    @Test func aForecastIsTheForecastDocumentOfTheDefaultModel() async throws {
        let served = try ServedStore(importing: ["paddy-price-monthly.csv"])
        try await served.application().test(.live) { client in
            let answer = try await client.call(
                .get, "/v1/forecast/paddy-ir50404-an-giang?on_missing=interpolate&horizon=2")
            #expect(answer.status == 200)
            #expect(answer.json["schema"] as? String == "muavu.forecast/v1")
            #expect(answer.json["dataset"] as? String == "store:paddy-ir50404-an-giang")
            #expect(answer.json["horizon"] as? Int == 2)
            let series = try #require((answer.json["series"] as? [[String: Any]])?.first)
            #expect((series["points"] as? [Any])?.count == 2)
            #expect(answer.json["levels"] as? [Int] == [80, 95])
            // The prices have months without a quote: as `muavu forecast`, refused unless asked.
            let gaps = try await client.call(.get, "/v1/forecast/paddy-ir50404-an-giang")
            #expect(gaps.status == 422)
            #expect(gaps.json["cause"] as? String == "missing-value")
        }
    }

    @Test func theOutlookIsTheDocumentOrThePhoneFormOfThePriceTheWordsName() async throws {
        let served = try ServedStore(importing: ServedStore.outlookData)
        try await served.application().test(.live) { client in
            let answer = try await client.call(
                .get, "/v1/outlook?commodity=l%C3%BAa&market=an%20giang&lang=vi&months=2")
            #expect(answer.status == 200)
            #expect(answer.json["schema"] as? String == "muavu.outlook/v1")
            #expect((answer.json["market"] as? [String: String])?["vi"] == "An Giang")
            #expect((answer.json["months"] as? [Any])?.isEmpty == false)
            // Without diacritics, in English: the same price.
            let plain = try await client.call(.get, "/v1/outlook?commodity=paddy&market=An%20Giang&months=2")
            #expect(plain.status == 200)
            #expect(
                (plain.json["data"] as? [[String: Any]])?.first?["series"] as? String
                    == (answer.json["data"] as? [[String: Any]])?.first?["series"] as? String)
            // The phone forms: one SMS, a Zalo message, a page.
            let sms = try await client.call(.get, "/v1/outlook?commodity=lua&market=an%20giang&months=2&format=sms")
            #expect(sms.status == 200 && sms.contentType.hasPrefix("text/plain"))
            #expect(sms.text.hasSuffix("\n") && sms.text.dropLast().count <= 160)
            let zalo = try await client.call(.get, "/v1/outlook?commodity=lua&market=an%20giang&months=2&format=zalo")
            #expect(zalo.status == 200 && zalo.text.contains("An Giang"))
            let page = try await client.call(.get, "/v1/outlook?commodity=lua&market=an%20giang&months=2&format=html")
            #expect(page.status == 200 && page.contentType.hasPrefix("text/html"))
            #expect(page.text.contains("<svg") && !page.text.contains("<script"))
        }
    }

    @Test func theOutlooksRefusalsSayWhatWasExpected() async throws {
        let served = try ServedStore(importing: [])
        try await served.application().test(.live) { client in
            let csv = try await client.call(.get, "/v1/outlook?commodity=lua&format=csv")
            #expect(csv.status == 400)
            #expect((csv.json["where"] as? [String: Any])?["parameter"] as? String == "format")
            let months = try await client.call(.get, "/v1/outlook?commodity=lua&months=\(Int.max)")
            #expect(months.status == 400)
            #expect(
                months.json["detail"] as? String
                    == "months must be at least 1 and at most 24 (a whole number), got \(Int.max)")
            let nothing = try await client.call(.get, "/v1/outlook")
            #expect(nothing.status == 400)
            let unknown = try await client.call(.get, "/v1/outlook?commodity=c%C3%A0%20ph%C3%AA&lang=vi")
            #expect(unknown.status == 400)
            #expect((unknown.json["detail"] as? String)?.isEmpty == false)
        }
    }
}
