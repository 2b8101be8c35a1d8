/// The cards an item gets: one per way of asking about it.
public enum PackCards {
    public static let recognition = "recognition"
    public static let production = "production"

    /// Tenses a verb is drilled in, each on its own card per person.
    public static let drilledTenses: [Tense] = [.present, .perfect, .imperative]

    /// "conj:present:2sg".
    public static func conjugationVariant(_ tense: Tense, _ person: Person) -> String {
        "conj:\(tense.rawValue):\(person.code)"
    }

    /// Vocabulary and phrases: both directions. Verbs: each person of the present and perfect,
    /// and du/dir of the imperative when the verb has one. Other kinds have no cards.
    public static func variants(for content: PackContent) -> [String] {
        switch content {
        case .vocab, .phrase:
            return [recognition, production]
        case .verb(let verb):
            return drilledTenses.flatMap { tense in
                VerbForms.persons(for: tense)
                    .filter { !verb.table.forms(tense, $0).isEmpty }
                    .map { conjugationVariant(tense, $0) }
            }
        case .translation, .dialogue, .grammar, .unit:
            return []
        }
    }
}
