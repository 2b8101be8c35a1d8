/// Finds which choice a multiple-choice answer names: "B", "B)", "(B)", "**B**", "The answer is B",
/// "Answer: b", or the text of exactly one choice. Nil when the answer names none or several.
public enum EvalChoiceReader {
    public static func letter(in answer: String, choices: [String]) -> String? {
        let letters = choices.indices.map(EvalQuestion.letter)
        guard !letters.isEmpty else { return nil }
        let text = answer.filter { $0 != "*" && $0 != "`" && $0 != "_" }
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        func known(_ s: Substring) -> String? {
            let l = s.uppercased()
            return letters.contains(l) ? l : nil
        }

        // The whole first line is a letter, maybe in brackets or with a full stop: "B", "(b)", "C.".
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        let bare = firstLine.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["(", ")", ".", ":", "[", "]"])
        if bare.count == 1, let l = known(Substring(bare)) { return l }

        // A label: "answer is B", "Answer: (c)", "option D", "choice: A".
        if let m = text.firstMatch(of: #/(?i)(?:answer|option|choice)\s*(?:is|:|-|=)?\s*[(\[]?([a-f])(?![a-z])/#),
           let l = known(m.1) { return l }

        // Starts with a lettered option: "B) Kaz", "C. because ...", "(A) ...".
        if let m = text.prefixMatch(of: #/[(\[]?([A-F])(?:[).:\]]|\s*-\s)/#), let l = known(m.1) { return l }

        // Exactly one letter marked as an option somewhere: "(B)", "B)", or alone before punctuation.
        var marked = Set<String>()
        let chars = Array(text)
        for (i, c) in chars.enumerated() where ("A" ... "F").contains(c) {
            if i > 0, chars[i - 1].isLetter { continue }
            let next = i + 1 < chars.count ? chars[i + 1] : nil
            let afterNext = i + 2 < chars.count ? chars[i + 2] : nil
            let closes = next == ")" || next == "]"
            let alone = next == nil || next?.isWhitespace == true
                || (next.map { ".,;!?".contains($0) } == true && (afterNext == nil || afterNext?.isWhitespace == true))
            if closes || alone, let l = known(Substring(String(c))) { marked.insert(l) }
        }
        // A lone capital "A" at the start of a sentence is usually the English article.
        if marked.count == 1, let l = marked.first, !(l == "A" && text.hasPrefix("A ") && !text.hasPrefix("A )")) {
            return l
        }

        // The text of exactly one choice.
        let folded = AnswerText.folded(text)
        let hits = choices.indices.filter { i in
            let choice = AnswerText.folded(choices[i].trimmingCharacters(in: .whitespaces))
            return !choice.isEmpty && folded.contains(choice)
        }
        if hits.count == 1 { return letters[hits[0]] }
        // One choice containing another ("Kaz" and "Kazen"): the longer one named is the answer.
        if hits.count > 1 {
            let longest = hits.max { choices[$0].count < choices[$1].count }
            if let longest, hits.allSatisfy({ $0 == longest || AnswerText.folded(choices[longest]).contains(AnswerText.folded(choices[$0])) }) {
                return letters[longest]
            }
        }
        return nil
    }
}
