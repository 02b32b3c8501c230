import Foundation

/// The Python interpreter the tests use as an independent reference (jsonschema, html.parser,
/// the dataset build script): the project's venv, which `make test` builds from
/// `requirements-test.txt`, or `MUAVU_PYTHON` when set. `python3` on PATH is not used: it may be
/// any interpreter, with or without the pinned tools.
public enum Python {
    /// Why a test that needs Python cannot run (so that it fails, never skips).
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The package root, found from this file.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The interpreter, or `Missing` saying how to get it.
    public static func interpreter() throws -> URL {
        let path =
            ProcessInfo.processInfo.environment["MUAVU_PYTHON"]
            ?? root.appendingPathComponent(".venv-test/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Missing(
                description: "no Python interpreter at \(path): run `make test` (it builds .venv-test from "
                    + "requirements-test.txt) or set MUAVU_PYTHON")
        }
        return URL(fileURLWithPath: path)
    }

    /// What a run printed and how it ended.
    public struct Result {
        public var status: Int32
        public var output: String
    }

    /// Runs `python arguments...` (e.g. `["-c", script, file]`), feeding `input` on stdin, and
    /// returns stdout and stderr together.
    public static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try interpreter()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: text)
    }
}
