import Foundation
import XCTest
import LuxEngine

/// `lux bench`'s engine side on a tiny model: the figures it reports hang together, and its
/// greedy tokens are the model's own (the same a plain forward loop picks).
final class BenchmarkTests: XCTestCase {
    func testReportOnTinyModel() throws {
        let model = try TestModels.languageModel(TestModels.tiny("q4_0"))
        let options = BenchmarkOptions(promptTokens: 12, genTokens: 5, repeats: 3)
        let report = try Benchmark.run(model, options: options)

        XCTAssertEqual(report.promptTokenIDs.count, 12)
        if model.tokenizer.addBOS, let bos = model.tokenizer.bos { XCTAssertEqual(report.promptTokenIDs.first, bos) }
        XCTAssertEqual(report.runs.count, 3)
        for run in report.runs {
            XCTAssertEqual(run.generated.count, 6)
            XCTAssertGreaterThan(run.prefillSeconds, 0)
            XCTAssertGreaterThanOrEqual(run.firstTokenSeconds, run.prefillSeconds)
            XCTAssertGreaterThan(run.decodeSeconds, 0)
            XCTAssertEqual(run.generated, report.runs[0].generated)
        }
        XCTAssertGreaterThan(report.prefillTokensPerSecond, 0)
        XCTAssertGreaterThan(report.decodeTokensPerSecond, 0)
        XCTAssertEqual(report.fileBytes, model.gguf.fileSize)
        XCTAssertEqual(report.weightBytesPerToken, model.llama.weightBytesPerToken)
        XCTAssertGreaterThan(report.readBytesPerSecond, 1e8)
        XCTAssertEqual(report.decodeBoundTokensPerSecond, report.readBytesPerSecond / Double(report.weightBytesPerToken), accuracy: 1e-6)
        XCTAssertGreaterThan(report.peakRSSBytes, 0)

        // The same greedy continuation, one token at a time through the public API.
        let state = model.llama.makeState(contextLength: 64)
        var logits = try model.llama.forward(report.promptTokenIDs, state: state)
        var expected: [Int32] = []
        for _ in 0..<6 {
            let t = Int32(logits.indices.max { logits[$0] < logits[$1] }!)
            expected.append(t)
            logits = try model.llama.forward([t], state: state)
        }
        XCTAssertEqual(report.runs[0].generated, expected)

        // JSON carries every figure under its documented key.
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        for key in ["prefill_tokens_per_second", "decode_tokens_per_second", "first_token_seconds", "peak_rss_bytes",
                    "decode_bound_tokens_per_second", "read_bytes_per_second", "weight_bytes_per_token", "prompt_token_ids", "runs"] {
            XCTAssertNotNil(json?[key], key)
        }
    }

    func testContextLimitIsAnError() throws {
        let model = try TestModels.languageModel(TestModels.tiny("q4_0"))
        let tooMany = model.llama.config.contextLength
        XCTAssertThrowsError(try Benchmark.run(model, options: BenchmarkOptions(promptTokens: tooMany, genTokens: 1, repeats: 1)))
    }

    func testPromptFillsTheAskedLength() throws {
        let model = try TestModels.languageModel(TestModels.smolLM2)
        for count in [1, 5, 300] {
            let tokens = BenchmarkPrompt.tokens(count: count, tokenizer: model.tokenizer, vocabSize: model.llama.config.vocabSize)
            XCTAssertEqual(tokens.count, count)
            XCTAssertTrue(tokens.allSatisfy { $0 >= 0 && Int($0) < model.llama.config.vocabSize })
        }
    }
}
