import Foundation
import LuxStore
import XCTest

/// The child side of the multi-process tests. `ChildProcess` re-runs this test binary with
/// only this test selected and `LUX_STORE_WRITER_DB` set; run normally, it is skipped.
///
/// Modes (`LUX_STORE_WRITER_MODE`):
/// - `reviews`: imports pack `LUX_STORE_WRITER_PACK` (10 items, one card each) and answers its
///   cards `LUX_STORE_WRITER_COUNT` times, one transaction each, printing "committed <log id>"
///   after each commit.
/// - `fill`: limits this process's file size (RLIMIT_FSIZE) and stores 64 KB settings until a
///   write fails, printing "stored <key>" after each and "error: <message>" at the end.
final class WriterProcess: XCTestCase {
    static let testName = "LuxStoreTests.WriterProcess/testWriterEntry"

    func testWriterEntry() throws {
        let env = ProcessInfo.processInfo.environment
        guard let path = env["LUX_STORE_WRITER_DB"] else {
            throw XCTSkip("runs only as a child process of the multi-process tests")
        }
        switch env["LUX_STORE_WRITER_MODE"] {
        case "reviews":
            try answerCards(path: path, pack: env["LUX_STORE_WRITER_PACK"] ?? "writer",
                            count: Int(env["LUX_STORE_WRITER_COUNT"] ?? "") ?? 100)
        case "fill":
            fillUntilFull(path: path)
        default:
            XCTFail("unknown LUX_STORE_WRITER_MODE")
        }
    }

    private func say(_ line: String) {
        // Straight to the file descriptor, unbuffered: a line printed is a line the parent sees.
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func answerCards(path: String, pack: String, count: Int) throws {
        let db = try LuxDatabase(path: path)
        try db.importPack(samplePack(pack), items: sampleItems(10), at: t0)
        try db.addCards((0 ..< 10).map { CardKey(packID: pack, itemID: "w\($0)", variant: "recognition") }, due: t0)
        var cards = try db.cards(packID: pack)
        for i in 0 ..< count {
            let k = i % cards.count
            guard let id = cards[k].id else { return XCTFail("card without id") }
            let at = t0.addingTimeInterval(Double(i))
            let next = reviewedSchedule(after: cards[k].schedule, at: at, stability: Double(i))
            let log = try db.recordReview(cardID: id, rating: 3, at: at, newSchedule: next, durationMs: i)
            cards[k].schedule = next
            say("committed \(log.id ?? -1)")
        }
    }

    private func fillUntilFull(path: String) {
        signal(SIGXFSZ, SIG_IGN) // a write past the limit then fails with EFBIG instead of killing us
        #if os(Linux)
        var limit = rlimit(rlim_cur: 1 << 20, rlim_max: 1 << 20)
        guard setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit) == 0 else { return XCTFail("setrlimit failed") }
        #endif
        do {
            let db = try LuxDatabase(path: path)
            let blob = String(repeating: "x", count: 64 << 10)
            for i in 0 ..< 1000 {
                try db.setSetting("blob-\(i)", to: blob)
                say("stored blob-\(i)")
            }
            say("never failed")
        } catch {
            say("error: \(error)")
        }
    }
}
