import Foundation
import LuxStore

/// The drills whose answers are kept in the store; the raw value is `drill_results.mode`.
public enum DrillMode: String, Sendable, CaseIterable {
    case conjugation
    case vocabRecognition = "vocab-lb-en"
    case vocabProduction = "vocab-en-lb"
    case vocabPlural = "vocab-plural"
    case phraseRecognition = "phrase-lb-en"
    case phraseProduction = "phrase-en-lb"
    case verbRecognition = "verb-lb-en"
    case verbProduction = "verb-en-lb"
    case translateEnLb = "translate-en-lb"
    case translateLbEn = "translate-lb-en"
}

/// How to check an answer: Luxembourgish strictly, English by meaning.
public enum AnswerKey: Sendable, Equatable {
    case luxembourgish(accepted: [String], context: AnswerContext)
    /// `word` is the Luxembourgish asked about, named when the meaning is wrong.
    case english(glosses: [String], word: String)
}

/// One question of a drill or a flashcard, with everything needed to check and explain the answer.
public struct DrillPrompt: Sendable, Equatable, Identifiable {
    /// What is drilled, stable across sessions: "pack/item:variant"; accuracy is kept per id.
    public var id: String
    public var mode: DrillMode
    /// The part of the summary it counts in: a tense ("perfect") or a direction ("production").
    public var group: String
    /// What the learner sees: "goen (to go) · perfect · du".
    public var question: String
    /// The usual answer.
    public var expected: String
    public var key: AnswerKey
    /// The back of the card: the answer with what is worth knowing about it.
    public var reveal: String

    public init(id: String, mode: DrillMode, group: String, question: String, expected: String, key: AnswerKey,
                reveal: String) {
        self.id = id
        self.mode = mode
        self.group = group
        self.question = question
        self.expected = expected
        self.key = key
        self.reveal = reveal
    }

    public func check(_ answer: String) -> AnswerCheck {
        switch key {
        case let .luxembourgish(accepted, context):
            AnswerChecker.check(answer, accepted: accepted, context: context)
        case let .english(glosses, word):
            EnglishAnswerChecker.check(answer, glosses: glosses, word: word)
        }
    }
}

/// One answer given in a drill.
public struct DrillAttempt: Sendable, Equatable {
    public var prompt: DrillPrompt
    public var check: AnswerCheck
    public var answeredAt: Date

    public init(prompt: DrillPrompt, check: AnswerCheck, answeredAt: Date) {
        self.prompt = prompt
        self.check = check
        self.answeredAt = answeredAt
    }

    /// The row `LuxDatabase.recordDrillResult` keeps for it.
    public var record: DrillResultRecord {
        DrillResultRecord(mode: prompt.mode.rawValue, item: prompt.id, prompt: prompt.question,
                          expected: check.expected.isEmpty ? prompt.expected : check.expected, given: check.given,
                          correct: check.isCorrect, feedback: check.feedback, answeredAt: answeredAt)
    }
}
