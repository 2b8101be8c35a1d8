import Foundation
import LuxLearn
import LuxStore
import XCTest

/// Importing packs into the store: items, cards, versions, retiring and restoring.
final class PackImportTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    func testImportFolderAddsItemsAndCards() throws {
        let db = try makePackDatabase()
        let pack = try loadPack(try PackFixtures.path("example"))
        let result = try PackImporter(database: db).importPack(pack, at: t0)
        XCTAssertEqual(result.summary, PackImportSummary(added: 21))
        XCTAssertNil(result.previousVersion)
        // 9 nouns and 3 phrases, two cards each; heeschen and wunnen 12 cards, goen 14 (imperative).
        XCTAssertEqual(result.cardsAdded, 12 * 2 + 12 + 12 + 14)
        XCTAssertEqual(result.description,
                       "example-a1 1.0 (new): 21 added, 0 updated, 0 unchanged, 0 retired, 0 restored; 62 new cards")

        let record = try XCTUnwrap(try db.pack(id: "example-a1"))
        XCTAssertEqual(record.version, "1.0")
        XCTAssertEqual(record.level, "A1")
        XCTAssertEqual(record.licence, "CC-BY-4.0")
        let items = try db.items(packID: "example-a1")
        XCTAssertEqual(items.map(\.id), pack.items.map(\.id))
        XCTAssertEqual(items.first?.kind, .unit)
        XCTAssertEqual(try items.first?.decodePayload(as: UnitInfo.self),
                       UnitInfo(id: "greetings", title: "Hello and goodbye", level: .a1, theme: "people"))
        let goen = try XCTUnwrap(items.first { $0.id == "goen" })
        XCTAssertEqual(try goen.decodePayload(as: VerbItem.self).table.forms(.perfect, .thirdSingular),
                       ["ass gaangen", "ass gaang"])

        let variants = Set(try db.cards(packID: "example-a1").filter { $0.itemID == "goen" }.map(\.variant))
        XCTAssertEqual(variants, Set(["present", "perfect"].flatMap { tense in
            Person.allCases.map { "conj:\(tense):\($0.code)" }
        } + ["conj:imperative:2sg", "conj:imperative:2pl"]))
        let mamm = try db.cards(packID: "example-a1").filter { $0.itemID == "mamm" }.map(\.variant)
        XCTAssertEqual(mamm.sorted(), ["production", "recognition"])
        XCTAssertTrue(try db.cards(packID: "example-a1").allSatisfy { $0.isNew && $0.due == t0 })
        XCTAssertEqual(try db.cards(packID: "example-a1").filter { $0.itemID == "n-rule" }.count, 0)
    }

    func testZipImportsTheSameAsTheFolder() throws {
        let folder = try PackFixtures.path("example")
        let directory = try makePackTemporaryDirectory()
        let zip = (directory as NSString).appendingPathComponent("example.zip")
        try PackExporter.write(try PackReader.read(folder), to: zip)
        let fromZip = try loadPack(zip)
        let fromFolder = try loadPack(folder)
        XCTAssertEqual(fromZip.items, fromFolder.items)
        XCTAssertEqual(fromZip.manifest, fromFolder.manifest)

        // Zipping the folder itself puts everything under "example/": that is found too.
        let nested = PackFiles(files: try PackReader.read(folder).files.map {
            PackFiles.File(path: "example/\($0.path)", data: $0.data)
        })
        let nestedZip = (directory as NSString).appendingPathComponent("nested.zip")
        try PackExporter.write(nested, to: nestedZip)
        XCTAssertEqual(try loadPack(nestedZip).items, fromFolder.items)

        let db = try makePackDatabase()
        let result = try PackImporter(database: db).importPack(fromZip, at: t0)
        XCTAssertEqual(result.summary.added, 21)
        XCTAssertEqual(try db.pack(id: "example-a1")?.sourcePath, zip)
    }

    func testSameVersionAgainIsANoOp() throws {
        let db = try makePackDatabase()
        let pack = try loadPack(try PackFixtures.path("example"))
        let importer = PackImporter(database: db)
        try importer.importPack(pack, at: t0)
        let again = try importer.importPack(pack, at: t0.addingTimeInterval(3600))
        XCTAssertEqual(again.summary, PackImportSummary(unchanged: 21))
        XCTAssertEqual(again.cardsAdded, 0)
        XCTAssertEqual(again.previousVersion, "1.0")
        XCTAssertEqual(try db.pack(id: "example-a1")?.importedAt, t0, "a no-op import writes nothing")
        XCTAssertTrue(again.description.contains("(already imported)"))
    }

    func testSameVersionWithOtherContentOrOlderVersionIsRefused() throws {
        let db = try makePackDatabase()
        let importer = PackImporter(database: db)
        try importer.importPack(try loadPack(try writePack(basicsPack(version: "1.2", words: ["kaz"]))), at: t0)
        let changed = try loadPack(try writePack(basicsPack(version: "1.2", words: ["kaz", "hond"])))
        XCTAssertThrowsError(try importer.importPack(changed, at: t0)) { error in
            XCTAssertEqual(error as? PackImportError, .sameVersionChanged(pack: "test-pack", version: "1.2"))
            XCTAssertEqual("\(error)", "pack test-pack version 1.2 is already imported with other content; "
                           + "raise version in pack.toml to update it")
        }
        let older = try loadPack(try writePack(basicsPack(version: "1.1.9", words: ["kaz"])))
        XCTAssertThrowsError(try importer.importPack(older, at: t0)) { error in
            XCTAssertEqual(error as? PackImportError, .olderVersion(pack: "test-pack", version: "1.1.9", installed: "1.2"))
        }
        XCTAssertEqual(try db.items(packID: "test-pack").map(\.id), ["basics", "kaz"], "nothing changed")
    }

    /// A newer version updates changed items, adds new ones and retires dropped ones, and every
    /// card keeps its reviews; a later version that brings an item back restores it with its history.
    func testNewerVersionKeepsProgressRetiresAndRestores() throws {
        let db = try makePackDatabase()
        let importer = PackImporter(database: db)
        let v1 = try importer.importPack(try loadPack(try writePack(basicsPack(version: "1.0", words: ["kaz", "hond", "bam"]))), at: t0)
        XCTAssertEqual(v1.summary, PackImportSummary(added: 4))
        XCTAssertEqual(v1.cardsAdded, 6)

        // The learner reviews kaz and bam.
        let t1 = t0.addingTimeInterval(600)
        for word in ["kaz", "bam"] {
            let card = try XCTUnwrap(try db.card(key: CardKey(packID: "test-pack", itemID: word, variant: "recognition")))
            let next = CardSchedule(state: 2, step: nil, stability: 3.2, difficulty: 5.1, due: t1.addingTimeInterval(86_400 * 3),
                                    lastReview: t1, reps: 1, lapses: 0)
            try db.recordReview(cardID: try XCTUnwrap(card.id), rating: 3, at: t1, newSchedule: next)
        }

        // 1.1: kaz gets another gloss, hond stays, bam is dropped, blumm is new.
        let t2 = t0.addingTimeInterval(7200)
        let v2 = try importer.importPack(try loadPack(try writePack(basicsPack(
            version: "1.1", words: ["kaz", "hond", "blumm"], glosses: ["kaz": "cat / puss"]))), at: t2)
        XCTAssertEqual(v2.summary, PackImportSummary(added: 1, updated: 1, unchanged: 2, retired: 1))
        XCTAssertEqual(v2.cardsAdded, 2)
        XCTAssertEqual(v2.previousVersion, "1.0")
        XCTAssertEqual(try db.pack(id: "test-pack")?.version, "1.1")

        let kazCard = try XCTUnwrap(try db.card(key: CardKey(packID: "test-pack", itemID: "kaz", variant: "recognition")))
        XCTAssertEqual(kazCard.reps, 1, "the changed item's card keeps its progress")
        XCTAssertEqual(kazCard.lastReview, t1)
        XCTAssertEqual(try db.reviewLog(cardID: try XCTUnwrap(kazCard.id)).count, 1)
        XCTAssertEqual(try db.item(packID: "test-pack", id: "kaz")?.decodePayload(as: VocabItem.self).en, ["cat", "puss"])

        let bam = try XCTUnwrap(try db.item(packID: "test-pack", id: "bam"))
        XCTAssertTrue(bam.retired, "a dropped item is retired, not deleted")
        let bamCard = try XCTUnwrap(try db.card(key: CardKey(packID: "test-pack", itemID: "bam", variant: "recognition")))
        XCTAssertEqual(try db.reviewLog(cardID: try XCTUnwrap(bamCard.id)).count, 1)
        XCTAssertFalse(try db.dueCards(at: t1.addingTimeInterval(86_400 * 10), limit: 50).contains { $0.itemID == "bam" })
        XCTAssertFalse(try db.newCards(limit: 50).contains { $0.itemID == "bam" })
        XCTAssertEqual(try db.items(packID: "test-pack").map(\.id), ["basics", "kaz", "hond", "blumm"])

        // 1.2 brings bam back: restored, with its review history.
        let v3 = try importer.importPack(try loadPack(try writePack(basicsPack(
            version: "1.2", words: ["kaz", "hond", "blumm", "bam"], glosses: ["kaz": "cat / puss"]))), at: t2)
        XCTAssertEqual(v3.summary, PackImportSummary(unchanged: 4, restored: 1))
        XCTAssertEqual(v3.cardsAdded, 0)
        XCTAssertFalse(try XCTUnwrap(try db.item(packID: "test-pack", id: "bam")).retired)
        let restored = try XCTUnwrap(try db.card(key: CardKey(packID: "test-pack", itemID: "bam", variant: "recognition")))
        XCTAssertEqual(restored.reps, 1)
        XCTAssertEqual(try db.reviewLog(cardID: try XCTUnwrap(restored.id)).count, 1)

        let listing = try XCTUnwrap(try PackCatalog.list(db).first)
        XCTAssertEqual(listing.items, 4)
        XCTAssertEqual(listing.units, 1)
        XCTAssertEqual(listing.retired, 0)
        XCTAssertEqual(listing.cards, 8)
    }

    func testPackVersionsCompareNumberByNumber() throws {
        func v(_ s: String) throws -> PackVersion { try XCTUnwrap(PackVersion(s), s) }
        XCTAssertLessThan(try v("1.9"), try v("1.10"))
        XCTAssertEqual(try v("1.0"), try v("1.0.0"))
        XCTAssertLessThan(try v("1.0"), try v("1.0.1"))
        for bad in ["", "1.", "v1", "1.0-beta", "1..2", "1.2.3.4.5", "١.٢"] {
            XCTAssertNil(PackVersion(bad), bad)
        }
    }
}

/// A pack with one unit "basics" holding nouns, each with gender and an English gloss.
func basicsPack(version: String, words: [String], glosses: [String: String] = [:]) -> [String: String] {
    let known: [String: (lb: String, gender: String, en: String)] = [
        "kaz": ("Kaz", "f", "cat"), "hond": ("Hond", "m", "dog"), "bam": ("Bam", "m", "tree"),
        "blumm": ("Blumm", "f", "flower"),
    ]
    var unit = "unit = \"basics\"\n"
    for word in words {
        guard let entry = known[word] else { continue }
        unit += """

            [[vocab]]
            id = "\(word)"
            lb = "\(entry.lb)"
            gender = "\(entry.gender)"
            en = "\(glosses[word] ?? entry.en)"

            """
    }
    return ["pack.toml": packManifest(version: version), "units/basics.toml": unit]
}
