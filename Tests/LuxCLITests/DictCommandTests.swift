import Foundation
import XCTest

/// `lux dict import`, `lux dict lookup` and `lux conjugate` end to end, on the LOD entries in
/// Tests/LuxLearnTests/Fixtures/lod.
final class DictCommandTests: XCTestCase {
    private var fixtures: String {
        LuxBinary.packageRoot.appendingPathComponent("Tests/LuxLearnTests/Fixtures/lod").path
    }

    /// A LUX_HOME with the fixtures imported.
    private func importedHome() throws -> String {
        let home = try LuxBinary.temporaryHome()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: home) }
        let r = try LuxBinary.run(["dict", "import", fixtures], home: home)
        XCTAssertEqual(r.status, 0, r.stderr)
        return home
    }

    func testImportPrintsCountsAndNoProgressBarWithoutATerminal() throws {
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let r = try LuxBinary.run(["dict", "import", fixtures], home: home)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "")
        XCTAssertTrue(r.stdout.hasPrefix("imported 42 entries and "), r.stdout)
        XCTAssertTrue(r.stdout.contains(" forms from \(fixtures) in "), r.stdout)
        XCTAssertEqual(r.stdout.filter { $0 == "\n" }.count, 1, r.stdout)
    }

    func testLookupSaysWhatAFormIs() throws {
        let home = try importedHome()
        let geet = try LuxBinary.run(["dict", "lookup", "GEET"], home: home)
        XCTAssertEqual(geet.status, 0, geet.stderr)
        let lines = geet.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.first, "GEET → goen (present 3sg)")
        XCTAssertTrue(lines.contains("goen  [GOEN1]  verb · perfect with sinn · past participle gaangen, gaang"), geet.stdout)
        XCTAssertTrue(geet.stdout.contains("  1. en: to go, to walk\n"), geet.stdout)

        let kenne = try LuxBinary.run(["dict", "lookup", "kenne"], home: home)
        XCTAssertTrue(kenne.stdout.contains("kenne → kënnen (n-rule: final n dropped)"), kenne.stdout)

        let phrase = try LuxBinary.run(["dict", "lookup", "ass", "gaangen"], home: home)
        XCTAssertEqual(phrase.stdout.split(separator: "\n").first, "ass gaangen → goen (perfect 3sg)")

        let json = try LuxBinary.run(["dict", "lookup", "geet", "--json"], home: home)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hits = try XCTUnwrap(object["hits"] as? [[String: Any]])
        XCTAssertEqual(hits.first?["id"] as? String, "GOEN1")
        XCTAssertEqual(hits.first?["description"] as? String, "present 3sg")
        let entry = try XCTUnwrap(hits.first?["entry"] as? [String: Any])
        XCTAssertEqual(entry["participles"] as? [String], ["gaangen", "gaang"])
    }

    func testNothingFoundSuggestsAndExitsOne() throws {
        let home = try importedHome()
        let r = try LuxBinary.run(["dict", "lookup", "gooen"], home: home)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.hasPrefix("no entry for “gooen”; did you mean: goen"), r.stdout)
        let conjugate = try LuxBinary.run(["conjugate", "gooen"], home: home)
        XCTAssertEqual(conjugate.status, 1)
        XCTAssertTrue(conjugate.stderr.hasPrefix("lux: no entry for “gooen”; did you mean: goen"), conjugate.stderr)
        let noun = try LuxBinary.run(["conjugate", "Kaz"], home: home)
        XCTAssertEqual(noun.status, 1)
        XCTAssertEqual(noun.stderr,
                       "lux: “Kaz” is not a verb with a conjugation table in the dictionary (found: Kaz, noun)\n")
    }

    func testConjugatePrintsTheAlignedTable() throws {
        let home = try importedHome()
        let r = try LuxBinary.run(["conjugate", "geet"], environment: ["COLUMNS": "80"], home: home)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "geet → goen (present 3sg)")
        XCTAssertTrue(lines.contains("perfect with sinn · past participle gaangen / gaang"), r.stdout)
        XCTAssertTrue(lines.contains("hien/hatt/si   geet      ass gaangen / gaang                 goung"), r.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("du ") && $0.contains("géi!") }, r.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, r.stdout)
        for tense in ["present", "perfect", "imperative", "imperfect", "pluperfect", "conditional", "past conditional"] {
            XCTAssertTrue(r.stdout.contains(tense), tense)
        }
        let json = try LuxBinary.run(["conjugate", "goen", "--json"], home: home)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let tables = try XCTUnwrap(object["tables"] as? [[String: Any]])
        let forms = try XCTUnwrap(tables.first?["forms"] as? [String: [String: [String]]])
        XCTAssertEqual(forms["present"]?["3sg"], ["geet"])
        XCTAssertEqual(forms["perfect"]?["1sg"], ["si gaangen", "si gaang"])
        XCTAssertEqual(forms["imperative"]?.keys.sorted(), ["2pl", "2sg"])
        // A verb with either auxiliary gets both tables.
        let both = try LuxBinary.run(["conjugate", "abriechen"], home: home)
        XCTAssertTrue(both.stdout.contains("perfect with hunn") && both.stdout.contains("perfect with sinn"), both.stdout)
    }

    func testBadInputIsOneLineAndExitOne() throws {
        let home = try LuxBinary.temporaryHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let empty = try LuxBinary.run(["dict", "lookup", "geet"], home: home)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.hasPrefix("lux: the dictionary is empty; import the LOD first"), empty.stderr)

        let missing = try LuxBinary.run(["dict", "import", home + "/nope"], home: home)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "lux: \(home)/nope: no such file or directory\n")

        let bad = home + "/bad.xml"
        try Data("<lod:LOD>\n<lod:ITEM>\n<lod:META lod:ID=\"X1\"/>\n</lod:LOD>\n".utf8).write(to: URL(fileURLWithPath: bad))
        let malformed = try LuxBinary.run(["dict", "import", bad], home: home)
        XCTAssertEqual(malformed.status, 1)
        XCTAssertEqual(malformed.stderr,
                       "lux: \(bad):4: malformed XML: the end tag </lod:LOD> does not match <lod:ITEM> opened at line 2\n")
        XCTAssertEqual(malformed.stdout, "")
    }
}
