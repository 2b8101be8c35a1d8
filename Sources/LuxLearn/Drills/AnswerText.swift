import Foundation

/// The text handling answer checking shares: normalising what a learner typed, splitting it into
/// words, and comparing letters with and without their diacritics.
public enum AnswerText {
    /// Apostrophe look-alikes a keyboard or a phone may produce instead of `'`.
    static let apostrophes: Set<Character> = ["\u{2019}", "\u{2018}", "`", "\u{00B4}", "\u{02BC}", "\u{2032}"]
    /// Punctuation that never decides whether an answer is right.
    static let punctuation: Set<Character> = [".", ",", "!", "?", ";", ":", "\u{2026}", "\"", "\u{00AB}", "\u{00BB}",
                                              "\u{201E}", "\u{201C}", "\u{201D}", "(", ")", "\u{00A1}", "\u{00BF}"]

    /// Composed Unicode, one kind of apostrophe, single spaces, no space after an elided article
    /// ("d' Kaz" -> "d'Kaz"), no spaces around the ends. Case and letters are kept.
    public static func normalize(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.precomposedStringWithCanonicalMapping {
            let c: Character = apostrophes.contains(ch) ? "'" : ch
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, !endsWithElision(out) { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return out
    }

    /// True when `text` ends in an elided article or pronoun such as "d'" or "'t" that joins the next word.
    private static func endsWithElision(_ text: String) -> Bool {
        guard text.last == "'" else { return false }
        let before = text.dropLast().last
        // "d'" after a space or at the start: the article. A quote closing a word stays apart.
        let start = text.dropLast().dropLast().last
        return before.map { $0 == "d" || $0 == "D" } == true && (start == nil || start == " ")
    }

    /// The words of an answer for comparison: punctuation is dropped, and an elided article is
    /// its own word ("d'Kaz" -> ["d'", "Kaz"]) so a wrong article shows up as one word.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        for raw in normalize(text).split(separator: " ") {
            var word = String(raw.filter { !punctuation.contains($0) })
            guard !word.isEmpty else { continue }
            if word.count > 2, word.hasPrefix("d'") || word.hasPrefix("D'") {
                result.append(String(word.prefix(2)))
                word = String(word.dropFirst(2))
            }
            result.append(word)
        }
        return result
    }

    /// The words joined back for display, with elided articles attached again.
    static func join(_ words: [String]) -> String {
        var out = ""
        for word in words {
            if !out.isEmpty, !(out.hasSuffix("'") && out.count >= 2) { out += " " }
            out += word
        }
        return out
    }

    /// `text` without diacritics and in lower case: "Dësch" -> "desch". Each letter stays one letter.
    public static func folded(_ text: String) -> String {
        String(text.map(fold))
    }

    /// One letter without its diacritic and in lower case ("Ë" -> "e"); other characters unchanged.
    static func fold(_ c: Character) -> Character {
        let lower = String(c).lowercased()
        let stripped = lower.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { !(0x0300 ... 0x036F).contains($0.value) }
        let s = String(String.UnicodeScalarView(stripped))
        return s.count == 1 ? Character(s) : Character(lower.count == 1 ? lower : String(c))
    }

    /// True when `c` carries a diacritic (ë, é, ä, ...).
    static func hasDiacritic(_ c: Character) -> Bool {
        String(c).decomposedStringWithCanonicalMapping.unicodeScalars.contains { (0x0300 ... 0x036F).contains($0.value) }
    }

    /// Equal, allowing only the first letter to differ in case (the start of a sentence).
    static func equalAtSentenceStart(_ a: String, _ b: String) -> Bool {
        guard let fa = a.first, let fb = b.first else { return a == b }
        return a.dropFirst() == b.dropFirst() && String(fa).lowercased() == String(fb).lowercased()
    }

    /// The positions in `words(text)` of words that start a sentence: the first, and any after . ! ? or ….
    static func sentenceStarts(_ text: String) -> Set<Int> {
        var starts: Set<Int> = [0]
        var index = 0, afterStop = false
        for raw in normalize(text).split(separator: " ") {
            let count = words(String(raw)).count
            if count > 0 {
                if afterStop { starts.insert(index) }
                index += count
                afterStop = false
            }
            if let last = raw.last(where: { !"\"»”)".contains($0) }), ".!?\u{2026}".contains(last) { afterStop = true }
        }
        return starts
    }

    /// Two word lists equal, the first letter of a sentence's first word case-insensitive.
    static func sameAnswer(_ given: [String], _ expected: [String], starts: Set<Int> = [0]) -> Bool {
        guard given.count == expected.count else { return false }
        for (i, (g, e)) in zip(given, expected).enumerated() {
            if starts.contains(i) ? !equalAtSentenceStart(g, e) : g != e { return false }
        }
        return true
    }
}
