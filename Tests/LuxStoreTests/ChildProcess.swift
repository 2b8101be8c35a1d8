import Foundation
import XCTest

/// A copy of this test binary running `WriterProcess`, with its stdout read line by line.
/// SwiftPM's runner on Linux (`<Package>PackageTests.xctest`) takes "Module.Class/method" as
/// an argument and runs just that test; `/proc/self/exe` is that runner.
final class ChildProcess {
    let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()
    private var buffer = Data()
    private(set) var lines: [String] = []

    init(environment extra: [String: String]) throws {
        #if !os(Linux)
        throw XCTSkip("re-running the test binary through /proc/self/exe needs Linux")
        #endif
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = [WriterProcess.testName]
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Never hang a test run: a child still going after a minute is killed (and the test fails).
        let process = self.process
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// Reads until `enough(lines)` holds or the child closes its output; false on the latter.
    func read(until enough: ([String]) -> Bool) -> Bool {
        while !enough(lines) {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { return false }
            buffer.append(data)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: buffer[buffer.startIndex ..< newline], as: UTF8.self))
                buffer.removeSubrange(buffer.startIndex ... newline)
            }
        }
        return true
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
    }

    /// Reads the rest of stdout, waits for the exit, and returns the exit status and stderr.
    func finish() -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        _ = read { _ in false }
        process.waitUntilExit()
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, process.terminationReason, err)
    }

    /// Lines of the form "<prefix><rest>", as `rest`.
    func values(after prefix: String) -> [String] {
        lines.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
