import ArgumentParser
import Foundation
import Store
import TimeSeriesCore

/// `--store PATH`: the store a command reads or writes. Without it, `MUAVU_STORE`, else
/// `ObservationStore.defaultPath` (`$XDG_DATA_HOME/muavu/store.sqlite`, else
/// `~/.local/share/muavu/store.sqlite`).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store's SQLite file (default: $MUAVU_STORE, else $XDG_DATA_HOME/muavu/store.sqlite, "
                + "else ~/.local/share/muavu/store.sqlite).", valueName: "path"))
    var store: String?

    /// The store file this command uses.
    var path: String {
        if let store { return store }
        if let env = ProcessInfo.processInfo.environment["MUAVU_STORE"], !env.isEmpty { return env }
        return ObservationStore.defaultPath()
    }

    func validate() throws {
        if store?.isEmpty == true { throw ValidationError("--store must name a file") }
    }

    /// Opens the store; `create` makes it when there is none (import), reading commands never do.
    func open(create: Bool) throws -> ObservationStore {
        try ObservationStore(path: path, create: create)
    }

    /// The instant `--as-of DATE` stands for: the end of the day `YYYY-MM-DD`, or of the month
    /// `YYYY-MM`, in UTC (what was known on DATE includes a release of that day). Nil when `text`
    /// is neither.
    static func asOfInstant(_ text: String) -> Date? {
        let nextDay: Int
        switch PeriodDate(parsing: text) {
        case .day(let y, let m, let d)?: nextDay = PeriodDate.daysFromCivil(year: y, month: m, day: d) + 1
        case .month(let y, let m)?:
            nextDay = PeriodDate.daysFromCivil(year: y, month: m, day: PeriodDate.daysInMonth(year: y, month: m)) + 1
        default: return nil
        }
        return Date(timeIntervalSince1970: Double(nextDay) * 86_400 - 0.001)
    }
}

/// `runReportingFailures`, with the store's errors too: bad data or a path that is not a store
/// exit 65, a failure of SQLite itself 1.
func runReportingStoreFailures(_ body: () throws -> Void) throws {
    try runReportingFailures {
        do {
            try body()
        } catch let error as StoreError {
            printError("error: \(error.description)")
            throw ExitCode(error.isBadData ? 65 : 1)
        }
    }
}
