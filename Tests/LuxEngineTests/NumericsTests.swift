import Foundation
import XCTest
import LuxEngine

/// Greedy continuations equal llama.cpp's, token for token, on the default model and on the tiny
/// synthetic Llama 3.1 models in every float, 4/8-bit and K-quant format, and so do the logits: the engine
/// reproduces the arithmetic of llama.cpp's CPU backend (AVX2 build) exactly, so on Linux x86-64
/// the differences are 0. The fixtures were made with scripts/fixtures/make_numerics_fixtures.py
/// (llama-cpp-python 0.3.36, f16 KV cache, no flash attention).
final class NumericsTests: XCTestCase {
    struct Case: Decodable {
        let text: String
        let prompt: [Int32]
        let generated: [Int32]
        let chosen_logits: [Float]
        let gaps: [Float]
        let final_top_logits: [[Double]]
    }
    struct Fixture: Decodable { let model: String; let cases: [Case] }

    /// Allowed difference of a logit from llama.cpp's (the 32 best at the end of the prompt, and
    /// the chosen token's at every generated step). The arithmetic is bit-identical, so this
    /// only leaves room for a libm whose sinf/cosf/powf differ in the last bit from glibc's.
    static let logitTolerance: Float = 1e-4
    /// A divergence is allowed only at a step where llama.cpp's two best logits are this close.
    static let tieGap: Float = 0.01

    func check(_ fixtureName: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: TestModels.fixture("numerics/\(fixtureName)"))
        let fx = try JSONDecoder().decode(Fixture.self, from: data)
        let model = try TestModels.llama(fx.model)
        var fullMatches = 0, tieStops = 0, worstLogit: Float = 0, worstStep: Float = 0
        for c in fx.cases {
            let state = model.makeState(contextLength: 512)
            var logits = try model.forward(c.prompt, state: state)
            for pair in c.final_top_logits {
                let diff = abs(logits[Int(pair[0])] - Float(pair[1]))
                worstLogit = max(worstLogit, diff)
            }
            var matched = true
            for (step, expected) in c.generated.enumerated() {
                let got = Int32(logits.indices.max { logits[$0] < logits[$1] }!)
                if got != expected {
                    if c.gaps[step] < Self.tieGap { tieStops += 1; matched = false; break }
                    XCTFail("\(fx.model) \(c.text.debugDescription): step \(step) gave \(got), llama.cpp \(expected) (its gap \(c.gaps[step]))", file: file, line: line)
                    matched = false
                    break
                }
                worstStep = max(worstStep, abs(logits[Int(expected)] - c.chosen_logits[step]))
                logits = try model.forward([expected], state: state)
            }
            if matched { fullMatches += 1 }
        }
        print("\(fx.model): \(fullMatches)/\(fx.cases.count) prompts matched all \(fx.cases.first?.generated.count ?? 0) tokens, \(tieStops) stopped at a near-tie; worst logit difference \(worstLogit) after the prompt, \(worstStep) at generated steps")
        XCTAssertLessThanOrEqual(worstLogit, Self.logitTolerance, "\(fx.model): final logits differ from llama.cpp by \(worstLogit)", file: file, line: line)
        XCTAssertLessThanOrEqual(worstStep, Self.logitTolerance, "\(fx.model): generated-step logits differ from llama.cpp by \(worstStep)", file: file, line: line)
        XCTAssertGreaterThanOrEqual(fullMatches, fx.cases.count - 2, "\(fx.model): only \(fullMatches) prompts matched fully", file: file, line: line)
    }

    /// A prompt run in small batches gives the same bits as in one batch: kernels depend only on
    /// whether a batch has one token or more, and the engine never leaves a lone last token
    /// (11 tokens in batches of 5 run as 5, 4, 2). F32 and Q4_0 weights have batch-dependent kernels.
    func testPromptBatchingKeepsBits() throws {
        for name in [TestModels.tiny("f32"), TestModels.tiny("q4_0")] {
            let model = try TestModels.llama(name)
            let prompt: [Int32] = [128000, 791, 6864, 315, 33411, 374, 264, 2678, 3363, 304, 279]
            let whole = try model.forward(prompt, state: model.makeState(contextLength: 64))
            let split = try model.forward(prompt, state: model.makeState(contextLength: 64, batchSize: 5))
            XCTAssertEqual(whole.map(\.bitPattern), split.map(\.bitPattern), name)
            // Token by token is a different computation (one-token kernels), but the same model.
            let state = model.makeState(contextLength: 64)
            var single: [Float] = []
            for t in prompt { single = try model.forward([t], state: state) }
            let worst = zip(whole, single).map { abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(worst, 0.05, name)
        }
    }

    func testSmolLM2Q4_1() throws { try check("smollm2-q4_1.json") }
    func testTinyF32() throws { try check("tiny-f32.json") }
    func testTinyF16() throws { try check("tiny-f16.json") }
    func testTinyQ8_0() throws { try check("tiny-q8_0.json") }
    func testTinyQ4_0() throws { try check("tiny-q4_0.json") }
    func testTinyQ4_1() throws { try check("tiny-q4_1.json") }
    /// K-quants (scripts/fixtures/make_tiny_kquant_model.py): Q4_K (repacked by llama.cpp: GEMV
    /// for lone tokens, GEMM for tokens in fours) with Q6_K, and Q5_K with Q6_K.
    func testTinyQ4_K_M() throws { try check("tiny-q4_k_m.json") }
    func testTinyQ5_K_M() throws { try check("tiny-q5_k_m.json") }

    struct AllLogitsCase: Decodable { let text: String; let prompt: [Int32]; let top_logits: [[[Double]]] }
    struct AllLogitsFixture: Decodable { let model: String; let cases: [AllLogitsCase] }

    /// With every position's logits wanted, the last layer's feed-forward block runs on all
    /// tokens, so its products (a multi-block Q6_K ffn_down in Q4_K_M, Q5_K's in Q5_K_M) take
    /// llama.cpp's batched kernels too. Fixtures: scripts/fixtures/make_all_logits_fixtures.py.
    func checkAllLogits(_ fixtureName: String) throws {
        let data = try Data(contentsOf: TestModels.fixture("numerics/\(fixtureName)"))
        let fx = try JSONDecoder().decode(AllLogitsFixture.self, from: data)
        let model = try TestModels.llama(fx.model)
        var worst: Float = 0, positions = 0
        for c in fx.cases {
            let logits = try model.forward(c.prompt, state: model.makeState(contextLength: 512), allLogits: true)
            XCTAssertEqual(logits.count, c.prompt.count * model.config.vocabSize)
            for (i, top) in c.top_logits.enumerated() {
                let row = logits[i * model.config.vocabSize..<(i + 1) * model.config.vocabSize]
                for pair in top { worst = max(worst, abs(row[row.startIndex + Int(pair[0])] - Float(pair[1]))) }
                positions += 1
            }
        }
        print("\(fx.model): all \(positions) positions, worst logit difference \(worst)")
        XCTAssertLessThanOrEqual(worst, Self.logitTolerance, "\(fx.model): logits differ from llama.cpp by \(worst)")
    }

    func testTinyQ4_K_MAllPositions() throws { try checkAllLogits("tiny-q4_k_m-all-logits.json") }
    func testTinyQ5_K_MAllPositions() throws { try checkAllLogits("tiny-q5_k_m-all-logits.json") }
}
