import Foundation

/// How many new cards and review cards a learner wants per study day.
public struct DailyLimits: Codable, Sendable, Equatable {
    public var newCards: Int
    public var reviews: Int

    public init(newCards: Int = 20, reviews: Int = 200) {
        self.newCards = newCards
        self.reviews = reviews
    }
}

/// What has been studied so far today: first reviews of new cards, and reviews of cards that
/// were in the review state. Learning-step repetitions count for neither.
public struct DailyCounts: Codable, Sendable, Equatable {
    public var newCards: Int
    public var reviews: Int

    public init(newCards: Int = 0, reviews: Int = 0) {
        self.newCards = newCards
        self.reviews = reviews
    }
}

/// The cards to show now, picked from all cards by what is due and what the day's limits allow.
/// Learning and relearning cards due now come first and are never limited (leaving a card
/// half-learnt helps nobody); then review cards due before the day ends, most overdue first;
/// then new cards in the order given (the pack's order).
public struct DailyQueue: Sendable, Equatable {
    public let learning: [Card]
    public let reviews: [Card]
    public let newCards: [Card]
    /// When the next learning card that is not due yet becomes due, if one does today.
    public let nextLearningDue: Date?

    public init(cards: [Card], now: Date, day: StudyDay, limits: DailyLimits = DailyLimits(),
                done: DailyCounts = DailyCounts()) {
        var learning: [Card] = [], reviews: [Card] = [], newCards: [Card] = []
        var nextLearningDue: Date?
        for card in cards {
            if card.isNew {
                newCards.append(card)
            } else if card.state == .review {
                if card.due < day.end { reviews.append(card) }
            } else if card.due <= now {
                learning.append(card)
            } else if card.due < day.end {
                nextLearningDue = min(nextLearningDue ?? card.due, card.due)
            }
        }
        let byDue: (Card, Card) -> Bool = { ($0.due, $0.id) < ($1.due, $1.id) }
        self.learning = learning.sorted(by: byDue)
        self.reviews = Array(reviews.sorted(by: byDue).prefix(max(0, limits.reviews - done.reviews)))
        self.newCards = Array(newCards.prefix(max(0, limits.newCards - done.newCards)))
        self.nextLearningDue = nextLearningDue
    }

    /// Everything to show now, in order.
    public var cards: [Card] { learning + reviews + newCards }

    public var isEmpty: Bool { learning.isEmpty && reviews.isEmpty && newCards.isEmpty }
}
