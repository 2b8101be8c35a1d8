import Foundation
import LuxStore

/// Which cards a session studies.
public enum StudyFilter: Sendable, Equatable {
    case all
    /// Only verb-table cards ("conj:…"): the conjugation drill of due cards.
    case conjugation
    /// Everything but verb-table cards: the vocabulary flashcards.
    case flashcards

    func admits(_ record: CardRecord) -> Bool {
        switch self {
        case .all: true
        case .conjugation: record.variant.hasPrefix("conj:")
        case .flashcards: !record.variant.hasPrefix("conj:")
        }
    }
}

/// Today's queue as the store has it: reviewed cards due before the day ends and new cards in
/// pack order, limited by what today's review log says is already done.
struct StudyQueue {
    let queue: DailyQueue
    /// The stored cards by scheduler id.
    let records: [String: CardRecord]
    let day: StudyDay
    let done: DailyCounts

    /// No limit on the cards fetched; the daily limits are applied by `DailyQueue`.
    static let all = Int(Int32.max)

    /// `learnAhead`: when nothing is due now, a learning card due within this many seconds is shown early.
    init(database: LuxDatabase, settings: StudySettings, boundary: DayBoundary, packID: String?,
         filter: StudyFilter, now: Date, learnAhead: TimeInterval) throws {
        day = boundary.day(containing: now)
        let today = try database.reviewCounts(in: [DateInterval(start: day.start, end: day.end)]).first ?? ReviewCounts()
        done = DailyCounts(newCards: today.newCards, reviews: today.byStateBefore[CardState.review.rawValue] ?? 0)
        let reviewed = try database.dueCards(at: day.end.addingTimeInterval(-0.001), limit: Self.all, packID: packID)
        // With a filter, the day's new-card limit is applied after filtering.
        let newLimit = filter == .all ? max(0, settings.newCardsPerDay - done.newCards) : Self.all
        let fresh = try database.newCards(limit: newLimit, packID: packID)
        var cards: [Card] = []
        var records: [String: CardRecord] = [:]
        for record in (reviewed + fresh) where filter.admits(record) {
            let card = try StoredCard.card(from: record, path: database.path)
            cards.append(card)
            records[card.id] = record
        }
        var queue = DailyQueue(cards: cards, now: now, day: day, limits: settings.limits, done: done)
        if queue.isEmpty, let next = queue.nextLearningDue, next.timeIntervalSince(now) <= learnAhead {
            queue = DailyQueue(cards: cards, now: next, day: day, limits: settings.limits, done: done)
        }
        self.queue = queue
        self.records = records
    }
}
