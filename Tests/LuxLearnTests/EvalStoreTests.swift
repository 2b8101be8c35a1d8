import Foundation
import LuxLearn
import LuxStore
import XCTest

/// Eval runs and results in the database: one run per key, one result per question, resumable.
final class EvalStoreTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    private func question(_ id: String) -> EvalQuestion {
        EvalQuestion(id: id, category: .grammar, difficulty: .advanced, question: "Q \(id)", reference: "R", notes: "N")
    }

    func testRunsAreFoundByKeyAndResultsReplaceEachOther() throws {
        let db = try makeStudyDatabase()
        XCTAssertTrue(try db.appliedMigrations().contains("v3-eval"))
        let run = try db.evalRun(key: "k1", model: "/m", judge: "/j", settings: "{}", at: t0)
        let again = try db.evalRun(key: "k1", model: "/other", judge: "/other", settings: "{}", at: t0.addingTimeInterval(5))
        XCTAssertEqual(again, run)
        let other = try db.evalRun(key: "k2", model: "/m", judge: "/j", settings: "{}", at: t0)
        XCTAssertNotEqual(other.id, run.id)
        let runID = try XCTUnwrap(run.id)

        let q = question("g-1")
        var outcome = EvalOutcome(question: q, answer: "hien ass", status: .answered, answerTokens: 4, answerSeconds: 0.5)
        try db.saveEvalResult(outcome.record(runID: runID, answeredAt: t0, scoredAt: nil), at: t0)
        outcome.status = .scored
        outcome.method = .judge
        outcome.score = 3.5
        outcome.judgeOutput = "Score: 3.5"
        try db.saveEvalResult(outcome.record(runID: runID, answeredAt: t0, scoredAt: t0.addingTimeInterval(1)),
                              at: t0.addingTimeInterval(1))
        let stored = try db.evalResults(runID: runID)
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(stored.first.flatMap { EvalOutcome(record: $0, question: q) }, outcome)
        XCTAssertEqual(try db.evalResults(runID: try XCTUnwrap(other.id)), [])
        XCTAssertEqual(try db.evalRuns().first?.key, "k1", "the run with the newest result comes first")

        // A question edited since its result was stored is asked again.
        var edited = q
        edited.reference = "R2"
        XCTAssertNil(stored.first.flatMap { EvalOutcome(record: $0, question: edited) })

        XCTAssertEqual(try db.deleteEvalResults(runID: runID), 1)
        XCTAssertEqual(try db.evalResults(runID: runID), [])
    }

    func testScoresOutsideTheScaleAndUnknownRunsAreRefused() throws {
        let db = try makeStudyDatabase()
        let run = try db.evalRun(key: "k", model: "/m", judge: "/j", settings: "{}", at: t0)
        var outcome = EvalOutcome(question: question("g-2"), answer: "x", status: .scored, method: .judge, score: 6)
        XCTAssertThrowsError(try db.saveEvalResult(outcome.record(runID: try XCTUnwrap(run.id), answeredAt: t0, scoredAt: t0)))
        outcome.score = 5
        XCTAssertThrowsError(try db.saveEvalResult(outcome.record(runID: 999, answeredAt: t0, scoredAt: t0))) {
            XCTAssertTrue(String(describing: $0).contains("eval run 999"), String(describing: $0))
        }
        XCTAssertThrowsError(try db.evalRun(key: "bad", model: "/m", judge: "/j", settings: "not json", at: t0))
    }
}
