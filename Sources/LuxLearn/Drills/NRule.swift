/// The n-rule (Eifeler Regel): a final -n or -nn is dropped, in speech and in writing, before a
/// word that starts with a consonant other than n, d, t, z and h ("mir hu gesot", "de Mann"),
/// and kept before a vowel, before those five consonants, before punctuation and at the end
/// ("mir hunn eppes", "den Hond", "ob mir Zäit hunn."). Before the pronouns and possessives that
/// start with s (si, se, sech, säin, seng..., sou) either spelling is right.
///
/// Which words take part: endings -en/-ën, -een/-ien, -un, -in after a vowel (mäin, Wäin), the
/// function words an, un, vun, en, den, een, ..., and the verbs and adverbs in -nn (hunn, sinn,
/// ginn, stinn, kann, wann, dann, schonn, ...). Left alone: other words in -nn (Mann, Sonn, dënn,
/// Maschinn), -ioun, -in after a consonant (Studentin), loan words in -on, -ain, -rn, nouns in -an
/// (Roman), acronyms. Names cannot be told from nouns here: pass them as `exceptions`.
/// These boundaries were checked against the example sentences of the LOD dictionary.
public enum NRule {
    /// What the start of the next word asks of a final n.
    public enum Context: String, Sendable, Equatable {
        case keep, drop, either
    }

    // MARK: - The next word

    /// Unstressed pronouns and possessives before which the n may stay or go.
    static let eitherWords: Set<String> = ["s", "s'", "se", "si", "sech", "seng", "senger", "sengem", "senge",
                                           "sengen", "säin", "säi", "sou"]

    /// The context a word gives a final n before it; nil or an empty string is the end of the phrase.
    public static func context(before next: String?) -> Context {
        guard let next, let first = next.first else { return .keep }
        guard first.isLetter || first.isNumber else { return .keep }
        let lower = AnswerText.normalize(next).lowercased()
        if eitherWords.contains(lower) || lower.hasPrefix("s'") { return .either }
        if first.isNumber { return letterContext(numberInitial(next)) }
        if isAcronym(next) { return acronymContext(first) }
        let letters = Array(next)
        return letterContext(AnswerText.fold(first), then: letters.count > 1 ? AnswerText.fold(letters[1]) : nil)
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
    private static let keepers: Set<Character> = ["n", "d", "t", "z", "h"]

    private static func letterContext(_ c: Character, then next: Character? = nil) -> Context {
        if vowels.contains(c) || keepers.contains(c) { return .keep }
        // "den Yves" (y sounds like i before a consonant), "de Yan".
        if c == "y" { return next.map { vowels.contains($0) } == true ? .drop : .keep }
        return .drop
    }

    /// Acronyms are read letter by letter; these letters' names start with a vowel or with n, d,
    /// t, z, h in speech (Eff, Ell, Emm, Enn, Ärr, Ess, Iks, Ha, Dé, Té, Zett, Tsé, Ypsilon).
    private static let acronymKeepers: Set<Character> = ["a", "e", "i", "o", "u", "f", "l", "m", "n", "r", "s",
                                                         "x", "h", "d", "t", "z", "c", "y"]

    private static func acronymContext(_ first: Character) -> Context {
        acronymKeepers.contains(AnswerText.fold(first)) ? .keep : .drop
    }

    static func isAcronym(_ word: String) -> Bool {
        let letters = word.prefix { $0.isLetter }
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }

    /// The first letter of a number said in Luxembourgish ("20" -> zwanzeg -> z).
    static func numberInitial(_ text: String) -> Character {
        let digits = text.prefix { $0.isASCII && $0.isNumber }.prefix(12)
        return spokenInitial(Int(digits) ?? 0)
    }

    private static func spokenInitial(_ n: Int) -> Character {
        // null, eent, zwee, dräi, véier, fënnef, sechs, siwen, aacht, néng, zéng, eelef, zwielef,
        // dräizéng, véierzéng, fofzéng, siechzéng, siwwenzéng, uechtzéng, nonzéng
        let small: [Character] = ["n", "e", "z", "d", "v", "f", "s", "s", "a", "n", "z", "e", "z",
                                  "d", "v", "f", "s", "s", "u", "n"]
        // zwanzeg, drësseg, véierzeg, fofzeg, sechzeg, siwwenzeg, achtzeg, nonzeg
        let tens: [Character] = ["z", "d", "v", "f", "s", "s", "a", "n"]
        switch n {
        case ..<0: return "m"  // minus
        case 0 ..< 20: return small[n]
        case 20 ..< 100: return n % 10 == 0 ? tens[n / 10 - 2] : small[n % 10]  // eenanzwanzeg
        case 100 ..< 1000: return n / 100 == 1 ? "h" : spokenInitial(n / 100)  // honnert, zweehonnert
        case 1000 ..< 1_000_000: return n / 1000 == 1 ? "d" : spokenInitial(n / 1000)  // dausend
        default: return n / 1_000_000 == 1 ? "e" : spokenInitial(n / 1_000_000)  // eng Millioun
        }
    }

    // MARK: - The word itself

    /// Words in -nn that take part in the rule.
    static let nnWords: Set<String> = ["hunn", "sinn", "ginn", "gesinn", "stinn", "kann", "wann", "dann", "dunn",
                                       "schonn", "obschonn", "geschwënn", "iergendwann"]
    /// Endings of lower-case verbs and adverbs in -nn that take part (ophunn, ofginn, ausgesinn, verstinn, gezunn).
    static let nnEndings = ["hunn", "sinn", "ginn", "stinn", "gezunn", "geflunn", "wann", "schonn"]

    /// Short forms that can only come from one word, so a missing n can be spotted in a phrase.
    /// ("de", "si" and "du" are left out: they are also other words.)
    static let shortForms: [String: String] = [
        "hu": "hunn", "gi": "ginn", "ka": "kann", "wa": "wann", "da": "dann", "scho": "schonn",
        "vu": "vun", "viru": "virun", "a": "an", "u": "un", "e": "en", "ee": "een", "kee": "keen",
        "dee": "deen", "hie": "hien", "wie": "wien", "mäi": "mäin", "däi": "däin", "säi": "säin",
        "gesi": "gesinn", "sti": "stinn", "geschwë": "geschwënn", "obscho": "obschonn",
    ]

    /// The part of a written word the rule looks at: after an elided article or a hyphen.
    private static func core(_ word: String) -> Substring {
        let w = Substring(word)
        if let cut = w.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" || $0 == "-" }) {
            return w[w.index(after: cut)...]
        }
        return w
    }

    /// Whether `word` (written with its n) takes part in the rule. A capital letter marks a noun
    /// unless the word starts the sentence.
    public static func applies(to word: String, atSentenceStart: Bool = false) -> Bool {
        let core = core(word)
        guard core.count >= 2, core.last == "n", let first = core.first,
              !core.contains(where: \.isNumber), !isAcronym(String(core)) else { return false }
        let lower = core.lowercased()
        let noun = first.isUppercase && !atSentenceStart
        if lower.hasSuffix("nn") {
            return !noun && (nnWords.contains(lower) || nnEndings.contains { lower.hasSuffix($0) })
        }
        for ending in ["oun", "on", "ain", "rn", "ün"] where lower.hasSuffix(ending) { return false }
        if lower.hasSuffix("in") {
            let chars = Array(lower)
            let before = chars.count >= 3 ? chars[chars.count - 3] : " "
            return vowels.contains(AnswerText.fold(before)) || lower.hasSuffix("hin")  // mäin, schéin; dohin
        }
        if lower.hasSuffix("an") { return !noun }  // an, dran, eran; not Roman, Organ
        return true
    }

    /// `word` without its final n or nn ("hunn" -> "hu", "den" -> "de").
    public static func shortForm(of word: String) -> String {
        var w = word
        while w.last == "n" { w.removeLast() }
        return w.isEmpty ? word : w
    }

    /// The full form of an unambiguous short form ("hu" -> "hunn", "Mäi" -> "Mäin"), else nil.
    public static func fullForm(ofShort word: String) -> String? {
        guard let full = shortForms[word.lowercased()] else { return nil }
        return word.first?.isUppercase == true ? full.prefix(1).uppercased() + full.dropFirst() : full
    }

    /// The spelling of `word` before `next` (nil at the end): the n added or dropped as the rule
    /// asks; words outside the rule, and either-contexts, as given.
    public static func form(of word: String, before next: String?, atSentenceStart: Bool = false) -> String {
        let full: String
        if applies(to: word, atSentenceStart: atSentenceStart) {
            full = word
        } else if let restored = fullForm(ofShort: word) {
            full = restored
        } else {
            return word
        }
        switch context(before: next) {
        case .keep: return full
        case .drop: return shortForm(of: full)
        case .either: return word
        }
    }

    /// True when `a` and `b` differ only by the rule's final n ("hunn"/"hu", "Den"/"de"); case is ignored.
    public static func isVariant(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        guard x != y else { return false }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        return long.hasSuffix("n") && !short.hasSuffix("n") && shortForm(of: long) == short
    }

    // MARK: - Phrases

    /// `phrase` with the rule applied to every word it knows; spacing and punctuation are kept.
    /// `exceptions` are words (names, say) to leave as written.
    public static func apply(to phrase: String, exceptions: Set<String> = []) -> String {
        let pieces = PhrasePieces(phrase)
        var out = pieces.parts
        for (i, slot) in pieces.wordSlots.enumerated() where !exceptions.contains(out[slot]) {
            out[slot] = form(of: out[slot], before: pieces.next(afterWord: i), atSentenceStart: pieces.startsSentence(i))
        }
        return out.joined()
    }

    /// Every spelling the rule allows for `phrase` (either spelling before s-pronouns), the
    /// applied one first; at most `limit`.
    public static func variants(of phrase: String, limit: Int = 8) -> [String] {
        let applied = apply(to: phrase)
        let pieces = PhrasePieces(applied)
        var results = [pieces.parts]
        for (i, slot) in pieces.wordSlots.enumerated() where context(before: pieces.next(afterWord: i)) == .either {
            let word = pieces.parts[slot]
            let other: String
            if applies(to: word, atSentenceStart: pieces.startsSentence(i)) {
                other = shortForm(of: word)
            } else if let full = fullForm(ofShort: word) {
                other = full
            } else {
                continue
            }
            results += results.map { var copy = $0; copy[slot] = other; return copy }
            if results.count >= limit { break }
        }
        return Array(results.prefix(limit)).map { $0.joined() }
    }

    /// Every place where `phrase` breaks the rule: an n kept before a consonant that drops it, or
    /// a known short form where the n must stay.
    public static func check(_ phrase: String, exceptions: Set<String> = []) -> [NRuleIssue] {
        let pieces = PhrasePieces(phrase)
        var issues: [NRuleIssue] = []
        for (i, slot) in pieces.wordSlots.enumerated() {
            let word = pieces.parts[slot]
            guard !exceptions.contains(word) else { continue }
            let next = pieces.next(afterWord: i)
            let context = context(before: next)
            if context == .drop, applies(to: word, atSentenceStart: pieces.startsSentence(i)) {
                issues.append(NRuleIssue(wordIndex: i, word: word, next: next, corrected: shortForm(of: word)))
            } else if context == .keep, let full = fullForm(ofShort: word) {
                issues.append(NRuleIssue(wordIndex: i, word: word, next: next, corrected: full))
            }
        }
        return issues
    }
}

/// One place where a phrase breaks the n-rule.
public struct NRuleIssue: Sendable, Equatable, CustomStringConvertible {
    /// Which word of the phrase (0-based, counting words only).
    public var wordIndex: Int
    /// The word as written.
    public var word: String
    /// The word after it, nil at the end of the phrase or before punctuation.
    public var next: String?
    /// The word as the rule wants it.
    public var corrected: String

    public init(wordIndex: Int, word: String, next: String?, corrected: String) {
        self.wordIndex = wordIndex
        self.word = word
        self.next = next
        self.corrected = corrected
    }

    /// True when the n should go; false when it should stay.
    public var shouldDrop: Bool { corrected.count < word.count }

    /// A short explanation for a learner.
    public var description: String {
        let fixed = next.map { "“\(corrected) \($0)”" } ?? "“\(corrected)”"
        if shouldDrop {
            let sound = next.flatMap(\.first).map { "\(AnswerText.fold($0))" } ?? "?"
            return "n-rule: “\(word)” loses its final n before “\(next ?? "")”, because \(sound) is not a vowel "
                + "or one of n, d, t, z, h: \(fixed)"
        }
        guard let next, let first = next.first else {
            return "n-rule: at the end of a sentence the n stays: \(fixed)"
        }
        let why: String
        if first.isNumber {
            why = "the number is said with a sound that keeps it"
        } else if NRule.isAcronym(next) {
            why = "the letter \(first) is said with a sound that keeps it"
        } else {
            let c = AnswerText.fold(first)
            why = "aeiouy".contains(c) ? "a vowel keeps it" : "\(c) is one of n, d, t, z, h, which keep it"
        }
        return "n-rule: “\(word)” needs its n before “\(next)” (\(why)): \(fixed)"
    }
}

/// A phrase cut into words and the text between them, so the rule can change words in place.
struct PhrasePieces {
    /// Words and separators in order; joined they give the phrase back.
    private(set) var parts: [String] = []
    /// Indices into `parts` of the words.
    private(set) var wordSlots: [Int] = []

    init(_ phrase: String) {
        var current = "", isWord = false
        func flush() {
            guard !current.isEmpty else { return }
            if isWord { wordSlots.append(parts.count) }
            parts.append(current)
            current = ""
        }
        let chars = Array(phrase)
        for (i, c) in chars.enumerated() {
            // Apostrophes and hyphens belong to a word when a letter follows (d'Kaz, Check-in).
            let joiner = (c == "'" || c == "\u{2019}" || c == "-") && i + 1 < chars.count
                && chars[i + 1].isLetter && isWord
            let wordChar = c.isLetter || c.isNumber || joiner
            if wordChar != isWord { flush(); isWord = wordChar }
            current.append(c)
        }
        flush()
    }

    /// The word after word `i` when only spaces come between; nil at the end or before punctuation.
    func next(afterWord i: Int) -> String? {
        guard i + 1 < wordSlots.count else { return nil }
        let gap = parts[(wordSlots[i] + 1) ..< wordSlots[i + 1]].joined()
        return gap.allSatisfy(\.isWhitespace) ? parts[wordSlots[i + 1]] : nil
    }

    /// True for the first word and words after . ! ? (their capital letter says nothing).
    func startsSentence(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let gap = parts[(wordSlots[i - 1] + 1) ..< wordSlots[i]].joined()
        return gap.contains { ".!?".contains($0) }
    }
}
