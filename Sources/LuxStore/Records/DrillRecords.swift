import Foundation
import GRDB

/// One answer in a drill (conjugation, translation, ...), with the checker's verdict.
public struct DrillResultRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "drill_results"

    public var id: Int64?
    /// The drill, e.g. "conjugation", "translate-en-lb".
    public var mode: String
    /// What was drilled, e.g. "a1-basics/sinn" or "sinn:present:2sg"; accuracy is kept per item.
    public var item: String
    public var prompt: String
    public var expected: String
    public var given: String
    public var correct: Bool
    public var feedback: String?
    public var answeredAt: Date

    public init(id: Int64? = nil, mode: String, item: String, prompt: String, expected: String, given: String,
                correct: Bool, feedback: String?, answeredAt: Date) {
        self.id = id
        self.mode = mode
        self.item = item
        self.prompt = prompt
        self.expected = expected
        self.given = given
        self.correct = correct
        self.feedback = feedback
        self.answeredAt = answeredAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, mode, item, prompt, expected, given, correct, feedback
        case answeredAt = "answered_at"
    }
}

/// Right answers out of all answers, for one mode or one item within a mode.
public struct DrillAccuracy: Sendable, Hashable {
    public var mode: String
    /// nil when the figure covers the whole mode.
    public var item: String?
    public var attempts: Int
    public var correct: Int

    public init(mode: String, item: String?, attempts: Int, correct: Int) {
        self.mode = mode
        self.item = item
        self.attempts = attempts
        self.correct = correct
    }

    /// 0 ... 1; 0 when there were no attempts.
    public var ratio: Double { attempts == 0 ? 0 : Double(correct) / Double(attempts) }
}
