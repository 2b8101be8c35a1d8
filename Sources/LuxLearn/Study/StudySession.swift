import Foundation
import LuxStore

/// A review session over the store's cards, for the TUI and the CLI to drive: it builds today's
/// queue (learning cards, due reviews, new cards within the daily limits in the settings), shows
/// one card at a time, previews each grade's next interval, records a grade (the card's new state
/// and its review-log row in one transaction, plus the typed answer as a drill result) and takes
/// grades back. Every time-dependent call takes `now`, so tests and replays are exact.
public struct StudySession: Sendable {
    public let database: LuxDatabase
    public let settings: StudySettings
    public let scheduler: FSRSScheduler
    public let boundary: DayBoundary
    public let packID: String?
    public let filter: StudyFilter
    /// When nothing else is left, a learning card due within this many seconds is shown early.
    public let learnAhead: TimeInterval

    /// Today's queue as of the last change.
    public private(set) var queue: DailyQueue
    /// The card to show; nil when nothing is left for now.
    public private(set) var current: StudyCard?

    private var master: SeededGenerator
    /// The current card's fuzz: a preview and the grade that follows draw the same numbers.
    private var cardRandom: SeededGenerator
    /// Cards graded in this session, most recent last, for undo.
    private var graded: [Int64] = []

    /// Opens a session. `settings` default to the store's; `seed` makes interval fuzz reproducible.
    public init(database: LuxDatabase, packID: String? = nil, filter: StudyFilter = .all,
                settings: StudySettings? = nil, timeZone: TimeZone = .current, learnAhead: TimeInterval = 20 * 60,
                seed: UInt64? = nil, now: Date = Date()) throws {
        let settings = try settings ?? StudySettings.load(from: database)
        try settings.validate(path: database.path)
        self.database = database
        self.settings = settings
        do {
            scheduler = try settings.scheduler()
            boundary = try settings.dayBoundary(timeZone: timeZone)
        } catch let error as FSRSConfigurationError {
            throw StudyError.badSetting(path: database.path, key: "study", reason: error.description)
        }
        self.packID = packID
        self.filter = filter
        self.learnAhead = learnAhead
        var system = SystemRandomNumberGenerator()
        master = SeededGenerator(seed: seed ?? system.next())
        cardRandom = master
        queue = DailyQueue(cards: [], now: now, day: boundary.day(containing: now))
        try refresh(at: now)
    }

    /// Cards left in today's queue, by kind.
    public var remaining: (learning: Int, reviews: Int, new: Int) {
        (queue.learning.count, queue.reviews.count, queue.newCards.count)
    }

    /// When the next learning card comes due later today, if the queue is waiting for one.
    public var nextLearningDue: Date? { queue.nextLearningDue }

    /// Rebuilds the queue from the store (another process may have studied) and picks the card to show.
    public mutating func refresh(at now: Date = Date()) throws {
        try refresh(at: now, pinned: nil)
    }

    private mutating func refresh(at now: Date, pinned: Int64?) throws {
        let loaded = try StudyQueue(database: database, settings: settings, boundary: boundary, packID: packID,
                                    filter: filter, now: now, learnAhead: learnAhead)
        queue = loaded.queue
        let record: CardRecord?
        if let pinned {
            record = try database.card(id: pinned)
        } else {
            record = queue.cards.first.flatMap { loaded.records[$0.id] }
        }
        guard let record else {
            current = nil
            return
        }
        let same = current?.record.id == record.id && current?.record.reps == record.reps
        current = try StudyCard(record: record, database: database)
        // A new draw for a new card; the same card keeps its draw so its preview does not change.
        if !same { cardRandom = SeededGenerator(seed: master.next()) }
    }

    /// What each grade would do to the current card now: its next due date and a short label.
    public func preview(at now: Date = Date()) throws -> [GradeOption] {
        guard let current else { throw StudyError.noCard }
        let preview = scheduler.preview(current.card, at: now, using: cardRandom)
        return Rating.allCases.map { rating in
            GradeOption(rating: rating, due: preview[rating].due, interval: preview.interval(for: rating),
                        label: IntervalFormat.short(preview.interval(for: rating)))
        }
    }

    /// Grades the current card: its new schedule, its review-log row and (for a typed `answer`)
    /// the drill result are written in one transaction. Then the next card is picked.
    @discardableResult
    public mutating func grade(_ rating: Rating, answer: AnswerCheck? = nil, durationMs: Int? = nil,
                               at now: Date = Date()) throws -> GradeOutcome {
        guard let current, let id = current.record.id else { throw StudyError.noCard }
        var random = cardRandom
        let next = scheduler.review(current.card, rating: rating, at: now, using: &random)
        let schedule = StoredCard.schedule(after: next, before: current.record, rating: rating)
        try database.recordReview(cardID: id, rating: rating.rawValue, at: now, newSchedule: schedule,
                                  durationMs: durationMs,
                                  drillResult: answer.map { DrillAttempt(prompt: current.prompt, check: $0, answeredAt: now).record })
        graded.append(id)
        try refresh(at: now, pinned: nil)
        return GradeOutcome(cardID: id, rating: rating, due: next.due,
                            label: IntervalFormat.short(next.due.timeIntervalSince(now)))
    }

    /// Takes back the last grade of this session: the card gets its earlier state back and is
    /// shown again. False when there is nothing to take back. (A drill result kept with the grade
    /// stays: it records what was typed.)
    @discardableResult
    public mutating func undo(at now: Date = Date()) throws -> Bool {
        guard let id = graded.popLast() else { return false }
        guard try database.undoLastReview(cardID: id) != nil else { return false }
        try refresh(at: now, pinned: id)
        return true
    }
}

/// The card a session shows: the stored card, the scheduler's view of it, and its prompt.
public struct StudyCard: Sendable {
    public let record: CardRecord
    public let card: Card
    public let prompt: DrillPrompt

    init(record: CardRecord, database: LuxDatabase) throws {
        let name = StoredCard.describe(record)
        guard let item = try database.item(packID: record.packID, id: record.itemID) else {
            throw StudyError.badCard(path: database.path, card: name, reason: "its item is not in the database")
        }
        self.record = record
        card = try StoredCard.card(from: record, path: database.path)
        prompt = try CardPrompts.prompt(item: item, variant: record.variant, card: name, path: database.path)
    }

    /// The front of the card.
    public var question: String { prompt.question }
    /// The back of the card.
    public var answer: String { prompt.reveal }
    /// Checks a typed answer; `suggestedRating` turns the verdict into a grade.
    public func check(_ typed: String) -> AnswerCheck { prompt.check(typed) }
    /// Never reviewed before.
    public var isNew: Bool { record.isNew }
}

extension AnswerCheck {
    /// The grade a typed answer earns when the learner does not choose one: Good if right, Again if not.
    public var suggestedRating: Rating { isCorrect ? .good : .again }
}

/// One grade button: the grade, when the card would come back, and a label such as "10m" or "3d".
public struct GradeOption: Sendable, Equatable {
    public let rating: Rating
    public let due: Date
    public let interval: TimeInterval
    public let label: String
}

/// What a grade did.
public struct GradeOutcome: Sendable, Equatable {
    public let cardID: Int64
    public let rating: Rating
    public let due: Date
    public let label: String
}
