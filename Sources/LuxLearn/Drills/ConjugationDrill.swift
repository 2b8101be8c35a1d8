/// Conjugation prompts: "goen (to go) · perfect · du" -> "bass gaangen". The answer may come with
/// or without its pronoun ("du bass gaangen"); the perfect is auxiliary + participle.
public enum ConjugationDrill {
    /// The tenses the drill asks by default.
    public static let defaultTenses: [Tense] = [.present, .perfect, .imperative]

    /// The prompt for one cell, nil when the table cannot give it (no such cell, or a person the
    /// imperative does not have). `id` names the verb, e.g. "a1-basics/goen".
    public static func prompt(id: String, verb: VerbItem, tense: Tense, person: Person) -> DrillPrompt? {
        guard tense != .imperative || person == .secondSingular || person == .secondPlural else { return nil }
        let table = verb.table
        let forms = ConjugationForms.answers(table, tense, person)
        guard let model = forms.first else { return nil }
        let accepted = forms + ConjugationForms.answersWithPronoun(table, tense, person)
        let gloss = verb.en.first.map { " (\($0))" } ?? ""
        let who = tense == .imperative ? (person == .secondSingular ? "du (to one person)" : "dir (to several)")
            : person.pronoun
        let question = "\(table.infinitive)\(gloss) · \(AnswerMistake.name(tense)) · \(who)"
        return DrillPrompt(id: "\(id):" + CardVariant.conjugation(tense, person).rawValue, mode: .conjugation,
                           group: tense.rawValue, question: question, expected: model,
                           key: .luxembourgish(accepted: accepted, context: .conjugation(table: table, tense: tense, person: person)),
                           reveal: reveal(table: table, tense: tense, person: person, model: model))
    }

    /// Prompts for every verb × tense × person asked that the tables have, verb by verb.
    public static func prompts(verbs: [(id: String, verb: VerbItem)], tenses: [Tense] = defaultTenses,
                               persons: [Person] = Person.allCases) -> [DrillPrompt] {
        verbs.flatMap { entry in
            tenses.flatMap { tense in
                persons.compactMap { prompt(id: entry.id, verb: entry.verb, tense: tense, person: $0) }
            }
        }
    }

    /// "du bass gaangen — goen: perfect with sinn + gaangen".
    static func reveal(table: ConjugationTable, tense: Tense, person: Person, model: String) -> String {
        let shown = tense == .imperative ? model : NRule.apply(to: ConjugationForms.pronouns(person)[0] + " " + model)
        var notes: [String] = []
        if tense == .perfect, let auxiliary = table.auxiliary {
            let participles = table.participles.joined(separator: " / ")
            notes.append("perfect with \(auxiliary.rawValue)" + (participles.isEmpty ? "" : " + \(participles)"))
        }
        return notes.isEmpty ? shown : "\(shown) — \(table.infinitive): " + notes.joined(separator: "; ")
    }
}
