/// Lines up the words of an expected answer with the words typed, and names what differs in
/// each pair: a diacritic, a capital, the n-rule, the auxiliary, a typo, or another word.
enum WordAlignment {
    /// What is wrong with `given` measured against `expected`. `verb` names the infinitive for
    /// auxiliary mistakes; `offset` is the position of `expected[0]` in the whole answer; `starts`
    /// are the positions (in the whole answer) of words that start a sentence, whose first letter's
    /// case is free.
    static func mistakes(expected: [String], given: [String], verb: String? = nil, offset: Int = 0,
                         starts: Set<Int> = [0]) -> [AnswerMistake] {
        var result: [AnswerMistake] = []
        var missing: [String] = [], extra: [String] = []
        func flush() {
            if !missing.isEmpty { result.append(.missingWords(missing)); missing = [] }
            if !extra.isEmpty { result.append(.extraWords(extra)); extra = [] }
        }
        for pair in align(expected, given) {
            switch (pair.expected, pair.given) {
            case let (e?, g?):
                flush()
                let next = e + 1 < expected.count ? expected[e + 1] : nil
                if let mistake = compare(expected[e], given[g], isFirst: starts.contains(e + offset), next: next,
                                         index: e + offset, verb: verb) {
                    result.append(mistake)
                }
            case let (e?, nil):
                missing.append(expected[e])
            case let (nil, g?):
                extra.append(given[g])
            case (nil, nil):
                break
            }
        }
        flush()
        return result
    }

    /// The total cost of the best alignment: 0 for equal answers, larger the further apart.
    static func distance(_ expected: [String], _ given: [String]) -> Int {
        table(expected, given)[expected.count][given.count]
    }

    /// What differs between two aligned words; nil when they are the same.
    static func compare(_ e: String, _ g: String, isFirst: Bool, next: String?, index: Int,
                        verb: String?) -> AnswerMistake? {
        if e == g || (isFirst && AnswerText.equalAtSentenceStart(e, g)) { return nil }
        if NRule.isVariant(e, g) {
            return .nRule(NRuleIssue(wordIndex: index, word: g, next: next, corrected: e))
        }
        if e.lowercased() == g.lowercased() { return .capitalization(expectedWord: e, givenWord: g) }
        if AnswerText.folded(e) == AnswerText.folded(g) {
            var slips: [DiacriticSlip] = []
            for (i, (ce, cg)) in zip(e, g).enumerated() where String(ce).lowercased() != String(cg).lowercased() {
                slips.append(DiacriticSlip(position: i + 1, expected: ce, given: cg))
            }
            return .diacritic(expectedWord: e, givenWord: g, slips: slips)
        }
        if let ea = AuxiliaryForms.auxiliary(of: e), let ga = AuxiliaryForms.auxiliary(of: g), ea != ga {
            return .auxiliary(expected: ea, given: ga, verb: verb)
        }
        if TypoDistance.between(e.lowercased(), g.lowercased()) == 1 {
            return .typo(expectedWord: e, givenWord: g)
        }
        return .wrongWord(expected: e, given: g)
    }

    /// How alike two words are, as the price of pairing them (an unpaired word costs 10).
    private static func cost(_ e: String, _ g: String) -> Int {
        if e == g { return 0 }
        let le = e.lowercased(), lg = g.lowercased()
        if le == lg { return 2 }
        if NRule.isVariant(le, lg) || AnswerText.folded(e) == AnswerText.folded(g) { return 4 }
        if AuxiliaryForms.auxiliary(of: le) != nil, AuxiliaryForms.auxiliary(of: lg) != nil { return 6 }
        let d = TypoDistance.between(le, lg)
        if d == 1 { return 6 }
        if d == 2, le.count >= 5 { return 12 }
        return 19
    }

    private static func table(_ e: [String], _ g: [String]) -> [[Int]] {
        var t = [[Int]](repeating: [Int](repeating: 0, count: g.count + 1), count: e.count + 1)
        for i in 0 ... e.count { t[i][0] = 10 * i }
        for j in 0 ... g.count { t[0][j] = 10 * j }
        if e.isEmpty || g.isEmpty { return t }
        for i in 1 ... e.count {
            for j in 1 ... g.count {
                t[i][j] = min(t[i - 1][j] + 10, t[i][j - 1] + 10, t[i - 1][j - 1] + cost(e[i - 1], g[j - 1]))
            }
        }
        return t
    }

    private struct Pair {
        var expected: Int?
        var given: Int?
    }

    private static func align(_ e: [String], _ g: [String]) -> [Pair] {
        let t = table(e, g)
        var pairs: [Pair] = []
        var i = e.count, j = g.count
        while i > 0 || j > 0 {
            if i > 0, j > 0, t[i][j] == t[i - 1][j - 1] + cost(e[i - 1], g[j - 1]) {
                pairs.append(Pair(expected: i - 1, given: j - 1))
                i -= 1
                j -= 1
            } else if i > 0, j == 0 || t[i][j] == t[i - 1][j] + 10 {
                pairs.append(Pair(expected: i - 1, given: nil))
                i -= 1
            } else {
                pairs.append(Pair(expected: nil, given: j - 1))
                j -= 1
            }
        }
        return pairs.reversed()
    }
}
