/// One thing wrong with an answer, specific enough to explain kindly.
public enum AnswerMistake: Sendable, Equatable {
    case empty
    /// Same letters, other diacritics ("Desch" for "Dësch").
    case diacritic(expectedWord: String, givenWord: String, slips: [DiacriticSlip])
    /// Same word, other capital letters ("kaz" for "Kaz").
    case capitalization(expectedWord: String, givenWord: String)
    /// A final n kept or dropped against the n-rule.
    case nRule(NRuleIssue)
    /// A form of hunn where sinn belongs, or the other way round. `verb` is the infinitive when known.
    case auxiliary(expected: Auxiliary, given: Auxiliary, verb: String?)
    /// The verb form of other persons ("gees" asked for mir).
    case otherPerson(givenPersons: [Person], expected: Person, expectedForm: String)
    /// The form of another tense ("ginn" asked for the perfect).
    case otherTense(given: Tense, givenForm: String, expected: Tense, expectedForm: String)
    /// A subject pronoun that does not go with the form asked for.
    case pronoun(given: String, expected: Person)
    /// One letter added, missing, changed or swapped.
    case typo(expectedWord: String, givenWord: String)
    /// A noun with the article of another gender, or an indefinite article.
    case article(given: String, expected: String, noun: String, gender: Gender)
    /// The plural where the singular was asked.
    case plural(given: String, expected: String)
    /// A noun given without the article asked for.
    case missingArticle(expected: String, noun: String, gender: Gender)
    case missingWords([String])
    case extraWords([String])
    case wrongWord(expected: String, given: String)
    /// An English answer that is none of the meanings.
    case wrongMeaning(word: String, meanings: [String])

    /// A short, specific explanation.
    public var explanation: String {
        switch self {
        case .empty:
            return "no answer given"
        case let .diacritic(expectedWord, _, slips):
            return slips.map { $0.explanation(in: expectedWord) }.joined(separator: "; ")
        case let .capitalization(expectedWord, givenWord):
            if expectedWord.first?.isUppercase == true, givenWord.first?.isUppercase == false {
                return "nouns take a capital letter: “\(expectedWord)”"
            }
            return "write it “\(expectedWord)”, not “\(givenWord)”"
        case let .nRule(issue):
            return issue.description
        case let .auxiliary(expected, given, verb):
            let why = verb.map { ": \($0) makes its perfect with \(expected.rawValue)" } ?? ""
            return "wrong auxiliary: \(expected.rawValue), not \(given.rawValue)\(why)"
        case let .otherPerson(givenPersons, expected, expectedForm):
            return "that's the form for \(Self.list(givenPersons.map(\.pronoun))); for \(expected.pronoun) it is “\(expectedForm)”"
        case let .otherTense(given, givenForm, expected, expectedForm):
            return "“\(givenForm)” is the \(Self.name(given)); the \(Self.name(expected)) is “\(expectedForm)”"
        case let .pronoun(given, expected):
            return "“\(given)” does not go with this form: the pronoun is \(expected.pronoun)"
        case let .typo(expectedWord, givenWord):
            return "one letter off: “\(expectedWord)”, not “\(givenWord)”"
        case let .article(given, expected, noun, gender):
            let genders = given.split(separator: " ").first.flatMap { ArticleForms.kind(of: String($0)) }
            if case let .indefinite(shown)? = genders, shown.contains(gender) {
                return "give the definite article: “\(expected)” (\(noun) is \(ArticleForms.name(of: gender)))"
            }
            return "it's “\(expected)”: \(noun) is \(ArticleForms.name(of: gender))"
        case let .plural(given, expected):
            return "“\(given)” is the plural; the singular is “\(expected)”"
        case let .missingArticle(expected, noun, gender):
            return "give the noun with its article: “\(expected)” (\(noun) is \(ArticleForms.name(of: gender)))"
        case let .missingWords(words):
            return "missing: “\(words.joined(separator: " "))”"
        case let .extraWords(words):
            return "not needed: “\(words.joined(separator: " "))”"
        case let .wrongWord(expected, given):
            return "“\(expected)”, not “\(given)”"
        case let .wrongMeaning(word, meanings):
            return "“\(word)” means “\(meanings.joined(separator: "”, “"))”"
        }
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    static func name(_ tense: Tense) -> String {
        switch tense {
        case .present: "present"
        case .imperfect: "simple past"
        case .perfect: "perfect"
        case .pluperfect: "pluperfect"
        case .conditional: "conditional"
        case .conditionalCompound: "conditional with géif"
        case .conditionalPerfect: "past conditional"
        case .imperative: "imperative"
        }
    }
}

/// One letter whose diacritic is missing, wrong or not wanted.
public struct DiacriticSlip: Sendable, Equatable {
    /// 1-based letter position in the word.
    public var position: Int
    public var expected: Character
    public var given: Character

    public init(position: Int, expected: Character, given: Character) {
        self.position = position
        self.expected = expected
        self.given = given
    }

    func explanation(in word: String) -> String {
        let place = "in “\(word)” (letter \(position))"
        if !AnswerText.hasDiacritic(given) {
            return "missing diacritic: \(expected) \(place)"
        }
        if !AnswerText.hasDiacritic(expected) {
            return "no diacritic on \(expected) \(place)"
        }
        return "wrong diacritic: \(expected), not \(given), \(place)"
    }
}
