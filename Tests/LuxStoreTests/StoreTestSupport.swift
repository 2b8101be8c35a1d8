import Foundation
import LuxStore
import XCTest

/// A fixed moment, so dates in tests are exact (the store keeps milliseconds).
let t0 = Date(timeIntervalSince1970: 1_700_000_000)

extension XCTestCase {
    /// A fresh directory for this test, removed when it ends.
    func makeTemporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("lux-store-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// A new database in a fresh directory.
    func makeDatabase() throws -> LuxDatabase {
        try LuxDatabase(path: (try makeTemporaryDirectory() as NSString).appendingPathComponent("lux.sqlite"))
    }
}

func samplePack(_ id: String = "a1-basics", version: String = "1.0.0") -> PackRecord {
    PackRecord(id: id, title: "A1 basics", version: version, level: "A1", author: "Test Author",
               licence: "CC-BY-4.0", sourcePath: "/packs/\(id)", importedAt: t0)
}

/// Vocabulary items "w0" ... "w(n-1)" whose payload says which word they are.
func sampleItems(_ n: Int, tag: String = "") -> [ItemContent] {
    (0 ..< n).map { ItemContent(id: "w\($0)", kind: .vocab, payload: #"{"lb":"Wuert \#($0)\#(tag)","en":"word \#($0)"}"#) }
}

/// A schedule as a review would leave it: in review, due a day after `at`.
func reviewedSchedule(after before: CardSchedule, at: Date, stability: Double) -> CardSchedule {
    CardSchedule(state: 2, step: nil, stability: stability, difficulty: 5.5, due: at.addingTimeInterval(86_400),
                 lastReview: at, reps: before.reps + 1, lapses: before.lapses)
}

/// Asserts `body` throws a StoreError whose one-line message contains every piece of `expected`.
func assertStoreError<T>(_ body: @autoclosure () throws -> T, contains expected: [String],
                         file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected an error", file: file, line: line)
    } catch let error as StoreError {
        let text = error.description
        XCTAssertFalse(text.contains("\n"), "not one line: \(text)", file: file, line: line)
        for piece in expected {
            XCTAssertTrue(text.contains(piece), "\"\(text)\" lacks \"\(piece)\"", file: file, line: line)
        }
    } catch {
        XCTFail("expected a StoreError, got \(error)", file: file, line: line)
    }
}

/// Messages gathered from several threads.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func append(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
