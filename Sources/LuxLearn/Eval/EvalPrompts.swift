/// A chat message for the engine, kept free of LuxEngine's types (LuxLearn does not import it).
public struct EvalMessage: Sendable, Equatable {
    public enum Role: String, Sendable { case system, user, assistant }
    public var role: Role
    public var content: String

    public init(_ role: Role, _ content: String) {
        self.role = role
        self.content = content
    }
}

/// The prompts of an eval run: the question for the answering model, the rubric for the judge.
public enum EvalPrompts {
    /// Part of a run's key: changing a prompt's wording makes a new run instead of mixing results.
    public static let version = "2"

    public static func answer(_ q: EvalQuestion) -> [EvalMessage] {
        [
            EvalMessage(.system, "You are taking a test of Luxembourgish (Lëtzebuergesch). \(q.category.instruction)"),
            EvalMessage(.user, q.promptText),
        ]
    }

    public static let rubric = """
        5 = fully correct: right meaning, grammar and spelling, natural Luxembourgish or English as asked
        4 = correct, with one small slip (a spelling, an article, a word choice) that does not hurt the meaning
        3 = partly correct: the main point is there, but with clear errors or something missing
        2 = mostly wrong, with a little that is relevant or right
        1 = wrong, empty, off-topic, or in the wrong language
        """

    public static func judge(_ q: EvalQuestion, answer: String) -> [EvalMessage] {
        let given = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        return [
            EvalMessage(.system, """
                You are an expert examiner of Luxembourgish (Lëtzebuergesch). You grade one answer at a time \
                from 1 to 5, strictly but fairly, following the rubric and the scoring notes.
                """),
            EvalMessage(.user, """
                Grade the candidate's answer to this test question (\(q.category.rawValue), \(q.difficulty.rawValue)).

                Question:
                \(q.promptText)

                Reference answer:
                \(q.reference)

                Scoring notes:
                \(q.notes)

                Candidate's answer:
                \(given.isEmpty ? "(no answer)" : given)

                Rubric:
                \(rubric)

                The reference is one good answer, not the only one: accept any other correct answer.
                Reply with "Score: N" on the first line (N from 1 to 5; halves allowed), then one sentence saying why.
                """),
        ]
    }

    /// The judge's reply is started for it, so even a small model goes straight to the number;
    /// the parser reads this start and what the judge wrote after it together.
    public static let judgeReplyStart = "Score:"

    /// The follow-up when the judge's reply held no score.
    public static func judgeRetry(_ q: EvalQuestion, answer: String, firstReply: String) -> [EvalMessage] {
        judge(q, answer: answer) + [
            EvalMessage(.assistant, firstReply),
            EvalMessage(.user, "Your reply has no score. Reply with only \"Score: N\", where N is a number from 1 to 5."),
        ]
    }
}
