import Foundation
import LuxStore

/// How many study days in a row have at least one review.
public struct StudyStreak: Sendable, Equatable {
    /// Consecutive study days with reviews, counting today if studied, else ending yesterday
    /// (a streak is not lost until today is over).
    public var days: Int
    public var studiedToday: Bool

    public init(days: Int, studiedToday: Bool) {
        self.days = days
        self.studiedToday = studiedToday
    }
}

/// Reviewed cards coming due on one study day.
public struct ForecastDay: Sendable, Equatable {
    public var day: StudyDay
    /// For the first day, everything due before it ends, overdue cards included.
    public var due: Int

    public init(day: StudyDay, due: Int) {
        self.day = day
        self.due = due
    }
}

/// The Home screen's figures: streak and due forecast.
public enum StudyStats {
    /// The streak as of `now`. Looks back at most `maxDays` days.
    public static func streak(database: LuxDatabase, boundary: DayBoundary, now: Date = Date(),
                              maxDays: Int = 3660) throws -> StudyStreak {
        var day = boundary.day(containing: now)
        var days = 0, studiedToday = false, first = true
        while days <= maxDays {
            // A month of days per query, newest first.
            var chunk: [StudyDay] = []
            for _ in 0 ..< 31 {
                chunk.append(day)
                day = previous(day, boundary)
            }
            let counts = try database.reviewCounts(in: chunk.map { DateInterval(start: $0.start, end: $0.end) })
            for count in counts {
                if first {
                    first = false
                    studiedToday = count.total > 0
                    if !studiedToday { continue }  // today may still come; count from yesterday
                }
                guard count.total > 0 else { return StudyStreak(days: days, studiedToday: studiedToday) }
                days += 1
            }
        }
        return StudyStreak(days: days, studiedToday: studiedToday)
    }

    /// Cards already reviewed that come due on each of the next `days` study days, today first.
    public static func forecast(database: LuxDatabase, boundary: DayBoundary, now: Date = Date(), days: Int = 14,
                                packID: String? = nil) throws -> [ForecastDay] {
        guard days > 0 else { return [] }
        var studyDays = [boundary.day(containing: now)]
        while studyDays.count < days, let last = studyDays.last {
            studyDays.append(boundary.day(containing: last.end))
        }
        guard let end = studyDays.last?.end else { return [] }
        let cards = try database.dueCards(at: end.addingTimeInterval(-0.001), limit: StudyQueue.all, packID: packID)
        var counts = [Int](repeating: 0, count: studyDays.count)
        for card in cards {
            // Days are in order, so the first whose end is after the due date holds it.
            if let index = studyDays.firstIndex(where: { card.due < $0.end }) { counts[index] += 1 }
        }
        return zip(studyDays, counts).map { ForecastDay(day: $0, due: $1) }
    }

    private static func previous(_ day: StudyDay, _ boundary: DayBoundary) -> StudyDay {
        boundary.day(containing: day.start.addingTimeInterval(-1))
    }
}

/// What the Home screen shows about studying.
public struct StudyOverview: Sendable, Equatable {
    /// Cards in today's queue now.
    public var learning: Int
    public var reviews: Int
    public var newCards: Int
    /// Answers given today.
    public var reviewedToday: Int
    public var streak: StudyStreak
    /// The next 14 study days.
    public var forecast: [ForecastDay]

    public init(learning: Int, reviews: Int, newCards: Int, reviewedToday: Int, streak: StudyStreak,
                forecast: [ForecastDay]) {
        self.learning = learning
        self.reviews = reviews
        self.newCards = newCards
        self.reviewedToday = reviewedToday
        self.streak = streak
        self.forecast = forecast
    }

    /// The overview as of `now`, with the store's settings.
    public static func load(database: LuxDatabase, timeZone: TimeZone = .current, now: Date = Date()) throws -> StudyOverview {
        let settings = try StudySettings.load(from: database)
        let boundary: DayBoundary
        do {
            boundary = try settings.dayBoundary(timeZone: timeZone)
        } catch let error as FSRSConfigurationError {
            throw StudyError.badSetting(path: database.path, key: StudySettings.dayRolloverHourKey, reason: error.description)
        }
        let today = try StudyQueue(database: database, settings: settings, boundary: boundary, packID: nil,
                                   filter: .all, now: now, learnAhead: 0)
        let answered = try database.reviewCounts(in: [DateInterval(start: today.day.start, end: today.day.end)])
        return StudyOverview(learning: today.queue.learning.count, reviews: today.queue.reviews.count,
                             newCards: today.queue.newCards.count, reviewedToday: answered.first?.total ?? 0,
                             streak: try StudyStats.streak(database: database, boundary: boundary, now: now),
                             forecast: try StudyStats.forecast(database: database, boundary: boundary, now: now))
    }
}
