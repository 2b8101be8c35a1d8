import Foundation
import LuxLearn
import LuxStore
import XCTest

/// The Home screen's figures against a temporary database: streak, 14-day forecast, overview.
final class StudyStatsTests: XCTestCase {
    private let day: TimeInterval = 86_400

    private func boundary() throws -> DayBoundary { try DayBoundary(rolloverHour: 4, timeZone: utc) }

    func testStreakCountsConsecutiveStudyDays() throws {
        let db = try makeStudyDatabase()
        let keys = try importStudyPack(db)
        XCTAssertEqual(try StudyStats.streak(database: db, boundary: boundary(), now: studyT0),
                       StudyStreak(days: 0, studiedToday: false))
        // Today, yesterday, the day before; then a gap; then one more day.
        for (i, offset) in [0.0, -1, -2, -4].enumerated() {
            try makeReviewed(db, keys[i], due: studyT0.addingTimeInterval(10 * day),
                             reviewedAt: studyT0.addingTimeInterval(offset * day))
        }
        XCTAssertEqual(try StudyStats.streak(database: db, boundary: boundary(), now: studyT0),
                       StudyStreak(days: 3, studiedToday: true))
        // Tomorrow before studying, the streak still stands; the day after, it is gone.
        XCTAssertEqual(try StudyStats.streak(database: db, boundary: boundary(), now: studyT0.addingTimeInterval(day)),
                       StudyStreak(days: 3, studiedToday: false))
        XCTAssertEqual(try StudyStats.streak(database: db, boundary: boundary(), now: studyT0.addingTimeInterval(2 * day)),
                       StudyStreak(days: 0, studiedToday: false))
        // The day ends at 4 am: a review at 1 am belongs to the evening before.
        let lateNight = studyT0.addingTimeInterval(3 * 3600)  // 01:13 the next calendar day
        XCTAssertEqual(try StudyStats.streak(database: db, boundary: boundary(), now: lateNight),
                       StudyStreak(days: 3, studiedToday: true))
    }

    func testLongStreaksSpanSeveralLookups() throws {
        let db = try makeStudyDatabase()
        let pack = PackRecord(id: "long", title: "Long", version: "1", level: "A1", author: nil, licence: nil,
                              sourcePath: "/packs/long", importedAt: studyT0)
        try db.importPack(pack, items: [try ItemContent(id: "kaz", kind: .vocab, content: DrillTestData.kaz)], at: studyT0)
        let key = CardKey(packID: "long", itemID: "kaz", variant: "recognition")
        try db.addCards([key], due: studyT0, at: studyT0)
        let id = try XCTUnwrap(try db.card(key: key)?.id)
        for n in stride(from: 39, through: 0, by: -1) {
            let time = studyT0.addingTimeInterval(-Double(n) * day)
            try db.recordReview(cardID: id, rating: 3, at: time,
                                newSchedule: CardSchedule(state: 2, step: nil, stability: 3, difficulty: 5,
                                                          due: time.addingTimeInterval(day), lastReview: time,
                                                          reps: 40 - n, lapses: 0))
        }
        XCTAssertEqual(try StudyStats.streak(database: db, boundary: boundary(), now: studyT0),
                       StudyStreak(days: 40, studiedToday: true))
    }

    func testForecastCountsDueCardsPerDay() throws {
        let db = try makeStudyDatabase()
        let keys = try importStudyPack(db)
        let past = studyT0.addingTimeInterval(-20 * day)
        let dues: [TimeInterval] = [-2 * day, 3600, 6 * 3600, 3 * day, 13 * day, 20 * day]
        for (key, offset) in zip(keys, dues) {
            try makeReviewed(db, key, due: studyT0.addingTimeInterval(offset), reviewedAt: past)
        }
        let forecast = try StudyStats.forecast(database: db, boundary: boundary(), now: studyT0)
        XCTAssertEqual(forecast.count, 14)
        // Today holds the overdue card and the one due at 23:13; 04:13 tomorrow is tomorrow.
        XCTAssertEqual(forecast.map(\.due), [2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
        XCTAssertEqual(forecast[0].day.start, studyT0.addingTimeInterval(-(18 * 3600 + 13 * 60 + 20)))
        XCTAssertEqual(forecast[1].day.start, forecast[0].day.end)
        XCTAssertEqual(try StudyStats.forecast(database: db, boundary: boundary(), now: studyT0, days: 3).map(\.due),
                       [2, 1, 0])
        XCTAssertEqual(try StudyStats.forecast(database: db, boundary: boundary(), now: studyT0, packID: "other")
            .map(\.due).reduce(0, +), 0)
    }

    func testOverviewForTheHomeScreen() throws {
        let db = try makeStudyDatabase()
        let keys = try importStudyPack(db)
        try StudySettings(newCardsPerDay: 4, dayRolloverHour: 4).save(to: db)
        try makeReviewed(db, keys[9], due: studyT0.addingTimeInterval(-3600), reviewedAt: studyT0.addingTimeInterval(-3 * day))
        var study = try StudySession(database: db, timeZone: utc, seed: 1, now: studyT0)
        try study.grade(.good, at: studyT0)  // the due review first
        try study.grade(.again, at: studyT0.addingTimeInterval(10))  // then a new card
        let overview = try StudyOverview.load(database: db, timeZone: utc, now: studyT0.addingTimeInterval(20))
        XCTAssertEqual(overview.reviewedToday, 2)
        XCTAssertEqual(overview.reviews, 0)
        XCTAssertEqual(overview.newCards, 3)
        XCTAssertEqual(overview.learning, 0, "the card answered Again is due in a minute")
        XCTAssertEqual(overview.streak, StudyStreak(days: 1, studiedToday: true))
        XCTAssertEqual(overview.forecast.count, 14)
        XCTAssertEqual(overview.forecast[0].due, 1)
    }
}
