/// Scores an answer without the judge when its question has a check: 5.0 when the check
/// passes, 1.0 when it fails, with a line saying what was expected and what was seen.
public enum EvalDeterministicScore {
    public static let pass = 5.0
    public static let fail = 1.0

    /// nil when the question has no check. `dictionaryTables` are the imported dictionary's
    /// tables for a conjugation check's verb (empty without a dictionary).
    public static func score(_ q: EvalQuestion, answer: String,
                             dictionaryTables: [ConjugationTable] = []) -> (score: Double, detail: String)? {
        switch q.check {
        case nil:
            return nil
        case .choice(let expected)?:
            let given = EvalChoiceReader.letter(in: answer, choices: q.choices)
            let seen = given.map { "answered \($0)" } ?? "no choice found in the answer"
            return given == expected ? (pass, "choice \(expected): right") : (fail, "choice \(expected) expected; \(seen)")
        case .conjugation(let verb, let tense, let person, let forms)?:
            let accepted = EvalConjugationCheck.accepted(forms: forms, tense: tense, person: person,
                                                         dictionaryTables: dictionaryTables)
            let right = EvalConjugationCheck.matches(answer, accepted: accepted, person: person)
            let cell = "\(verb) \(tense.rawValue) \(person.code)"
            return right ? (pass, "\(cell): right")
                : (fail, "\(cell): expected \(accepted.joined(separator: " / "))")
        }
    }
}
