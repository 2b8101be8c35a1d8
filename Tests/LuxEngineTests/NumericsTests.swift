import Foundation
import XCTest
import LuxEngine

/// Greedy continuations equal llama.cpp's, token for token, on the default model and on the tiny
/// synthetic Llama 3.1 models in every float and 4/8-bit format. The fixtures were made with
/// scripts/fixtures/make_numerics_fixtures.py (llama-cpp-python 0.3.36).
final class NumericsTests: XCTestCase {
    struct Case: Decodable {
        let text: String
        let prompt: [Int32]
        let generated: [Int32]
        let gaps: [Float]
        let final_top_logits: [[Double]]
    }
    struct Fixture: Decodable { let model: String; let cases: [Case] }

    /// Allowed difference of a final-position logit from llama.cpp's.
    static let logitTolerance: Float = 0.02
    /// A divergence is allowed only at a step where llama.cpp's two best logits are this close.
    static let tieGap: Float = 0.01

    func check(_ fixtureName: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try Data(contentsOf: TestModels.fixture("numerics/\(fixtureName)"))
        let fx = try JSONDecoder().decode(Fixture.self, from: data)
        let model = try TestModels.llama(fx.model)
        var fullMatches = 0, tieStops = 0, worstLogit: Float = 0
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
                logits = try model.forward([expected], state: state)
            }
            if matched { fullMatches += 1 }
        }
        print("\(fx.model): \(fullMatches)/\(fx.cases.count) prompts matched all \(fx.cases.first?.generated.count ?? 0) tokens, \(tieStops) stopped at a near-tie; worst final-logit difference \(worstLogit)")
        XCTAssertLessThanOrEqual(worstLogit, Self.logitTolerance, "\(fx.model): final logits differ from llama.cpp by \(worstLogit)", file: file, line: line)
        XCTAssertGreaterThanOrEqual(fullMatches, fx.cases.count - 2, "\(fx.model): only \(fullMatches) prompts matched fully", file: file, line: line)
    }

    func testSmolLM2Q4_1() throws { try check("smollm2-q4_1.json") }
    func testTinyF32() throws { try check("tiny-f32.json") }
    func testTinyF16() throws { try check("tiny-f16.json") }
    func testTinyQ8_0() throws { try check("tiny-q8_0.json") }
    func testTinyQ4_0() throws { try check("tiny-q4_0.json") }
    func testTinyQ4_1() throws { try check("tiny-q4_1.json") }
}
