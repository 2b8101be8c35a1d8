import Foundation
import LuxStore
import XCTest

final class PackQueryTests: XCTestCase {
    func testImportAddsItemsInOrder() throws {
        let db = try makeDatabase()
        let summary = try db.importPack(samplePack(), items: sampleItems(3), at: t0)
        XCTAssertEqual(summary, PackImportSummary(added: 3))
        XCTAssertEqual(try db.pack(id: "a1-basics"), samplePack())
        let items = try db.items(packID: "a1-basics")
        XCTAssertEqual(items.map(\.id), ["w0", "w1", "w2"])
        XCTAssertEqual(items.map(\.position), [0, 1, 2])
        XCTAssertEqual(items.map(\.updatedAt), [t0, t0, t0])
        XCTAssertFalse(items.contains(where: \.retired))
    }

    func testReimportUpdatesRetiresAndRestoresKeepingProgress() throws {
        let db = try makeDatabase()
        try db.importPack(samplePack(), items: sampleItems(3), at: t0)
        try db.addCards([CardKey(packID: "a1-basics", itemID: "w2", variant: "recognition")], due: t0, at: t0)
        let card = try XCTUnwrap(db.card(key: CardKey(packID: "a1-basics", itemID: "w2", variant: "recognition")))
        try db.recordReview(cardID: try XCTUnwrap(card.id), rating: 3, at: t0,
                            newSchedule: reviewedSchedule(after: card.schedule, at: t0, stability: 3))

        // v2 changes w1's content and drops w2.
        let t1 = t0.addingTimeInterval(3600)
        var v2 = sampleItems(2)
        v2[1].payload = #"{"lb":"neit Wuert","en":"new word"}"#
        let s2 = try db.importPack(samplePack(version: "2.0.0"), items: v2, at: t1)
        XCTAssertEqual(s2, PackImportSummary(updated: 1, unchanged: 1, retired: 1))
        XCTAssertEqual(try db.pack(id: "a1-basics")?.version, "2.0.0")
        XCTAssertEqual(try db.items(packID: "a1-basics").map(\.id), ["w0", "w1"])
        let all = try db.items(packID: "a1-basics", includeRetired: true)
        XCTAssertEqual(all.map(\.id), ["w0", "w1", "w2"])
        XCTAssertEqual(all.map(\.retired), [false, false, true])
        XCTAssertEqual(all.map(\.updatedAt), [t0, t1, t1])
        XCTAssertEqual(try db.item(packID: "a1-basics", id: "w1")?.payload, v2[1].payload)
        // A retired item's card is not offered, but keeps its progress.
        XCTAssertEqual(try db.dueCards(at: t0.addingTimeInterval(10 * 86_400), limit: 10), [])
        XCTAssertEqual(try db.cardCounts(at: t1), CardCounts(total: 0, new: 0, due: 0))

        // v3 brings w2 back: it is restored, with its card's progress.
        let s3 = try db.importPack(samplePack(version: "3.0.0"), items: sampleItems(3), at: t1)
        XCTAssertEqual(s3, PackImportSummary(updated: 1, unchanged: 1, restored: 1))
        let due = try db.dueCards(at: t0.addingTimeInterval(10 * 86_400), limit: 10)
        XCTAssertEqual(due.map(\.id), [card.id])
        XCTAssertEqual(due.first?.reps, 1)
    }

    func testDuplicateItemIdsAndBadJSONAreRefused() throws {
        let db = try makeDatabase()
        var items = sampleItems(2)
        items[1].id = "w0"
        assertStoreError(try db.importPack(samplePack(), items: items), contains: [db.path, "a1-basics", "\"w0\" appears twice"])
        items = sampleItems(2)
        items[1].payload = "{not json"
        assertStoreError(try db.importPack(samplePack(), items: items), contains: [db.path, "item w1", "not valid JSON"])
        XCTAssertEqual(try db.packs(), [])
    }

    func testItemContentEncodesPayloads() throws {
        struct Vocab: Codable, Equatable { var lb: String; var en: String }
        let db = try makeDatabase()
        let content = try ItemContent(id: "haus", kind: .vocab, content: Vocab(lb: "Haus", en: "house"))
        XCTAssertEqual(content.payload, #"{"en":"house","lb":"Haus"}"#)
        try db.importPack(samplePack(), items: [content])
        let item = try XCTUnwrap(db.item(packID: "a1-basics", id: "haus"))
        XCTAssertEqual(try item.decodePayload(as: Vocab.self), Vocab(lb: "Haus", en: "house"))
    }

    func testDeletingAPackRemovesItsItemsAndCards() throws {
        let db = try makeDatabase()
        try db.importPack(samplePack(), items: sampleItems(2))
        try db.addCards([CardKey(packID: "a1-basics", itemID: "w0", variant: "recognition")], due: t0)
        XCTAssertTrue(try db.deletePack(id: "a1-basics"))
        XCTAssertFalse(try db.deletePack(id: "a1-basics"))
        XCTAssertEqual(try db.items(packID: "a1-basics", includeRetired: true), [])
        XCTAssertEqual(try db.cards(packID: "a1-basics"), [])
    }
}
