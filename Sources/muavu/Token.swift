import ArgumentParser
import Documents
import Foundation
import Server
import Store
import TimeSeriesCore

/// `muavu token add|list|revoke`: the write tokens of `muavu serve`.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the tokens that let a client write observations through `muavu serve`.",
        discussion: """
            A token is 32 random bytes from the system's secure generator, printed once as 64 hexadecimal \
            digits; the store keeps only its SHA-256, so a lost token cannot be shown again: revoke it and \
            add another. Every write records the name of the token that made it.
            """,
        subcommands: [Add.self, List.self, Revoke.self])

    /// Usage errors for a token name.
    static func check(_ name: String) throws {
        guard AccessTokens.isValidName(name) else {
            throw ValidationError(
                "a token name is 1 to 64 letters, digits, '.', '_' or '-' (e.g. htx-tan-hong), "
                    + "not '\(MessageText.escaped(name))'")
        }
    }

    /// Runs `body`, turning a taken or unknown name into a usage error (exit 64).
    static func run(_ body: () throws -> Void) throws {
        try runReportingStoreFailures {
            do {
                try body()
            } catch let error as StoreError where error.code == .tokenExists || error.code == .unknownToken {
                printError("error: \(error.description)")
                throw ExitCode(64)
            }
        }
    }

    /// `muavu token add NAME`: prints a new token on stdout, once.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a token NAME and print it (once; the store keeps only its SHA-256).")

        @Argument(help: "Who the token is for (e.g. htx-tan-hong).")
        var name: String

        @OptionGroup var store: StoreOptions

        func validate() throws { try Token.check(name) }

        func run() throws {
            try Token.run {
                let token = AccessTokens.generate()
                let opened = try store.open(create: true)
                try opened.addToken(name: name, sha256: AccessTokens.hash(token), now: Date())
                print(token)
                printError("token '\(name)' added to \(opened.path); it is shown only this once")
            }
        }
    }

    /// `muavu token list`: the tokens' names, when each was made and revoked (never the tokens).
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens: name, made, revoked.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            try Token.run {
                for t in try store.open(create: false).tokens() {
                    let revoked = t.revokedAt.map { "revoked \(IssueTime.iso8601($0))" } ?? "valid"
                    print("\(t.name)\tmade \(IssueTime.iso8601(t.createdAt))\t\(revoked)")
                }
            }
        }
    }

    /// `muavu token revoke NAME`: the token no longer writes; its name stays on what it wrote.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke token NAME: it no longer writes (its past writes keep its name).")

        @Argument(help: "The token's name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func validate() throws { try Token.check(name) }

        func run() throws {
            try Token.run {
                let opened = try store.open(create: false)
                try opened.revokeToken(name: name, now: Date())
                printError("token '\(name)' revoked in \(opened.path)")
            }
        }
    }
}
