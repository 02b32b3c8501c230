import Agronomy
import Documents
import Foundation
import Rendering
import TimeSeriesCore

extension OutlookAnswer {
    /// The sell-or-store answer of the outlook's section, when it has one.
    public var waiting: OutlookMessage.Waiting? { sellOrStore.flatMap(OutlookMessage.Waiting.init) }

    /// The SMS of the answer (`OutlookMessage.sms`): one GSM-7 message of at most 160 septets.
    public func sms(waiting: OutlookMessage.Waiting? = nil, language: Language = .vi) -> String {
        OutlookMessage.sms(outlook, waiting: waiting ?? self.waiting, language: language)
    }

    /// The Zalo message of the answer (`OutlookMessage.zalo`).
    public func zalo(waiting: OutlookMessage.Waiting? = nil, language: Language = .vi) -> String {
        OutlookMessage.zalo(outlook, waiting: waiting ?? self.waiting, language: language)
    }

    /// The phone page of the answer (`OutlookPage.html`): its chart draws the reported prices and
    /// the calibrated forecast, which starts the month after the latest price.
    public func html(
        waiting: OutlookMessage.Waiting? = nil, bulletin: String? = nil, language: Language = .vi
    ) -> String {
        OutlookPage.html(
            outlook, history: subject.reported, forecast: study.calibratedForecast, waiting: waiting ?? self.waiting,
            bulletin: bulletin, language: language)
    }
}

/// The forms an outlook is written in: `muavu outlook --format` and the server's `?format=`.
public enum OutlookFormat: String, Sendable, CaseIterable {
    /// The words in Vietnamese, English or both (`PriceOutlook.text`).
    case text
    /// The `muavu.outlook/v1` document.
    case json
    /// One SMS (`OutlookMessage.sms`).
    case sms
    /// A Zalo message (`OutlookMessage.zalo`).
    case zalo
    /// A phone page (`OutlookPage.html`).
    case html

    /// The media type of the bytes `OutlookAnswer.body` writes.
    public var mediaType: String {
        switch self {
        case .json: "application/json"
        case .html: "text/html; charset=utf-8"
        case .text, .sms, .zalo: "text/plain; charset=utf-8"
        }
    }
}

extension OutlookAnswer {
    /// The answer written in `format`, ending with a newline: the text in `language` (`vi`, `en`
    /// or `both`, Vietnamese first); the phone forms in English only for `en`, else Vietnamese
    /// (a message goes in one language); the document issued at `issued`.
    public func body(
        _ format: OutlookFormat, language: String, issued: Date, waiting: OutlookMessage.Waiting? = nil
    ) throws -> Data {
        let phone: Language = language == "en" ? .en : .vi
        let text = outlook.text
        return switch format {
        case .json: try document(issued: issued).encoded()
        case .sms: Data((sms(waiting: waiting, language: phone) + "\n").utf8)
        case .zalo: Data((zalo(waiting: waiting, language: phone) + "\n").utf8)
        case .html: Data(html(waiting: waiting, language: phone).utf8)
        case .text:
            switch language {
            case "vi": Data((text.vi + "\n").utf8)
            case "en": Data((text.en + "\n").utf8)
            default: Data((text.vi + "\n\n" + text.en + "\n").utf8)
            }
        }
    }
}

extension OutlookMessage.Waiting {
    /// The answer of the outlook's sell-or-store section (`SellOrStoreStudy`): the first month k
    /// (the shortest wait) whose statement gives waiting k months a chance of 6 in 10 or more of
    /// beating selling now, with a positive expected gain, is `store(until: now + k)`; with none,
    /// `sellNow` with the highest chance of any month. Tenths are rounded as the outlook's sentence
    /// rounds them. Nil when the section made no statement (too few past errors): then the messages
    /// say nothing about waiting. The study says, month by month, how likely waiting that long
    /// pays; this takes the first month that is likely to, not a best month.
    public init?(_ section: SellOrStoreSection) {
        let made = section.study.statements.compactMap { $0 }
        self.init(
            now: section.now,
            statements: made.map { (months: $0.months, probability: $0.probability, gain: $0.expectedGain) })
    }

    /// The rule of `init(_:)` on the statements themselves: waiting `months` months beats selling
    /// now with `probability`, gaining `gain` on average; "now" is the month `now`.
    init?(now: PeriodDate, statements: [(months: Int, probability: Double, gain: Double)]) {
        func tenths(_ p: Double) -> Int { Int((p * 10).rounded()) }
        guard let highest = statements.map({ tenths($0.probability) }).max() else { return nil }
        if let first = statements.first(where: { tenths($0.probability) >= 6 && $0.gain > 0 }) {
            self = .store(until: now.advanced(by: first.months), chance: tenths(first.probability))
        } else {
            self = .sellNow(chance: highest)
        }
    }
}
