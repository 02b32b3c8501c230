import ArgumentParser
import Foundation
import Server
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

    /// The instant `--as-of DATE` stands for (`StoreSeries.instant`). Nil when `text` is not a
    /// day or a month.
    static func asOfInstant(_ text: String) -> Date? { StoreSeries.instant(asOf: text) }
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

/// The store as the commands read a configuration's store datasets (`Server.StoreSeries`, shared
/// with `muavu serve`), by its short name in every file of the CLI.
typealias StoreSeries = Server.StoreSeries
