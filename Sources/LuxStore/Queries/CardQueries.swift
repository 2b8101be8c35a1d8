import Foundation
import GRDB

extension LuxDatabase {
    /// Creates the cards that do not exist yet, as new cards due at `due`; returns how many
    /// were created. Existing cards (and their progress) are left alone.
    @discardableResult
    public func addCards(_ keys: [CardKey], due: Date, at now: Date = Date()) throws -> Int {
        try write { db in
            var created = 0
            for key in keys {
                let itemExists = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM items WHERE pack_id = ? AND id = ?)",
                    arguments: [key.packID, key.itemID]) ?? false
                guard itemExists else {
                    throw StoreError.notFound(path: path, what: "item \(key.packID)/\(key.itemID)")
                }
                if try CardRecord.filter(CardRecord.CodingKeys.packID == key.packID
                                         && CardRecord.CodingKeys.itemID == key.itemID
                                         && CardRecord.CodingKeys.variant == key.variant).fetchCount(db) > 0 {
                    continue
                }
                var card = CardRecord(key: key, schedule: .new(due: due), createdAt: now)
                try card.insert(db)
                created += 1
            }
            return created
        }
    }

    public func card(id: Int64) throws -> CardRecord? {
        try read { db in try CardRecord.fetchOne(db, key: id) }
    }

    public func card(key: CardKey) throws -> CardRecord? {
        try read { db in
            try CardRecord.filter(CardRecord.CodingKeys.packID == key.packID
                                  && CardRecord.CodingKeys.itemID == key.itemID
                                  && CardRecord.CodingKeys.variant == key.variant).fetchOne(db)
        }
    }

    /// Every card of a pack (retired items included), by id.
    public func cards(packID: String) throws -> [CardRecord] {
        try read { db in
            try CardRecord.filter(CardRecord.CodingKeys.packID == packID).order(CardRecord.CodingKeys.id).fetchAll(db)
        }
    }

    /// Cards reviewed before and due at or before `date`, most overdue first; retired items'
    /// cards are left out.
    public func dueCards(at date: Date, limit: Int, packID: String? = nil) throws -> [CardRecord] {
        try read { db in
            try CardRecord.fetchAll(db, sql: """
                SELECT cards.* FROM cards
                JOIN items ON items.pack_id = cards.pack_id AND items.id = cards.item_id
                WHERE items.retired = 0 AND cards.last_review IS NOT NULL AND cards.due <= ?
                  AND (? IS NULL OR cards.pack_id = ?)
                ORDER BY cards.due, cards.id
                LIMIT ?
                """, arguments: [date, packID, packID, max(0, limit)])
        }
    }

    /// Cards never reviewed, in pack order (pack id, then item position); retired items' cards
    /// are left out.
    public func newCards(limit: Int, packID: String? = nil) throws -> [CardRecord] {
        try read { db in
            try CardRecord.fetchAll(db, sql: """
                SELECT cards.* FROM cards
                JOIN items ON items.pack_id = cards.pack_id AND items.id = cards.item_id
                WHERE items.retired = 0 AND cards.last_review IS NULL
                  AND (? IS NULL OR cards.pack_id = ?)
                ORDER BY cards.pack_id, items.position, cards.id
                LIMIT ?
                """, arguments: [packID, packID, max(0, limit)])
        }
    }

    /// Live cards (of items not retired): all, never reviewed, and reviewed-and-due at `date`.
    public func cardCounts(at date: Date) throws -> CardCounts {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS total,
                       COALESCE(SUM(cards.last_review IS NULL), 0) AS new,
                       COALESCE(SUM(cards.last_review IS NOT NULL AND cards.due <= ?), 0) AS due
                FROM cards
                JOIN items ON items.pack_id = cards.pack_id AND items.id = cards.item_id
                WHERE items.retired = 0
                """, arguments: [date])
            return CardCounts(total: row?["total"] ?? 0, new: row?["new"] ?? 0, due: row?["due"] ?? 0)
        }
    }

    /// Records an answer: the card takes its new schedule and a log row keeps the old one,
    /// both in one transaction. `rating` is 1 again ... 4 easy.
    @discardableResult
    public func recordReview(cardID: Int64, rating: Int, at reviewedAt: Date, newSchedule: CardSchedule,
                             durationMs: Int? = nil, drillResult: DrillResultRecord? = nil) throws -> ReviewLogRecord {
        guard (1 ... 4).contains(rating) else {
            throw StoreError.invalid(path: path, reason: "card \(cardID): rating \(rating) is not 1-4")
        }
        guard (1 ... 3).contains(newSchedule.state) else {
            throw StoreError.invalid(path: path, reason: "card \(cardID): state \(newSchedule.state) is not 1-3")
        }
        return try write { db in
            guard var card = try CardRecord.fetchOne(db, key: cardID) else {
                throw StoreError.notFound(path: path, what: "card \(cardID)")
            }
            var log = ReviewLogRecord(cardID: cardID, rating: rating, reviewedAt: reviewedAt, durationMs: durationMs,
                                      before: card.schedule, after: newSchedule)
            card.schedule = newSchedule
            try card.update(db)
            try log.insert(db)
            if var result = drillResult { try result.insert(db) }   // the typed answer, in the same transaction
            return log
        }
    }

    /// Takes back the most recent answer (to `cardID`, or to any card): the card gets back the
    /// state the log row kept, and the row is deleted. Returns the removed row, nil if none.
    @discardableResult
    public func undoLastReview(cardID: Int64? = nil) throws -> ReviewLogRecord? {
        try write { db in
            var request = ReviewLogRecord.order(ReviewLogRecord.CodingKeys.id.desc)
            if let cardID {
                request = request.filter(ReviewLogRecord.CodingKeys.cardID == cardID)
            }
            guard let log = try request.fetchOne(db) else { return nil }
            guard var card = try CardRecord.fetchOne(db, key: log.cardID) else {
                throw StoreError.notFound(path: path, what: "card \(log.cardID)")
            }
            card.schedule = log.before
            try card.update(db)
            try log.delete(db)
            return log
        }
    }

    /// A card's answers, oldest first.
    public func reviewLog(cardID: Int64) throws -> [ReviewLogRecord] {
        try read { db in
            try ReviewLogRecord.filter(ReviewLogRecord.CodingKeys.cardID == cardID)
                .order(ReviewLogRecord.CodingKeys.id).fetchAll(db)
        }
    }

    /// Answers given since `since` to cards that were in state `state` (e.g. review: learnt),
    /// and how many of them were not "Again" (rating 1).
    public func answers(since: Date, stateBefore state: Int) throws -> (total: Int, remembered: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(rating > 1), 0) AS kept
                FROM review_log WHERE reviewed_at >= ? AND state_before = ?
                """, arguments: [since, state])
            return (row?["n"] ?? 0, row?["kept"] ?? 0)
        }
    }

    /// How many cards there are, in every pack.
    public func cardCount() throws -> Int {
        try read { db in try CardRecord.fetchCount(db) }
    }

    /// Reviews done in each interval (e.g. each study day, which may be 23 or 25 hours long).
    /// Each interval counts from its start (included) to its end (excluded).
    public func reviewCounts(in intervals: [DateInterval]) throws -> [ReviewCounts] {
        try read { db in
            try intervals.map { interval in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT state_before, last_review_before IS NULL AS first, COUNT(*) AS n
                    FROM review_log
                    WHERE reviewed_at >= ? AND reviewed_at < ?
                    GROUP BY state_before, first
                    """, arguments: [interval.start, interval.end])
                var counts = ReviewCounts()
                for row in rows {
                    let n: Int = row["n"]
                    counts.total += n
                    counts.byStateBefore[row["state_before"], default: 0] += n
                    if row["first"] as Bool { counts.newCards += n }
                }
                return counts
            }
        }
    }
}
