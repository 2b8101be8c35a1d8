import Foundation

/// A drill in progress: its prompts in order, the answers so far, and the summary at the end.
/// UI-free: a screen or a command shows `current`, passes what was typed to `answer`, and
/// shows the returned check.
public struct DrillRun: Sendable, Equatable {
    public private(set) var prompts: [DrillPrompt]
    public private(set) var attempts: [DrillAttempt] = []

    public init(prompts: [DrillPrompt]) {
        self.prompts = prompts
    }

    /// The prompts in an order drawn from `rng`.
    public init<G: RandomNumberGenerator>(prompts: [DrillPrompt], shuffledWith rng: inout G) {
        self.prompts = prompts.shuffled(using: &rng)
    }

    /// The prompt waiting for an answer; nil when the drill is over.
    public var current: DrillPrompt? { attempts.count < prompts.count ? prompts[attempts.count] : nil }

    public var isFinished: Bool { current == nil }

    /// Checks `text` against the current prompt and moves on; nil when the drill is already over.
    /// An empty answer counts as a miss (a "don't know").
    @discardableResult
    public mutating func answer(_ text: String, at time: Date = Date()) -> DrillAttempt? {
        guard let prompt = current else { return nil }
        let attempt = DrillAttempt(prompt: prompt, check: prompt.check(text), answeredAt: time)
        attempts.append(attempt)
        return attempt
    }

    public var summary: DrillSummary { DrillSummary(attempts: attempts) }

    /// A new drill of the prompts missed so far, in the order they were missed.
    public func repeatingMisses() -> DrillRun {
        DrillRun(prompts: summary.toRepeat)
    }
}

/// How a drill went: right and wrong per group (tense or direction) and what to repeat.
public struct DrillSummary: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var name: String
        public var right: Int
        public var wrong: Int

        public init(name: String, right: Int, wrong: Int) {
            self.name = name
            self.right = right
            self.wrong = wrong
        }
    }

    public var answered: Int
    public var right: Int
    /// In the order the groups first came up.
    public var groups: [Group]
    /// The wrong answers, in order.
    public var misses: [DrillAttempt]

    public init(attempts: [DrillAttempt]) {
        answered = attempts.count
        right = attempts.filter(\.check.isCorrect).count
        var groups: [Group] = []
        for attempt in attempts {
            let index = groups.firstIndex { $0.name == attempt.prompt.group } ?? {
                groups.append(Group(name: attempt.prompt.group, right: 0, wrong: 0))
                return groups.count - 1
            }()
            if attempt.check.isCorrect { groups[index].right += 1 } else { groups[index].wrong += 1 }
        }
        self.groups = groups
        misses = attempts.filter { !$0.check.isCorrect }
    }

    public var wrong: Int { answered - right }

    /// Each missed prompt once, in the order first missed.
    public var toRepeat: [DrillPrompt] {
        var seen = Set<String>()
        return misses.map(\.prompt).filter { seen.insert($0.id).inserted }
    }

    /// "7/10 right · present 4/5 · perfect 3/5".
    public var line: String {
        let parts = groups.map { "\($0.name) \($0.right)/\($0.right + $0.wrong)" }
        return (["\(right)/\(answered) right"] + parts).joined(separator: " · ")
    }
}
