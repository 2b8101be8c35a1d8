import Foundation
import LuxStore

/// The learner's study settings, each kept in the store's settings under its own key as JSON.
/// A setting never set takes its default.
public struct StudySettings: Sendable, Equatable {
    public static let newCardsPerDayKey = "study.newCardsPerDay"
    public static let reviewsPerDayKey = "study.reviewsPerDay"
    public static let desiredRetentionKey = "study.desiredRetention"
    public static let dayRolloverHourKey = "study.dayRolloverHour"

    /// First reviews of new cards per study day.
    public var newCardsPerDay: Int
    /// Reviews of graduated cards per study day.
    public var reviewsPerDay: Int
    /// The recall probability FSRS schedules for, in (0, 1).
    public var desiredRetention: Double
    /// The local hour at which one study day ends and the next begins (0-23).
    public var dayRolloverHour: Int

    public init(newCardsPerDay: Int = 20, reviewsPerDay: Int = 200, desiredRetention: Double = 0.9,
                dayRolloverHour: Int = 4) {
        self.newCardsPerDay = newCardsPerDay
        self.reviewsPerDay = reviewsPerDay
        self.desiredRetention = desiredRetention
        self.dayRolloverHour = dayRolloverHour
    }

    /// The settings in `database`, defaults for those never set; a stored value out of range is an error.
    public static func load(from database: LuxDatabase) throws -> StudySettings {
        let defaults = StudySettings()
        let settings = StudySettings(
            newCardsPerDay: try database.setting(newCardsPerDayKey, as: Int.self) ?? defaults.newCardsPerDay,
            reviewsPerDay: try database.setting(reviewsPerDayKey, as: Int.self) ?? defaults.reviewsPerDay,
            desiredRetention: try database.setting(desiredRetentionKey, as: Double.self) ?? defaults.desiredRetention,
            dayRolloverHour: try database.setting(dayRolloverHourKey, as: Int.self) ?? defaults.dayRolloverHour)
        try settings.validate(path: database.path)
        return settings
    }

    /// Stores every setting (after checking them).
    public func save(to database: LuxDatabase, at now: Date = Date()) throws {
        try validate(path: database.path)
        try database.setSetting(Self.newCardsPerDayKey, to: newCardsPerDay, at: now)
        try database.setSetting(Self.reviewsPerDayKey, to: reviewsPerDay, at: now)
        try database.setSetting(Self.desiredRetentionKey, to: desiredRetention, at: now)
        try database.setSetting(Self.dayRolloverHourKey, to: dayRolloverHour, at: now)
    }

    /// Throws for the first value the scheduler cannot use, naming its key.
    public func validate(path: String) throws {
        if newCardsPerDay < 0 {
            throw StudyError.badSetting(path: path, key: Self.newCardsPerDayKey, reason: "\(newCardsPerDay) is negative")
        }
        if reviewsPerDay < 0 {
            throw StudyError.badSetting(path: path, key: Self.reviewsPerDayKey, reason: "\(reviewsPerDay) is negative")
        }
        if !(desiredRetention > 0 && desiredRetention < 1) {
            throw StudyError.badSetting(path: path, key: Self.desiredRetentionKey,
                                        reason: "\(desiredRetention) is not between 0 and 1 (e.g. 0.9)")
        }
        if !(0 ... 23).contains(dayRolloverHour) {
            throw StudyError.badSetting(path: path, key: Self.dayRolloverHourKey, reason: "\(dayRolloverHour) is not an hour 0-23")
        }
    }

    /// The scheduler these settings ask for.
    public func scheduler() throws -> FSRSScheduler {
        try FSRSScheduler(desiredRetention: desiredRetention)
    }

    /// Where study days begin in `timeZone`.
    public func dayBoundary(timeZone: TimeZone = .current) throws -> DayBoundary {
        try DayBoundary(rolloverHour: dayRolloverHour, timeZone: timeZone)
    }

    public var limits: DailyLimits { DailyLimits(newCards: newCardsPerDay, reviews: reviewsPerDay) }
}
