import Foundation
import GRDB

/// One `lux eval` setup: a model answering the question set under fixed settings, scored by a
/// judge. The key is derived from the model, the judge and the settings, so running the same
/// setup again finds its run and skips the questions it has already answered and scored.
public struct EvalRunRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "eval_runs"

    public var id: Int64?
    public var key: String
    public var model: String
    public var judge: String
    /// The settings the key was made from, as JSON, to show what a run was.
    public var settings: String
    public var createdAt: Date
    /// When the last result was stored.
    public var updatedAt: Date

    public init(id: Int64? = nil, key: String, model: String, judge: String, settings: String,
                createdAt: Date, updatedAt: Date) {
        self.id = id
        self.key = key
        self.model = model
        self.judge = judge
        self.settings = settings
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, key, model, judge, settings
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// Where one question stands in a run: answered and waiting for its score, scored, or left
/// unscored because the judge's reply held no score twice.
public enum EvalResultStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case answered, scored, unscored
}

/// Who gave the score: a deterministic check (choice letter, conjugated form) or the judge model.
public enum EvalScoreMethod: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case check, judge
}

/// One question's answer in a run, and its score once it has one.
public struct EvalResultRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "eval_results"

    public var runID: Int64
    public var questionID: String
    /// A hash of the question as asked; a question edited since is asked again.
    public var questionHash: String
    public var category: String
    public var difficulty: String
    public var answer: String
    public var answerTokens: Int
    public var answerSeconds: Double
    public var status: EvalResultStatus
    public var method: EvalScoreMethod?
    /// 1.0 ... 5.0 when scored.
    public var score: Double?
    /// The judge's replies (both, when it needed a second try).
    public var judgeOutput: String?
    /// What the deterministic check saw, or why the answer is unscored.
    public var detail: String?
    public var judgeSeconds: Double?
    public var answeredAt: Date
    public var scoredAt: Date?

    public init(runID: Int64, questionID: String, questionHash: String, category: String, difficulty: String,
                answer: String, answerTokens: Int, answerSeconds: Double, status: EvalResultStatus,
                method: EvalScoreMethod? = nil, score: Double? = nil, judgeOutput: String? = nil,
                detail: String? = nil, judgeSeconds: Double? = nil, answeredAt: Date, scoredAt: Date? = nil) {
        self.runID = runID
        self.questionID = questionID
        self.questionHash = questionHash
        self.category = category
        self.difficulty = difficulty
        self.answer = answer
        self.answerTokens = answerTokens
        self.answerSeconds = answerSeconds
        self.status = status
        self.method = method
        self.score = score
        self.judgeOutput = judgeOutput
        self.detail = detail
        self.judgeSeconds = judgeSeconds
        self.answeredAt = answeredAt
        self.scoredAt = scoredAt
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case runID = "run_id"
        case questionID = "question_id"
        case questionHash = "question_hash"
        case category, difficulty, answer
        case answerTokens = "answer_tokens"
        case answerSeconds = "answer_seconds"
        case status, method, score
        case judgeOutput = "judge_output"
        case detail
        case judgeSeconds = "judge_seconds"
        case answeredAt = "answered_at"
        case scoredAt = "scored_at"
    }
}
