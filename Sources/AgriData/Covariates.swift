import Forecasting
import Foundation

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
    public static func window(for date: PeriodDate, calendar: CropCalendar? = nil, cropSeason: Int? = nil) throws -> ClosedRange<Int> {
        switch date {
        case .month(let y, let m):
            return (y * 12 + m - 1)...(y * 12 + m - 1)
        case .quarter(let y, let q):
            let first = y * 12 + (q - 1) * 3
            return first...(first + 2)
        case .year(let y):
            if let s = cropSeason {
                guard let calendar, let season = calendar.season(s) else {
                    throw DataError(.badConfiguration, file: "calendar", "crop season \(s) needs a calendar that has it")
                }
                return season.covariateWindow.months(cropYear: y)
            }
            return (y * 12)...(y * 12 + 11)
        case .season(let y, let s, let k):
            guard let calendar else {
                throw DataError(.badConfiguration, file: "calendar", "a season-indexed target (\(date)) needs a crop calendar")
            }
            guard calendar.period == k, let season = calendar.season(s) else {
                throw DataError(.badConfiguration, file: "calendar",
                                "the target has \(k) crops a year, the \(calendar.crop) calendar \(calendar.period)")
            }
            return season.covariateWindow.months(cropYear: y)
        case .day, .index:
            throw DataError(.badConfiguration, file: "covariates",
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
    public static func align(driver: TimeSeries, to target: TimeSeries, horizon: Int = 0, name: String? = nil,
                             lagMonths: Int = 0, availability: CovariateAvailability = .mustForecast,
                             calendar: CropCalendar? = nil, cropSeason: Int? = nil) throws -> AlignedCovariate {
        guard driver.frequency == .monthly, let driverStart = driver.start else {
            throw DataError(.badConfiguration, file: driver.id, "the driver '\(driver.id)' must be a dated monthly series")
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
        return AlignedCovariate(name: name ?? driver.id, availability: availability, values: past,
                                future: ahead.map { $0.1 ? .nan : $0.0 }, needsFuture: ahead.map(\.1))
    }
}
