import Foundation
import XCTest
import LuxEngine

/// The sampler's filters, checked on hand-made logits where the right answer is known.
final class SamplerTests: XCTestCase {
    /// Logits for 6 tokens whose softmax is roughly [0.64, 0.24, 0.09, 0.03, 0.004, 0.0005].
    let logits: [Float] = [5, 4, 3, 2, 0, -2]

    private func draws(_ p: SamplingParameters, _ logits: [Float], n: Int = 4000, recent: [Int32] = []) -> [Int32: Int] {
        var s = Sampler(p)
        var counts: [Int32: Int] = [:]
        for _ in 0..<n { counts[s.sample(logits, recent: recent), default: 0] += 1 }
        return counts
    }

    func testDefaultsAreLlamaCpps() {
        let p = SamplingParameters()
        XCTAssertEqual(p.temperature, 0.8)
        XCTAssertEqual(p.topK, 40)
        XCTAssertEqual(p.topP, 0.95)
        XCTAssertEqual(p.minP, 0.05)
        XCTAssertEqual(p.repeatPenalty, 1.0)
        XCTAssertEqual(p.repeatLastN, 64)
    }

    func testGreedyTakesTheArgmax() {
        var s = Sampler(.greedy)
        XCTAssertEqual(s.sample([1, 7, 3, 7.5, -1], recent: []), 3)
    }

    func testSameSeedSameTokensDifferentSeedDifferentTokens() {
        var p = SamplingParameters()
        p.temperature = 1.5
        p.minP = 0
        p.topP = 1
        p.seed = 42
        var a = Sampler(p), b = Sampler(p)
        let ra = (0..<200).map { _ in a.sample(logits, recent: []) }
        let rb = (0..<200).map { _ in b.sample(logits, recent: []) }
        XCTAssertEqual(ra, rb)
        p.seed = 43
        var c = Sampler(p)
        XCTAssertNotEqual((0..<200).map { _ in c.sample(logits, recent: []) }, ra)
    }

    func testTopKKeepsOnlyTheBestK() {
        var p = SamplingParameters()
        p.temperature = 5  // flatten, so every kept token shows up
        p.topK = 2; p.topP = 1; p.minP = 0; p.seed = 1
        XCTAssertEqual(Set(draws(p, logits).keys), [0, 1])
        p.topK = 1
        XCTAssertEqual(Set(draws(p, logits).keys), [0])
    }

    func testTopPKeepsTheSmallestSetReachingP() {
        var p = SamplingParameters()
        p.temperature = 5
        p.topK = 0; p.minP = 0; p.seed = 2
        // At temperature 1 the first two hold ~0.88 and the first three ~0.97.
        p.topP = 0.85
        XCTAssertEqual(Set(draws(p, logits).keys), [0, 1])
        p.topP = 0.95
        XCTAssertEqual(Set(draws(p, logits).keys), [0, 1, 2])
    }

    func testMinPDropsTokensFarBelowTheBest() {
        var p = SamplingParameters()
        p.temperature = 5
        p.topK = 0; p.topP = 1; p.seed = 3
        // p(token)/p(best) = e^(l - 5): 1, 0.37, 0.14, 0.05, 0.007, 0.0009.
        p.minP = 0.1
        XCTAssertEqual(Set(draws(p, logits).keys), [0, 1, 2])
        p.minP = 0.3
        XCTAssertEqual(Set(draws(p, logits).keys), [0, 1])
    }

    func testTemperatureDrawsFollowTheSoftmax() {
        var p = SamplingParameters()
        p.temperature = 1; p.topK = 0; p.topP = 1; p.minP = 0; p.seed = 4
        let n = 20000
        let counts = draws(p, logits, n: n)
        let e = logits.map { expf($0 - 5) }
        let z = e.reduce(0, +)
        for t in 0..<4 {
            let expected = Double(e[t] / z)
            let seen = Double(counts[Int32(t), default: 0]) / Double(n)
            XCTAssertEqual(seen, expected, accuracy: 0.015, "token \(t)")
        }
        // Lower temperature sharpens: the best token wins more often.
        p.temperature = 0.3
        XCTAssertGreaterThan(draws(p, logits, n: 2000)[0, default: 0], 1900)
    }

    func testRepetitionPenaltyOverTheWindowOnly() {
        var p = SamplingParameters.greedy
        p.repeatPenalty = 1.5
        p.repeatLastN = 2
        var s = Sampler(p)
        // Token 0 (logit 5) penalized to 3.33 < 4: token 1 wins.
        XCTAssertEqual(s.sample(logits, recent: [0]), 1)
        // Both penalized: 0 -> 3.33, 1 -> 2.67; token 2 (3) loses to 0.
        XCTAssertEqual(s.sample(logits, recent: [0, 1]), 0)
        // Token 0 is outside the window of the last 2.
        XCTAssertEqual(s.sample(logits, recent: [0, 4, 5]), 0)
        // Negative logits are pushed further down.
        XCTAssertEqual(s.sample([-1, -1.2], recent: [0]), 1)
    }
}
