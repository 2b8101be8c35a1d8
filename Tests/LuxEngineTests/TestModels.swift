import Foundation
import XCTest
import LuxEngine

/// The models shared by the engine tests, made once by `scripts/make-test-models` into
/// `test-models/` at the package root (or `$LUX_TEST_MODELS`). A missing model fails the test
/// with the command that makes it: the suite never silently skips numerics.
enum TestModels {
    static let directory: URL = {
        if let env = ProcessInfo.processInfo.environment["LUX_TEST_MODELS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        // Tests/LuxEngineTests/TestModels.swift -> package root
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("test-models")
    }()

    static let smolLM2 = "SmolLM2-135M-Instruct.Q4_1.gguf"
    static func tiny(_ quant: String) -> String { "llama31-tiny-\(quant).gguf" }
    static let tinyQuants = ["f32", "f16", "q8_0", "q4_0", "q4_1"]

    static func path(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let p = directory.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: p) else {
            XCTFail("test model \(p) is missing: run scripts/make-test-models", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return p
    }

    /// One opened GGUF per file for the whole test process (they are memory-mapped, so sharing is free).
    nonisolated(unsafe) private static var cache: [String: GGUFFile] = [:]
    private static let lock = NSLock()
    static func gguf(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> GGUFFile {
        let p = try path(name, file: file, line: line)
        lock.lock(); defer { lock.unlock() }
        if let g = cache[p] { return g }
        let g = try GGUFFile(path: p)
        cache[p] = g
        return g
    }

    nonisolated(unsafe) private static var models: [String: LlamaModel] = [:]
    /// One loaded model per file, shared by every test (2 threads, as CI has 2 cores).
    static func llama(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> LlamaModel {
        let g = try gguf(name, file: file, line: line)
        lock.lock(); defer { lock.unlock() }
        if let m = models[name] { return m }
        let m = try LlamaModel(gguf: g, threads: 2)
        models[name] = m
        return m
    }

    nonisolated(unsafe) private static var languageModels: [String: LanguageModel] = [:]
    /// One tokenizer + model + chat format per file, for the generation tests.
    static func languageModel(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> LanguageModel {
        let p = try path(name, file: file, line: line)
        lock.lock(); defer { lock.unlock() }
        if let m = languageModels[name] { return m }
        let m = try LanguageModel(path: p, threads: 2)
        languageModels[name] = m
        return m
    }

    /// Fixture files committed under Tests/LuxEngineTests/Fixtures.
    static func fixture(_ relative: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(relative)
    }
}
