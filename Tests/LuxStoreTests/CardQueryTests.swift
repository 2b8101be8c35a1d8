import Foundation
import LuxStore
import XCTest

final class CardQueryTests: XCTestCase {
    /// A database with pack "a1-basics" of `n` items and a recognition card for each.
    private func databaseWithCards(_ n: Int) throws -> (LuxDatabase, [CardRecord]) {
        let db = try makeDatabase()
        try db.importPack(samplePack(), items: sampleItems(n), at: t0)
        let keys = (0 ..< n).map { CardKey(packID: "a1-basics", itemID: "w\($0)", variant: "recognition") }
        XCTAssertEqual(try db.addCards(keys, due: t0, at: t0), n)
        XCTAssertEqual(try db.addCards(keys, due: t0, at: t0), 0, "existing cards are left alone")
        return (db, try db.cards(packID: "a1-basics"))
    }

    func testNewCardsStartInLearningStepZero() throws {
        let (_, cards) = try databaseWithCards(2)
        XCTAssertEqual(cards.map(\.schedule), [CardSchedule.new(due: t0), CardSchedule.new(due: t0)])
        XCTAssertEqual(cards.map(\.isNew), [true, true])
        XCTAssertEqual(cards.map(\.createdAt), [t0, t0])
    }

    func testCardsForUnknownItemsAreRefused() throws {
        let (db, _) = try databaseWithCards(1)
        assertStoreError(try db.addCards([CardKey(packID: "a1-basics", itemID: "nope", variant: "recognition")], due: t0),
                         contains: [db.path, "item a1-basics/nope does not exist"])
    }

    func testDueAndNewCardsHonourDatesOrderAndLimits() throws {
        let (db, cards) = try databaseWithCards(5)
        // Review cards 3, 1, 4 so they fall due on days 3, 1, 4 after t0.
        for (index, days) in [(3, 3.0), (1, 1.0), (4, 4.0)] {
            let card = cards[index]
            var schedule = reviewedSchedule(after: card.schedule, at: t0, stability: days)
            schedule.due = t0.addingTimeInterval(days * 86_400)
            try db.recordReview(cardID: try XCTUnwrap(card.id), rating: 3, at: t0, newSchedule: schedule)
        }
        let day = 86_400.0
        XCTAssertEqual(try db.dueCards(at: t0.addingTimeInterval(0.5 * day), limit: 10), [])
        XCTAssertEqual(try db.dueCards(at: t0.addingTimeInterval(3 * day), limit: 10).map(\.itemID), ["w1", "w3"])
        XCTAssertEqual(try db.dueCards(at: t0.addingTimeInterval(9 * day), limit: 10).map(\.itemID), ["w1", "w3", "w4"])
        XCTAssertEqual(try db.dueCards(at: t0.addingTimeInterval(9 * day), limit: 2).map(\.itemID), ["w1", "w3"])
        XCTAssertEqual(try db.dueCards(at: t0.addingTimeInterval(9 * day), limit: 10, packID: "other"), [])
        XCTAssertEqual(try db.newCards(limit: 10).map(\.itemID), ["w0", "w2"])
        XCTAssertEqual(try db.newCards(limit: 1).map(\.itemID), ["w0"])
        XCTAssertEqual(try db.cardCounts(at: t0.addingTimeInterval(3 * day)), CardCounts(total: 5, new: 2, due: 2))
    }

    func testReviewUpdatesCardAndLogInOneGo() throws {
        let (db, cards) = try databaseWithCards(1)
        let id = try XCTUnwrap(cards[0].id)
        let t1 = t0.addingTimeInterval(600)
        let first = reviewedSchedule(after: cards[0].schedule, at: t1, stability: 2.5)
        let log = try db.recordReview(cardID: id, rating: 3, at: t1, newSchedule: first, durationMs: 4200)
        XCTAssertNotNil(log.id)
        XCTAssertEqual(log.before, cards[0].schedule)
        XCTAssertEqual(log.stateAfter, 2)
        XCTAssertNil(log.elapsedSeconds, "a first review has no previous one")
        XCTAssertEqual(log.scheduledSeconds, 86_400)
        XCTAssertEqual(log.durationMs, 4200)
        XCTAssertEqual(try db.card(id: id)?.schedule, first)

        let t2 = t1.addingTimeInterval(86_400 + 30)
        let second = try db.recordReview(cardID: id, rating: 4, at: t2,
                                         newSchedule: reviewedSchedule(after: first, at: t2, stability: 9))
        XCTAssertEqual(second.elapsedSeconds, 86_430)
        XCTAssertEqual(try db.reviewLog(cardID: id).map(\.rating), [3, 4])
    }

    func testATypedAnswerIsStoredWithItsGradeOrNotAtAll() throws {
        let (db, cards) = try databaseWithCards(1)
        let id = try XCTUnwrap(cards[0].id)
        let schedule = reviewedSchedule(after: cards[0].schedule, at: t0, stability: 1)
        let typed = DrillResultRecord(mode: "vocab", item: "w0", prompt: "Haus", expected: "house", given: "hous",
                                      correct: false, feedback: "a letter is missing", answeredAt: t0)
        try db.recordReview(cardID: id, rating: 1, at: t0, newSchedule: schedule, drillResult: typed)
        XCTAssertEqual(try db.recentDrillResults(limit: 10).map(\.given), ["hous"])
        // A grade that cannot be stored takes its drill result with it.
        assertStoreError(try db.recordReview(cardID: 999, rating: 3, at: t0, newSchedule: schedule, drillResult: typed),
                         contains: ["card 999 does not exist"])
        XCTAssertEqual(try db.recentDrillResults(limit: 10).count, 1)
        XCTAssertEqual(try db.reviewLog(cardID: id).count, 1)
    }

    func testBadReviewsChangeNothing() throws {
        let (db, cards) = try databaseWithCards(1)
        let id = try XCTUnwrap(cards[0].id)
        let schedule = reviewedSchedule(after: cards[0].schedule, at: t0, stability: 1)
        assertStoreError(try db.recordReview(cardID: id, rating: 5, at: t0, newSchedule: schedule),
                         contains: [db.path, "rating 5 is not 1-4"])
        assertStoreError(try db.recordReview(cardID: 999, rating: 3, at: t0, newSchedule: schedule),
                         contains: [db.path, "card 999 does not exist"])
        var badState = schedule
        badState.state = 7
        assertStoreError(try db.recordReview(cardID: id, rating: 3, at: t0, newSchedule: badState),
                         contains: ["state 7"])
        XCTAssertEqual(try db.card(id: id), cards[0])
        XCTAssertEqual(try db.reviewLog(cardID: id), [])
    }

    func testUndoRestoresTheExactPreviousState() throws {
        let (db, cards) = try databaseWithCards(2)
        let a = try XCTUnwrap(cards[0].id), b = try XCTUnwrap(cards[1].id)
        let t1 = t0.addingTimeInterval(61.123)
        try db.recordReview(cardID: a, rating: 3, at: t1,
                            newSchedule: reviewedSchedule(after: cards[0].schedule, at: t1, stability: 2.3065))
        let afterFirst = try XCTUnwrap(db.card(id: a))
        let t2 = t1.addingTimeInterval(3 * 86_400 + 0.5)
        let lapse = CardSchedule(state: 3, step: 0, stability: 0.87654321, difficulty: 7.123456789,
                                 due: t2.addingTimeInterval(600), lastReview: t2, reps: 2, lapses: 1)
        try db.recordReview(cardID: a, rating: 1, at: t2, newSchedule: lapse)
        try db.recordReview(cardID: b, rating: 2, at: t2,
                            newSchedule: reviewedSchedule(after: cards[1].schedule, at: t2, stability: 1))

        // The last answer overall was to b.
        XCTAssertEqual(try db.undoLastReview()?.cardID, b)
        XCTAssertEqual(try db.card(id: b), cards[1])
        // Undo for a: back to the state after its first review, bit for bit.
        let undone = try XCTUnwrap(db.undoLastReview(cardID: a))
        XCTAssertEqual(undone.rating, 1)
        XCTAssertEqual(try db.card(id: a), afterFirst)
        XCTAssertEqual(try db.reviewLog(cardID: a).count, 1)
        // And once more: a brand-new card again.
        XCTAssertNotNil(try db.undoLastReview(cardID: a))
        XCTAssertEqual(try db.card(id: a), cards[0])
        XCTAssertNil(try db.undoLastReview())
        XCTAssertEqual(try db.reviewCounts(in: [DateInterval(start: t0, duration: 30 * 86_400)]), [ReviewCounts()])
    }

    func testReviewCountsPerDay() throws {
        let (db, cards) = try databaseWithCards(3)
        let day1 = DateInterval(start: t0, duration: 86_400)
        let day2 = DateInterval(start: day1.end, duration: 90_000) // a 25-hour day: clocks went back
        var schedules = cards.map(\.schedule)
        func review(_ i: Int, at date: Date, state: Int) throws {
            var next = reviewedSchedule(after: schedules[i], at: date, stability: 1)
            next.state = state
            try db.recordReview(cardID: try XCTUnwrap(cards[i].id), rating: 3, at: date, newSchedule: next)
            schedules[i] = next
        }
        try review(0, at: t0.addingTimeInterval(10), state: 1)       // new card, day 1
        try review(0, at: t0.addingTimeInterval(700), state: 2)      // learning step, day 1
        try review(1, at: t0.addingTimeInterval(86_399), state: 2)   // new card, last second of day 1
        try review(0, at: day2.start, state: 2)                      // review card, first instant of day 2
        try review(2, at: day2.end.addingTimeInterval(-1), state: 2) // new card, last second of day 2
        let counts = try db.reviewCounts(in: [day1, day2, DateInterval(start: day2.end, duration: 86_400)])
        XCTAssertEqual(counts, [
            ReviewCounts(total: 3, newCards: 2, byStateBefore: [1: 3]),
            ReviewCounts(total: 2, newCards: 1, byStateBefore: [1: 1, 2: 1]),
            ReviewCounts(),
        ])
    }

    func testAnswersToLearntCardsSinceADay() throws {
        let (db, cards) = try databaseWithCards(2)
        var schedules = cards.map(\.schedule)
        func review(_ i: Int, at date: Date, rating: Int, state: Int) throws {
            var next = reviewedSchedule(after: schedules[i], at: date, stability: 1)
            next.state = state
            try db.recordReview(cardID: try XCTUnwrap(cards[i].id), rating: rating, at: date, newSchedule: next)
            schedules[i] = next
        }
        try review(0, at: t0, rating: 3, state: 2)                          // new -> review: not learnt before
        try review(0, at: t0.addingTimeInterval(86_400), rating: 1, state: 3) // learnt, forgotten
        try review(1, at: t0.addingTimeInterval(100), rating: 4, state: 2)  // new -> review
        try review(1, at: t0.addingTimeInterval(90_000), rating: 3, state: 2) // learnt, remembered
        let since = t0.addingTimeInterval(3_600)
        XCTAssertEqual(try db.answers(since: since, stateBefore: 2).total, 2)
        XCTAssertEqual(try db.answers(since: since, stateBefore: 2).remembered, 1)
        XCTAssertEqual(try db.answers(since: t0.addingTimeInterval(100_000), stateBefore: 2).total, 0)
        XCTAssertEqual(try db.cardCount(), 2)
    }
}
