import Foundation

/// One flashcard's scheduling state: what FSRS needs to decide when to show it next.
/// The card's content lives elsewhere; `id` links the two.
public struct Card: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var state: CardState
    /// The learning or relearning step the card is on; nil in `review`.
    public var step: Int?
    /// Days until recall probability falls to 90%; nil until the first review.
    public var stability: Double?
    /// 1 (easy) ... 10 (hard); nil until the first review.
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    /// A new card, never reviewed, in learning step 0, due at `due` (usually when it was added).
    public init(id: String, due: Date) {
        self.init(id: id, state: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }

    public init(id: String, state: CardState, step: Int?, stability: Double?, difficulty: Double?,
                due: Date, lastReview: Date?) {
        self.id = id
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// Never reviewed: counts against the daily new-card limit, not the review limit.
    public var isNew: Bool { lastReview == nil }
}
