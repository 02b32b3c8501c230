import AgriData
import ArgumentParser
import Forecasting
import Foundation
import Publishing

/// `muavu outlook --data FILE --series ID [--model NAME] [--horizon H] [--step S] [--level L]
/// [--as-of DATE] [--language vi|en|both] [--output FILE]`: the price outlook in words.
struct Outlook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the price outlook of a monthly price series in Vietnamese and English.",
        discussion: """
        Forecasts the series, then words the expected price for the chosen step with its range, the \
        change from the latest price and from the same month a year earlier, and the price alerts: \
        WFP ALPS (price against its seasonal trend) and FAO GIEWS IPA (growth against the same month \
        in other years). Alerts are given only while the latest price is at most two months older \
        than --as-of (default: today, or SOURCE_DATE_EPOCH).
        Series with survey gaps need --on-missing interpolate (or skip) for the forecast; the alerts \
        always use the observed months only. The text goes to stdout or --output.
        """)

    @OptionGroup var dataOptions: TidyDataOptions

    @Option(name: .long, help: "The tidy CSV file.")
    var data: String

    @Option(name: .long, help: "The series id (needed when the file holds more than one series).")
    var series: String?

    @Option(name: .long, help: "The forecasting model (see `muavu forecast --help`).")
    var model = "theta"

    @Option(name: .long, help: "Months to forecast.")
    var horizon = 3

    @Option(name: .long, help: "The forecast step the outlook is about (1 = the month after the latest).")
    var step = 1

    @Option(name: .long, help: "The interval level in percent (80 reads '8 chances in 10').")
    var level = 80

    @Option(name: .long, help: ArgumentHelp("The date the alerts are judged against.", valueName: "YYYY-MM[-DD]"))
    var asOf: String?

    @Option(name: .long, help: "Commodity name in Vietnamese (default: the series id).")
    var commodity: String?

    @Option(name: .long, help: "Commodity name in English (default: the Vietnamese one).")
    var commodityEn: String?

    @Option(name: .long, help: "Market name in Vietnamese (default: the file's market column, if any).")
    var market: String?

    @Option(name: .long, help: "Market name in English (default: the Vietnamese one).")
    var marketEn: String?

    @Option(name: .long, help: ArgumentHelp("Which text to write.", valueName: "vi|en|both"))
    var language = "both"

    @Option(name: .long, help: "Write the text here ('-' or absent: stdout).")
    var output: String?

    func validate() throws {
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1") }
        guard (1...horizon).contains(step) else { throw ValidationError("--step must lie between 1 and --horizon (\(horizon))") }
        guard (1...99).contains(level) else { throw ValidationError("--level must be between 1 and 99") }
        guard ["vi", "en", "both"].contains(language) else { throw ValidationError("--language must be vi, en or both") }
        if let asOf, PeriodDate(parsing: asOf).map(\.impliedFrequency).map({ $0 == .monthly || $0 == .daily }) != true {
            throw ValidationError("--as-of must be a month YYYY-MM or a day YYYY-MM-DD, not '\(asOf)'")
        }
    }

    func run() throws {
        try runReportingFailures {
            let dataset = try TidyReader.read(path: data, options: dataOptions.readOptions())
            let chosen: TimeSeries
            if let id = series {
                guard let s = dataset.series(named: id) else {
                    let known = dataset.series.map(\.id).joined(separator: ", ")
                    throw ValidationError("no series '\(id)' in \(data); the series are: \(known)")
                }
                chosen = s
            } else if dataset.series.count == 1, let only = dataset.series.first {
                chosen = only
            } else {
                throw ValidationError("\(data) holds \(dataset.series.count) series; choose one with --series")
            }
            guard case .month = chosen.start else {
                throw ValidationError("series '\(chosen.id)' is not monthly; the outlook and price alerts need monthly prices")
            }
            let observed = try observedMonths(of: chosen.id)
            let asOfDate = asOf.flatMap { PeriodDate(parsing: $0) } ?? today()

            let forecaster = try ForecasterRegistry.forecaster(named: model)
            let levels = Array(Set([level, 80, 95])).sorted()
            let forecast = try forecaster.forecast(chosen.values, period: chosen.period, horizon: horizon, levels: levels)

            // The alerts see only the months with a reported price (no filled-in values).
            var raw = chosen
            let first = raw.start?.ordinal ?? 0
            for i in raw.values.indices where !observed.months.contains(first + i) {
                raw.values[i] = .nan
            }
            var spike: PriceSpikeAlert.Assessment?
            var anomaly: PriceAnomalyIndicator.Assessment?
            do { spike = try PriceSpikeAlert().assess(raw, asOf: asOfDate) } catch {
                printError("note: no ALPS for '\(chosen.id)': \(error)")
            }
            do { anomaly = try PriceAnomalyIndicator().assess(raw, asOf: asOfDate) } catch {
                printError("note: no IPA for '\(chosen.id)': \(error)")
            }

            let commodityVi = commodity ?? chosen.id
            let marketVi = market ?? observed.market ?? ""
            // The latest and year-ago prices are observed ones, never filled-in values.
            let outlook = try PriceOutlook(
                series: raw, forecast: forecast, step: step, level: level, anomaly: anomaly, spike: spike,
                commodity: Bilingual(vi: commodityVi, en: commodityEn ?? commodityVi),
                market: Bilingual(vi: marketVi, en: marketEn ?? marketVi),
                unit: UnitText.bilingual(chosen.unit ?? ""))
            let text = outlook.text
            let body = switch language {
            case "vi": text.vi + "\n"
            case "en": text.en + "\n"
            default: text.vi + "\n\n" + text.en + "\n"
            }
            try AtomicFile.write(Data(body.utf8), to: output ?? "-")
            printError("outlook: \(chosen.id), model \(forecast.model.name), as of \(asOfDate)")
        }
    }

    /// The months with a reported value for `id`, and the series' market name if the file has a
    /// `market` column.
    func observedMonths(of id: String) throws -> (months: Set<Int>, market: String?) {
        let found = try CSVTable(path: data).reportedPeriods(
            of: id, idColumn: dataOptions.idColumn, dateColumn: dataOptions.dateColumn,
            valueColumn: dataOptions.valueColumn, labelColumn: "market")
        return (found.ordinals, found.label)
    }

    func today() -> PeriodDate {
        let days = Int((IssueTime.now().timeIntervalSince1970 / 86_400).rounded(.down))
        let c = PeriodDate.civilFromDays(days)
        return .day(year: c.year, month: c.month, day: c.day)
    }
}
