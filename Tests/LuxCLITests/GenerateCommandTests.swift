import Foundation
import XCTest

/// `lux generate` end to end: the same greedy tokens as llama.cpp, and clean failures.
final class GenerateCommandTests: XCTestCase {
    struct NumericsCase: Decodable {
        var text: String
        var prompt: [Int32]
        var generated: [Int32]
    }

    struct Output: Decodable {
        var prompt_tokens: [Int32]
        var tokens: [Int32]
        var text: String
    }

    func testGreedyJSONMatchesLlamaCpp() throws {
        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let fixture = LuxBinary.packageRoot.appendingPathComponent("Tests/LuxEngineTests/Fixtures/numerics/smollm2-q4_1.json")
        struct File: Decodable { var cases: [NumericsCase] }
        let expected = try JSONDecoder().decode(File.self, from: Data(contentsOf: fixture)).cases[0]
        let r = try LuxBinary.run(["generate", "--model", model, "--prompt", expected.text, "--temperature", "0",
                                   "--max-tokens", "16", "--json", "--threads", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = try JSONDecoder().decode(Output.self, from: Data(r.stdout.utf8))
        XCTAssertEqual(out.prompt_tokens, expected.prompt)
        XCTAssertEqual(out.tokens, Array(expected.generated.prefix(16)))
        XCTAssertFalse(out.text.isEmpty)
    }

    func testChatStreamsTextAndStatsAndFindsTheModelThroughLUX_MODEL() throws {
        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let r = try LuxBinary.run(["generate", "--chat", "Moien! Wéi geet et?", "--system", "Be brief.",
                                   "--max-tokens", "8", "--seed", "7"], environment: ["LUX_MODEL": model])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        XCTAssertTrue(r.stderr.contains("prompt tokens"), r.stderr)
        // Same seed, same text.
        let again = try LuxBinary.run(["generate", "--chat", "Moien! Wéi geet et?", "--system", "Be brief.",
                                       "--max-tokens", "8", "--seed", "7"], environment: ["LUX_MODEL": model])
        XCTAssertEqual(again.stdout, r.stdout)
    }

    func testBadModelsExitOneWithOneLine() throws {
        let missing = try LuxBinary.run(["generate", "--model", "/no/such/model.gguf", "--prompt", "x"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "lux: /no/such/model.gguf: file: No such file or directory\n")

        let notGGUF = LuxBinary.packageRoot.appendingPathComponent("README.md").path
        let bad = try LuxBinary.run(["generate", "--model", notGGUF, "--prompt", "x"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "lux: \(notGGUF): header: not a GGUF file (bad magic)\n")

        let none = try LuxBinary.run(["generate", "--prompt", "x"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.hasPrefix("lux: no model found in "), none.stderr)
        XCTAssertEqual(none.stderr.split(separator: "\n").count, 1)
    }

    func testTokenizePrintsIdsAndUsageErrorsAreClear() throws {
        let model = try LuxBinary.testModel("SmolLM2-135M-Instruct.Q4_1.gguf")
        let r = try LuxBinary.run(["tokenize", "--model", model, "Moien"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("[") && r.stdout.hasSuffix("]\n"), r.stdout)

        let both = try LuxBinary.run(["generate", "--prompt", "a", "--chat", "b"])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertTrue(both.stderr.contains("give exactly one of --prompt TEXT or --chat TEXT"), both.stderr)
    }

    func testHelpListsEverySubcommandAndVersionPrints() throws {
        let help = try LuxBinary.run(["--help"])
        for sub in ["doctor", "generate", "tokenize", "srs"] {
            XCTAssertTrue(help.stdout.contains("  \(sub) "), "help lacks \(sub):\n\(help.stdout)")
        }
        let version = try LuxBinary.run(["--version"])
        XCTAssertEqual(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count, 3)
    }
}
