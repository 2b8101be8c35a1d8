import Foundation
import LuxLearn
import LuxStore
import XCTest

/// The study session against a real database in a temporary directory: queue and limits from
/// the settings, preview, grade, undo, drill results, and the cards a filter picks.
final class StudySessionTests: XCTestCase {
    private func session(_ db: LuxDatabase, _ settings: StudySettings? = nil, filter: StudyFilter = .all,
                         learnAhead: TimeInterval = 20 * 60, now: Date = studyT0) throws -> StudySession {
        try StudySession(database: db, filter: filter, settings: settings, timeZone: utc, learnAhead: learnAhead,
                         seed: 42, now: now)
    }

    func testSettingsDefaultsStorageAndErrors() throws {
        let db = try makeStudyDatabase()
        XCTAssertEqual(try StudySettings.load(from: db), StudySettings(newCardsPerDay: 20, reviewsPerDay: 200,
                                                                      desiredRetention: 0.9, dayRolloverHour: 4))
        try StudySettings(newCardsPerDay: 5, reviewsPerDay: 50, desiredRetention: 0.85, dayRolloverHour: 3).save(to: db)
        XCTAssertEqual(try StudySettings.load(from: db), StudySettings(newCardsPerDay: 5, reviewsPerDay: 50,
                                                                      desiredRetention: 0.85, dayRolloverHour: 3))
        try db.setSetting(StudySettings.desiredRetentionKey, to: 1.5)
        XCTAssertThrowsError(try StudySettings.load(from: db)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(db.path) && text.contains("study.desiredRetention") && text.contains("1.5"), text)
            XCTAssertFalse(text.contains("\n"))
        }
        try db.setSetting(StudySettings.desiredRetentionKey, to: 0.9)
        try db.setSetting(StudySettings.newCardsPerDayKey, to: -1)
        XCTAssertThrowsError(try StudySession(database: db, timeZone: utc, now: studyT0)) { error in
            XCTAssertTrue("\(error)".contains("study.newCardsPerDay"), "\(error)")
        }
    }

    func testQueueTakesNewCardsWithinTheDailyLimit() throws {
        let db = try makeStudyDatabase()
        try importStudyPack(db)
        try StudySettings(newCardsPerDay: 3).save(to: db)
        var study = try session(db, learnAhead: 0)
        XCTAssertEqual(study.remaining.new, 3)
        // New cards come in pack order.
        XCTAssertEqual(study.current?.record.itemID, "kaz")
        XCTAssertEqual(study.current?.record.variant, "recognition")
        XCTAssertEqual(study.current?.question, "d'Kaz")
        XCTAssertEqual(study.current?.isNew, true)
        for i in 0 ..< 3 {
            try study.grade(.good, at: studyT0.addingTimeInterval(Double(i)))
        }
        XCTAssertEqual(study.remaining.new, 0)
        XCTAssertNil(study.current, "the three cards wait 10 minutes in learning")
        XCTAssertEqual(study.nextLearningDue, studyT0.addingTimeInterval(600))
        // A new session (another process, later today) sees the same limit from the review log.
        let later = try session(db, learnAhead: 0, now: studyT0.addingTimeInterval(60))
        XCTAssertEqual(later.remaining.new, 0)
        // Learning cards come back when due, and early when nothing else is left.
        let ahead = try session(db, now: studyT0.addingTimeInterval(60))
        XCTAssertEqual(ahead.current?.record.itemID, "kaz")
        XCTAssertEqual(ahead.remaining.learning, 1)
        let due = try session(db, learnAhead: 0, now: studyT0.addingTimeInterval(605))
        XCTAssertEqual(due.remaining.learning, 3)
        // The next study day brings new cards again.
        let tomorrow = try session(db, learnAhead: 0, now: studyT0.addingTimeInterval(86_400))
        XCTAssertEqual(tomorrow.remaining.new, 3)
    }

    func testReviewLimitTakesTheMostOverdueFirst() throws {
        let db = try makeStudyDatabase()
        let keys = try importStudyPack(db)
        let tenDaysAgo = studyT0.addingTimeInterval(-10 * 86_400)
        try makeReviewed(db, keys[0], due: studyT0.addingTimeInterval(-86_400), reviewedAt: tenDaysAgo)
        try makeReviewed(db, keys[1], due: studyT0.addingTimeInterval(-2 * 86_400), reviewedAt: tenDaysAgo)
        try makeReviewed(db, keys[2], due: studyT0.addingTimeInterval(-3 * 3600), reviewedAt: tenDaysAgo)
        let settings = StudySettings(newCardsPerDay: 0, reviewsPerDay: 2)
        var study = try session(db, settings)
        XCTAssertEqual(study.remaining.reviews, 2)
        XCTAssertEqual(study.remaining.new, 0)
        XCTAssertEqual(study.queue.reviews.compactMap { StoredCard.recordID(of: $0) },
                       try [keys[1], keys[0]].map { try XCTUnwrap(try db.card(key: $0)?.id) })
        try study.grade(.good, at: studyT0)
        XCTAssertEqual(study.remaining.reviews, 1)
        let card = try XCTUnwrap(try db.card(key: keys[1]))
        XCTAssertEqual(card.reps, 2)
        XCTAssertEqual(card.state, 2)
        XCTAssertGreaterThan(card.due, studyT0.addingTimeInterval(86_400))
    }

    func testPreviewLabelsAndTheGradeAgree() throws {
        let db = try makeStudyDatabase()
        try importStudyPack(db)
        var study = try session(db)
        let options = try study.preview(at: studyT0)
        XCTAssertEqual(options.map(\.rating), [.again, .hard, .good, .easy])
        XCTAssertEqual(options.prefix(3).map(\.label), ["1m", "6m", "10m"])
        let easy = options[3]
        XCTAssertNotNil(easy.label.range(of: #"^\d+d$"#, options: .regularExpression), easy.label)
        // The same preview twice, and the grade lands where the preview said (fuzz included).
        XCTAssertEqual(try study.preview(at: studyT0), options)
        let cardID = try XCTUnwrap(study.current?.record.id)
        let outcome = try study.grade(.easy, at: studyT0)
        XCTAssertEqual(outcome.due, easy.due)
        XCTAssertEqual(outcome.label, easy.label)
        let stored = try XCTUnwrap(try db.card(id: cardID))
        XCTAssertEqual(stored.state, 2)
        XCTAssertEqual(stored.reps, 1)
        XCTAssertEqual(stored.lastReview, studyT0)
        XCTAssertEqual(try db.reviewLog(cardID: cardID).count, 1)
    }

    func testLapseCountsAndRelearning() throws {
        let db = try makeStudyDatabase()
        let keys = try importStudyPack(db)
        try makeReviewed(db, keys[0], due: studyT0.addingTimeInterval(-3600), reviewedAt: studyT0.addingTimeInterval(-5 * 86_400))
        var study = try session(db, StudySettings(newCardsPerDay: 0))
        XCTAssertEqual(try study.preview(at: studyT0)[0].label, "10m")
        try study.grade(.again, at: studyT0)
        let card = try XCTUnwrap(try db.card(key: keys[0]))
        XCTAssertEqual(card.state, 3)
        XCTAssertEqual(card.lapses, 1)
        XCTAssertEqual(card.due, studyT0.addingTimeInterval(600))
    }

    func testTypedAnswerIsKeptAsADrillResult() throws {
        let db = try makeStudyDatabase()
        try importStudyPack(db)
        var study = try session(db)
        let card = try XCTUnwrap(study.current)
        let answer = card.check("a cat")
        XCTAssertTrue(answer.isCorrect)
        XCTAssertEqual(answer.suggestedRating, .good)
        try study.grade(answer.suggestedRating, answer: answer, durationMs: 2500, at: studyT0)
        let results = try db.recentDrillResults(limit: 5)
        XCTAssertEqual(results.count, 1)
        XCTAssertEqual(results[0].mode, "vocab-lb-en")
        XCTAssertEqual(results[0].item, "test/kaz:recognition")
        XCTAssertEqual(results[0].prompt, "d'Kaz")
        XCTAssertEqual(results[0].given, "a cat")
        XCTAssertTrue(results[0].correct)
        XCTAssertEqual(try db.reviewLog(cardID: try XCTUnwrap(card.record.id)).first?.durationMs, 2500)
        // The next card is the production side, checked strictly.
        XCTAssertEqual(study.current?.question, "cat (noun: with its article)")
        let wrong = try XCTUnwrap(study.current).check("den Kaz")
        XCTAssertEqual(wrong.suggestedRating, .again)
        try study.grade(.again, answer: wrong, at: studyT0.addingTimeInterval(5))
        let last = try XCTUnwrap(try db.recentDrillResults(limit: 1).first)
        XCTAssertEqual(last.mode, "vocab-en-lb")
        XCTAssertFalse(last.correct)
        XCTAssertEqual(last.feedback?.contains("Kaz is feminine"), true)
    }

    func testUndoRestoresTheCardAndShowsItAgain() throws {
        let db = try makeStudyDatabase()
        try importStudyPack(db)
        var study = try session(db)
        let first = try XCTUnwrap(study.current?.record)
        try study.grade(.good, at: studyT0)
        let second = try XCTUnwrap(study.current?.record)
        XCTAssertNotEqual(second.id, first.id)
        try study.grade(.hard, at: studyT0.addingTimeInterval(3))
        XCTAssertTrue(try study.undo(at: studyT0.addingTimeInterval(4)))
        XCTAssertEqual(study.current?.record, second)
        XCTAssertTrue(try study.undo(at: studyT0.addingTimeInterval(5)))
        XCTAssertEqual(study.current?.record, first)
        let restored = try XCTUnwrap(try db.card(id: try XCTUnwrap(first.id)))
        XCTAssertEqual(restored.schedule, first.schedule)
        XCTAssertNil(restored.lastReview)
        XCTAssertEqual(try db.reviewLog(cardID: try XCTUnwrap(first.id)), [])
        XCTAssertFalse(try study.undo(at: studyT0.addingTimeInterval(6)))
        XCTAssertEqual(study.remaining.new, 10)
    }

    func testConjugationFilterAndTypedForms() throws {
        let db = try makeStudyDatabase()
        try importStudyPack(db)
        var study = try session(db, filter: .conjugation, learnAhead: 0)
        XCTAssertEqual(study.remaining.new, 2)
        let present = try XCTUnwrap(study.current)
        XCTAssertEqual(present.question, "goen (to go) · present · mir")
        XCTAssertTrue(present.check("mir ginn").isCorrect)
        try study.grade(.again, answer: present.check("mir gees"), at: studyT0)
        let perfect = try XCTUnwrap(study.current)
        XCTAssertEqual(perfect.prompt.expected, "bass gaangen")
        XCTAssertEqual(perfect.check("du hues gaangen").mistakes, [.auxiliary(expected: .sinn, given: .hunn, verb: "goen")])
        try study.grade(.again, at: studyT0.addingTimeInterval(1))
        XCTAssertNil(study.current)
        XCTAssertEqual(study.nextLearningDue, studyT0.addingTimeInterval(60))
        try study.refresh(at: studyT0.addingTimeInterval(61))
        XCTAssertEqual(study.current?.prompt.id, "test/goen:conj:present:1pl")
        let result = try XCTUnwrap(try db.recentDrillResults(mode: "conjugation", limit: 1).first)
        XCTAssertTrue(result.feedback?.contains("that's the form for du") == true, result.feedback ?? "")
        // The flashcard filter leaves the verb-table cards out.
        let cards = try session(db, filter: .flashcards, learnAhead: 0)
        XCTAssertEqual(cards.remaining.new, 8)
    }

    func testBrokenCardsAreReportedNotCrashed() throws {
        let db = try makeStudyDatabase()
        let pack = PackRecord(id: "bad", title: "Bad", version: "1", level: "A1", author: nil, licence: nil,
                              sourcePath: "/packs/bad", importedAt: studyT0)
        try db.importPack(pack, items: [ItemContent(id: "kaz", kind: .vocab, payload: #"{"unit":"u1","lb":"Kaz"}"#),
                                        try ItemContent(id: "goen", kind: .verb, content: DrillTestData.goen)],
                          at: studyT0)
        try db.addCards([CardKey(packID: "bad", itemID: "kaz", variant: "recognition")], due: studyT0, at: studyT0)
        XCTAssertThrowsError(try session(db)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(db.path) && text.contains("bad/kaz:recognition") && text.contains("is missing"), text)
            XCTAssertFalse(text.contains("\n"))
        }
        let other = try makeStudyDatabase()
        try other.importPack(pack, items: [try ItemContent(id: "goen", kind: .verb, content: DrillTestData.goen)], at: studyT0)
        try other.addCards([CardKey(packID: "bad", itemID: "goen", variant: "conj:future:1sg")], due: studyT0, at: studyT0)
        XCTAssertThrowsError(try session(other)) { error in
            XCTAssertTrue("\(error)".contains("unknown variant \"conj:future:1sg\""), "\(error)")
        }
    }

    func testVariantsAndIntervalLabels() {
        for raw in ["recognition", "production", "plural", "translate", "conj:present:1sg", "conj:perfect:2pl",
                    "conj:imperative:2sg"] {
            XCTAssertEqual(CardVariant(rawValue: raw)?.rawValue, raw)
        }
        XCTAssertEqual(CardVariant(rawValue: "conj:perfect:2sg"), .conjugation(.perfect, .secondSingular))
        for raw in ["", "conj", "conj:present", "conj:present:7sg", "conj:someday:1sg", "Recognition"] {
            XCTAssertNil(CardVariant(rawValue: raw), raw)
        }
        let cases: [(TimeInterval, String)] = [(30, "30s"), (60, "1m"), (330, "6m"), (600, "10m"), (3 * 3600, "3h"),
                                               (86_400, "1d"), (3 * 86_400, "3d"), (45 * 86_400, "1.5mo"),
                                               (60 * 86_400, "2mo"), (400 * 86_400, "1.1y"), (4000 * 86_400, "11y")]
        for (seconds, label) in cases {
            XCTAssertEqual(IntervalFormat.short(seconds), label, "\(seconds)")
        }
    }
}
