import Foundation
import LuxStore
import XCTest

final class DictionaryQueryTests: XCTestCase {
    private func entry(_ id: String, _ headword: String, pos: String = "VRB", auxiliary: String? = nil,
                       participle: String? = nil) -> DictionaryEntryRecord {
        DictionaryEntryRecord(id: id, headword: headword, headwordNormalized: headword.lowercased(), pos: pos,
                              gender: pos == "SUBST" ? "n" : nil, plurals: pos == "SUBST" ? ["Haiser"] : [],
                              auxiliary: auxiliary, pastParticiple: participle,
                              payload: #"{"en":["\#(headword) (en)"]}"#)
    }

    private func form(_ form: String, _ entryID: String, _ description: String) -> DictionaryFormRecord {
        DictionaryFormRecord(form: form, formNormalized: form.lowercased(), entryID: entryID, description: description)
    }

    private func filledDatabase() throws -> LuxDatabase {
        let db = try makeDatabase()
        try db.replaceDictionary(
            entries: [
                entry("GINN1", "ginn", auxiliary: "sinn", participle: "ginn"),
                entry("GESS1", "gëss", pos: "ADJ"),
                entry("HAUS1", "Haus", pos: "SUBST"),
                entry("HAUSEN1", "hausen", auxiliary: "hunn", participle: "gehaust"),
            ],
            forms: [
                form("ginn", "GINN1", "infinitive"),
                form("gëss", "GINN1", "present 2sg"),
                form("gëtt", "GINN1", "present 3sg"),
                form("Haiser", "HAUS1", "plural"),
            ])
        return db
    }

    func testLookupFindsHeadwordsThenForms() throws {
        let db = try filledDatabase()
        XCTAssertEqual(try db.dictionaryEntryCount(), 4)
        let matches = try db.dictionaryLookup("gëss")
        XCTAssertEqual(matches.map(\.entry.id), ["GESS1", "GINN1"])
        XCTAssertEqual(matches.map(\.formDescription), [nil, "present 2sg"])
        XCTAssertEqual(matches.last?.form, "gëss")
        XCTAssertEqual(matches.last?.entry, entry("GINN1", "ginn", auxiliary: "sinn", participle: "ginn"))
        XCTAssertEqual(try db.dictionaryLookup("haiser").map(\.entry.plurals), [["Haiser"]])
        XCTAssertEqual(try db.dictionaryLookup("gëss", limit: 1).count, 1)
        XCTAssertEqual(try db.dictionaryLookup("nothing"), [])
        XCTAssertEqual(try db.dictionaryEntries(headword: "haus").map(\.id), ["HAUS1"])
        XCTAssertEqual(try db.dictionaryEntry(id: "HAUSEN1")?.pastParticiple, "gehaust")
        XCTAssertEqual(try db.dictionaryForms(entryID: "GINN1").map(\.form), ["ginn", "gëss", "gëtt"])
    }

    func testPrefixSearchUsesNormalizedHeadwords() throws {
        let db = try filledDatabase()
        XCTAssertEqual(try db.dictionarySearch(prefix: "hau").map(\.id), ["HAUS1", "HAUSEN1"])
        XCTAssertEqual(try db.dictionarySearch(prefix: "hau", limit: 1).map(\.id), ["HAUS1"])
        XCTAssertEqual(try db.dictionarySearch(prefix: "g").map(\.id), ["GINN1", "GESS1"]) // "i" < "ë" in UTF-8
        XCTAssertEqual(try db.dictionarySearch(prefix: "gë").map(\.id), ["GESS1"])
        XCTAssertEqual(try db.dictionarySearch(prefix: "x"), [])
    }

    func testReplacingTheDictionaryIsAllOrNothing() throws {
        let db = try filledDatabase()
        // The second entry's payload is not JSON: the import fails and the old dictionary stays.
        var bad = entry("NEI1", "nei", pos: "ADV")
        bad.payload = "not json"
        assertStoreError(try db.replaceDictionary(entries: [entry("JO1", "jo", pos: "ADV"), bad], forms: []),
                         contains: [db.path])
        XCTAssertEqual(try db.dictionaryEntryCount(), 4)
        try db.replaceDictionary(entries: [entry("JO1", "jo", pos: "ADV")], forms: [form("jo", "JO1", "adverb")])
        XCTAssertEqual(try db.dictionaryEntryCount(), 1)
        XCTAssertEqual(try db.dictionaryLookup("ginn"), [])
        XCTAssertEqual(try db.dictionaryLookup("jo").count, 2)
    }
}
