import Foundation
import LuxStore

/// Moving a card between the store (`CardRecord`, Int64 id, state as a number, review counts)
/// and the scheduler (`Card`, String id, `CardState`).
public enum StoredCard {
    /// The scheduler's view of a stored card; its id is the record's id as text.
    public static func card(from record: CardRecord, path: String) throws -> Card {
        guard let id = record.id else {
            throw StudyError.badCard(path: path, card: describe(record), reason: "it has not been saved yet")
        }
        guard let state = CardState(rawValue: record.state) else {
            throw StudyError.badCard(path: path, card: describe(record), reason: "state \(record.state) is not 1-3")
        }
        return Card(id: String(id), state: state, step: record.step, stability: record.stability,
                    difficulty: record.difficulty, due: record.due, lastReview: record.lastReview)
    }

    /// The record id a scheduler card stands for.
    public static func recordID(of card: Card) -> Int64? {
        Int64(card.id)
    }

    /// The stored schedule after a review took `before` to `after` with `rating`: one more
    /// repetition, and one more lapse when a graduated card was forgotten.
    public static func schedule(after: Card, before: CardRecord, rating: Rating) -> CardSchedule {
        let lapsed = before.state == CardState.review.rawValue && rating == .again
        return CardSchedule(state: after.state.rawValue, step: after.step, stability: after.stability,
                            difficulty: after.difficulty, due: after.due, lastReview: after.lastReview,
                            reps: before.reps + 1, lapses: before.lapses + (lapsed ? 1 : 0))
    }

    /// "12 (a1-basics/kaz:production)".
    static func describe(_ record: CardRecord) -> String {
        "\(record.id.map(String.init) ?? "?") (\(record.packID)/\(record.itemID):\(record.variant))"
    }
}
