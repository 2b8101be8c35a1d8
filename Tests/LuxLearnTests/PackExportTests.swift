import Foundation
import LuxLearn
import LuxStore
import XCTest

/// Exported packs validate and import back to the same items.
final class PackExportTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    /// Imports `files`, exports the pack to a folder and a .zip, and checks both load to the same
    /// items (ids, kinds and payloads, in order) and re-import as a no-op.
    private func roundTrip(_ root: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let db = try makePackDatabase()
        let original = try loadPack(root)
        try PackImporter(database: db).importPack(original, at: t0)
        let directory = try makePackTemporaryDirectory()
        for name in ["exported", "exported.zip"] {
            let path = (directory as NSString).appendingPathComponent(name)
            try PackExporter.export(packID: original.manifest.id, database: db, to: path)
            let exported = try loadPack(path, file: file, line: line)
            XCTAssertEqual(exported.items.map(\.id), original.items.map(\.id), name, file: file, line: line)
            XCTAssertEqual(exported.items.map(\.content), original.items.map(\.content), name, file: file, line: line)
            XCTAssertEqual(exported.manifest, original.manifest, name, file: file, line: line)
            let again = try PackImporter(database: db).importPack(exported, at: t0)
            XCTAssertEqual(again.summary, PackImportSummary(unchanged: original.items.count), name, file: file, line: line)
        }
    }

    func testExampleRoundTrips() throws {
        try roundTrip(try PackFixtures.path("example"))
    }

    /// Text that needs escaping, forms with slashes, lists with " / " inside one entry, and
    /// verbs whose perfect is not the derived one or that have other tenses.
    func testAwkwardContentRoundTrips() throws {
        let unit = #"""
            unit = "basics"

            [[phrase]]
            id = "quote"
            lb = "Hie sot: \"Moien!\" \\ an dunn näischt."
            en = ["hello / hi (one gloss with a slash)", "and\\or"]
            note = "Tab:\there."

            [[grammar]]
            id = "g"
            title = "Quotes"
            body = """
            A line with three quotes: \"\"\" inside,
            and one ending in a quote: "
            \ttabbed and \\ backslashed."""

            [[verb]]
            id = "sinn"
            infinitive = "sinn"
            en = "to be"
            present = ["sinn", "bass", "ass", "sinn", "sidd", "sinn"]
            imperfect = ["war", "waars", "war", "waren", "waart", "waren"]
            auxiliary = "sinn"
            participle = "gewiescht"
            perfect = [["si gewiescht", "sinn gewiescht"], "bass gewiescht", "ass gewiescht", "si gewiescht", "sidd gewiescht", "si gewiescht"]
            imperative = ["sief!", "siet / sidd"]

            [[translation]]
            id = "t"
            direction = "lb-en"
            level = "A2"
            source = "Ech sinn hei."
            answers = "I am here. / I'm here."
            """#
        let root = try writePack(["pack.toml": packManifest(), "units/basics.toml": unit])
        let pack = try loadPack(root)
        guard case .verb(let sinn)? = pack.items.first(where: { $0.id == "sinn" })?.content else {
            return XCTFail("no verb")
        }
        XCTAssertEqual(sinn.table.forms(.imperative, .secondSingular), ["sief"])
        XCTAssertEqual(sinn.table.forms(.imperative, .secondPlural), ["siet", "sidd"])
        XCTAssertEqual(sinn.table.forms(.perfect, .firstSingular), ["si gewiescht", "sinn gewiescht"])
        XCTAssertEqual(sinn.table.forms(.imperfect, .firstPlural), ["waren"])
        try roundTrip(root)
    }

    func testExportRefusesAnExistingPathAndUnknownPack() throws {
        let db = try makePackDatabase()
        try PackImporter(database: db).importPack(try loadPack(try PackFixtures.path("example")), at: t0)
        let existing = try makePackTemporaryDirectory()
        XCTAssertThrowsError(try PackExporter.export(packID: "example-a1", database: db, to: existing)) {
            XCTAssertEqual($0 as? PackExportError, .destinationExists(existing))
        }
        XCTAssertThrowsError(try PackExporter.export(packID: "nope", database: db, to: existing + "/new")) {
            XCTAssertEqual("\($0)", #"no imported pack has the id "nope" (see lux pack list)"#)
        }
    }

    /// Exported files read as a teacher would write them.
    func testExportedUnitFileIsPlainTOML() throws {
        let db = try makePackDatabase()
        try PackImporter(database: db).importPack(try loadPack(try PackFixtures.path("example")), at: t0)
        let files = try PackExporter.files(packID: "example-a1", database: db)
        XCTAssertEqual(files.files.map(\.path), ["pack.toml", "units/family.toml", "units/greetings.toml"])
        let family = String(decoding: try XCTUnwrap(files["units/family.toml"]), as: UTF8.self)
        XCTAssertTrue(family.hasPrefix("unit = \"family\"\n\n[[vocab]]\nid = \"mamm\"\nlb = \"Mamm\"\npos = \"noun\"\n"
                                       + "gender = \"f\"\nplural = \"Mammen\"\nen = [\"mother\", \"mum\"]\n"), family)
        XCTAssertTrue(family.contains("""
            [[verb]]
            id = "goen"
            infinitive = "goen"
            en = "to go"
            present = ["ginn", "gees", "geet", "ginn", "gitt", "ginn"]
            auxiliary = "sinn"
            participle = ["gaangen", "gaang"]
            imperative = ["géi", "gitt"]
            example_lb = "D'Kanner ginn an d'Schoul."

            """), family)
    }
}
