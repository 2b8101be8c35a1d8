import XCTest
import Foundation
import LuxEngine
final class DebugTmpTests: XCTestCase {
    func testDump() throws {
        for (name, fxn) in [(TestModels.tiny("q8_0"), "tiny-q8_0.json"), (TestModels.smolLM2, "smollm2-q4_1.json")] {
        let m = try TestModels.llama(name)
        let data = try Data(contentsOf: TestModels.fixture("numerics/" + fxn))
        let fx = try JSONDecoder().decode(NumericsTests.Fixture.self, from: data)
        for c in fx.cases {
            let s = m.makeState(contextLength: 512)
            let l = try m.forward(c.prompt, state: s)
            let worst = c.final_top_logits.map { abs(l[Int($0[0])] - Float($0[1])) }.max()!
            print(name, c.prompt.count, worst)
        }
        }
    }
}
