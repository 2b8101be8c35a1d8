import Foundation

/// The FSRS-6 scheduler: given a card, a grade and the time, the card's next state. Pure: no
/// clock, no storage; randomness (interval fuzz) comes from the generator the caller passes.
/// Follows py-fsrs 6.x step for step, so its fixtures are the reference (see FSRSTests).
public struct FSRSScheduler: Codable, Sendable, Equatable {
    public private(set) var parameters: FSRSParameters
    /// Probability of recall the review intervals aim for, in (0, 1).
    public private(set) var desiredRetention: Double
    /// Intervals in seconds for the learning steps of a new card (py-fsrs default 1 min, 10 min).
    public private(set) var learningSteps: [TimeInterval]
    /// Intervals in seconds for a forgotten review card (py-fsrs default 10 min).
    public private(set) var relearningSteps: [TimeInterval]
    /// Longest interval in days a review card can get.
    public private(set) var maximumInterval: Int
    /// Spread review intervals of 3 days or more by a few percent so cards learnt together drift apart.
    public private(set) var enableFuzzing: Bool

    public init(parameters: FSRSParameters = .defaults,
                desiredRetention: Double = 0.9,
                learningSteps: [TimeInterval] = [60, 600],
                relearningSteps: [TimeInterval] = [600],
                maximumInterval: Int = 36500,
                enableFuzzing: Bool = true) throws {
        guard desiredRetention > 0, desiredRetention < 1 else {
            throw FSRSConfigurationError("desired retention must be between 0 and 1 (exclusive), got \(desiredRetention)")
        }
        for (name, steps) in [("learning", learningSteps), ("relearning", relearningSteps)] {
            if let bad = steps.first(where: { !($0 > 0 && $0.isFinite) }) {
                throw FSRSConfigurationError("\(name) steps must be positive durations, got \(bad) seconds")
            }
        }
        guard maximumInterval >= 1 else {
            throw FSRSConfigurationError("maximum interval must be at least 1 day, got \(maximumInterval)")
        }
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    private enum CodingKeys: String, CodingKey {
        case parameters, desiredRetention, learningSteps, relearningSteps, maximumInterval, enableFuzzing
    }

    /// Decoding goes through the validating initializer, so a bad settings file is an error, not a bad scheduler.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(parameters: c.decode(FSRSParameters.self, forKey: .parameters),
                      desiredRetention: c.decode(Double.self, forKey: .desiredRetention),
                      learningSteps: c.decode([TimeInterval].self, forKey: .learningSteps),
                      relearningSteps: c.decode([TimeInterval].self, forKey: .relearningSteps),
                      maximumInterval: c.decode(Int.self, forKey: .maximumInterval),
                      enableFuzzing: c.decode(Bool.self, forKey: .enableFuzzing))
    }

    /// The same scheduler with another desired retention.
    public func withDesiredRetention(_ retention: Double) throws -> FSRSScheduler {
        try FSRSScheduler(parameters: parameters, desiredRetention: retention, learningSteps: learningSteps,
                          relearningSteps: relearningSteps, maximumInterval: maximumInterval,
                          enableFuzzing: enableFuzzing)
    }

    /// The same scheduler with fuzzing switched on or off.
    public func withFuzzing(_ on: Bool) -> FSRSScheduler {
        var copy = self
        copy.enableFuzzing = on
        return copy
    }

    /// Probability the card is recalled at `date` (0 for a card never reviewed).
    public func retrievability(of card: Card, at date: Date) -> Double {
        guard let last = card.lastReview, let stability = card.stability else { return 0 }
        return retrievability(elapsedDays: max(0, wholeDays(from: last, to: date)), stability: stability)
    }

    /// Reviews `card` with `rating` at `time`, drawing any fuzz from the system random generator.
    public func review(_ card: Card, rating: Rating, at time: Date) -> Card {
        var rng = SystemRandomNumberGenerator()
        return review(card, rating: rating, at: time, using: &rng)
    }

    /// Reviews `card` with `rating` at `time`. The generator is used (once) only when fuzzing is on
    /// and the card lands in `review` with an interval of 3 days or more, as in py-fsrs.
    public func review<G: RandomNumberGenerator>(_ card: Card, rating: Rating, at time: Date,
                                                 using rng: inout G) -> Card {
        var next = card
        updateMemory(of: &next, rating: rating, at: time)

        let wait: NextInterval
        switch card.state {
        case .learning:
            wait = advanceSteps(&next, steps: learningSteps, rating: rating)
        case .relearning:
            wait = advanceSteps(&next, steps: relearningSteps, rating: rating)
        case .review:
            if rating == .again, !relearningSteps.isEmpty {
                next.state = .relearning
                next.step = 0
                wait = .seconds(relearningSteps[0])
            } else {
                wait = .days(nextIntervalDays(stability: next.stability ?? 0))
            }
        }

        switch wait {
        case .seconds(let seconds):
            next.due = time.addingTimeInterval(seconds)
        case .days(var days):
            if enableFuzzing, next.state == .review {
                days = FSRSFuzz.fuzzedDays(days, maximumInterval: maximumInterval, using: &rng)
            }
            next.due = time.addingTimeInterval(Double(days) * 86400)
        }
        next.lastReview = time
        return next
    }

    private enum NextInterval {
        case seconds(TimeInterval)
        case days(Int)
    }

    /// New stability and difficulty. A card without memory state (new, or damaged in storage) gets
    /// the initial values; a second review on the same day uses the short-term formula.
    private func updateMemory(of card: inout Card, rating: Rating, at time: Date) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            card.stability = initialStability(rating)
            card.difficulty = clampDifficulty(initialDifficulty(rating))
            return
        }
        let days = card.lastReview.map { wholeDays(from: $0, to: time) }
        if let days, days < 1 {
            card.stability = shortTermStability(stability, rating: rating)
        } else {
            let r = retrievability(of: card, at: time)
            card.stability = nextStability(difficulty: difficulty, stability: stability, retrievability: r, rating: rating)
        }
        card.difficulty = nextDifficulty(difficulty, rating: rating)
    }

    /// Moves a learning or relearning card through `steps`; graduates it to `review` past the last one.
    private func advanceSteps(_ card: inout Card, steps: [TimeInterval], rating: Rating) -> NextInterval {
        let step = max(0, card.step ?? 0)
        // A card stored under a scheduler with more steps than this one graduates on any pass.
        if steps.isEmpty || (step >= steps.count && rating != .again) {
            return graduate(&card)
        }
        switch rating {
        case .again:
            card.step = 0
            return .seconds(steps[0])
        case .hard:
            card.step = step
            if step == 0 {
                return .seconds(steps.count == 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2)
            }
            return .seconds(steps[step])
        case .good:
            if step + 1 == steps.count { return graduate(&card) }
            card.step = step + 1
            return .seconds(steps[step + 1])
        case .easy:
            return graduate(&card)
        }
    }

    private func graduate(_ card: inout Card) -> NextInterval {
        card.state = .review
        card.step = nil
        return .days(nextIntervalDays(stability: card.stability ?? 0))
    }
}

/// Whole days from `a` to `b`, rounded down like Python's `timedelta.days`.
func wholeDays(from a: Date, to b: Date) -> Int {
    let days = (b.timeIntervalSince(a) / 86400).rounded(.down)
    return days.isFinite ? Int(max(min(days, 1e15), -1e15)) : 0
}
