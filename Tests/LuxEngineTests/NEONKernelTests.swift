import Foundation
import XCTest

/// The arm64 NEON kernels, checked on this machine: scripts/test-neon compiles them with the
/// reference dots as Embedded Swift for aarch64 and runs them under qemu-aarch64, comparing
/// every output bit for bit (Tests/NEONHarness). scripts/test installs what it needs.
final class NEONKernelTests: XCTestCase {
    func testNEONKernelsMatchTheReferenceBitForBit() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/test-neon")
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains(" 0 differ from the reference"), text)
    }
}
