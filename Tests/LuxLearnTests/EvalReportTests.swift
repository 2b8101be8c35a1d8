import Foundation
import LuxLearn
import LuxStore
import XCTest

/// The card's three tables, results.jsonl, the bar chart, the progress line and run keys.
final class EvalReportTests: XCTestCase {
    private func outcome(_ id: String, _ c: EvalCategory, _ d: EvalDifficulty, _ score: Double?,
                         _ status: EvalResultStatus = .scored, _ method: EvalScoreMethod? = .judge) -> EvalOutcome {
        EvalOutcome(question: EvalQuestion(id: id, category: c, difficulty: d, question: "Q \(id)", reference: "R", notes: "N"),
                    answer: "A \(id)", status: status, method: score == nil ? nil : method, score: score, answerTokens: 3,
                    answerSeconds: 0.12345)
    }

    private var sample: [EvalOutcome] {
        [
            outcome("v1", .vocabulary, .beginner, 2),
            outcome("v2", .vocabulary, .native, 3),
            outcome("g1", .grammar, .beginner, 4),
            outcome("g2", .grammar, .advanced, 5, .scored, .check),
            outcome("g3", .grammar, .advanced, nil, .unscored),
            outcome("t1", .translationToEnglish, .beginner, nil, .answered),
            outcome("m1", .multipleChoice, .native, 1, .scored, .check),
        ]
    }

    func testSummaryMeansLeaveOutUnscoredAndSortCategoriesBestFirst() {
        let s = EvalSummary(sample, pending: 2)
        XCTAssertEqual(s.overall.mean, 3)
        XCTAssertEqual(s.overall.scored, 5)
        XCTAssertEqual(s.overall.questions, 9)
        XCTAssertEqual(s.byCategory.map(\.name), ["grammar", "vocabulary", "multiple_choice", "translation_to_english"])
        XCTAssertEqual(s.byCategory.map(\.mean), [4.5, 2.5, 1, nil])
        XCTAssertEqual(s.byDifficulty.map(\.name), ["beginner", "advanced", "native"])
        XCTAssertEqual(s.byDifficulty.map(\.mean), [3, 5, 2])
        XCTAssertEqual([s.scoredByCheck, s.scoredByJudge, s.checksPassed, s.unscored, s.pending], [2, 3, 1, 1, 3])
        XCTAssertEqual(EvalSummary.format(3.7349), "3.73")
        XCTAssertEqual(EvalSummary.format(4), "4.00")
        XCTAssertEqual(EvalSummary.format(4.005), "4.01")
        XCTAssertEqual(EvalSummary.format(nil), "—")
    }

    func testMarkdownHoldsTheCardsThreeTables() {
        let report = EvalReport(model: "/models/SmolLM2.gguf", judge: "/models/Judge.gguf", settings: [("Sampling", "greedy")],
                                outcomes: sample, notAnswered: 2, date: Date(timeIntervalSince1970: 0))
        let md = report.markdown
        XCTAssertTrue(md.hasPrefix("# LUXELLA-style evaluation: SmolLM2.gguf\n"))
        let expected = [
            "- Judge: `/models/Judge.gguf`", "- Sampling: greedy", "- Date: 1970-01-01T00:00:00Z",
            "## Overall\n\n| Model | Overall Score | Scored | Questions |\n|---|---|---|---|\n| SmolLM2.gguf | 3.00 / 5.0 | 5 | 9 |",
            "## Scores by Category\n\n| Category | Score | Scored | Questions |\n|---|---|---|---|\n| grammar | 4.50 | 2 | 3 |\n"
                + "| vocabulary | 2.50 | 2 | 2 |\n| multiple_choice | 1.00 | 1 | 1 |\n| translation_to_english | — | 0 | 1 |",
            "## Scores by Difficulty\n\n| Difficulty | Score | Scored | Questions |\n|---|---|---|---|\n| beginner | 3.00 | 2 | 3 |\n"
                + "| advanced | 5.00 | 1 | 2 |\n| native | 2.00 | 2 | 2 |",
            "1 unscored (the judge gave no score); 3 not finished",
        ]
        for part in expected { XCTAssertTrue(md.contains(part), "report lacks:\n\(part)\n\nreport:\n\(md)") }
    }

    func testResultsJSONLHasOneDecodableLinePerQuestion() throws {
        let report = EvalReport(model: "m", judge: "j", settings: [], outcomes: sample)
        let lines = report.jsonLines.split(separator: "\n")
        XCTAssertEqual(lines.count, sample.count)
        let first = try JSONDecoder().decode(EvalResultLine.self, from: Data(lines[0].utf8))
        XCTAssertEqual(first.id, "v1")
        XCTAssertEqual(first.category, "vocabulary")
        XCTAssertEqual(first.score, 2)
        XCTAssertEqual(first.method, "judge")
        XCTAssertEqual(first.answer_seconds, 0.123)
        let unscored = try JSONDecoder().decode(EvalResultLine.self, from: Data(lines[4].utf8))
        XCTAssertEqual(unscored.status, "unscored")
        XCTAssertNil(unscored.score)
    }

    func testBarChartLengthFollowsTheScore() {
        let report = EvalReport(model: "m", judge: "j", settings: [], outcomes: [])
        let rows = report.barChart([EvalGroupScore(name: "a", mean: 5, scored: 1, questions: 1),
                                    EvalGroupScore(name: "bbb", mean: 2.5, scored: 1, questions: 1),
                                    EvalGroupScore(name: "c", mean: nil, scored: 0, questions: 1)], width: 10)
        XCTAssertEqual(rows, ["a    ██████████  5.00", "bbb  █████       2.50", "c" + String(repeating: " ", count: 16) + "—"])
        XCTAssertEqual(report.barChart([EvalGroupScore(name: "x", mean: 1.25, scored: 1, questions: 1)], width: 10),
                       ["x  ██▌         1.25"])
        let chart = EvalReport(model: "m", judge: "j", settings: [], outcomes: sample).terminalChart
        XCTAssertEqual(chart.split(separator: "\n", omittingEmptySubsequences: false).count, 4 + 1 + 3 + 1 + 1 + 1)
        XCTAssertTrue(chart.contains("overall"))
    }

    func testProgressLineShowsCountAndETAFromThisSessionsPace() {
        let start = Date(timeIntervalSince1970: 1000)
        let progress = EvalProgress(total: 10, doneAtStart: 2, start: start)
        XCTAssertEqual(progress.line(done: 2, now: start.addingTimeInterval(1), current: "vc-b-01", width: 10),
                       "[##--------] 2/10  20%  0:01 elapsed  vc-b-01")
        XCTAssertEqual(progress.line(done: 6, now: start.addingTimeInterval(20), width: 10),
                       "[######----] 6/10  60%  0:20 elapsed  ETA 0:20")
        XCTAssertEqual(EvalProgress.duration(3725), "1:02:05")
        XCTAssertEqual(EvalProgress.duration(59.6), "1:00")
    }

    func testRunKeyIsStableAndFollowsTheSettings() {
        let a = EvalRunSettings(model: "/m.gguf", modelBytes: 10, judge: "/m.gguf", judgeBytes: 10, temperature: 0,
                                seed: nil, maxTokens: 8, judgeMaxTokens: 16, contextLength: 2048)
        XCTAssertEqual(a.key, EvalRunSettings(model: "/m.gguf", modelBytes: 10, judge: "/m.gguf", judgeBytes: 10,
                                              temperature: 0, seed: nil, maxTokens: 8, judgeMaxTokens: 16,
                                              contextLength: 2048).key)
        var b = a
        b.modelBytes = 11
        XCTAssertNotEqual(a.key, b.key)
        b = a
        b.judge = "/j.gguf"
        XCTAssertNotEqual(a.key, b.key)
        XCTAssertEqual(a.answerTokens(.writingPrompt), 8)
        b.maxTokens = nil
        XCTAssertEqual(b.answerTokens(.writingPrompt), EvalCategory.writingPrompt.defaultMaxTokens)
        XCTAssertEqual(a.key.count, 16)
    }
}
