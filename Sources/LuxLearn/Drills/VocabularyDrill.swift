/// Vocabulary prompts both ways. Recognition (LB -> EN) takes any listed meaning; production
/// (EN -> LB) wants a noun with its definite article ("d'Kaz", "den Hond", "de Mann") and says
/// which gender it has when the article is wrong. A plural prompt is there for nouns that have one.
public enum VocabularyDrill {
    public enum Direction: String, Sendable, CaseIterable {
        case recognition, production, plural
    }

    /// The word as it is shown: nouns with their definite article.
    public static func shown(_ item: VocabItem) -> String {
        guard item.pos == .noun, let gender = item.gender else { return item.lb }
        return ArticleForms.withDefiniteArticle(item.lb, gender)
    }

    /// "d'Kaz" -> "cat". `id` names the item, e.g. "a1-basics/kaz".
    public static func recognition(id: String, item: VocabItem) -> DrillPrompt {
        let word = shown(item)
        return DrillPrompt(id: "\(id):recognition", mode: .vocabRecognition, group: Direction.recognition.rawValue,
                           question: word, expected: item.en.first ?? "",
                           key: .english(glosses: item.en, word: word), reveal: reveal(item))
    }

    /// "cat (noun: with its article)" -> "d'Kaz".
    public static func production(id: String, item: VocabItem) -> DrillPrompt {
        let meaning = item.en.joined(separator: ", ")
        let key: AnswerKey
        let question: String
        if item.pos == .noun, let gender = item.gender {
            // An alternative without an article is taken to have the item's gender.
            let alternatives = item.alternatives.map { alt in
                AnswerText.words(alt).first.flatMap(ArticleForms.kind(of:)) == nil
                    ? ArticleForms.withDefiniteArticle(alt, gender) : alt
            }
            key = .luxembourgish(accepted: [shown(item)] + alternatives, context: .noun(lb: item.lb, gender: gender, plural: item.plural))
            question = "\(meaning) (noun: with its article)"
        } else {
            key = .luxembourgish(accepted: [item.lb] + item.alternatives, context: .plain)
            question = meaning
        }
        return DrillPrompt(id: "\(id):production", mode: .vocabProduction, group: Direction.production.rawValue,
                           question: question, expected: shown(item), key: key, reveal: reveal(item))
    }

    /// "plural of d'Kaz" -> "d'Kazen" (the article may be left out); nil for words without a plural.
    public static func plural(id: String, item: VocabItem) -> DrillPrompt? {
        guard item.pos == .noun, let first = item.plural.first else { return nil }
        let accepted = item.plural.flatMap { ["d'" + $0, $0] }
        return DrillPrompt(id: "\(id):plural", mode: .vocabPlural, group: Direction.plural.rawValue,
                           question: "plural of \(shown(item))", expected: "d'" + first,
                           key: .luxembourgish(accepted: accepted, context: .plain), reveal: reveal(item))
    }

    /// Prompts for each item in each direction asked, item by item.
    public static func prompts(items: [(id: String, item: VocabItem)],
                               directions: [Direction] = [.recognition, .production]) -> [DrillPrompt] {
        items.flatMap { entry in
            directions.compactMap { direction -> DrillPrompt? in
                switch direction {
                case .recognition: recognition(id: entry.id, item: entry.item)
                case .production: production(id: entry.id, item: entry.item)
                case .plural: plural(id: entry.id, item: entry.item)
                }
            }
        }
    }

    /// "d'Kaz (feminine, plural Kazen): cat".
    static func reveal(_ item: VocabItem) -> String {
        var facts: [String] = []
        if let gender = item.gender { facts.append(ArticleForms.name(of: gender)) }
        if !item.plural.isEmpty { facts.append("plural " + item.plural.joined(separator: " / ")) }
        let head = facts.isEmpty ? shown(item) : "\(shown(item)) (\(facts.joined(separator: ", ")))"
        var text = "\(head): \(item.en.joined(separator: ", "))"
        if let example = item.example { text += " — \(example.lb) (\(example.en))" }
        return text
    }
}

/// Prompts for the other kinds of items a card can show.
public enum ItemPrompts {
    /// "Wéi geet et?" -> "How are you?"
    public static func phraseRecognition(id: String, item: PhraseItem) -> DrillPrompt {
        DrillPrompt(id: "\(id):recognition", mode: .phraseRecognition, group: "recognition", question: item.lb,
                    expected: item.en.first ?? "", key: .english(glosses: item.en, word: item.lb),
                    reveal: "\(item.lb): \(item.en.joined(separator: " / "))" + (item.note.map { " — \($0)" } ?? ""))
    }

    /// "How are you?" -> "Wéi geet et?"
    public static func phraseProduction(id: String, item: PhraseItem) -> DrillPrompt {
        DrillPrompt(id: "\(id):production", mode: .phraseProduction, group: "production",
                    question: item.en.first ?? "", expected: item.lb,
                    key: .luxembourgish(accepted: [item.lb] + item.alternatives, context: .plain),
                    reveal: "\(item.en.joined(separator: " / ")): \(item.lb)" + (item.note.map { " — \($0)" } ?? ""))
    }

    /// "goen" -> "to go".
    public static func verbRecognition(id: String, item: VerbItem) -> DrillPrompt {
        DrillPrompt(id: "\(id):recognition", mode: .verbRecognition, group: "recognition", question: item.table.infinitive,
                    expected: item.en.first ?? "", key: .english(glosses: item.en, word: item.table.infinitive),
                    reveal: verbReveal(item))
    }

    /// "to go" -> "goen".
    public static func verbProduction(id: String, item: VerbItem) -> DrillPrompt {
        DrillPrompt(id: "\(id):production", mode: .verbProduction, group: "production",
                    question: item.en.joined(separator: ", "), expected: item.table.infinitive,
                    key: .luxembourgish(accepted: [item.table.infinitive], context: .plain), reveal: verbReveal(item))
    }

    /// A sentence to translate in the item's direction.
    public static func translation(id: String, item: TranslationItem) -> DrillPrompt {
        let expected = item.answers.first ?? ""
        switch item.direction {
        case .enToLb:
            return DrillPrompt(id: "\(id):translate", mode: .translateEnLb, group: "en-lb", question: item.source,
                               expected: expected, key: .luxembourgish(accepted: item.answers, context: .plain),
                               reveal: expected + (item.hint.map { " — \($0)" } ?? ""))
        case .lbToEn:
            return DrillPrompt(id: "\(id):translate", mode: .translateLbEn, group: "lb-en", question: item.source,
                               expected: expected, key: .english(glosses: item.answers, word: item.source),
                               reveal: expected + (item.hint.map { " — \($0)" } ?? ""))
        }
    }

    /// "goen: to go (perfect with sinn + gaangen)".
    static func verbReveal(_ item: VerbItem) -> String {
        var text = "\(item.table.infinitive): \(item.en.joined(separator: ", "))"
        if let auxiliary = item.table.auxiliary, let participle = item.table.participles.first {
            text += " (perfect with \(auxiliary.rawValue) + \(participle))"
        }
        return text
    }
}
