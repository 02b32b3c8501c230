import Foundation
import TimeSeriesCore

/// Whether a covariate's values over the forecast horizon are known in advance.
public enum CovariateAvailability: String, Sendable, Codable {
    /// Known ahead (a calendar dummy, a policy price, a planted area already reported): the user
    /// supplies its future values (`--future FILE`).
    case knownFuture = "known-future"
    /// Observed only up to now (ENSO, market prices): beyond its last observation it must itself
    /// be forecast, unless a lag makes the needed months already observed.
    case mustForecast = "must-forecast"
}

/// A monthly driver summarised for each period of a target series.
public struct AlignedCovariate: Sendable, Equatable {
    public var name: String
    public var availability: CovariateAvailability
    /// One value per target observation: the driver's mean over that period's window (`.nan`
    /// when a month of the window is not observed).
    public var values: [Double]
    /// One value per forecast step, from observed months only (`.nan` where the window is not
    /// yet observed).
    public var future: [Double]
    /// Per forecast step: the window reaches past the driver's last observed month, so the
    /// value must be forecast (must-forecast) or supplied (known-future).
    public var needsFuture: [Bool]
}

/// Aligns monthly drivers (ENSO indices, prices) with a target's periods.
///
/// Each target period has a window of months: the calendar month itself (monthly), its three
/// months (quarterly), January–December (yearly), or, for crops, the season's
/// `covariateWindow` from a `CropCalendar` (Đông Xuân 2016: Dec 2015–Feb 2016, crossing the new
/// year). A lag of `L` months moves the window `L` months earlier (a lead when negative):
/// x̄(t) = (1/|W|) Σ_{m ∈ W(t)} x(m − L). The mean needs every month of the window.
public enum CovariateAligner {
    /// The months (running numbers `year * 12 + month - 1`) of `date`'s window, before any lag.
    public static func window(for date: PeriodDate, calendar: CropCalendar? = nil, cropSeason: Int? = nil) throws
        -> ClosedRange<Int>
    {
        switch date {
        case .month(let y, let m):
            return (y * 12 + m - 1)...(y * 12 + m - 1)
        case .quarter(let y, let q):
            let first = y * 12 + (q - 1) * 3
            return first...(first + 2)
        case .year(let y):
            if let s = cropSeason {
                guard let calendar, let season = calendar.season(s) else {
                    throw DataError(
                        .badConfiguration, file: "calendar", "crop season \(s) needs a calendar that has it")
                }
                return season.covariateWindow.months(cropYear: y)
            }
            return (y * 12)...(y * 12 + 11)
        case .season(let y, let s, let k):
            guard let calendar else {
                throw DataError(
                    .badConfiguration, file: "calendar", "a season-indexed target (\(date)) needs a crop calendar")
            }
            guard calendar.period == k, let season = calendar.season(s) else {
                throw DataError(
                    .badConfiguration, file: "calendar",
                    "the target has \(k) crops a year, the \(calendar.crop) calendar \(calendar.period)")
            }
            return season.covariateWindow.months(cropYear: y)
        case .day, .index:
            throw DataError(
                .badConfiguration, file: "covariates",
                "monthly drivers align with monthly, quarterly, yearly or crop-season targets, not \(date)")
        }
    }

    /// The mean of `driver` (monthly) over `months`, or `.nan` if any month is unobserved.
    public static func mean(of driver: TimeSeries, over months: ClosedRange<Int>) -> Double {
        guard let start = driver.start?.ordinal else { return .nan }
        var sum = 0.0
        for m in months {
            let i = m - start
            guard i >= 0, i < driver.values.count, !driver.values[i].isNaN else { return .nan }
            sum += driver.values[i]
        }
        return sum / Double(months.count)
    }

    /// Aligns `driver` (monthly, with a start date) with `target`'s observations and the next
    /// `horizon` periods.
    public static func align(
        driver: TimeSeries, to target: TimeSeries, horizon: Int = 0, name: String? = nil,
        lagMonths: Int = 0, availability: CovariateAvailability = .mustForecast,
        calendar: CropCalendar? = nil, cropSeason: Int? = nil
    ) throws -> AlignedCovariate {
        guard driver.frequency == .monthly, let driverStart = driver.start else {
            throw DataError(
                .badConfiguration, file: driver.id, "the driver '\(driver.id)' must be a dated monthly series")
        }
        guard target.start != nil else {
            throw DataError(.badConfiguration, file: target.id, "the target '\(target.id)' has no dates")
        }
        let lastObserved = driverStart.ordinal + (driver.values.lastIndex { !$0.isNaN } ?? -1)
        func value(_ i: Int) throws -> (Double, Bool) {
            guard let date = target.date(at: i) else { return (.nan, true) }
            let w = try window(for: date, calendar: calendar, cropSeason: cropSeason)
            let shifted = (w.lowerBound - lagMonths)...(w.upperBound - lagMonths)
            return (mean(of: driver, over: shifted), shifted.upperBound > lastObserved)
        }
        let past = try (0..<target.count).map { try value($0).0 }
        let ahead = try (0..<max(0, horizon)).map { try value(target.count + $0) }
        return AlignedCovariate(
            name: name ?? driver.id, availability: availability, values: past,
            future: ahead.map { $0.1 ? .nan : $0.0 }, needsFuture: ahead.map(\.1))
    }
}

/// A covariate of a dynamic regression as the command line names it: a series id and a lag,
/// written `ID` or `ID@lagK` (K ≥ 0 periods of the target's frequency; `vnm-rice-5pct@lag2` is
/// x_t = the series two periods before t).
public struct CovariateTerm: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var lag: Int

    public init(id: String, lag: Int = 0) {
        self.id = id
        self.lag = lag
    }

    /// Parses `ID` or `ID@lagK`; an empty id, a negative or malformed lag is a `.badConfiguration`.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let at = trimmed.lastIndex(of: "@") else {
            guard !trimmed.isEmpty else {
                throw DataError(.badConfiguration, file: "--covariates", "a covariate name is empty")
            }
            self.init(id: trimmed)
            return
        }
        let id = String(trimmed[..<at])
        let suffix = trimmed[trimmed.index(after: at)...]
        guard !id.isEmpty, suffix.hasPrefix("lag"), let lag = Int(suffix.dropFirst(3)), lag >= 0,
            suffix.dropFirst(3).allSatisfy(\.isASCII)
        else {
            throw DataError(
                .badConfiguration, file: "--covariates",
                "'\(text)' is not a covariate: write ID or ID@lagK with K a whole number of periods ≥ 0")
        }
        guard Limits.covariateLag.contains(lag) else {
            throw DataError(
                .badConfiguration, file: "--covariates",
                "the lag of '\(text)' \(Limits.covariateLag.refusal(String(lag)))")
        }
        self.init(id: id, lag: lag)
    }

    public var description: String { lag == 0 ? id : "\(id)@lag\(lag)" }
}

/// Covariates lined up with a target, ready for a regression with ARIMA errors: one row of
/// regressors per target observation used, and one per forecast step.
public struct RegressionDesign: Sendable, Equatable {
    public var terms: [CovariateTerm]
    /// The first target observation the fit can use: before it some covariate has no value.
    public var firstObservation: Int
    /// Rows for target observations `firstObservation...` to the last, one column per term.
    public var rows: [[Double]]
    /// Rows for forecast steps 1...horizon.
    public var future: [[Double]]
}

extension CovariateAligner {
    /// Lines up covariates of the target's own frequency with it: the regressor of term
    /// `id@lagK` at target period t is the covariate's value at period t − K
    /// (Hyndman & Athanasopoulos, FPP3 §10.6, lagged predictors).
    ///
    /// A covariate's value at a period comes from `covariates`, or, where that has none, from
    /// `future` (the values supplied for the horizon). The fit starts at the first target
    /// observation at which every covariate has a value and needs every value from there on; the
    /// horizon needs every value of its steps, which a lag K ≥ h takes from the covariate's own
    /// history. Anything missing is a `DataError` naming the covariate and the periods.
    ///
    /// - Parameters:
    ///   - covariates: one series per term (the same series may serve several lags).
    ///   - future: series of future values, matched to the terms by id (NFC); may be empty.
    ///   - futureFile: where `future` came from, for the messages (nil when none was given).
    public static func design(
        target: TimeSeries, terms: [CovariateTerm], covariates: [TimeSeries],
        future: [TimeSeries] = [], horizon: Int, file: String,
        futureFile: String? = nil
    ) throws -> RegressionDesign {
        guard terms.count == covariates.count else {
            throw DataError(
                .badConfiguration, file: file, "\(terms.count) covariates named, \(covariates.count) series given")
        }
        guard let start = target.start else {
            throw DataError(
                .badConfiguration, file: file, "the target '\(target.id)' has no dates to line covariates up with")
        }
        let frequency = target.frequency
        func shifted(_ i: Int, _ lag: Int) -> PeriodDate { start.advanced(by: i - lag, frequency: frequency) }
        var tables: [[Int: Double]] = []
        for (term, series) in zip(terms, covariates) {
            tables.append(
                try values(
                    of: series, for: term, future: future, target: target, file: file,
                    futureFile: futureFile))
        }
        func value(_ j: Int, _ i: Int) -> Double? { tables[j][shifted(i, terms[j].lag).ordinal] }
        let n = target.count
        guard let first = (0..<n).first(where: { i in terms.indices.allSatisfy { value($0, i) != nil } }) else {
            let span = describe(target, 0..<n)
            let covered = terms.indices.map { j -> String in
                let dates = (0..<n).compactMap { i in value(j, i) != nil ? i : nil }
                return "'\(terms[j])' has values for " + (dates.isEmpty ? "none of them" : periods(target, dates))
            }
            throw DataError(
                .badConfiguration, file: file,
                "the target '\(target.id)' (\(span)) and its covariates do not overlap: "
                    + covered.joined(separator: "; "))
        }
        for j in terms.indices {
            let missing = (first..<n).filter { value(j, $0) == nil }
            guard missing.isEmpty else {
                let own = missing.map { shifted($0, terms[j].lag) }
                throw DataError(
                    .badConfiguration, file: file,
                    "the covariate '\(terms[j].id)' has no value for \(list(own, frequency)), needed at lag \(terms[j].lag) "
                        + "by the target '\(target.id)' observations \(periods(target, missing))")
            }
        }
        var messages: [String] = []
        for j in terms.indices {
            let missing = (n..<(n + max(0, horizon))).filter { value(j, $0) == nil }
            guard !missing.isEmpty else { continue }
            let own = missing.map { shifted($0, terms[j].lag) }
            let steps = missing.map { String($0 - n + 1) }.joined(separator: ", ")
            messages.append(
                "the covariate '\(terms[j].id)' has no value for \(list(own, frequency)), needed at lag \(terms[j].lag) "
                    + "by forecast step(s) \(steps) of '\(target.id)'")
        }
        guard messages.isEmpty else {
            let hint =
                futureFile.map { "; add them to \($0)" } ?? "; give them with --future FILE (series_id,date,value)"
            throw DataError(.missingValue, file: futureFile ?? file, messages.joined(separator: "; ") + hint)
        }
        let rows = (first..<n).map { i in terms.indices.map { value($0, i) ?? .nan } }
        let ahead = (n..<(n + max(0, horizon))).map { i in terms.indices.map { value($0, i) ?? .nan } }
        return RegressionDesign(terms: terms, firstObservation: first, rows: rows, future: ahead)
    }

    /// Period ordinal → value of the covariate `series` (of `term`): its finite observations, then
    /// the finite values `future` gives for it, each of which must fall after its last observation.
    private static func values(
        of series: TimeSeries, for term: CovariateTerm, future: [TimeSeries], target: TimeSeries,
        file: String, futureFile: String?
    ) throws -> [Int: Double] {
        let frequency = target.frequency
        guard series.frequency == frequency, series.start != nil else {
            throw DataError(
                .badConfiguration, file: file,
                "the covariate '\(series.id)' is \(series.frequency.rawValue), the target '\(target.id)' "
                    + "\(frequency.rawValue): a covariate must be a dated series of the target's frequency")
        }
        var table: [Int: Double] = [:]
        for (i, v) in series.values.enumerated() where v.isFinite {
            if let d = series.date(at: i) { table[d.ordinal] = v }
        }
        let key = TextKey.nfc(term.id)
        let lastObserved = series.date(at: series.count - 1)
        for f in future where TextKey.nfc(f.id) == key {
            guard f.frequency == frequency else {
                throw DataError(
                    .badConfiguration, file: futureFile ?? file,
                    "the future values of '\(f.id)' are \(f.frequency.rawValue), the target '\(target.id)' \(frequency.rawValue)"
                )
            }
            for (i, v) in f.values.enumerated() where v.isFinite {
                guard let d = f.date(at: i) else { continue }
                // A future value for an observed period would be one of two values for it:
                // say so rather than keep either silently.
                if let observed = table[d.ordinal], observed != v {
                    throw DataError(
                        .badConfiguration, file: futureFile ?? file,
                        "the future value of '\(f.id)' at \(d) (\(TidyReader.format(v))) conflicts with its "
                            + "observed value \(TidyReader.format(observed)) in \(file): future values are for "
                            + "periods after the observations")
                }
                // A "future" value before the last observation would silently stand in for
                // a past value that the data does not have.
                if table[d.ordinal] == nil, let lastObserved, d <= lastObserved {
                    throw DataError(
                        .badConfiguration, file: futureFile ?? file,
                        "the future value of '\(f.id)' at \(d) is not after its last observation "
                            + "(\(lastObserved) in \(file)): future values are for periods after the observations")
                }
                table[d.ordinal] = v
            }
        }
        return table
    }

    /// `a – b` for the dates of observations `range` of `series`.
    static func describe(_ series: TimeSeries, _ range: Range<Int>) -> String {
        guard let a = series.date(at: range.lowerBound), let b = series.date(at: range.upperBound - 1) else {
            return "no dates"
        }
        return "\(a) – \(b)"
    }

    /// The dates of observation indices of `series`, consecutive ones as ranges.
    static func periods(_ series: TimeSeries, _ indices: [Int]) -> String {
        list(indices.compactMap { series.date(at: $0) }, series.frequency)
    }

    /// Dates in order, runs of consecutive periods written `a – b`; at most 12 items.
    static func list(_ dates: [PeriodDate], _ frequency: Frequency) -> String {
        var items: [String] = []
        var i = 0
        while i < dates.count {
            var j = i
            while j + 1 < dates.count && dates[j + 1] == dates[j].advanced(by: 1, frequency: frequency) { j += 1 }
            items.append(j > i ? "\(dates[i]) – \(dates[j])" : "\(dates[i])")
            i = j + 1
        }
        return items.count > 12 ? items.prefix(12).joined(separator: ", ") + ", ..." : items.joined(separator: ", ")
    }
}
