import Foundation

/// The FSRS-6 formulas. Each is written in the same order of operations as py-fsrs
/// (including `e ** x` as `pow(e, x)`) so results agree to the last bit or two.
extension FSRSScheduler {
    static let minStability = 0.001
    static let difficultyRange = 1.0 ... 10.0
    private static let e = 2.718281828459045

    private var w: FSRSParameters { parameters }
    /// The forgetting curve's exponent, -w20.
    private var decay: Double { -w[20] }
    /// Chosen so that retrievability is 0.9 when elapsed days equal stability.
    private var factor: Double { pow(0.9, 1 / decay) - 1 }

    func retrievability(elapsedDays: Int, stability: Double) -> Double {
        pow(1 + factor * Double(elapsedDays) / stability, decay)
    }

    func clampStability(_ s: Double) -> Double { max(s, Self.minStability) }

    func clampDifficulty(_ d: Double) -> Double {
        min(max(d, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }

    func initialStability(_ rating: Rating) -> Double {
        clampStability(w[rating.rawValue - 1])
    }

    /// Unclamped: the mean-reversion target uses the raw value for Easy.
    func initialDifficulty(_ rating: Rating) -> Double {
        w[4] - pow(Self.e, w[5] * Double(rating.rawValue - 1)) + 1
    }

    /// Days until retrievability falls to the desired retention: rounded half-to-even like
    /// Python's round(), at least 1, at most the maximum interval.
    func nextIntervalDays(stability: Double) -> Int {
        let days = (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
        let rounded = days.rounded(.toNearestOrEven)
        guard rounded.isFinite else { return maximumInterval }
        return min(max(Int(min(rounded, Double(Int32.max))), 1), maximumInterval)
    }

    /// Stability after a review on the same day as the previous one.
    func shortTermStability(_ s: Double, rating: Rating) -> Double {
        var increase = pow(Self.e, w[17] * (Double(rating.rawValue - 3) + w[18])) * pow(s, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return clampStability(s * increase)
    }

    func nextDifficulty(_ d: Double, rating: Rating) -> Double {
        let target = initialDifficulty(.easy)
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = d + (10.0 - d) * delta / 9.0  // linear damping: changes shrink near 10
        return clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    func nextStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: Rating) -> Double {
        let next = rating == .again
            ? forgetStability(difficulty: d, stability: s, retrievability: r)
            : recallStability(difficulty: d, stability: s, retrievability: r, rating: rating)
        return clampStability(next)
    }

    private func forgetStability(difficulty d: Double, stability s: Double, retrievability r: Double) -> Double {
        let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * pow(Self.e, (1 - r) * w[14])
        let shortTerm = s / pow(Self.e, w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    private func recallStability(difficulty d: Double, stability s: Double, retrievability r: Double,
                                 rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return s * (1 + pow(Self.e, w[8]) * (11 - d) * pow(s, -w[9]) * (pow(Self.e, (1 - r) * w[10]) - 1)
            * hardPenalty * easyBonus)
    }
}
