import Foundation
import LuxStore

/// One question's result as the report sees it.
public struct EvalOutcome: Sendable, Equatable {
    public var question: EvalQuestion
    public var answer: String
    public var status: EvalResultStatus
    public var method: EvalScoreMethod?
    public var score: Double?
    public var judgeOutput: String?
    public var detail: String?
    public var answerTokens: Int
    public var answerSeconds: Double
    public var judgeSeconds: Double?

    public init(question: EvalQuestion, answer: String, status: EvalResultStatus, method: EvalScoreMethod? = nil,
                score: Double? = nil, judgeOutput: String? = nil, detail: String? = nil, answerTokens: Int = 0,
                answerSeconds: Double = 0, judgeSeconds: Double? = nil) {
        self.question = question
        self.answer = answer
        self.status = status
        self.method = method
        self.score = score
        self.judgeOutput = judgeOutput
        self.detail = detail
        self.answerTokens = answerTokens
        self.answerSeconds = answerSeconds
        self.judgeSeconds = judgeSeconds
    }

    /// The outcome a stored result holds for `question`; nil when the result was for an
    /// earlier wording of the question (it must be asked again).
    public init?(record: EvalResultRecord, question: EvalQuestion) {
        guard record.questionID == question.id, record.questionHash == question.contentHash else { return nil }
        self.init(question: question, answer: record.answer, status: record.status, method: record.method,
                  score: record.score, judgeOutput: record.judgeOutput, detail: record.detail,
                  answerTokens: record.answerTokens, answerSeconds: record.answerSeconds,
                  judgeSeconds: record.judgeSeconds)
    }

    /// The row to store for this outcome in run `runID`.
    public func record(runID: Int64, answeredAt: Date, scoredAt: Date?) -> EvalResultRecord {
        EvalResultRecord(runID: runID, questionID: question.id, questionHash: question.contentHash,
                         category: question.category.rawValue, difficulty: question.difficulty.rawValue,
                         answer: answer, answerTokens: answerTokens, answerSeconds: answerSeconds, status: status,
                         method: method, score: score, judgeOutput: judgeOutput, detail: detail,
                         judgeSeconds: judgeSeconds, answeredAt: answeredAt, scoredAt: scoredAt)
    }
}
