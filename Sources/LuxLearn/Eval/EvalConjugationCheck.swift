import Foundation

/// Scores a conjugation answer: right when its first line, without a subject pronoun, a label
/// ("Answer:") or punctuation, is one of the accepted forms. Letters and diacritics must match;
/// only case is free.
public enum EvalConjugationCheck {
    public static func matches(_ answer: String, accepted: [String], person: Person) -> Bool {
        let given = words(ofFirstLine: answer)
        guard !given.isEmpty else { return false }
        let targets = accepted.map { AnswerText.words($0).map { $0.lowercased() } }.filter { !$0.isEmpty }
        if targets.contains(given) { return true }
        // "hie geet", "du bass gaangen": the pronoun the question asked for, in front.
        let pronouns = Set(ConjugationForms.pronouns(person).flatMap { p in [p, NRule.form(of: p, before: "x")] })
        if given.count > 1, pronouns.contains(given[0]), targets.contains(Array(given.dropFirst())) { return true }
        return false
    }

    /// The accepted forms of a check: those the question lists, then those of the dictionary's
    /// tables for the verb (LOD spellings, bracketed parts and n-rule variants), without repeats.
    public static func accepted(forms: [String], tense: Tense, person: Person,
                                dictionaryTables: [ConjugationTable]) -> [String] {
        var result: [String] = []
        for form in forms + dictionaryTables.flatMap({ ConjugationForms.answers($0, tense, person) })
            where !result.contains(form) {
            result.append(form)
        }
        return result
    }

    /// The first non-empty line's words in lower case, without markdown, quotes and a leading label.
    static func words(ofFirstLine answer: String) -> [String] {
        let cleaned = answer.filter { $0 != "*" && $0 != "`" }
        guard let line = cleaned.split(whereSeparator: \.isNewline)
            .first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return [] }
        var text = String(line)
        if let colon = text.firstIndex(of: ":"), text[..<colon].split(separator: " ").count <= 3 {
            text = String(text[text.index(after: colon)...])
        }
        // 'ass gaangen' in quotes: the quotes are not part of the form.
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t'\"\u{2018}\u{2019}\u{201C}\u{201D}\u{00AB}\u{00BB}"))
        return AnswerText.words(text).map { $0.lowercased() }
    }
}
