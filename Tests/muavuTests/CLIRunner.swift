import Foundation

/// Runs the built `muavu` binary and captures what it printed: the end-to-end view a user has.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLIRunner {
    /// The directory holding the build products (`.build/debug`), found from the test bundle.
    static var productsDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["MUAVU_BIN_DIR"] {
            return URL(fileURLWithPath: override)
        }
        var url = Bundle.main.bundleURL
        // On Linux the test runner is .build/<config>/muavuPackageTests.xctest (a file);
        // its directory holds the muavu binary.
        if url.pathExtension == "xctest" { url = url.deletingLastPathComponent() }
        return url
    }

    static var binary: URL { productsDirectory.appendingPathComponent("muavu") }

    /// Path of a fixture file shipped with this test target.
    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
    }

    /// The store a run gets when it names none: a path in a folder that does not exist.
    static let noStore = FileManager.default.temporaryDirectory
        .appendingPathComponent("muavu-no-store-\(UUID().uuidString)/store.sqlite").path

    /// Runs `muavu` (or `executable`, e.g. a shell that pipes into it) with `arguments`, in
    /// `directory` when given.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], executable: URL? = nil,
        in directory: URL? = nil
    ) throws -> CLIResult {
        let process = Process()
        if let directory { process.currentDirectoryURL = directory }
        process.executableURL = executable ?? binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        // Never the user's default store: a run that names none gets a path of its own, never
        // created by a reading command (a test that imports names its store with --store).
        env["MUAVU_STORE"] = noStore
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large document cannot fill the pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
