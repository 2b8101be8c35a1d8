import Foundation

/// What each of the four grades would do to a card reviewed now: the UI shows each one's interval.
public struct SchedulingPreview: Sendable {
    public let card: Card
    public let now: Date
    private let outcomes: [Card]  // indexed by rating.rawValue - 1

    init(card: Card, now: Date, outcomes: [Card]) {
        self.card = card
        self.now = now
        self.outcomes = outcomes
    }

    /// The card as it would be after answering `rating` now.
    public subscript(rating: Rating) -> Card { outcomes[rating.rawValue - 1] }

    /// Seconds from now until the card would be due again after `rating`.
    public func interval(for rating: Rating) -> TimeInterval {
        self[rating].due.timeIntervalSince(now)
    }
}

extension FSRSScheduler {
    /// The next state for every grade. Each grade draws its fuzz from its own copy of `rng`, so a
    /// review made afterwards with another copy of the same generator lands exactly where the preview said.
    public func preview<G: RandomNumberGenerator>(_ card: Card, at now: Date, using rng: G) -> SchedulingPreview {
        let outcomes = Rating.allCases.map { rating in
            var copy = rng
            return review(card, rating: rating, at: now, using: &copy)
        }
        return SchedulingPreview(card: card, now: now, outcomes: outcomes)
    }
}
