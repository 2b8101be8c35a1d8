import Foundation
import XCTest

/// Runs the built `lux` binary, which `swift build` puts beside the test bundle
/// (scripts/test builds before it tests). Each run gets its own LUX_HOME unless told otherwise.
struct LuxBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let path: String = {
        // .build/<config>/LuxLlamaPackageTests.xctest -> .build/<config>/lux
        let testBinary = URL(fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? CommandLine.arguments[0])
        var dir = testBinary.deletingLastPathComponent()
        if dir.lastPathComponent == "MacOS" || dir.lastPathComponent == "Contents" {
            dir = dir.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return dir.appendingPathComponent("lux").path
    }()

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], home: String? = nil,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            XCTFail("\(path) is missing: build with `swift build -c release` first (scripts/test does)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LUX_HOME"] = home ?? NSTemporaryDirectory() + "lux-cli-\(UUID().uuidString)"
        env.removeValue(forKey: "LUX_MODEL")
        env["LANG"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // stdout through a pipe, stderr into a file, so neither can fill up and stall the child.
        let out = Pipe()
        let errPath = NSTemporaryDirectory() + "lux-cli-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let errData = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A test model made by scripts/make-test-models.
    static func testModel(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let p = packageRoot.appendingPathComponent("test-models").appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: p) else {
            XCTFail("test model \(p) is missing: run scripts/make-test-models", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return p
    }

    static func temporaryHome() throws -> String {
        let dir = NSTemporaryDirectory() + "lux-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        return dir
    }
}
