import Foundation

/// Builds a verb's conjugation table from what a pack file writes: the forms of each tense, and
/// for the perfect only the auxiliary and participle, from which the six forms follow.
enum VerbForms {
    /// The tenses a pack may list in full, with how many forms each has. The perfect may be
    /// omitted (it is derived); the imperative has du and dir only.
    static let tenseKeys: [(tense: Tense, count: Int)] = Tense.allCases.map { ($0, $0 == .imperative ? 2 : 6) }

    static let sixPersons = "ech, du, hien/hatt/si, mir, dir, si"
    static let imperativePersons = "du, dir"

    static func persons(for tense: Tense) -> [Person] {
        tense == .imperative ? [.secondSingular, .secondPlural] : Person.allCases
    }

    /// The present of the auxiliary, ech ... si.
    static func auxiliaryPresent(_ auxiliary: Auxiliary) -> [String] {
        switch auxiliary {
        case .hunn: ["hunn", "hues", "huet", "hunn", "hutt", "hunn"]
        case .sinn: ["sinn", "bass", "ass", "sinn", "sidd", "sinn"]
        }
    }

    /// The perfect as LOD writes it: auxiliary + participle, with the n-rule applied to "hunn"
    /// and "sinn" ("hu gewunnt", "si gaangen", but "hunn telefonéiert", "sinn opgestan").
    static func derivedPerfect(auxiliary: Auxiliary, participles: [String]) -> [Person: [String]] {
        var result: [Person: [String]] = [:]
        for (person, form) in zip(Person.allCases, auxiliaryPresent(auxiliary)) {
            result[person] = participles.map { "\(applyNRule(to: form, before: $0)) \($0)" }
        }
        return result
    }

    /// The table for a verb: `cells` holds each written tense's forms in person order.
    static func table(infinitive: String, auxiliary: Auxiliary, participles: [String],
                      cells: [Tense: [[String]]]) -> ConjugationTable {
        var forms: [Tense: [Person: [String]]] = [:]
        for (tense, tenseCells) in cells {
            var byPerson: [Person: [String]] = [:]
            for (person, cell) in zip(persons(for: tense), tenseCells) {
                // "géi!" is written with its exclamation mark in LOD; drills compare bare words.
                byPerson[person] = tense == .imperative ? cell.map(stripExclamation) : cell
            }
            forms[tense] = byPerson
        }
        if forms[.perfect] == nil {
            forms[.perfect] = derivedPerfect(auxiliary: auxiliary, participles: participles)
        }
        return ConjugationTable(infinitive: infinitive, auxiliary: auxiliary, participles: participles, forms: forms)
    }

    private static func stripExclamation(_ form: String) -> String {
        var text = form
        while text.hasSuffix("!") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The n-rule (Eifeler Regel) for the auxiliary: its final -n(n) is dropped before a word
    /// starting with a consonant other than n, d, t, z or h ("hunn" before "gewunnt" -> "hu").
    /// (Drills/NRule.swift holds the full rule for answers; this is all a perfect needs.)
    private static let keepsN: Set<Character> = Set("aeiouyäëéèêöüûîâàándtzh")

    static func applyNRule(to word: String, before next: String) -> String {
        guard word.hasSuffix("n"), let first = next.lowercased().first, !keepsN.contains(first) else { return word }
        return String(word.dropLast(word.hasSuffix("nn") ? 2 : 1))
    }
}
