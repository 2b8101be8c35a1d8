import Foundation

/// Prints the one-line error every subcommand uses for bad input, and exits 1.
/// Errors from the engine and the store already name the file and place.
func exitWithError(_ error: Error) -> Never {
    let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    FileHandle.standardError.write(Data("lux: \(text)\n".utf8))
    exit(1)
}

/// Runs `body`, turning any thrown error into the one-line message and exit code 1.
func orExit<T>(_ body: () throws -> T) -> T {
    do { return try body() } catch { exitWithError(error) }
}

/// A one-line error of a subcommand's own (bad arguments it can only check at run time).
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
