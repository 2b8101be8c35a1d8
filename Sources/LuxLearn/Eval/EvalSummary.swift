/// The mean score of a group of questions (all, one category, one difficulty). Unscored and
/// unfinished questions count in `questions` but not in the mean.
public struct EvalGroupScore: Sendable, Equatable {
    public var name: String
    /// nil when nothing in the group was scored.
    public var mean: Double?
    public var scored: Int
    public var questions: Int

    public init(name: String, mean: Double?, scored: Int, questions: Int) {
        self.name = name
        self.mean = mean
        self.scored = scored
        self.questions = questions
    }
}

/// The card's three tables: the overall score, the score by category (best first, as the card
/// sorts it) and by difficulty (easiest first), plus how the scores were given.
public struct EvalSummary: Sendable, Equatable {
    public var overall: EvalGroupScore
    public var byCategory: [EvalGroupScore]
    public var byDifficulty: [EvalGroupScore]
    public var scoredByCheck: Int
    public var scoredByJudge: Int
    /// Checks passed (a 5.0) out of `scoredByCheck`.
    public var checksPassed: Int
    public var unscored: Int
    /// Answered but not yet scored, or not yet answered (an interrupted run).
    public var pending: Int

    public init(_ outcomes: [EvalOutcome], pending notAnswered: Int = 0) {
        func group(_ name: String, _ items: [EvalOutcome]) -> EvalGroupScore {
            let scores = items.compactMap { $0.status == .scored ? $0.score : nil }
            return EvalGroupScore(name: name, mean: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                                  scored: scores.count, questions: items.count)
        }
        overall = group("overall", outcomes)
        let categories = EvalCategory.allCases.filter { c in outcomes.contains { $0.question.category == c } }
        byCategory = categories.map { c in group(c.rawValue, outcomes.filter { $0.question.category == c }) }
            .enumerated().sorted { a, b in
                switch (a.element.mean, b.element.mean) {
                case let (x?, y?) where x != y: return x > y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a.offset < b.offset
                }
            }.map(\.element)
        byDifficulty = EvalDifficulty.allCases.filter { d in outcomes.contains { $0.question.difficulty == d } }
            .map { d in group(d.rawValue, outcomes.filter { $0.question.difficulty == d }) }
        let scored = outcomes.filter { $0.status == .scored }
        scoredByCheck = scored.filter { $0.method == .check }.count
        scoredByJudge = scored.filter { $0.method == .judge }.count
        checksPassed = scored.filter { $0.method == .check && $0.score == EvalDeterministicScore.pass }.count
        unscored = outcomes.filter { $0.status == .unscored }.count
        pending = outcomes.filter { $0.status == .answered }.count + notAnswered
        overall.questions += notAnswered
    }

    /// "3.73" or "—" when there is no score.
    public static func format(_ mean: Double?) -> String {
        guard let mean else { return "—" }
        let hundredths = Int((mean * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
