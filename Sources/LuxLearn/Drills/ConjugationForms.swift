/// The answers a conjugation drill accepts for one cell of a table, and the pronouns that go with them.
public enum ConjugationForms {
    /// The accepted verb forms for `tense` and `person`, without pronoun, the usual one first:
    /// each spelling in the table, an optional part in brackets ("hunn (mech) gehat") left out and
    /// then put in, with the n-rule applied ("hu gehat", "hu mech gehat"). A perfect the table does
    /// not spell out is made from its auxiliary and participles ("bass" + "gaangen"). Empty when
    /// the table cannot give the cell.
    public static func answers(_ table: ConjugationTable, _ tense: Tense, _ person: Person) -> [String] {
        var cells = table.forms(tense, person).flatMap { cell in
            cell.contains("/") ? ConjugationTable.alternatives(inCell: cell) : [cell]
        }
        if cells.isEmpty, tense == .perfect, let auxiliary = table.auxiliary {
            cells = table.participles.map { AuxiliaryForms.present(auxiliary, person) + " " + $0 }
        }
        var result: [String] = []
        for cell in cells {
            for variant in optionalParts(cell) {
                let form = NRule.apply(to: variant)
                if !form.isEmpty, !result.contains(form) { result.append(form) }
            }
        }
        return result
    }

    /// The accepted answers with a subject pronoun in front ("du bass gaangen", "hie geet",
    /// "hien ass"); the imperative has none.
    public static func answersWithPronoun(_ table: ConjugationTable, _ tense: Tense, _ person: Person) -> [String] {
        guard tense != .imperative else { return [] }
        var result: [String] = []
        for form in answers(table, tense, person) {
            for pronoun in pronouns(person) {
                let phrase = NRule.apply(to: pronoun + " " + form)
                if !result.contains(phrase) { result.append(phrase) }
            }
        }
        return result
    }

    /// Subject pronouns for `person`, the usual one first.
    public static func pronouns(_ person: Person) -> [String] {
        switch person {
        case .firstSingular: ["ech"]
        case .secondSingular: ["du"]
        case .thirdSingular: ["hien", "hatt", "si", "et"]
        case .firstPlural: ["mir"]
        case .secondPlural: ["dir"]
        case .thirdPlural: ["si"]
        }
    }

    /// The persons a subject pronoun (full or n-rule short: "hie") can stand for; empty if none.
    static func persons(ofPronoun word: String) -> [Person] {
        let w = word.lowercased()
        let full = NRule.fullForm(ofShort: w) ?? w
        return Person.allCases.filter { pronouns($0).contains(full) }
    }

    /// `cell` without and with its bracketed parts: "maachen (mech) op" -> ["maachen op", "maachen mech op"].
    static func optionalParts(_ cell: String) -> [String] {
        let without = removeBrackets(cell, keepInside: false)
        let with = removeBrackets(cell, keepInside: true)
        return without == with ? [without] : [without, with]
    }

    private static func removeBrackets(_ text: String, keepInside: Bool) -> String {
        var out = "", depth = 0
        for c in text {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 || keepInside { out.append(c) }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: " !", with: "!")
    }
}
