import LuxLearn

/// Verbs and nouns for the drill and study tests, copied from the LOD dictionary's entries
/// (GOEN1, SOEN1, KOMMEN1, IESSEN3, OPMAACHEN1, FUEREN1; KAZ1, HOND1, HAUS1, MANN1, DESCH1, ...).
enum DrillTestData {
    private static func cells(_ forms: [String]) -> [Person: [String]] {
        var result: [Person: [String]] = [:]
        for (person, cell) in zip(Person.allCases, forms) {
            result[person] = ConjugationTable.alternatives(inCell: cell)
        }
        return result
    }

    private static func imperative(_ du: String, _ dir: String) -> [Person: [String]] {
        [.secondSingular: ConjugationTable.alternatives(inCell: du), .secondPlural: ConjugationTable.alternatives(inCell: dir)]
    }

    static let goen = VerbItem(unit: "u1", table: ConjugationTable(
        infinitive: "goen", auxiliary: .sinn, participles: ["gaangen", "gaang"],
        forms: [.present: cells(["ginn", "gees", "geet", "ginn", "gitt", "ginn"]),
                .perfect: cells(["si gaangen / gaang", "bass gaangen / gaang", "ass gaangen / gaang",
                                 "si gaangen / gaang", "sidd gaangen / gaang", "si gaangen / gaang"]),
                .imperative: imperative("géi!", "gitt!")]),
        en: ["to go", "to walk"])

    static let soen = VerbItem(unit: "u1", table: ConjugationTable(
        infinitive: "soen", auxiliary: .hunn, participles: ["gesot"],
        forms: [.present: cells(["soen", "sees", "seet", "soen", "sot", "soen"]),
                .perfect: cells(["hu gesot", "hues gesot", "huet gesot", "hu gesot", "hutt gesot", "hu gesot"]),
                .imperative: imperative("so!", "sot!")]),
        en: ["to say", "to tell"])

    static let kommen = VerbItem(unit: "u1", table: ConjugationTable(
        infinitive: "kommen", auxiliary: .sinn, participles: ["komm"],
        forms: [.present: cells(["kommen", "kënns", "kënnt", "kommen", "kommt", "kommen"]),
                .perfect: cells(["si komm", "bass komm", "ass komm", "si komm", "sidd komm", "si komm"]),
                .imperative: imperative("komm!", "kommt!")]),
        en: ["to come"])

    static let iessen = VerbItem(unit: "u1", table: ConjugationTable(
        infinitive: "iessen", auxiliary: .hunn, participles: ["giess"],
        forms: [.present: cells(["iessen", "ëss", "ësst", "iessen", "iesst", "iessen"]),
                .perfect: cells(["hu giess", "hues giess", "huet giess", "hu giess", "hutt giess", "hu giess"]),
                .imperative: imperative("iess!", "iesst!")]),
        en: ["to eat"])

    /// LOD writes the reflexive use in brackets: "maachen (mech) op".
    static let opmaachen = VerbItem(unit: "u1", table: ConjugationTable(
        infinitive: "opmaachen", auxiliary: .hunn, participles: ["opgemaach", "opgemaacht"],
        forms: [.present: cells(["maachen (mech) op", "méchs (dech) op", "mécht (sech) op", "maachen (eis) op",
                                 "maacht (iech) op", "maachen (sech) op"]),
                .perfect: cells(["hunn (mech) opgemaach / opgemaacht", "hues (dech) opgemaach / opgemaacht",
                                 "huet (sech) opgemaach / opgemaacht", "hunn (eis) opgemaach / opgemaacht",
                                 "hutt (iech) opgemaach / opgemaacht", "hunn (sech) opgemaach / opgemaacht"]),
                .imperative: imperative("maach (dech) op!", "maacht (iech) op!")]),
        en: ["to open"], separablePrefix: "op")

    /// Only the present is written out: the perfect comes from auxiliary + participle.
    static let fueren = VerbItem(unit: "u1", table: ConjugationTable(
        infinitive: "fueren", auxiliary: .sinn, participles: ["gefuer"],
        forms: [.present: cells(["fueren", "fiers", "fiert", "fueren", "fuert", "fueren"])]),
        en: ["to drive", "to ride"])

    static let kaz = VocabItem(unit: "u1", lb: "Kaz", pos: .noun, gender: .feminine, plural: ["Kazen"], en: ["cat"])
    static let hond = VocabItem(unit: "u1", lb: "Hond", pos: .noun, gender: .masculine, plural: ["Hënn"], en: ["dog"])
    static let haus = VocabItem(unit: "u1", lb: "Haus", pos: .noun, gender: .neuter, plural: ["Haiser"], en: ["house"])
    static let mann = VocabItem(unit: "u1", lb: "Mann", pos: .noun, gender: .masculine, plural: ["Männer"],
                                en: ["man", "husband"])
    static let desch = VocabItem(unit: "u1", lb: "Dësch", pos: .noun, gender: .masculine, plural: ["Dëscher"], en: ["table"])
    static let gare = VocabItem(unit: "u1", lb: "Gare", pos: .noun, gender: .feminine, plural: ["Garen"],
                                en: ["(railway) station"])
    static let papp = VocabItem(unit: "u1", lb: "Papp", pos: .noun, gender: .masculine, plural: ["Pappen", "Päpp"],
                                en: ["father"])
    static let haut = VocabItem(unit: "u1", lb: "haut", pos: .adverb, en: ["today"])
    static let moien = PhraseItem(unit: "u1", lb: "Moien!", en: ["Hello!", "Good morning!"])
}
