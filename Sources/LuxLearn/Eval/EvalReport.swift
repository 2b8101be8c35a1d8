import Foundation

/// What `lux eval` writes: `report.md` with the card's three tables, `results.jsonl` with one
/// line per question, and the bar chart it prints.
public struct EvalReport: Sendable {
    public var model: String
    public var judge: String
    public var settings: [(String, String)]
    public var outcomes: [EvalOutcome]
    public var notAnswered: Int
    public var date: Date

    public init(model: String, judge: String, settings: [(String, String)], outcomes: [EvalOutcome],
                notAnswered: Int = 0, date: Date = Date()) {
        self.model = model
        self.judge = judge
        self.settings = settings
        self.outcomes = outcomes
        self.notAnswered = notAnswered
        self.date = date
    }

    public var summary: EvalSummary { EvalSummary(outcomes, pending: notAnswered) }

    public var markdown: String {
        let s = summary
        let modelName = (model as NSString).lastPathComponent
        var lines = ["# LUXELLA-style evaluation: \(modelName)", ""]
        lines.append("- Model: `\(model)`")
        lines.append("- Judge: `\(judge)`")
        lines.append("- Date: \(ISO8601DateFormatter().string(from: date))")
        for (name, value) in settings { lines.append("- \(name): \(value)") }
        var scoring = "- Questions: \(s.overall.questions); scored \(s.overall.scored) (\(s.scoredByCheck) by a deterministic check, "
            + "\(s.checksPassed) of them passed; \(s.scoredByJudge) by the judge)"
        if s.unscored > 0 { scoring += "; \(s.unscored) unscored (the judge gave no score)" }
        if s.pending > 0 { scoring += "; \(s.pending) not finished" }
        lines.append(scoring)
        lines += ["", "Scores run from 1.0 to 5.0; unscored and unfinished questions are left out of the means.", ""]

        lines += ["## Overall", "", "| Model | Overall Score | Scored | Questions |", "|---|---|---|---|"]
        lines.append("| \(modelName) | \(EvalSummary.format(s.overall.mean)) / 5.0 | \(s.overall.scored) | \(s.overall.questions) |")
        lines += ["", "## Scores by Category", ""]
        lines += table("Category", s.byCategory)
        lines += ["", "## Scores by Difficulty", ""]
        lines += table("Difficulty", s.byDifficulty)
        lines += ["", "## Chart", "", "```"] + barChart(s.byCategory) + ["```", ""]
        return lines.joined(separator: "\n")
    }

    private func table(_ title: String, _ rows: [EvalGroupScore]) -> [String] {
        ["| \(title) | Score | Scored | Questions |", "|---|---|---|---|"]
            + rows.map { "| \($0.name) | \(EvalSummary.format($0.mean)) | \($0.scored) | \($0.questions) |" }
    }

    /// One line per group: name, a bar as long as the score is high (5.0 fills `width`), the score.
    public func barChart(_ rows: [EvalGroupScore], width: Int = 30) -> [String] {
        let nameWidth = rows.map(\.name.count).max() ?? 0
        return rows.map { row in
            let name = row.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let halves = Int(((row.mean ?? 0) / 5 * Double(width) * 2).rounded())
            var bar = String(repeating: "█", count: halves / 2) + (halves % 2 == 1 ? "▌" : "")
            bar = bar.padding(toLength: width, withPad: " ", startingAt: 0)
            return "\(name)  \(bar)  \(EvalSummary.format(row.mean))"
        }
    }

    /// The chart `lux eval` prints: by category, then by difficulty, then the overall score.
    public var terminalChart: String {
        let s = summary
        var rows = barChart(s.byCategory + s.byDifficulty + [s.overall])
        rows.insert("", at: s.byCategory.count)
        rows.insert("", at: s.byCategory.count + s.byDifficulty.count + 1)
        return rows.joined(separator: "\n") + "\n"
    }

    /// One JSON object per question, in the order asked.
    public var jsonLines: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return outcomes.compactMap { o in
            let line = EvalResultLine(o)
            return (try? encoder.encode(line)).map { String(decoding: $0, as: UTF8.self) }
        }.map { $0 + "\n" }.joined()
    }
}

/// A line of `results.jsonl`.
public struct EvalResultLine: Codable, Sendable, Equatable {
    public var id: String
    public var category: String
    public var difficulty: String
    public var prompt: String
    public var reference: String
    public var answer: String
    public var status: String
    public var method: String?
    public var score: Double?
    public var judge_output: String?
    public var detail: String?
    public var answer_tokens: Int
    public var answer_seconds: Double
    public var judge_seconds: Double?

    public init(_ o: EvalOutcome) {
        id = o.question.id
        category = o.question.category.rawValue
        difficulty = o.question.difficulty.rawValue
        prompt = o.question.promptText
        reference = o.question.reference
        answer = o.answer
        status = o.status.rawValue
        method = o.method?.rawValue
        score = o.score
        judge_output = o.judgeOutput
        detail = o.detail
        answer_tokens = o.answerTokens
        answer_seconds = (o.answerSeconds * 1000).rounded() / 1000
        judge_seconds = o.judgeSeconds.map { ($0 * 1000).rounded() / 1000 }
    }
}

extension EvalReport {
    /// Writes `report.md` and `results.jsonl` into `directory`, creating it if needed.
    public func write(to directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw EvalSetError(problems: ["\(directory): cannot create the output folder: \(error.localizedDescription)"])
        }
        for (name, text) in [("report.md", markdown), ("results.jsonl", jsonLines)] {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw EvalSetError(problems: ["\(path): cannot write: \(error.localizedDescription)"])
            }
        }
    }
}
