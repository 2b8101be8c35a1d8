import Foundation
import GRDB
import LuxStore
import XCTest

/// Real SQLite failures, provoked on a plain GRDB connection, turned into the store's one-line errors.
final class StoreErrorTests: XCTestCase {
    func testFullDatabaseSaysTheDiskIsFull() throws {
        let path = (try makeTemporaryDirectory() as NSString).appendingPathComponent("full.sqlite")
        let queue = try DatabaseQueue(path: path)
        do {
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE t (x TEXT)")
                // Cap the file at its current size: the next page it needs is "disk full".
                try db.execute(sql: "PRAGMA max_page_count = 2")
                try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [String(repeating: "x", count: 100_000)])
            }
            XCTFail("the insert should not fit")
        } catch {
            let storeError = StoreError(error, path: path)
            XCTAssertEqual(storeError, .diskFull(path: path))
            XCTAssertEqual(storeError.description, "\(path): the disk is full; free some space and try again")
        }
    }

    func testBrokenConstraintNamesTheFile() throws {
        let path = try makeDatabase().path
        let queue = try DatabaseQueue(path: path)
        do {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO settings (key, value, updated_at) VALUES ('k', '{oops', '')")
            }
            XCTFail("invalid JSON passed the CHECK")
        } catch {
            let text = StoreError(error, path: path).description
            XCTAssertTrue(text.hasPrefix("\(path): "), text)
            XCTAssertTrue(text.contains("CHECK constraint failed"), text)
        }
    }

    func testOtherErrorsPassThroughOrAreWrapped() {
        let original = StoreError.notFound(path: "/x/lux.sqlite", what: "card 3")
        XCTAssertEqual(StoreError(original, path: "/elsewhere"), original)
        XCTAssertEqual(original.description, "/x/lux.sqlite: card 3 does not exist")
        let busy = StoreError.busy(path: "/x/lux.sqlite", waited: 60)
        XCTAssertEqual(busy.description, "/x/lux.sqlite: another lux kept the database busy for more than 60 s; try again")
    }
}
