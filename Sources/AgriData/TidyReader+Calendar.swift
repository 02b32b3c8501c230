import TimeSeriesCore

extension TidyReader {
    /// The regular grid a series' dates lie on: its frequency and period, the date of its first
    /// grid point, and each observation's ordinal on it (a weekly grid steps by 7 days).
    struct DateGrid {
        var frequency: Frequency
        var step = 1
        var ordinals: [Int]
        var period: Int?
        var start: PeriodDate
        /// How the dates were read (`TimeSeries.dateReading`).
        var reading: String? = nil
        /// The crop of a series of one crop a year (`TidyDataset.cropSeason`).
        var crop: Int? = nil

        /// The grid of the dates of `acc` (sorted, without duplicates), as written or as forced by
        /// `--frequency` and `--period`, then settled: crop seasons, month starts read as months,
        /// days read as weeks or days, and months or quarters read as years or quarters when they
        /// all step by whole years or quarters. A date off a weekly grid is reported and makes the
        /// series unusable.
        init(settling acc: inout Accumulator, columns: Columns, options: TidyReadOptions, problems: inout Problems) {
            ordinals = acc.keys
            period = options.period
            start = acc.firstRaw.date(seasonsPerYear: max(1, options.period ?? 3))
            frequency = start.impliedFrequency  // `firstRaw` is of the series' kind
            switch acc.kind {
            case .season:
                readSeasons(acc, options: options)
            case .day where options.frequency == nil && acc.onlyMonthStarts && ordinals.count >= 2:
                readMonthStarts(acc)
            case .day:
                readDays(&acc, columns: columns, options: options, problems: &problems)
            default:
                break
            }
            if reading == nil { reading = Self.reading(of: acc.kind, forced: options.frequency, period: period) }
            readLongerSteps(acc, options: options)
        }

        private mutating func readSeasons(_ acc: Accumulator, options: TidyReadOptions) {
            let distinct = acc.seasonsSeen.nonzeroBitCount
            if options.period == nil && distinct == 1 && acc.keys.count > 1 {
                // One crop a year (e.g. Hè Thu only): a yearly series of that crop.
                frequency = .yearly
                period = 1
                ordinals = acc.raws.map { $0.year }
                start = .year(acc.raws[0].year)
                crop = acc.raws[0].part
            } else {
                let k = options.period ?? max(acc.maxSeason, 1)
                period = k
                ordinals = acc.raws.map { $0.year * k + $0.part - 1 }
                start = acc.raws[0].date(seasonsPerYear: k)
            }
        }

        /// Every date the 1st of a month: monthly data as pandas (`MS`) and statsforecast write it.
        private mutating func readMonthStarts(_ acc: Accumulator) {
            frequency = .monthly
            ordinals = ordinals.map { o in
                let c = PeriodDate.civilFromDays(o)
                return c.year * 12 + c.month - 1
            }
            start = .month(year: acc.firstRaw.year, month: acc.firstRaw.part)
            reading = "YYYY-MM-01 (every date the 1st of a month) read as months; --frequency daily reads them as days"
        }

        /// Weekly when most steps are whole weeks (or when asked). The grid is the weekday most
        /// dates fall on; a date off it is one error naming its row and the grid, rather than
        /// a daily series with a gap every week.
        private mutating func readDays(
            _ acc: inout Accumulator, columns: Columns, options: TidyReadOptions,
            problems: inout Problems
        ) {
            var diffs = 0
            var weekly = 0
            for k in 1..<max(1, ordinals.count) {
                diffs += 1
                if (ordinals[k] - ordinals[k - 1]) % 7 == 0 { weekly += 1 }
            }
            let isWeekly = options.frequency == .weekly || (options.frequency == nil && diffs > 0 && weekly * 2 > diffs)
            guard isWeekly else {
                reading =
                    options.frequency == .daily
                    ? "--frequency daily: YYYY-MM-DD read as days" : "YYYY-MM-DD read as days"
                return
            }
            frequency = .weekly
            step = 7
            var onWeekday = [Int](repeating: 0, count: 7)
            for o in ordinals { onWeekday[((o % 7) + 7) % 7] += 1 }
            let weekday = onWeekday.indices.max {
                onWeekday[$0] < onWeekday[$1] || (onWeekday[$0] == onWeekday[$1] && $0 > $1)
            }!
            let anchor = ordinals.first { ((($0 % 7) + 7) % 7) == weekday }!
            let c = PeriodDate.civilFromDays(anchor)
            start = .day(year: c.year, month: c.month, day: c.day)
            for k in ordinals.indices where (ordinals[k] - anchor) % 7 != 0 {
                let c = PeriodDate.civilFromDays(ordinals[k])
                let date = PeriodDate.day(year: c.year, month: c.month, day: c.day)
                let before = (ordinals[k] - anchor) >= 0 ? (ordinals[k] - anchor) / 7 : (ordinals[k] - anchor - 6) / 7
                let earlier = start.advanced(by: before, frequency: .weekly)
                let later = start.advanced(by: before + 1, frequency: .weekly)
                problems.add(
                    DataError(
                        .mixedFrequency, file: columns.file, line: Int(acc.lines[k]), column: columns.date + 1,
                        columnName: columns.dateName,
                        "\(date) is off the grid of series '\(acc.id)': weekly from \(start), every 7 days "
                            + "(the nearest dates on it are \(earlier) and \(later))"))
                acc.unusable = true
            }
            reading =
                options.frequency == .weekly
                ? "--frequency weekly: YYYY-MM-DD read as weeks, every 7 days from \(start)"
                : "YYYY-MM-DD read as weeks (the dates step by whole weeks), every 7 days from \(start); --frequency daily reads them as days"
        }

        /// Months that all step by whole years or whole quarters are a yearly or quarterly series
        /// (as the weeks above): read as months, `--on-missing interpolate` would invent eleven
        /// values of every twelve, or two of every three. A --period given says the user reads
        /// the calendar as written, so nothing is inferred then.
        private mutating func readLongerSteps(_ acc: Accumulator, options: TidyReadOptions) {
            guard options.frequency == nil, options.period == nil, ordinals.count >= 2 else { return }
            if frequency == .monthly {
                let steps = zip(ordinals.dropFirst(), ordinals).map { $0 - $1 }
                let written = acc.kind == .day ? "YYYY-MM-01" : "YYYY-MM"
                if steps.allSatisfy({ $0 % 12 == 0 }) {
                    frequency = .yearly
                    ordinals = ordinals.map { $0 / 12 }  // year·12 + month − 1 → year
                    start = .year(ordinals[0])
                    reading =
                        "\(written) dates twelve months apart read as years; --frequency monthly reads them as months"
                } else if steps.allSatisfy({ $0 % 3 == 0 }) {
                    frequency = .quarterly
                    ordinals = ordinals.map { $0 / 3 }  // year·12 + month − 1 → year·4 + quarter − 1
                    start = .quarter(year: ordinals[0] / 4, quarter: ordinals[0] % 4 + 1)
                    reading =
                        "\(written) dates three months apart read as quarters (from \(start)); "
                        + "--frequency monthly reads them as months"
                }
            }
            if frequency == .quarterly, acc.kind == .quarter,
                zip(ordinals.dropFirst(), ordinals).allSatisfy({ ($0 - $1) % 4 == 0 })
            {
                frequency = .yearly
                ordinals = ordinals.map { $0 / 4 }  // year·4 + quarter − 1 → year
                start = .year(ordinals[0])
                reading =
                    "YYYY-Qn dates four quarters apart read as years; --frequency quarterly reads them as quarters"
            }
        }

        /// How dates of `kind` were read, for the documents.
        static func reading(of kind: RawDate.Kind, forced: Frequency?, period: Int?) -> String {
            let prefix = forced.map { "--frequency \($0.rawValue): " } ?? ""
            switch kind {
            case .year:
                return prefix
                    + (forced == nil
                        ? "four-digit numbers (YYYY) read as years; --frequency index reads them as an integer index"
                        : "read as years")
            case .quarter: return prefix + "read as quarters"
            case .month: return prefix + "read as months"
            case .day: return prefix + "read as days"
            case .season: return prefix + "YYYY-Sn read as crop seasons"
            case .index: return prefix + "whole numbers read as an integer index (no calendar)"
            }
        }
    }
}
