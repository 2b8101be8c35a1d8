import Foundation
import LuxLearn
import XCTest

/// The FSRS-6 scheduler against py-fsrs 6.3.2 (fixtures made by scripts/fixtures/make_fsrs_vectors.py),
/// plus fuzz, preview, the daily queue, the day boundary and `lux srs replay`'s parsing.
final class FSRSTests: XCTestCase {
    // MARK: py-fsrs histories

    func testDefaultSchedulerMatchesPyFSRS() throws {
        let histories = try FSRSFixtures.histories("histories.jsonl")
        XCTAssertGreaterThanOrEqual(histories.count, 150)
        let reviews = try checkHistories(histories)
        XCTAssertGreaterThan(reviews, 1000)
    }

    func testRetention80MatchesPyFSRS() throws {
        let histories = try FSRSFixtures.histories("histories-r80.jsonl")
        XCTAssertTrue(histories.allSatisfy { $0.config.desired_retention == 0.8 })
        XCTAssertGreaterThan(try checkHistories(histories), 300)
    }

    /// No learning steps, no relearning steps, other steps, short maximum intervals.
    func testOtherStepsAndMaximumIntervalsMatchPyFSRS() throws {
        let histories = try FSRSFixtures.histories("histories-custom.jsonl")
        XCTAssertGreaterThan(try checkHistories(histories), 300)
    }

    /// Fuzz on, fed the exact random() draws py-fsrs made: same intervals, and a draw is taken
    /// in exactly the reviews where py-fsrs took one.
    func testFuzzedHistoriesMatchPyFSRSDraws() throws {
        let histories = try FSRSFixtures.histories("histories-fuzz.jsonl")
        XCTAssertTrue(histories.allSatisfy { $0.config.enable_fuzzing })
        let draws = histories.flatMap { $0.reviews.compactMap(\.draws) }.joined().count
        XCTAssertGreaterThan(draws, 100)
        XCTAssertGreaterThan(try checkHistories(histories), 300)
    }

    /// Replays each history through a scheduler with its config and compares every state.
    private func checkHistories(_ histories: [FixtureHistory], file: StaticString = #filePath,
                                line: UInt = #line) throws -> Int {
        var compared = 0
        for history in histories {
            let scheduler = try history.config.scheduler()
            var card = Card(id: history.name, due: Date(timeIntervalSince1970: 0))
            for (i, review) in history.reviews.enumerated() {
                let rating = try XCTUnwrap(Rating(rawValue: review.rating))
                let time = try XCTUnwrap(ISO8601Time.parse(review.time))
                var draws = RecordedDraws(values: review.draws ?? [])
                card = scheduler.review(card, rating: rating, at: time, using: &draws)
                let place = "\(history.name) review \(i + 1)"
                XCTAssertEqual(draws.used, draws.values.count, "\(place): fuzz draws used", file: file, line: line)
                try review.after.check(card, place, file: file, line: line)
                compared += 1
            }
        }
        return compared
    }

    // MARK: Fuzz

    func testFuzzedDaysMatchPyFSRSForEveryDraw() throws {
        let rows = try FSRSFixtures.lines("fuzz-ranges.jsonl", as: FuzzRow.self)
        XCTAssertGreaterThan(rows.count, 200)
        for row in rows {
            for (u, expected) in zip(row.units, row.fuzzed) {
                XCTAssertEqual(FSRSFuzz.fuzzedDays(row.days, maximumInterval: row.maximum_interval, unit: u), expected,
                               "days \(row.days) max \(row.maximum_interval) u \(u)")
            }
            // The draws include 0 and the largest unit, so the first and last outputs bound the range.
            let range = FSRSFuzz.range(days: row.days, maximumInterval: row.maximum_interval)
            XCTAssertEqual(range, row.fuzzed[0] ... row.fuzzed[row.fuzzed.count - 1], "days \(row.days)")
        }
    }

    func testFuzzStaysInRangeAndIsReproducibleBySeed() throws {
        let histories = try FSRSFixtures.histories("histories.jsonl")
        let fuzzed = try FSRSScheduler(enableFuzzing: true)
        let plain = fuzzed.withFuzzing(false)

        func run(seed: UInt64) -> [Date] {
            var rng = SeededGenerator(seed: seed)
            var dues: [Date] = []
            for history in histories {
                var card = Card(id: history.name, due: .distantPast)
                for review in history.reviews {
                    guard let rating = Rating(rawValue: review.rating), let time = ISO8601Time.parse(review.time) else {
                        XCTFail("bad fixture line in \(history.name)")
                        return []
                    }
                    let exact = plain.review(card, rating: rating, at: time)
                    card = fuzzed.review(card, rating: rating, at: time, using: &rng)
                    dues.append(card.due)
                    XCTAssertEqual(card.stability, exact.stability)
                    XCTAssertEqual(card.state, exact.state)
                    guard card.state == .review else {
                        XCTAssertEqual(card.due, exact.due, "learning steps are never fuzzed")
                        continue
                    }
                    let days = Int(exact.due.timeIntervalSince(time) / 86400)
                    let fuzzedDays = card.due.timeIntervalSince(time) / 86400
                    let range = FSRSFuzz.range(days: days, maximumInterval: fuzzed.maximumInterval)
                    XCTAssertTrue(range.contains(Int(fuzzedDays)) && fuzzedDays == fuzzedDays.rounded(),
                                  "\(history.name): \(fuzzedDays) days not in \(range)")
                }
            }
            return dues
        }

        let first = run(seed: 42)
        XCTAssertEqual(first, run(seed: 42), "same seed, same intervals")
        let other = run(seed: 43)
        XCTAssertEqual(first.count, other.count)
        XCTAssertGreaterThan(zip(first, other).filter { $0 != $1 }.count, 50, "another seed moves intervals")
        var rng = SeededGenerator(seed: 42)
        let unfuzzed = histories.flatMap { h -> [Date] in
            var card = Card(id: h.name, due: .distantPast)
            return h.reviews.map { r in
                card = plain.review(card, rating: Rating(rawValue: r.rating) ?? .good,
                                    at: ISO8601Time.parse(r.time) ?? .distantPast, using: &rng)
                return card.due
            }
        }
        XCTAssertGreaterThan(zip(first, unfuzzed).filter { $0 != $1 }.count, 100, "fuzz changes intervals")
        XCTAssertEqual(rng, SeededGenerator(seed: 42), "no draws are taken with fuzzing off")
    }

    func testFuzzRangeWidensWithTheInterval() {
        XCTAssertEqual(FSRSFuzz.range(days: 1, maximumInterval: 36500), 1 ... 1)
        XCTAssertEqual(FSRSFuzz.range(days: 2, maximumInterval: 36500), 2 ... 2)
        XCTAssertEqual(FSRSFuzz.range(days: 100, maximumInterval: 36500), 93 ... 108)
        XCTAssertEqual(FSRSFuzz.range(days: 100, maximumInterval: 100).upperBound, 100)
    }

    // MARK: Preview

    func testPreviewGivesEachGradesReview() throws {
        let scheduler = try FSRSScheduler()
        let start = try XCTUnwrap(ISO8601Time.parse("2024-05-01T09:00:00Z"))
        var card = Card(id: "moien", due: start)
        var rng = SeededGenerator(seed: 7)
        card = scheduler.review(card, rating: .good, at: start, using: &rng)
        card = scheduler.review(card, rating: .good, at: start.addingTimeInterval(700), using: &rng)
        let later = start.addingTimeInterval(9 * 86400)
        let seed = SeededGenerator(seed: 99)
        let preview = scheduler.preview(card, at: later, using: seed)
        for rating in Rating.allCases {
            var copy = seed
            XCTAssertEqual(preview[rating], scheduler.review(card, rating: rating, at: later, using: &copy))
        }
        XCTAssertEqual(preview.interval(for: .again), 600, "a lapse goes to the 10-minute relearning step")
        XCTAssertLessThan(preview.interval(for: .hard), preview.interval(for: .good))
        XCTAssertLessThan(preview.interval(for: .good), preview.interval(for: .easy))

        let new = Card(id: "new", due: start)
        let first = scheduler.preview(new, at: start, using: seed)
        XCTAssertEqual(first.interval(for: .again), 60)
        XCTAssertEqual(first.interval(for: .hard), 330, "halfway between the 1- and 10-minute steps")
        XCTAssertEqual(first.interval(for: .good), 600)
        XCTAssertEqual(first[.easy].state, .review)
        XCTAssertEqual(first[.easy].stability, 8.2956)
    }

    // MARK: Settings

    func testSettingsAreValidatedAndCodable() throws {
        XCTAssertThrowsError(try FSRSScheduler(desiredRetention: 1.0))
        XCTAssertThrowsError(try FSRSScheduler(desiredRetention: 0))
        XCTAssertThrowsError(try FSRSScheduler(learningSteps: [60, -1]))
        XCTAssertThrowsError(try FSRSScheduler(maximumInterval: 0))
        XCTAssertThrowsError(try FSRSParameters(Array(repeating: 1, count: 20)))
        var weights = FSRSParameters.defaults.weights
        weights[7] = 0.9
        XCTAssertThrowsError(try FSRSParameters(weights)) { error in
            XCTAssertTrue("\(error)".contains("w[7] = 0.9"), "\(error)")
        }

        let scheduler = try FSRSScheduler(desiredRetention: 0.85, learningSteps: [30], maximumInterval: 365)
        let data = try JSONEncoder().encode(scheduler)
        XCTAssertEqual(try JSONDecoder().decode(FSRSScheduler.self, from: data), scheduler)
        let bad = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "0.85", with: "1.5")
        XCTAssertThrowsError(try JSONDecoder().decode(FSRSScheduler.self, from: Data(bad.utf8)))

        let card = scheduler.review(Card(id: "x", due: Date(timeIntervalSince1970: 1e9)), rating: .hard,
                                    at: Date(timeIntervalSince1970: 1e9))
        XCTAssertEqual(try JSONDecoder().decode(Card.self, from: JSONEncoder().encode(card)), card)
        XCTAssertEqual(card.due.timeIntervalSince1970, 1e9 + 45, "one learning step: Hard waits 1.5 steps")
    }

    func testRetrievabilityFollowsTheForgettingCurve() throws {
        let scheduler = try FSRSScheduler()
        let t = Date(timeIntervalSince1970: 1.7e9)
        let card = Card(id: "r", state: .review, step: nil, stability: 10, difficulty: 5, due: t, lastReview: t)
        XCTAssertEqual(scheduler.retrievability(of: card, at: t), 1)
        XCTAssertEqual(scheduler.retrievability(of: card, at: t.addingTimeInterval(10 * 86400)), 0.9, accuracy: 1e-12)
        XCTAssertEqual(scheduler.retrievability(of: Card(id: "n", due: t), at: t), 0)
    }

    // MARK: Day boundary and daily queue

    func testStudyDayRollsOverAtFourInTheMorning() throws {
        let boundary = try DayBoundary(timeZone: try XCTUnwrap(TimeZone(secondsFromGMT: 3600)))
        // 02:30 local on 2 May is still the study day that began at 04:00 local on 1 May.
        let night = try XCTUnwrap(ISO8601Time.parse("2024-05-02T02:30:00+01:00"))
        let day = boundary.day(containing: night)
        XCTAssertEqual(day.start, ISO8601Time.parse("2024-05-01T04:00:00+01:00"))
        XCTAssertEqual(day.end, ISO8601Time.parse("2024-05-02T04:00:00+01:00"))
        XCTAssertTrue(day.contains(night))
        XCTAssertFalse(day.contains(day.end))
        let morning = try XCTUnwrap(ISO8601Time.parse("2024-05-02T04:00:00+01:00"))
        XCTAssertEqual(boundary.day(containing: morning).start, morning)
        XCTAssertThrowsError(try DayBoundary(rolloverHour: 24))
    }

    func testStudyDayAcrossDaylightSavingChange() throws {
        guard let luxembourg = TimeZone(identifier: "Europe/Luxembourg") else {
            throw XCTSkip("no time zone database on this system")
        }
        let boundary = try DayBoundary(timeZone: luxembourg)
        // Clocks go forward at 02:00 on 31 March 2024: that study day lasts 23 hours.
        let day = boundary.day(containing: try XCTUnwrap(ISO8601Time.parse("2024-03-31T01:30:00Z")))
        XCTAssertEqual(day.start, ISO8601Time.parse("2024-03-30T04:00:00+01:00"))
        XCTAssertEqual(day.end, ISO8601Time.parse("2024-03-31T04:00:00+02:00"))
        XCTAssertEqual(day.end.timeIntervalSince(day.start), 23 * 3600)
    }

    func testDailyQueueAppliesLimitsAndOrder() throws {
        let now = try XCTUnwrap(ISO8601Time.parse("2024-05-01T10:00:00Z"))
        let day = StudyDay(start: now.addingTimeInterval(-6 * 3600), end: now.addingTimeInterval(18 * 3600))
        func card(_ id: String, _ state: CardState, dueIn hours: Double) -> Card {
            Card(id: id, state: state, step: state == .review ? nil : 0, stability: 3, difficulty: 5,
                 due: now.addingTimeInterval(hours * 3600), lastReview: now.addingTimeInterval(-86400))
        }
        let cards = [
            Card(id: "new1", due: now), Card(id: "new2", due: now), Card(id: "new3", due: now),
            card("rev-late", .review, dueIn: 5), card("rev-old", .review, dueIn: -48), card("rev-now", .review, dueIn: 0),
            card("rev-tomorrow", .review, dueIn: 20),
            card("learn-now", .learning, dueIn: -0.1), card("relearn-now", .relearning, dueIn: -1),
            card("learn-soon", .learning, dueIn: 0.5), card("learn-tomorrow", .learning, dueIn: 30),
        ]
        let queue = DailyQueue(cards: cards, now: now, day: day, limits: DailyLimits(newCards: 5, reviews: 10),
                               done: DailyCounts(newCards: 3, reviews: 8))
        XCTAssertEqual(queue.learning.map(\.id), ["relearn-now", "learn-now"])
        XCTAssertEqual(queue.reviews.map(\.id), ["rev-old", "rev-now"], "2 of the 10 reviews left, most overdue first")
        XCTAssertEqual(queue.newCards.map(\.id), ["new1", "new2"], "2 of the 5 new cards left, in the order given")
        XCTAssertEqual(queue.nextLearningDue, now.addingTimeInterval(1800))
        XCTAssertEqual(queue.cards.count, 6)

        let spent = DailyQueue(cards: cards, now: now, day: day, limits: DailyLimits(newCards: 5, reviews: 10),
                               done: DailyCounts(newCards: 9, reviews: 10))
        XCTAssertEqual(spent.cards.map(\.id), ["relearn-now", "learn-now"], "learning cards are never held back")
        let all = DailyQueue(cards: cards, now: now, day: day)
        XCTAssertEqual(all.reviews.map(\.id), ["rev-old", "rev-now", "rev-late"])
        XCTAssertEqual(all.newCards.count, 3)
    }

    // MARK: Replay

    func testReplayMatchesPyFSRS() throws {
        let input = try FSRSFixtures.text("replay-input.jsonl")
        let expected = try FSRSFixtures.lines("replay-expected.jsonl", as: ExpectedReplayLine.self)
        let replay = ReviewReplay(scheduler: try FSRSScheduler(enableFuzzing: false))
        var rng = SeededGenerator(seed: 1)
        let steps = try replay.run(input, file: "replay-input.jsonl", using: &rng)
        XCTAssertEqual(steps.count, expected.count)
        XCTAssertGreaterThan(steps.count, 100)
        let states = ["Learning": 1, "Review": 2, "Relearning": 3]
        for (i, (step, want)) in zip(steps, expected).enumerated() {
            let place = "line \(i + 1)"
            let printed = ReplayOutput.json(step)
            let got = try JSONDecoder().decode(PrintedReplayLine.self, from: Data(printed.utf8))
            XCTAssertEqual(got.card, want.card, place)
            XCTAssertEqual(got.rating, want.rating, place)
            XCTAssertEqual(states[got.state], want.state, place)
            XCTAssertEqual(got.step, want.step, place)
            XCTAssertEqual(got.due, want.due, place)
            XCTAssertEqual(got.last_review, want.last_review, place)
            assertClose(got.stability, want.stability, "\(place) stability")
            assertClose(got.difficulty, want.difficulty, "\(place) difficulty")
            XCTAssertTrue(ReplayOutput.text(step).hasPrefix("card=\(want.card) rating="), place)
        }
        XCTAssertTrue(expected.contains { if case .string = $0.card { true } else { false } })
        XCTAssertTrue(expected.contains { if case .number = $0.card { true } else { false } })
    }

    func testReplayReportsTheFileAndLineOfABadLine() throws {
        let replay = ReviewReplay(scheduler: try FSRSScheduler(enableFuzzing: false))
        let good = #"{"card": "a", "rating": 3, "time": "2024-05-01T09:00:00Z"}"#
        let cases: [(String, String)] = [
            (#"{"card": "a", "rating": 3, "time": "2024-05-01T09:00:00Z""#, "malformed JSON"),
            (#"{"card": "a", "rating": 5, "time": "2024-05-02T09:00:00Z"}"#, "rating must be 1-4 (Again, Hard, Good, Easy), got 5"),
            (#"{"card": "a", "rating": 0, "time": "2024-05-02T09:00:00Z"}"#, "rating must be 1-4 (Again, Hard, Good, Easy), got 0"),
            (#"{"card": "a", "rating": "3", "time": "2024-05-02T09:00:00Z"}"#, #""rating" must be an integer 1-4"#),
            (#"{"card": "a", "rating": 3, "time": "2024-05-32T09:00:00Z"}"#, #"bad time "2024-05-32T09:00:00Z": expected ISO-8601 with a time zone, such as 2024-05-01T09:00:00Z"#),
            (#"{"card": "a", "rating": 3, "time": "2024-05-02 09:00"}"#, #"bad time "2024-05-02 09:00": expected ISO-8601 with a time zone, such as 2024-05-01T09:00:00Z"#),
            (#"{"card": "a", "rating": 3, "time": 1714554000}"#, #""time" must be an ISO-8601 string such as "2024-05-01T09:00:00Z""#),
            (#"{"card": "a", "rating": 3, "time": "2024-05-01T08:59:59Z"}"#, "time 2024-05-01T08:59:59Z is before card a's previous review at 2024-05-01T09:00:00Z"),
            (#"{"card": "a", "rating": 3, "time": "2024-05-01T10:59:59+02:00"}"#, "time 2024-05-01T08:59:59Z is before card a's previous review at 2024-05-01T09:00:00Z"),
            (#"{"card": 1.5, "rating": 3, "time": "2024-05-02T09:00:00Z"}"#, #""card" must be a string or an integer"#),
            (#"{"card": true, "rating": 3, "time": "2024-05-02T09:00:00Z"}"#, #""card" must be a string or an integer"#),
            (#"{"rating": 3, "time": "2024-05-02T09:00:00Z"}"#, #"missing "card""#),
            (#"[1, 3, "2024-05-02T09:00:00Z"]"#, #"expected a JSON object like {"card": 1, "rating": 3, "time": "2024-05-01T09:00:00Z"}"#),
        ]
        for (bad, message) in cases {
            // The bad line is line 3: a blank line in between still counts.
            let text = good + "\n\n" + bad + "\n" + good + "\n"
            var rng = SeededGenerator(seed: 1)
            XCTAssertThrowsError(try replay.run(text, file: "log.jsonl", using: &rng), bad) { error in
                XCTAssertEqual("\(error)", "log.jsonl:3: \(message)")
            }
        }
        // The same time as the previous review is allowed, and another card has its own history.
        let fine = good + "\n" + good + "\n" + #"{"card": 7, "rating": 1, "time": "2024-04-01T00:00:00.5+00:00"}"# + "\r\n"
        var rng = SeededGenerator(seed: 1)
        let steps = try replay.run(fine, file: "log.jsonl", using: &rng)
        XCTAssertEqual(steps.map(\.review.card), [.string("a"), .string("a"), .number(7)])
        XCTAssertEqual(ReplayOutput.text(steps[2]),
                       "card=7 rating=Again state=Learning step=0 stability=0.2120 difficulty=6.4133 due=2024-04-01T00:01:00Z")
    }

    func testISO8601TimesParseAndFormat() {
        XCTAssertEqual(ISO8601Time.parse("1970-01-01T00:00:00Z"), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(ISO8601Time.parse("2024-02-29T12:00:00-03:30")?.timeIntervalSince1970, 1_709_220_600)
        XCTAssertEqual(ISO8601Time.parse("2024-05-01T09:00:00.25Z")?.timeIntervalSince1970, 1_714_554_000.25)
        XCTAssertNil(ISO8601Time.parse("2023-02-29T12:00:00Z"), "not a leap year")
        XCTAssertNil(ISO8601Time.parse("2024-05-01T09:00:00"), "no time zone")
        XCTAssertNil(ISO8601Time.parse("2024-05-01T24:00:00Z"))
        XCTAssertNil(ISO8601Time.parse("2024-05-01T09:00:00Zjunk"))
        XCTAssertEqual(ISO8601Time.format(Date(timeIntervalSince1970: 1_709_220_600.9)), "2024-02-29T15:30:00Z")
        XCTAssertEqual(ISO8601Time.format(Date(timeIntervalSince1970: -1)), "1969-12-31T23:59:59Z")
        // Round trip over four centuries, one odd second a day apart.
        for k in stride(from: -80_000, to: 80_000, by: 997) {
            let date = Date(timeIntervalSince1970: Double(k) * 86_400 + Double(((k * 7919) % 86_400 + 86_400) % 86_400))
            XCTAssertEqual(ISO8601Time.parse(ISO8601Time.format(date)), date)
        }
    }
}

// MARK: Fixtures

/// Feeds back the random() draws py-fsrs logged, as generator output that `FSRSFuzz.unit` maps
/// to exactly the same doubles (each is a multiple of 2^-53).
private struct RecordedDraws: RandomNumberGenerator {
    let values: [Double]
    var used = 0

    mutating func next() -> UInt64 {
        defer { used += 1 }
        guard used < values.count else { return 0 }
        return UInt64(values[used] * 0x1p53) << 11
    }
}

private func assertClose(_ got: Double?, _ want: Double?, _ what: String, file: StaticString = #filePath,
                         line: UInt = #line) {
    guard let got, let want else {
        XCTAssertEqual(got, want, what, file: file, line: line)
        return
    }
    XCTAssertLessThanOrEqual(abs(got - want), 1e-6 * abs(want), "\(what): \(got) vs \(want)", file: file, line: line)
}

enum FSRSFixtures {
    static func url(_ name: String) throws -> URL {
        let base = try XCTUnwrap(Bundle.module.resourceURL, "test bundle has no resources")
        return base.appendingPathComponent("Fixtures/fsrs/\(name)")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func lines<T: Decodable>(_ name: String, as type: T.Type) throws -> [T] {
        try text(name).split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    static func histories(_ name: String) throws -> [FixtureHistory] {
        try lines(name, as: FixtureHistory.self)
    }
}

struct FixtureHistory: Decodable {
    let name: String
    let config: FixtureConfig
    let reviews: [FixtureReview]
}

struct FixtureConfig: Decodable {
    let desired_retention: Double
    let learning_steps: [Double]
    let relearning_steps: [Double]
    let maximum_interval: Int
    let enable_fuzzing: Bool

    func scheduler() throws -> FSRSScheduler {
        try FSRSScheduler(desiredRetention: desired_retention, learningSteps: learning_steps,
                          relearningSteps: relearning_steps, maximumInterval: maximum_interval,
                          enableFuzzing: enable_fuzzing)
    }
}

struct FixtureReview: Decodable {
    let rating: Int
    let time: String
    let after: FixtureCard
    let draws: [Double]?
}

struct FixtureCard: Decodable {
    let state: Int
    let step: Int?
    let stability: Double?
    let difficulty: Double?
    let due: String
    let last_review: String?

    func check(_ card: Card, _ place: String, file: StaticString, line: UInt) throws {
        XCTAssertEqual(card.state.rawValue, state, "\(place): state", file: file, line: line)
        XCTAssertEqual(card.step, step, "\(place): step", file: file, line: line)
        assertClose(card.stability, stability, "\(place): stability", file: file, line: line)
        assertClose(card.difficulty, difficulty, "\(place): difficulty", file: file, line: line)
        XCTAssertEqual(card.due, try XCTUnwrap(ISO8601Time.parse(due)), "\(place): due", file: file, line: line)
        XCTAssertEqual(card.lastReview, last_review.flatMap(ISO8601Time.parse), "\(place): last review", file: file, line: line)
    }
}

struct FuzzRow: Decodable {
    let days: Int
    let maximum_interval: Int
    let units: [Double]
    let fuzzed: [Int]
}

/// A card id as JSON gives it: a number or a string.
enum JSONCardID: Decodable, Equatable, CustomStringConvertible {
    case number(Int64)
    case string(String)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) { self = .string(s) } else { self = .number(try c.decode(Int64.self)) }
    }

    var description: String {
        switch self {
        case .number(let n): String(n)
        case .string(let s): s
        }
    }
}

struct ExpectedReplayLine: Decodable {
    let card: JSONCardID
    let rating: Int
    let state: Int
    let step: Int?
    let stability: Double?
    let difficulty: Double?
    let due: String
    let last_review: String?
}

struct PrintedReplayLine: Decodable {
    let card: JSONCardID
    let rating: Int
    let state: String
    let step: Int?
    let stability: Double?
    let difficulty: Double?
    let due: String
    let last_review: String?
}
