/// What a drill knows about the answer it asks for, beyond the accepted spellings: it lets the
/// checker say *why* an answer is wrong.
public enum AnswerContext: Sendable, Equatable {
    case plain
    /// One cell of a verb's table: a wrong answer may be another person's or tense's form.
    case conjugation(table: ConjugationTable, tense: Tense, person: Person)
    /// A noun asked with its definite article ("d'Kaz"); `plural` lets the checker spot a plural given.
    case noun(lb: String, gender: Gender, plural: [String] = [])
}

/// The verdict on one typed answer.
public struct AnswerCheck: Sendable, Equatable {
    public var given: String
    public var isCorrect: Bool
    /// The accepted answer closest to what was typed (the one matched, when right).
    public var expected: String
    /// The usual answer, the first accepted one.
    public var modelAnswer: String
    /// Empty when right.
    public var mistakes: [AnswerMistake]

    public init(given: String, isCorrect: Bool, expected: String, modelAnswer: String, mistakes: [AnswerMistake]) {
        self.given = given
        self.isCorrect = isCorrect
        self.expected = expected
        self.modelAnswer = modelAnswer
        self.mistakes = mistakes
    }

    /// One line for the learner: "Right!", "Right! (also: …)", or what went wrong and the answer.
    public var feedback: String {
        if isCorrect {
            // A right answer may still carry a note, such as a slip in an English word.
            let note = mistakes.isEmpty ? "" : " — mind: " + mistakes.map(\.explanation).joined(separator: "; ")
            // The usual answer is worth showing after another accepted one, not after the same with a pronoun.
            let same = expected == modelAnswer || expected.hasSuffix(" " + modelAnswer)
            return (same ? "Right!" : "Right! (also: “\(modelAnswer)”)") + note
        }
        let why = mistakes.map(\.explanation).joined(separator: "; ")
        let end = expected.last.map { ".!?".contains($0) } == true ? "" : "."
        let answer = "the answer is “\(expected)”" + end
        guard !why.isEmpty else { return "Not quite: " + answer }
        return "Not quite: " + why + " — " + answer
    }
}
