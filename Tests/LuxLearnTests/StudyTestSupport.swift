import Foundation
import LuxLearn
import LuxStore
import XCTest

/// 2023-11-14 22:13:20 UTC: late evening of the study day that began at 04:00 UTC.
let studyT0 = Date(timeIntervalSince1970: 1_700_000_000)
let utc = TimeZone(identifier: "UTC")!

extension XCTestCase {
    /// A fresh database in a temporary directory (as LUX_HOME would give), removed when the test ends.
    func makeStudyDatabase() throws -> LuxDatabase {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("lux-study-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return try LuxDatabase(paths: LuxPaths(environment: ["LUX_HOME": directory, "HOME": directory]))
    }

    /// Imports a small pack: four nouns (recognition and production cards) and goen (two verb-table cards).
    @discardableResult
    func importStudyPack(_ db: LuxDatabase, due: Date = studyT0.addingTimeInterval(-3600)) throws -> [CardKey] {
        let pack = PackRecord(id: "test", title: "Test pack", version: "1.0.0", level: "A1", author: nil, licence: nil,
                              sourcePath: "/packs/test", importedAt: studyT0)
        let nouns: [(String, VocabItem)] = [("kaz", DrillTestData.kaz), ("hond", DrillTestData.hond),
                                            ("haus", DrillTestData.haus), ("desch", DrillTestData.desch)]
        var items = try nouns.map { try ItemContent(id: $0.0, kind: .vocab, content: $0.1) }
        items.append(try ItemContent(id: "goen", kind: .verb, content: DrillTestData.goen))
        try db.importPack(pack, items: items, at: studyT0)
        var keys: [CardKey] = []
        for (id, _) in nouns {
            keys.append(CardKey(packID: "test", itemID: id, variant: "recognition"))
            keys.append(CardKey(packID: "test", itemID: id, variant: "production"))
        }
        keys.append(CardKey(packID: "test", itemID: "goen", variant: "conj:present:1pl"))
        keys.append(CardKey(packID: "test", itemID: "goen", variant: "conj:perfect:2sg"))
        try db.addCards(keys, due: due, at: studyT0)
        return keys
    }

    /// Makes a card look reviewed: in review, due at `due`, last reviewed a few days before.
    func makeReviewed(_ db: LuxDatabase, _ key: CardKey, due: Date, reviewedAt: Date) throws {
        let card = try XCTUnwrap(try db.card(key: key))
        let schedule = CardSchedule(state: 2, step: nil, stability: 5, difficulty: 5, due: due, lastReview: reviewedAt,
                                    reps: 1, lapses: 0)
        try db.recordReview(cardID: try XCTUnwrap(card.id), rating: 3, at: reviewedAt, newSchedule: schedule)
    }
}
