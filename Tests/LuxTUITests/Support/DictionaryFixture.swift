import Foundation
import LuxLearn
import LuxStore

/// A two-entry dictionary (Haus, goen), written the way `lux dict import` writes the LOD.
enum DictionaryFixture {
    static func install(into database: LuxDatabase) throws {
        let goen = ConjugationTable(
            infinitive: "goen", auxiliary: .sinn, participles: ["gaangen"],
            forms: [.present: [.firstSingular: ["ginn"], .secondSingular: ["gees"], .thirdSingular: ["geet"],
                               .firstPlural: ["ginn"], .secondPlural: ["gitt"], .thirdPlural: ["ginn"]],
                    .perfect: [.firstSingular: ["si gaangen"], .secondSingular: ["bass gaangen"], .thirdSingular: ["ass gaangen"],
                               .firstPlural: ["si gaangen"], .secondPlural: ["sidd gaangen"], .thirdPlural: ["si gaangen"]]])
        let entries = [
            DictionaryEntry(id: "HAUS1", headword: "Haus", lodPartOfSpeech: "SUBST", genders: [.neuter], plurals: ["Haiser"],
                            senses: [DictionarySense(de: [DictionaryEquivalent("Haus")], en: [DictionaryEquivalent("house")],
                                                     examples: [DictionaryExample("D'Haus ass grouss.", gloss: "The house is big.")])]),
            DictionaryEntry(id: "GOEN1", headword: "goen", lodPartOfSpeech: "VRB", auxiliaries: [.sinn], participles: ["gaangen"],
                            conjugations: [goen],
                            senses: [DictionarySense(en: [DictionaryEquivalent("to go"), DictionaryEquivalent("to walk")],
                                                     examples: [DictionaryExample("Ech ginn heem.", gloss: "I am going home.")])]),
        ]
        let encoder = JSONEncoder()
        var records: [DictionaryEntryRecord] = []
        var forms: [DictionaryFormRecord] = []
        for entry in entries {
            records.append(DictionaryEntryRecord(
                id: entry.id, headword: entry.headword, headwordNormalized: DictionaryKey.normalize(entry.headword),
                pos: entry.lodPartOfSpeech, gender: entry.genders.first?.rawValue, plurals: entry.plurals,
                auxiliary: entry.auxiliaries.first?.rawValue, pastParticiple: entry.participles.first,
                payload: String(decoding: try encoder.encode(entry), as: UTF8.self)))
            forms += entry.inflectedForms.map {
                DictionaryFormRecord(form: $0.form, formNormalized: DictionaryKey.normalize($0.form), entryID: entry.id,
                                     description: $0.description)
            }
        }
        try database.replaceDictionary(entries: records, forms: forms)
    }
}
