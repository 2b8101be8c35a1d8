import Foundation
import LuxLearn
import LuxStore
import XCTest

/// Importing the LOD fixtures into a learner's database and looking words up in it.
final class DictionaryImportTests: XCTestCase {
    private func database() throws -> LuxDatabase {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("lux-dict-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return try LuxDatabase(path: (directory as NSString).appendingPathComponent("lux.sqlite"))
    }

    private func importedDictionary() throws -> LuxDictionary {
        let db = try database()
        _ = try DictionaryImporter.run(from: LODFixtures.directory(), into: db)
        return LuxDictionary(database: db)
    }

    func testImportCountsEntriesAndForms() throws {
        let db = try database()
        var reports: [LODReadProgress] = []
        let summary = try DictionaryImporter.run(from: LODFixtures.directory(), into: db) { reports.append($0) }
        let files = try LODFixtures.xmlFiles()
        let entries = try LODReader.entries(at: LODFixtures.directory())
        XCTAssertEqual(files.count, 42)
        XCTAssertEqual(summary.entries, files.count)
        XCTAssertEqual(summary.forms, entries.reduce(0) { $0 + $1.inflectedForms.count })
        XCTAssertGreaterThan(summary.forms, 600)
        XCTAssertEqual(try db.dictionaryEntryCount(), files.count)
        XCTAssertEqual(try db.dictionaryFormCount(), summary.forms)
        let size = try files.reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int ?? 0) }
        XCTAssertEqual(reports.last, LODReadProgress(bytesRead: size, totalBytes: size, entries: files.count))

        // The row keeps what lookups show; the payload keeps the whole entry.
        let record = try XCTUnwrap(try db.dictionaryEntry(id: "GOEN1"))
        XCTAssertEqual(record.headword, "goen")
        XCTAssertEqual(record.headwordNormalized, "goen")
        XCTAssertEqual(record.pos, "VRB")
        XCTAssertEqual(record.auxiliary, "sinn")
        XCTAssertEqual(record.pastParticiple, "gaangen")
        let goen = try XCTUnwrap(try LuxDictionary(database: db).entry(id: "GOEN1"))
        XCTAssertEqual(goen, entries.first { $0.id == "GOEN1" })
        XCTAssertEqual(try db.dictionaryEntry(id: "AGENDA1")?.gender, "m/f")
        XCTAssertEqual(try db.dictionaryEntry(id: "ABRIECHEN2")?.auxiliary, "hunn/sinn")
        XCTAssertEqual(try db.dictionaryEntry(id: "HAUS1")?.plurals, ["Haiser", "Haus"])
        let forms = try db.dictionaryForms(entryID: "GOEN1")
        XCTAssertEqual(forms.first { $0.form == "geet" }?.description, "present 3sg")
        XCTAssertEqual(forms.first { $0.form == "géi" }?.formNormalized, "gei")
    }

    func testLookupFindsHeadwordsAndInflectedForms() throws {
        let dictionary = try importedDictionary()
        let geet = try dictionary.lookup("geet")
        XCTAssertEqual(geet.hits.first?.entry.id, "GOEN1")
        XCTAssertEqual(geet.hits.first?.form, "geet")
        XCTAssertEqual(geet.hits.first?.formDescription, "present 3sg")
        XCTAssertEqual(geet.suggestions, [])
        // Case and diacritics do not matter; the dictionary's spelling is shown.
        XCTAssertEqual(try dictionary.lookup("GEET").hits.map(\.entry.id), geet.hits.map(\.entry.id))
        XCTAssertEqual(try dictionary.lookup("Géet").hits.first?.form, "geet")
        let kennen = try dictionary.lookup("kennen").hits.map(\.entry.id)
        XCTAssertEqual(kennen.first, "KENNEN2", "the exact spelling first")
        XCTAssertEqual(Set(kennen), ["KENNEN1", "KENNEN2", "KENNEN3"])
        XCTAssertEqual(Set(try dictionary.lookup("kënnen").hits.prefix(2).map(\.entry.id)), ["KENNEN1", "KENNEN3"])
        // The n-rule: "mir kënne goen".
        let kenne = try dictionary.lookup("kenne")
        XCTAssertTrue(kenne.hits.contains { $0.entry.id == "KENNEN1" && $0.restoredN })
        XCTAssertEqual(try dictionary.lookup("Haiser").hits.first.map { [$0.entry.id, $0.formDescription] }, ["HAUS1", "plural"])
        XCTAssertEqual(try dictionary.lookup("ass gaangen").hits.first?.formDescription, "perfect 3sg")
        XCTAssertEqual(try dictionary.lookup("gaangen").hits.first?.formDescription, "past participle")
        XCTAssertEqual(try dictionary.lookup("kann").hits.map(\.entry.id).first, "KENNEN1")
        // "géi" is an adjective (steep) and the imperative of goen; "géi!" too.
        XCTAssertEqual(Set(try dictionary.lookup("géi").hits.map(\.entry.id)), ["GEI1", "GOEN1"])
        XCTAssertEqual(Set(try dictionary.lookup("géi!").hits.map(\.entry.id)), ["GEI1", "GOEN1"])
        XCTAssertEqual(try dictionary.lookup("d’Haus").hits.first?.entry.id, "HAUS1")
        XCTAssertEqual(try dictionary.lookup("den Hond").hits.first?.entry.id, "HOND1")
        // The finite part of a separable verb leads to it, after the whole forms.
        let brecht = try dictionary.lookup("brécht")
        XCTAssertEqual(brecht.hits.first?.entry.id, "BRIECHEN1")
        XCTAssertEqual(brecht.related.map(\.entryID), ["ABRIECHEN2"])
        XCTAssertEqual(brecht.related.first?.formDescription, "present 3sg (in “brécht an”)")
        let stinn = try dictionary.lookup("stinn")
        XCTAssertEqual(stinn.hits.map(\.entry.id), ["OPSTOEN2"])
        XCTAssertEqual(stinn.hits.first?.isPartOfForm, true)
    }

    func testNothingFoundSuggestsCloseSpellings() throws {
        let dictionary = try importedDictionary()
        let gooen = try dictionary.lookup("gooen")
        XCTAssertEqual(gooen.hits, [])
        XCTAssertEqual(gooen.suggestions.first, DictionarySuggestion(text: "goen", headword: "goen", entryID: "GOEN1", distance: 1))
        // A swap of two letters is one edit; the suggestion shows the form and its headword.
        let gete = try dictionary.lookup("gete")
        XCTAssertTrue(gete.suggestions.contains(DictionarySuggestion(text: "geet", headword: "goen", entryID: "GOEN1", distance: 1)))
        XCTAssertEqual(try dictionary.lookup("Kazzen").suggestions.first?.text, "Kazen")
        XCTAssertEqual(try dictionary.lookup("xqzwv").suggestions, [])
        XCTAssertEqual(try dictionary.lookup("   ").hits, [])
    }

    func testSingleFileImportEqualsFolderImport() throws {
        let folder = try database()
        let folderSummary = try DictionaryImporter.run(from: LODFixtures.directory(), into: folder)
        let directory = (folder.path as NSString).deletingLastPathComponent
        let single = try database()
        let singleSummary = try DictionaryImporter.run(from: LODFixtures.singleFile(in: directory), into: single)
        XCTAssertEqual(singleSummary.entries, folderSummary.entries)
        XCTAssertEqual(singleSummary.forms, folderSummary.forms)
        for path in try LODFixtures.xmlFiles() {
            let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            XCTAssertEqual(try single.dictionaryEntry(id: id), try folder.dictionaryEntry(id: id), id)
            XCTAssertEqual(try single.dictionaryForms(entryID: id), try folder.dictionaryForms(entryID: id), id)
        }
    }

    func testMalformedFileFailsTheImportAndKeepsTheOldDictionary() throws {
        let dictionary = try importedDictionary()
        let db = dictionary.database
        let directory = (db.path as NSString).deletingLastPathComponent + "/lod"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try LODFixtures.xmlFiles()[0], toPath: directory + "/A1.xml")
        let broken = directory + "/B1.xml"
        try Data("<lod:LOD>\n  <lod:ITEM>\n    <lod:META lod:ID=\"B1\">\n  </lod:ITEM>\n</lod:LOD>\n".utf8)
            .write(to: URL(fileURLWithPath: broken))
        XCTAssertThrowsError(try DictionaryImporter.run(from: directory, into: db)) { error in
            XCTAssertEqual(error as? XMLSyntaxError, XMLSyntaxError(file: broken, line: 4,
                message: "the end tag </lod:ITEM> does not match <lod:META> opened at line 3"))
        }
        XCTAssertEqual(try db.dictionaryEntryCount(), 42)
        XCTAssertEqual(try dictionary.lookup("geet").hits.first?.entry.id, "GOEN1")

        // The same id twice is refused too.
        try FileManager.default.removeItem(atPath: broken)
        try FileManager.default.copyItem(atPath: directory + "/A1.xml", toPath: directory + "/A1-copy.xml")
        XCTAssertThrowsError(try DictionaryImporter.run(from: directory, into: db)) { error in
            XCTAssertEqual((error as? DictionaryImportError)?.description,
                           "\(directory)/A1.xml:3: entry id A1 is repeated (first in \(directory)/A1-copy.xml)")
        }
        XCTAssertEqual(try db.dictionaryEntryCount(), 42)

        XCTAssertThrowsError(try DictionaryImporter.run(from: directory + "/nothing-here", into: db)) { error in
            XCTAssertEqual("\(error)", "\(directory)/nothing-here: no such file or directory")
        }
        let empty = directory + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        XCTAssertThrowsError(try DictionaryImporter.run(from: empty, into: db)) { error in
            XCTAssertEqual(error as? DictionaryImportError, .noXMLFiles(directory: empty))
        }
    }

    /// Lookups stay far below what a person notices (the target is under 10 ms).
    func testLookupsAreFast() throws {
        let dictionary = try importedDictionary()
        let words = ["geet", "GEET", "kenne", "Haiser", "ass gaangen", "brécht"]
        for word in words { _ = try dictionary.lookup(word) } // warm up
        let clock = ContinuousClock()
        let rounds = 20
        let elapsed = try clock.measure {
            for _ in 0 ..< rounds { for word in words { _ = try dictionary.lookup(word) } }
        }
        let perLookup = elapsed / (rounds * words.count)
        print("dictionary lookup: \(perLookup) per word (fixtures)")
        XCTAssertLessThan(perLookup, Duration.milliseconds(10))
    }
}
