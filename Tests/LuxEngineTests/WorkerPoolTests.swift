import Foundation
import Synchronization
import XCTest
import LuxEngine

/// The worker pool's contract: every item of a phase runs exactly once, a phase sees everything
/// the phases before it wrote, and a job with many phases, run many times, always finishes.
final class WorkerPoolTests: XCTestCase {
    final class Counts: @unchecked Sendable {
        let hits: UnsafeMutablePointer<Int>
        let count: Int
        init(_ count: Int) {
            self.count = count
            hits = .allocate(capacity: count)
            hits.initialize(repeating: 0, count: count)
        }
        deinit { hits.deallocate() }
    }

    func testParallelForCoversEveryIndexOnce() {
        for threads in [1, 2, 3] {
            let pool = WorkerPool(threads: threads)
            for count in [0, 1, 7, 1000] {
                let counts = Counts(count)
                let total = Atomic<Int>(0)
                pool.parallelFor(count) { range in
                    for i in range { counts.hits[i] += 1 }
                    total.wrappingAdd(range.count, ordering: .relaxed)
                }
                XCTAssertEqual(total.load(ordering: .relaxed), count, "\(threads) threads, \(count) items")
                XCTAssertTrue((0..<count).allSatisfy { counts.hits[$0] == 1 }, "\(threads) threads, \(count) items")
            }
        }
    }

    /// 200 phases that each read the previous phase's output: any phase starting early, or an
    /// item run twice or not at all, changes the final values.
    func testPhasesRunInOrderAndSeeEarlierWrites() {
        let pool = WorkerPool(threads: 2)
        let n = 64, phases = 200
        let a = Counts(n), b = Counts(n)
        let prologues = Atomic<Int>(0)
        for _ in 0..<20 {
            for i in 0..<n { a.hits[i] = i; b.hits[i] = 0 }
            pool.run { job in
                for ph in 0..<phases {
                    let (src, dst) = ph % 2 == 0 ? (a, b) : (b, a)
                    job.share(ph, count: n, grain: 3, prologue: { prologues.wrappingAdd(1, ordering: .relaxed) }) { range in
                        // Each item reads two neighbours written by other items in the last phase.
                        for i in range { dst.hits[i] = src.hits[i] + src.hits[(i + 1) % n] % 7 }
                    }
                }
            }
            var expect = (0..<n).map { $0 }
            for _ in 0..<phases { expect = (0..<n).map { expect[$0] + expect[($0 + 1) % n] % 7 } }
            XCTAssertEqual((0..<n).map { a.hits[$0] }, expect)
        }
        // A worker runs a phase's prologue at most once, and only while items are left.
        XCTAssertLessThanOrEqual(prologues.load(ordering: .relaxed), 20 * phases * 2)
        XCTAssertGreaterThanOrEqual(prologues.load(ordering: .relaxed), 20 * phases)
    }

    func testEmptyPhasesAndManyJobs() {
        let pool = WorkerPool(threads: 2)
        let total = Atomic<Int>(0)
        for _ in 0..<2000 {
            pool.run { job in
                job.share(0, count: 0, grain: 1) { _ in XCTFail("an empty phase has no items") }
                job.share(1, count: 5, grain: 2) { total.wrappingAdd($0.count, ordering: .relaxed) }
            }
        }
        XCTAssertEqual(total.load(ordering: .relaxed), 2000 * 5)
    }
}
