/// Checks an English meaning typed for a Luxembourgish word. Any listed gloss counts; case,
/// punctuation, a leading "to", "the", "a" or "an", and a bracketed part of a gloss
/// ("(railway) station") do not matter. A one-letter slip in a word of five letters or more is
/// still right, with a note.
public enum EnglishAnswerChecker {
    public static func check(_ given: String, glosses: [String], word: String) -> AnswerCheck {
        let meanings = glosses.flatMap { $0.split(separator: ";") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let model = meanings.first ?? ""
        let typed = comparable(given)
        func verdict(_ expected: String, _ right: Bool, _ mistakes: [AnswerMistake]) -> AnswerCheck {
            AnswerCheck(given: given, isCorrect: right, expected: expected, modelAnswer: model, mistakes: mistakes)
        }
        guard !typed.isEmpty else { return verdict(model, false, [.empty]) }
        var nearest: (meaning: String, distance: Int)?
        for meaning in meanings {
            for form in forms(of: meaning) {
                if form == typed { return verdict(meaning, true, []) }
                let d = TypoDistance.between(form, typed)
                if d < (nearest?.distance ?? .max) { nearest = (meaning, d) }
            }
        }
        if let nearest, nearest.distance == 1, typed.count >= 5 {
            return verdict(nearest.meaning, true, [.typo(expectedWord: nearest.meaning, givenWord: given)])
        }
        return verdict(model, false, [.wrongMeaning(word: word, meanings: meanings)])
    }

    /// A gloss and the ways to write it that count: without the bracketed part and with it.
    static func forms(of meaning: String) -> [String] {
        var without = "", with = "", depth = 0
        for c in meaning {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            with.append(c)
            if depth == 0 { without.append(c) }
        }
        return Array(Set([comparable(without), comparable(with)].filter { !$0.isEmpty }))
    }

    /// Lower case, single spaces, no punctuation, no leading "to"/"the"/"a"/"an".
    static func comparable(_ text: String) -> String {
        let cleaned = AnswerText.normalize(text).lowercased()
            .map { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" ? $0 : " " }
        var words = String(cleaned).split(separator: " ").map(String.init)
        if let first = words.first, ["to", "the", "a", "an"].contains(first), words.count > 1 { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
