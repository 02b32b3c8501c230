import AgriData
import ArgumentParser
import Documents
import Forecasting
import Foundation
import TimeSeriesCore

/// Runs a subcommand body and turns the layers' errors into the contract's exit codes:
/// 64 bad usage, 65 bad data, 1 anything else. The message goes to stderr.
func runReportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch let error as DataError {
        printError(error.description)
        throw ExitCode(65)
    } catch let error as ForecastingError {
        printError("error: \(error.description)")
        switch error.code {
        case .invalidArgument, .unknownModel: throw ExitCode(64)
        case .badFormula, .rankDeficient, .missingCovariates, .tooShort, .nonFinite, .outOfDomain: throw ExitCode(65)
        case .fitFailed: throw ExitCode(1)
        }
    } catch let error as PublishingError {
        printError("error: \(error.description)")
        throw ExitCode(error.code == .badConfiguration || error.code == .unsafeOutput ? 64 : 1)
    } catch {
        if let failure = NumericalFailure(error) {
            printError("error: \(failure.description)")
            throw ExitCode(failure.isIllegalArgument ? 1 : 65)
        }
        printError("error: \(error)")
        throw ExitCode(1)
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    // User text in a message (a series id with a NUL byte...) must be visible.
    FileHandle.standardError.write(Data((MessageText.escaped(message, keepingLineBreaks: true) + "\n").utf8))
}
