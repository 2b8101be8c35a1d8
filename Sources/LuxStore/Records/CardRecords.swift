import Foundation
import GRDB

/// A card's FSRS scheduling state: everything a review changes.
/// `state` uses py-fsrs values: 1 learning, 2 review, 3 relearning.
public struct CardSchedule: Codable, Sendable, Hashable {
    public var state: Int
    /// Learning or relearning step; nil in review.
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?
    public var reps: Int
    public var lapses: Int

    public init(state: Int, step: Int?, stability: Double?, difficulty: Double?, due: Date,
                lastReview: Date?, reps: Int, lapses: Int) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// A card never reviewed: learning step 0, no memory state yet (as LuxLearn's `Card(id:due:)`).
    public static func new(due: Date) -> CardSchedule {
        CardSchedule(state: 1, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil, reps: 0, lapses: 0)
    }
}

/// Names a card: which item, and which way of asking about it.
public struct CardKey: Codable, Sendable, Hashable {
    public var packID: String
    public var itemID: String
    /// "recognition", "production", "conj:present:1sg", ...
    public var variant: String

    public init(packID: String, itemID: String, variant: String) {
        self.packID = packID
        self.itemID = itemID
        self.variant = variant
    }
}

/// One flashcard and its scheduling state.
public struct CardRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "cards"

    public var id: Int64?
    public var packID: String
    public var itemID: String
    public var variant: String
    public var state: Int
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?
    public var reps: Int
    public var lapses: Int
    public var createdAt: Date

    public init(id: Int64? = nil, key: CardKey, schedule: CardSchedule, createdAt: Date) {
        self.id = id
        self.packID = key.packID
        self.itemID = key.itemID
        self.variant = key.variant
        self.state = schedule.state
        self.step = schedule.step
        self.stability = schedule.stability
        self.difficulty = schedule.difficulty
        self.due = schedule.due
        self.lastReview = schedule.lastReview
        self.reps = schedule.reps
        self.lapses = schedule.lapses
        self.createdAt = createdAt
    }

    public var key: CardKey { CardKey(packID: packID, itemID: itemID, variant: variant) }

    public var isNew: Bool { lastReview == nil }

    public var schedule: CardSchedule {
        get {
            CardSchedule(state: state, step: step, stability: stability, difficulty: difficulty, due: due,
                         lastReview: lastReview, reps: reps, lapses: lapses)
        }
        set {
            state = newValue.state
            step = newValue.step
            stability = newValue.stability
            difficulty = newValue.difficulty
            due = newValue.due
            lastReview = newValue.lastReview
            reps = newValue.reps
            lapses = newValue.lapses
        }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case packID = "pack_id"
        case itemID = "item_id"
        case variant, state, step, stability, difficulty, due
        case lastReview = "last_review"
        case reps, lapses
        case createdAt = "created_at"
    }
}

/// One answer to a card, with the card's whole state before it (so it can be undone).
public struct ReviewLogRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "review_log"

    public var id: Int64?
    public var cardID: Int64
    /// 1 again, 2 hard, 3 good, 4 easy.
    public var rating: Int
    public var reviewedAt: Date
    /// Seconds since the card's previous review; nil on its first.
    public var elapsedSeconds: Double?
    /// Seconds from this review to the new due date.
    public var scheduledSeconds: Double
    /// How long the learner took to answer.
    public var durationMs: Int?
    public var stateBefore: Int
    public var stateAfter: Int
    public var stepBefore: Int?
    public var stabilityBefore: Double?
    public var difficultyBefore: Double?
    public var dueBefore: Date
    public var lastReviewBefore: Date?
    public var repsBefore: Int
    public var lapsesBefore: Int

    init(cardID: Int64, rating: Int, reviewedAt: Date, durationMs: Int?, before: CardSchedule, after: CardSchedule) {
        self.cardID = cardID
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.elapsedSeconds = before.lastReview.map { reviewedAt.timeIntervalSince($0) }
        self.scheduledSeconds = after.due.timeIntervalSince(reviewedAt)
        self.durationMs = durationMs
        self.stateBefore = before.state
        self.stateAfter = after.state
        self.stepBefore = before.step
        self.stabilityBefore = before.stability
        self.difficultyBefore = before.difficulty
        self.dueBefore = before.due
        self.lastReviewBefore = before.lastReview
        self.repsBefore = before.reps
        self.lapsesBefore = before.lapses
    }

    /// The card's state as it was before this review.
    public var before: CardSchedule {
        CardSchedule(state: stateBefore, step: stepBefore, stability: stabilityBefore, difficulty: difficultyBefore,
                     due: dueBefore, lastReview: lastReviewBefore, reps: repsBefore, lapses: lapsesBefore)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case cardID = "card_id"
        case rating
        case reviewedAt = "reviewed_at"
        case elapsedSeconds = "elapsed_seconds"
        case scheduledSeconds = "scheduled_seconds"
        case durationMs = "duration_ms"
        case stateBefore = "state_before"
        case stateAfter = "state_after"
        case stepBefore = "step_before"
        case stabilityBefore = "stability_before"
        case difficultyBefore = "difficulty_before"
        case dueBefore = "due_before"
        case lastReviewBefore = "last_review_before"
        case repsBefore = "reps_before"
        case lapsesBefore = "lapses_before"
    }
}

/// Reviews done in one span of time (a study day).
public struct ReviewCounts: Sendable, Equatable {
    public var total: Int
    /// First reviews of cards never seen before.
    public var newCards: Int
    /// Reviews of cards that were in each state before the answer (1 learning, 2 review, 3 relearning);
    /// counts of new cards are included under their state (1).
    public var byStateBefore: [Int: Int]

    public init(total: Int = 0, newCards: Int = 0, byStateBefore: [Int: Int] = [:]) {
        self.total = total
        self.newCards = newCards
        self.byStateBefore = byStateBefore
    }
}

/// How many live cards (of items not retired) there are, and how many wait.
public struct CardCounts: Sendable, Equatable {
    public var total: Int
    /// Never reviewed.
    public var new: Int
    /// Reviewed before and due at the given time.
    public var due: Int

    public init(total: Int, new: Int, due: Int) {
        self.total = total
        self.new = new
        self.due = due
    }
}
