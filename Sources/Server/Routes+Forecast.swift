import AgriData
import Documents
import Foundation
import Hummingbird
import Publishing
import Store
import TimeSeriesCore

/// `GET /v1/forecast/{id}`: the `muavu.forecast/v1` document of a stored series, made as
/// `muavu forecast --series ID --horizon H` makes it (`ForecastRun`: the default model, auto, with
/// calibrated intervals).
enum ForecastRoute {
    /// Steps ahead a request may ask: no forecast past 24 periods (docs/design/data-age.md), and
    /// a bound on the work one request can cause.
    static let horizon = Bound(1...24, reason: "the server forecasts at most 24 periods ahead")

    static let route = Route(
        method: .get, path: "/v1/forecast/{id}",
        operation: .init(
            id: "forecast", summary: "The forecast of a stored series",
            description: "The muavu.forecast/v1 document (muavu schema forecast) of the series as known now or "
                + "at as_of, by the default model (auto) with calibrated intervals, as `muavu forecast --series ID` "
                + "makes it. horizon defaults to the configuration's (its entry's for a series it names), else 12; "
                + "levels are the configuration's, else 80 and 95. A series that cannot be forecast is listed in "
                + "the document's errors.",
            parameters: [
                SeriesRoute.idParameter,
                .query("horizon", "Periods ahead.", JSONSchema([.type(.integer), .minimum(1), .maximum(24)])),
                SeriesRoute.asOfParameter,
                .query(
                    "on_missing", "What to do with periods without a value, as --on-missing (default: fail).",
                    JSONSchema.enum(MissingPolicy.allCases.map { .string($0.rawValue) })),
            ],
            responses: [
                .json(200, "The forecast document.", OpenAPI.document("forecast")),
                .problem(400, "A query or path value is not accepted."),
                .problem(404, "The store holds no series of that id."),
                .problem(422, "The series cannot be read as asked (nothing known at as_of, missing values)."),
                .problem(503, "The store cannot be read, or every core is fitting a model (Retry-After)."),
            ])
    ) { api, request, context in
        let query = Query(request: request, context: context)
        let id = try query.path("id")
        let configuration = api.settings.configuration
        let entry = configuration?.forecasts.first { TextKey.nfc($0.series) == TextKey.nfc(id) }
        let fallback = min(entry.flatMap { configuration?.horizon(of: $0) } ?? configuration?.horizon ?? 12, 24)
        let horizon = try query.integer("horizon", Self.horizon, default: fallback)
        let asOf = try query.asOf()
        let onMissing = try query.choice("on_missing", MissingPolicy.allCases.map(\.rawValue), default: "fail")
        let levels = (configuration?.levels ?? [80, 95]).sorted()
        let key = "forecast|\(id)|\(horizon)|\(asOf?.text ?? "")|\(onMissing)"
        let answer = try await api.cached(key) {
            let store = StoreSeries(store: try api.store(), asOf: asOf?.instant)
            guard let held = try store.seriesIDs().first(where: { TextKey.nfc($0) == TextKey.nfc(id) }) else {
                throw Problem(
                    .notFound, "the store has no series '\(MessageText.escaped(id))' (GET /v1/commodities lists them)",
                    at: .init(parameter: "id"))
            }
            let dataset = "store:" + held
            let csv = try store.knownCSV(of: [held], asOf: asOf?.text)
            var options = TidyReadOptions()
            options.onMissing = MissingPolicy(rawValue: onMissing) ?? .fail
            let series = try TidyReader.read(data: csv, file: dataset, options: options).series
            let outcomes = try ForecastRun.outcomes(
                series, forecaster: try ForecastRun.forecaster(), horizon: horizon, levels: levels)
            let document = ForecastDocument(
                dataset: dataset, horizon: horizon, levels: levels, series: series, outcomes: outcomes,
                issued: IssueTime.now())
            // A forecast of today is one told: recorded once a day (only here, on a cache miss).
            if asOf == nil, let s = series.first, case .success(let forecast)? = outcomes.first {
                ServerRecords.record(api, series: held, store: store) { day, vintage in
                    ForecastRecord.steps(
                        of: forecast, after: s, series: held, issueDay: day, dataVintage: vintage,
                        selection: ServerRecords.forecastSelection, origin: .issued)
                }
            }
            return (try JSONResponse.encode(document), "application/json")
        }
        return JSONResponse.response(answer.body, type: answer.type, cache: answer.hit)
    }
}

/// `GET /v1/outlook`: the `muavu.outlook/v1` document of a price, found by commodity and market
/// as `muavu outlook --commodity --market --json` finds it, and made by the same assembly
/// (`OutlookAssembly`): the same store, configuration and issue time give the same bytes.
enum OutlookRoute {
    /// The forms the outlook is served in (`OutlookFormat`, as `muavu outlook --format`): the
    /// document (json, the default), the text, one SMS, a Zalo message and the phone page (html).
    static let format = OutlookFormat.allCases.map(\.rawValue)

    /// The outlook in `format`, with its media type: `OutlookAnswer.body`, the bytes
    /// `muavu outlook --format FORMAT --lang LANGUAGE` writes. A new form is a case of
    /// `OutlookFormat` and its media type in the route's 200 response.
    static func render(_ answer: OutlookAnswer, format: OutlookFormat, language: String) throws
        -> (body: Data, mediaType: String)
    {
        (try answer.body(format, language: language, issued: IssueTime.now()), format.mediaType)
    }

    static let route = Route(
        method: .get, path: "/v1/outlook",
        operation: .init(
            id: "outlook", summary: "The price outlook of a commodity at a market",
            description: "The muavu.outlook/v1 document (muavu schema outlook) of the monthly price the "
                + "configuration names for commodity and market (lúa, lua and paddy name the same prices), as "
                + "`muavu outlook --commodity --market --json` writes it: the entry's models and the export link "
                + "compared by rolling origin, the chosen one forecasting through the issue month (as_of, default "
                + "today) plus months, its 80% range calibrated, the price alerts, and for the prices the "
                + "configuration's sellOrStore section lists, sell fresh now or dry and store. format chooses the "
                + "form, as `muavu outlook --format`: json (the default), text (in lang), sms (one GSM-7 message of "
                + "at most 160 septets, without diacritics), zalo (a short message with diacritics) or html (a page "
                + "for a phone: inline chart, no script); sms, zalo and html are in English for lang=en, else in "
                + "Vietnamese.",
            parameters: [
                .query(
                    "commodity", "The commodity (e.g. lúa, gạo, rice, xoai).", ParameterSchemas.text, required: true,
                    example: "lúa"),
                .query("market", "The market (e.g. Đồng Tháp, an giang).", ParameterSchemas.text, example: "Đồng Tháp"),
                .query("lang", "The language of the messages (vi, en or both).", .enum(["vi", "en", "both"])),
                .query(
                    "months", "Months to forecast after the issue month (default 3).",
                    JSONSchema([
                        .type(.integer), .minimum(Limits.outlookMonths.range.lowerBound),
                        .maximum(Limits.outlookMonths.range.upperBound),
                    ])),
                .query(
                    "as_of",
                    "The issue date: store data as known at the end of that day or month, and the data's age "
                        + "counted to it (default: today).",
                    ParameterSchemas.asOf),
                .query("format", "The answer's form (default json).", .enum(format.map { .string($0) })),
            ],
            responses: [
                .init(
                    status: 200, description: "The outlook: the document, or the form format asks for.",
                    mediaType: "application/json", schema: OpenAPI.document("outlook"),
                    alternatives: [
                        ("text/plain", JSONSchema.string.described("format=text, sms or zalo: UTF-8 text.")),
                        ("text/html", JSONSchema.string.described("format=html: a page for a phone, UTF-8.")),
                    ]),
                .problem(
                    400,
                    "A query value is not accepted, or commodity and market name no price or several (the problem "
                        + "lists them)."),
                .problem(
                    422, "The price cannot be given an outlook (not monthly, too old, not known at as_of)."),
                .problem(503, "The store cannot be read, or every core is fitting a model (Retry-After)."),
            ])
    ) { api, request, context in
        let query = Query(request: request, context: context)
        let commodity = try query.string("commodity")
        let market = try query.string("market")
        let language = try query.choice("lang", ["vi", "en", "both"], default: "both")
        let months = try query.integer("months", Limits.outlookMonths, default: 3)
        let asOf = try query.asOf()
        let format = OutlookFormat(rawValue: try query.choice("format", Self.format, default: "json")) ?? .json
        guard commodity != nil else {
            throw Problem(
                .badRequest, "name the price with commodity (and market); GET /v1/commodities lists them",
                at: .init(parameter: "commodity"), expected: "a commodity, e.g. lúa")
        }
        guard let configuration = api.settings.configuration else {
            throw Problem(
                .badRequest, "the server has no configuration naming prices (muavu serve --config FILE)",
                at: .init(parameter: "commodity"))
        }
        let key =
            "outlook|\(commodity ?? "")|\(market ?? "")|\(language)|\(months)|\(asOf?.text ?? "")|\(format.rawValue)"
        let answer = try await api.cached(key) {
            var made = try outlook(
                configuration, api: api, commodity: commodity, market: market, language: language, months: months,
                asOf: asOf)
            try ServerRecords.outlook(&made, api: api, asOf: asOf)
            let rendered = try Self.render(made, format: format, language: language)
            return (rendered.body, rendered.mediaType)
        }
        return JSONResponse.response(answer.body, type: answer.type, cache: answer.hit)
    }

    /// The outlook, as `muavu outlook --commodity --market [--as-of]` makes it.
    static func outlook(
        _ configuration: PublishConfiguration, api: MuavuAPI, commodity: String?, market: String?, language: String,
        months: Int, asOf: (text: String, instant: Date)?
    ) throws -> OutlookAnswer {
        let issued = asOf.flatMap { PeriodDate(parsing: $0.text) } ?? Publisher.day(of: IssueTime.now())
        do {
            let subject = try OutlookAssembly.subject(
                configuration: configuration, file: configuration.file, commodity: commodity, market: market,
                language: language, exportLink: nil, models: nil, issued: issued,
                store: { StoreSeries(store: try api.store(), asOf: asOf?.instant) })
            var request = OutlookRequest(months: months, issued: issued)
            // The configuration's sellOrStore section, as `muavu outlook` applies it by default.
            request.sellOrStore = subject.sellOrStore
            return try OutlookAssembly.answer(subject, request: request)
        } catch let refusal as OutlookAssembly.Refusal {
            throw Problem(.badRequest, MessageText.escaped(refusal.message))
        }
    }
}
