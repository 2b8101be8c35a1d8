import Foundation
import LuxLearn
import LuxStore
import XCTest

/// The whole LOD (about 27,000 entries, 160 MB of XML), imported once. The folder is
/// `LUX_LOD_DIR` when set (the XML folder, or the folder holding XML/ and index.csv), else
/// shared/lod/XML beside the repository; the test is skipped only when that folder is absent.
final class DictionaryFullImportTests: XCTestCase {
    func testTheWholeLODImports() throws {
        let folder = Self.lodFolder()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw XCTSkip("no LOD XML folder at \(folder) (set LUX_LOD_DIR)")
        }
        let stems = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }
            .map { String($0.dropLast(4)) }
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("lux-dict-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        let db = try LuxDatabase(path: (directory as NSString).appendingPathComponent("lux.sqlite"))

        let summary = try DictionaryImporter.run(from: folder, into: db)
        print("LOD import: \(summary.entries) entries, \(summary.forms) forms in \(String(format: "%.2f", summary.seconds)) s")
        // One <lod:ITEM> per file, its id the file's name.
        XCTAssertEqual(summary.entries, stems.count)
        XCTAssertEqual(try db.dictionaryEntryCount(), stems.count)
        XCTAssertEqual(try db.dictionaryFormCount(), summary.forms)
        XCTAssertGreaterThan(summary.forms, 100_000)
        XCTAssertLessThan(summary.seconds, 60)
        for stem in stems.shuffled().prefix(100) {
            XCTAssertNotNil(try db.dictionaryEntry(id: stem), stem)
        }

        // index.csv ("ID,headword", no header) comes from a slightly different LOD release than the
        // XML: it lists ids that have no file and misses some files, and a few headwords were
        // respelled since. Where both have an id, nearly every headword must agree ("_" is a space).
        let index = ((folder as NSString).deletingLastPathComponent as NSString).appendingPathComponent("index.csv")
        if let text = try? String(contentsOfFile: index, encoding: .utf8) {
            let rows = text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", maxSplits: 1).map(String.init) }
            XCTAssertNotEqual(rows.first?.first, "id", "index.csv has no header line")
            let files = Set(stems)
            let shared = rows.filter { $0.count == 2 && files.contains($0[0]) }
            // Every 10th row: the rows are alphabetical, so that covers the whole index quickly.
            let sample = stride(from: 0, to: shared.count, by: 10).map { shared[$0] }
            var agreeing = 0
            for row in sample where try db.dictionaryEntry(id: row[0])?.headword == row[1].replacingOccurrences(of: "_", with: " ") {
                agreeing += 1
            }
            print("LOD index.csv: \(rows.count) lines, \(shared.count) with an XML file; \(agreeing) of \(sample.count) sampled agree")
            XCTAssertGreaterThan(shared.count, rows.count * 95 / 100)
            XCTAssertGreaterThan(agreeing, sample.count * 99 / 100)
        }

        let dictionary = LuxDictionary(database: db)
        XCTAssertEqual(try dictionary.lookup("geet").hits.first?.entry.id, "GOEN1")
        XCTAssertEqual(try dictionary.lookup("GEET").hits.first?.formDescription, "present 3sg")
        XCTAssertTrue(try dictionary.lookup("kenne").hits.contains { $0.entry.id == "KENNEN1" })
        XCTAssertEqual(try dictionary.lookup("bekannt maachen").hits.first?.entry.headword, "bekannt maachen")
        let clock = ContinuousClock()
        var found = DictionaryLookup(query: "", hits: [], related: [], suggestions: [])
        let lookup = try clock.measure { found = try dictionary.lookup("geet") }
        let suggest = try clock.measure { found = try dictionary.lookup("gooen") }
        print("LOD lookup: geet \(lookup), gooen with suggestions \(suggest)")
        XCTAssertEqual(found.suggestions.first?.text, "goen")
        XCTAssertLessThan(lookup, Duration.milliseconds(50))
    }

    static func lodFolder() -> String {
        if let value = ProcessInfo.processInfo.environment["LUX_LOD_DIR"], !value.isEmpty {
            let nested = (value as NSString).appendingPathComponent("XML")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: nested, isDirectory: &isDirectory), isDirectory.boolValue {
                return nested
            }
            return value
        }
        // Tests/LuxLearnTests/<this file> -> the repository -> shared/lod/XML beside it.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repository.deletingLastPathComponent().appendingPathComponent("shared/lod/XML").path
    }
}
