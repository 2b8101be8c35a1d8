import Foundation
import GRDB
import LuxStore
import XCTest

/// Real processes sharing one database file: a writer killed with SIGKILL mid-burst, two
/// writers at once, and a writer whose file cannot grow.
final class MultiProcessTests: XCTestCase {
    private func writer(_ path: String, pack: String, count: Int) throws -> ChildProcess {
        try ChildProcess(environment: [
            "LUX_STORE_WRITER_DB": path, "LUX_STORE_WRITER_MODE": "reviews",
            "LUX_STORE_WRITER_PACK": pack, "LUX_STORE_WRITER_COUNT": String(count),
        ])
    }

    /// Log ids of every review stored for the pack's cards, and each card's reps next to how
    /// many log rows it has (equal when card update and log row always commit together).
    private func storedReviews(_ db: LuxDatabase, pack: String) throws -> (ids: Set<Int64>, repsAndLogs: [[Int]]) {
        var ids = Set<Int64>()
        var repsAndLogs: [[Int]] = []
        for card in try db.cards(packID: pack) {
            let log = try db.reviewLog(cardID: try XCTUnwrap(card.id))
            ids.formUnion(log.compactMap(\.id))
            repsAndLogs.append([card.reps, log.count])
        }
        return (ids, repsAndLogs)
    }

    func testKilledWriterLosesNothingItReportedCommitted() throws {
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite")
        let child = try writer(path, pack: "burst", count: 1_000_000)
        let sawEnough = child.read { lines in lines.filter { $0.hasPrefix("committed ") }.count >= 300 }
        child.kill9()
        let end = child.finish()
        XCTAssertTrue(sawEnough, "the writer stopped early: \(end.stderr)\n\(child.lines.suffix(20).joined(separator: "\n"))")
        XCTAssertEqual(end.reason, .uncaughtSignal)
        XCTAssertEqual(end.status, SIGKILL)

        let reported = Set(child.values(after: "committed ").compactMap { Int64($0) })
        XCTAssertGreaterThanOrEqual(reported.count, 300)
        let db = try LuxDatabase(path: path)
        XCTAssertEqual(try db.integrityCheck(), ["ok"])
        let stored = try storedReviews(db, pack: "burst")
        XCTAssertTrue(reported.isSubset(of: stored.ids),
                      "lost: \(reported.subtracting(stored.ids).sorted().prefix(10))")
        // At most the transaction in flight when killed (never reported) can be extra.
        XCTAssertLessThanOrEqual(stored.ids.count - reported.count, 1)
        for pair in stored.repsAndLogs {
            XCTAssertEqual(pair[0], pair[1], "a card's reps and its log rows disagree: half a transaction survived")
        }
    }

    func testTwoWritersOnANewDatabaseBothFinish() throws {
        // Both start on a file that does not exist yet, so they also race to create and migrate it.
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite")
        let count = 300
        let children = try ["left", "right"].map { try writer(path, pack: $0, count: count) }
        for (pack, child) in zip(["left", "right"], children) {
            let end = child.finish()
            XCTAssertEqual(end.status, 0, "\(pack) failed: \(end.stderr)\n\(child.lines.suffix(20).joined(separator: "\n"))")
            XCTAssertEqual(child.values(after: "committed ").count, count, pack)
        }
        let db = try LuxDatabase(path: path)
        XCTAssertEqual(try db.integrityCheck(), ["ok"])
        XCTAssertEqual(try db.appliedMigrations(), LuxMigrations.identifiers)
        for pack in ["left", "right"] {
            let stored = try storedReviews(db, pack: pack)
            XCTAssertEqual(stored.ids.count, count, pack)
            XCTAssertEqual(stored.repsAndLogs, Array(repeating: [count / 10, count / 10], count: 10), pack)
        }
    }

    func testTwoPoolsInOneProcessWriteConcurrently() throws {
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite")
        let setup = try LuxDatabase(path: path)
        for pack in ["p0", "p1"] {
            try setup.importPack(samplePack(pack), items: sampleItems(1), at: t0)
            try setup.addCards([CardKey(packID: pack, itemID: "w0", variant: "recognition")], due: t0)
        }
        let failures = LockedList()
        DispatchQueue.concurrentPerform(iterations: 2) { n in
            do {
                let db = try LuxDatabase(path: path)
                guard var card = try db.cards(packID: "p\(n)").first, let id = card.id else {
                    throw StoreError.notFound(path: path, what: "card of p\(n)")
                }
                for i in 0 ..< 200 {
                    let next = reviewedSchedule(after: card.schedule, at: t0.addingTimeInterval(Double(i)), stability: 1)
                    try db.recordReview(cardID: id, rating: 3, at: t0.addingTimeInterval(Double(i)), newSchedule: next)
                    card.schedule = next
                }
            } catch {
                failures.append("\(error)")
            }
        }
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(try setup.cards(packID: "p0").first?.reps, 200)
        XCTAssertEqual(try setup.cards(packID: "p1").first?.reps, 200)
        XCTAssertEqual(try setup.integrityCheck(), ["ok"])
    }

    func testFileThatCannotGrowGivesOneLineErrorAndKeepsWhatWasStored() throws {
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite")
        _ = try LuxDatabase(path: path) // created and migrated before the limit applies
        let child = try ChildProcess(environment: ["LUX_STORE_WRITER_DB": path, "LUX_STORE_WRITER_MODE": "fill"])
        let end = child.finish()
        XCTAssertEqual(end.status, 0, "the writer crashed: \(end.stderr)")
        let errors = child.values(after: "error: ")
        XCTAssertEqual(errors.count, 1, child.lines.joined(separator: "\n"))
        XCTAssertEqual(errors.first, "\(path): disk I/O error: a write failed; the disk may be full or the file too large")
        let stored = child.values(after: "stored ")
        XCTAssertFalse(stored.isEmpty)

        let db = try LuxDatabase(path: path)
        XCTAssertEqual(try db.integrityCheck(), ["ok"])
        let keys = Set(try db.allSettings().map(\.key))
        XCTAssertTrue(Set(stored).isSubset(of: keys), "lost: \(Set(stored).subtracting(keys))")
    }
}
