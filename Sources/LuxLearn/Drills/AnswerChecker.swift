/// Checks typed Luxembourgish. An answer is right when it is one of the accepted answers letter
/// for letter (diacritics and capitals count, except the first letter, which may start a
/// sentence), after whitespace and apostrophes (’ ‘ ` ´) are normalised and punctuation set
/// aside. Either spelling the n-rule allows is right. A wrong answer gets every specific reason
/// the checker can find: a diacritic, a capital, the n-rule, the auxiliary, another person's or
/// tense's form, an article of the wrong gender, a typo, missing or extra words.
public enum AnswerChecker {
    public static func check(_ given: String, accepted: [String], context: AnswerContext = .plain) -> AnswerCheck {
        var originals: [String] = []
        for answer in accepted.map(AnswerText.normalize) where !answer.isEmpty && !originals.contains(answer) {
            originals.append(answer)
        }
        guard let model = originals.first else {
            return AnswerCheck(given: given, isCorrect: false, expected: "", modelAnswer: "", mistakes: [])
        }
        // Each accepted answer also as the n-rule spells it, so a slip in the data does not fail a right answer.
        var candidates: [(text: String, words: [String], starts: Set<Int>)] = []
        for answer in originals {
            for text in [answer] + NRule.variants(of: answer) where !candidates.contains(where: { $0.text == text }) {
                candidates.append((text, AnswerText.words(text), AnswerText.sentenceStarts(text)))
            }
        }
        let words = AnswerText.words(given)
        func verdict(_ expected: String, _ mistakes: [AnswerMistake]) -> AnswerCheck {
            AnswerCheck(given: given, isCorrect: mistakes.isEmpty, expected: expected, modelAnswer: model, mistakes: mistakes)
        }
        guard !words.isEmpty else { return verdict(model, [.empty]) }
        if let match = candidates.first(where: { AnswerText.sameAnswer(words, $0.words, starts: $0.starts) }) {
            return verdict(match.text, [])
        }

        switch context {
        case .plain:
            break
        case let .conjugation(table, tense, person):
            if let diagnosis = ConjugationDiagnosis(words: words, table: table, tense: tense, person: person) {
                return verdict(diagnosis.expected, diagnosis.mistakes)
            }
        case let .noun(lb, gender, plural):
            let typed = words.last ?? ""
            // A plural spelt like the singular (Brout, Waasser) tells nothing.
            if let form = plural.first(where: { $0 == typed && $0 != lb }), words.count <= 2 {
                return verdict(ArticleForms.withDefiniteArticle(lb, gender),
                               [.plural(given: words.count == 2 ? AnswerText.join(words) : form,
                                        expected: ArticleForms.withDefiniteArticle(lb, gender))])
            }
            if let (expected, mistakes) = nounMistakes(words, lb: lb, gender: gender, accepted: originals) {
                return verdict(expected, mistakes)
            }
        }

        let closest = candidates.min { WordAlignment.distance($0.words, words) < WordAlignment.distance($1.words, words) }
        guard let closest else { return verdict(model, [.empty]) }
        var verb: String?
        if case let .conjugation(table, _, _) = context { verb = table.infinitive }
        var mistakes = WordAlignment.mistakes(expected: closest.words, given: words, verb: verb, starts: closest.starts)
        if mistakes.isEmpty { mistakes = [.wrongWord(expected: closest.text, given: AnswerText.join(words))] }
        return verdict(closest.text, mistakes)
    }

    /// A noun answer measured against "article + noun": the article's gender and the n-rule on
    /// "den", then the noun's spelling. The noun is `lb` or the noun of another accepted answer
    /// (a synonym, taken to have the same gender). Nil when the answer is not such a noun at all.
    static func nounMistakes(_ words: [String], lb: String, gender: Gender,
                             accepted: [String]) -> (String, [AnswerMistake])? {
        guard let typed = words.last, words.count <= 2 else { return nil }
        // The nouns that count: lb, and the last word of each accepted "article noun".
        var nouns = [lb]
        for answer in accepted {
            let parts = AnswerText.words(answer)
            if parts.count == 2, ArticleForms.kind(of: parts[0]) != nil, !nouns.contains(parts[1]) { nouns.append(parts[1]) }
        }
        func distance(_ noun: String) -> Int {
            AnswerText.folded(typed) == AnswerText.folded(noun) ? 0 : TypoDistance.between(typed.lowercased(), noun.lowercased())
        }
        guard let noun = nouns.min(by: { distance($0) < distance($1) }), distance(noun) <= 1 else { return nil }
        let expected = ArticleForms.withDefiniteArticle(noun, gender)
        let article = AnswerText.words(expected)[0]
        if words.count == 1 {
            let spelling = WordAlignment.compare(noun, typed, isFirst: true, next: nil, index: 0, verb: nil)
            return (expected, [.missingArticle(expected: expected, noun: noun, gender: gender)] + [spelling].compactMap { $0 })
        }
        guard let kind = ArticleForms.kind(of: words[0]) else { return nil }
        var mistakes: [AnswerMistake] = []
        if case let .definite(genders) = kind, genders.contains(gender) {
            if words[0].lowercased() != article.lowercased() {
                mistakes.append(.nRule(NRuleIssue(wordIndex: 0, word: words[0], next: noun, corrected: article)))
            }
        } else {
            mistakes.append(.article(given: AnswerText.join(words), expected: expected, noun: noun, gender: gender))
        }
        if let spelling = WordAlignment.compare(noun, typed, isFirst: false, next: nil, index: 1, verb: nil) {
            mistakes.append(spelling)
        }
        return (expected, mistakes)
    }
}

/// Why an answer to a conjugation prompt is wrong, when the table can tell: a pronoun that does
/// not fit, another person's or tense's form, or the wrong auxiliary.
struct ConjugationDiagnosis {
    let expected: String
    let mistakes: [AnswerMistake]

    init?(words: [String], table: ConjugationTable, tense: Tense, person: Person) {
        let forms = ConjugationForms.answers(table, tense, person)
        guard let model = forms.first else { return nil }
        let formWords = forms.map(AnswerText.words)
        let modelWords = formWords[0]
        // Every cell the table can give, the asked tense first.
        var cells: [(tense: Tense, person: Person, forms: [String], words: [[String]])] = []
        for t in [tense] + (table.tenses + [.perfect]).filter({ $0 != tense }) where !cells.contains(where: { $0.tense == t }) {
            for p in Person.allCases {
                let forms = ConjugationForms.answers(table, t, p)
                if !forms.isEmpty { cells.append((t, p, forms, forms.map(AnswerText.words))) }
            }
        }
        func anyCell(_ typed: [String]) -> Bool {
            cells.contains { $0.words.contains { AnswerText.sameAnswer(typed, $0) } }
        }
        // A leading pronoun: when more words came than the form has, or when the words after it
        // are a form of the table ("si" may also be the auxiliary: "si gaangen").
        var pronoun: String?
        var rest = words
        if words.count >= 2, !ConjugationForms.persons(ofPronoun: words[0]).isEmpty,
           words.count > modelWords.count || (anyCell(Array(words.dropFirst())) && !anyCell(words)) {
            pronoun = words[0]
            rest = Array(words.dropFirst())
        }
        func matches(_ candidates: [[String]]) -> Bool {
            candidates.contains { pronoun == nil ? AnswerText.sameAnswer(rest, $0) : rest == $0 }
        }
        var mistakes: [AnswerMistake] = []
        if let pronoun {
            if !ConjugationForms.persons(ofPronoun: pronoun).contains(person) {
                mistakes.append(.pronoun(given: pronoun, expected: person))
            } else if let first = rest.first {
                let full = NRule.fullForm(ofShort: pronoun) ?? pronoun
                let right = NRule.form(of: full, before: first, atSentenceStart: true)
                if right.lowercased() != pronoun.lowercased() {
                    mistakes.append(.nRule(NRuleIssue(wordIndex: 0, word: pronoun, next: first, corrected: right)))
                }
            }
        }
        if matches(formWords) {
            // The verb is right; only the pronoun can be wrong (and if it is not, the answer is right).
            self.expected = model
            self.mistakes = mistakes
            return
        }

        // Another person of the same tense, or another tense.
        var samePersons: [Person] = []
        var otherTense: (Tense, String)?
        for cell in cells where !(cell.tense == tense && cell.person == person) && matches(cell.words) {
            if cell.tense == tense {
                samePersons.append(cell.person)
            } else if otherTense == nil {
                otherTense = (cell.tense, cell.forms[0])
            }
        }
        if !samePersons.isEmpty {
            mistakes.removeAll { if case .pronoun = $0 { true } else { false } }
            self.expected = model
            self.mistakes = mistakes + [.otherPerson(givenPersons: samePersons, expected: person, expectedForm: model)]
            return
        }
        if let (t, form) = otherTense {
            self.expected = model
            self.mistakes = mistakes + [.otherTense(given: t, givenForm: form, expected: tense, expectedForm: model)]
            return
        }

        // Otherwise word by word against the closest accepted form; the auxiliary gets its own explanation.
        let closest = formWords.indices.min {
            WordAlignment.distance(formWords[$0], rest) < WordAlignment.distance(formWords[$1], rest)
        } ?? 0
        self.expected = forms[closest]
        self.mistakes = mistakes + WordAlignment.mistakes(expected: formWords[closest], given: rest,
                                                          verb: table.infinitive, offset: pronoun == nil ? 0 : 1)
        if self.mistakes.isEmpty { return nil }
    }
}
