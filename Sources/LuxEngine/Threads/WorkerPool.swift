import Foundation
import Synchronization

/// A persistent pool of worker threads. `run` hands one job to the pool (the caller is worker 0)
/// and returns when it is done; inside a job, `PoolJob.share` walks the workers through the
/// phases of a whole forward pass together, so a token costs one wake-up, a few atomic
/// operations per phase, and no allocation.
///
/// Made for machines where our threads are not alone: a phase is over when its items are done,
/// not when every worker has arrived, so a worker that the system deschedules (or that wakes up
/// late) never holds the others back unless it is in the middle of an item. A worker that comes
/// late to a job skips the phases already finished; one that has not joined when the job ends
/// does not join it at all. A waiting worker spins for a few tens of microseconds, then sleeps
/// until the event it waits for: spinning longer only burns the time slices the scheduler would
/// otherwise give to the worker being waited for.
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int
    private let generation = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)
    private let wake = NSCondition()
    private var job: ((PoolJob) -> Void)?
    /// (job generation << 16) | workers that joined it; bit 15 closes the job to latecomers.
    private let entry = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    /// The phase being worked on: (phase << 32) | (next item << 16) | items done.
    let progress = Atomic<Int>(0)
    /// Phases of the current job whose items are all done.
    let completed = Atomic<Int>(0)
    /// Workers asleep in `wait(until:)`.
    private let waiters = Atomic<Int>(0)
    private let events = NSCondition()

    public init(threads: Int) {
        threadCount = max(1, threads)
        running.store(threadCount - 1, ordering: .relaxed)
        for w in 1..<threadCount {
            // unowned(unsafe): deinit waits for every worker to leave its loop before the memory goes.
            let t = Thread { [unowned(unsafe) self] in self.workerLoop(index: w) }
            t.stackSize = 1 << 20
            t.start()
        }
    }

    deinit {
        stopping.store(true, ordering: .sequentiallyConsistent)
        generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
        wake.lock(); wake.broadcast(); wake.unlock()
        // The workers read this object until they leave their loop.
        while running.load(ordering: .acquiring) > 0 { sched_yield() }
    }

    private func workerLoop(index: Int) {
        var seen = 0
        while true {
            // Idle: spin for a while (the next token's job usually follows within microseconds),
            // then sleep until `run` wakes the pool.
            let start = DispatchTime.now().uptimeNanoseconds
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                for _ in 0..<32 { cpuRelax() }
                spins += 1
                if spins & 7 != 0 || DispatchTime.now().uptimeNanoseconds - start < 200_000 { continue }
                wake.lock()
                sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
                while generation.load(ordering: .sequentiallyConsistent) == seen { wake.wait() }
                sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent)
                wake.unlock()
            }
            seen = generation.load(ordering: .acquiring)
            if stopping.load(ordering: .acquiring) { running.wrappingSubtract(1, ordering: .releasing); return }
            if join(seen), let work = job {
                work(PoolJob(pool: self, worker: index))
                finished.wrappingAdd(1, ordering: .sequentiallyConsistent)
                signal()
            }
        }
    }

    /// Joins job `gen` unless it is closed (or already replaced by a later one).
    private func join(_ gen: Int) -> Bool {
        var e = entry.load(ordering: .acquiring)
        while e >> 16 == gen & 0xFFFF_FFFF && e & 0x8000 == 0 {
            let (exchanged, original) = entry.compareExchange(expected: e, desired: e + 1, ordering: .acquiringAndReleasing)
            if exchanged { return true }
            e = original
        }
        return false
    }

    /// Runs `body` on the pool and waits for it. The closure is stored while the job runs, so
    /// callers on hot paths pass a closure made once (no allocation per call).
    public func run(_ body: @escaping (PoolJob) -> Void) {
        progress.store(0, ordering: .relaxed)
        completed.store(0, ordering: .relaxed)
        if threadCount == 1 { body(PoolJob(pool: self, worker: 0)); return }
        job = body
        finished.store(0, ordering: .relaxed)
        let gen = generation.load(ordering: .relaxed) + 1
        entry.store((gen & 0xFFFF_FFFF) << 16, ordering: .releasing)
        generation.store(gen, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 { wake.lock(); wake.broadcast(); wake.unlock() }
        body(PoolJob(pool: self, worker: 0))
        // Close the job; wait only for the workers that joined it.
        let joined = entry.bitwiseOr(0x8000, ordering: .acquiringAndReleasing).oldValue & 0x7FFF
        wait { finished.load(ordering: .sequentiallyConsistent) >= joined }
        job = nil
    }

    /// Spins on `ready` for up to ~30 µs, then sleeps until it holds. Whoever makes it hold
    /// calls `signal()` after the (sequentially consistent) store that does.
    func wait(until ready: () -> Bool) {
        if ready() { return }
        let start = DispatchTime.now().uptimeNanoseconds
        var spins = 0
        while true {
            for _ in 0..<32 { cpuRelax() }
            if ready() { return }
            spins += 1
            if spins & 7 == 0, DispatchTime.now().uptimeNanoseconds - start > 30_000 { break }
        }
        events.lock()
        waiters.wrappingAdd(1, ordering: .sequentiallyConsistent)
        while !ready() { events.wait() }
        waiters.wrappingSubtract(1, ordering: .sequentiallyConsistent)
        events.unlock()
    }

    /// Marks phase `phase` complete and wakes whoever waits for it. Only ever forward: a worker
    /// that found an empty phase open can get here after later phases have completed (it was
    /// descheduled in between), and setting `completed` back would leave the others waiting for
    /// a phase that is already over.
    func complete(_ phase: Int) {
        _ = completed.compareExchange(expected: phase, desired: phase + 1, ordering: .sequentiallyConsistent)
        signal()
    }

    /// Wakes the sleepers of `wait(until:)` to check their condition again.
    func signal() {
        if waiters.load(ordering: .sequentiallyConsistent) > 0 { events.lock(); events.broadcast(); events.unlock() }
    }

    /// Calls `body` on chunks of 0..<count, spread over the pool.
    public func parallelFor(_ count: Int, _ body: @escaping (Range<Int>) -> Void) {
        let grain = max(1, count / (4 * threadCount))
        run { job in job.share(0, count: count, grain: grain, body) }
    }

    /// The number of physical cores (the default thread count): Linux counts distinct
    /// (physical id, core id) pairs in /proc/cpuinfo; elsewhere the active processor count.
    public static var physicalCores: Int {
        if let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
            var pairs = Set<String>()
            var phys = "0"
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                if parts[0] == "physical id" { phys = parts[1] }
                if parts[0] == "core id" { pairs.insert(phys + "/" + parts[1]) }
            }
            if !pairs.isEmpty { return min(pairs.count, ProcessInfo.processInfo.activeProcessorCount) }
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }
}

/// One worker's view of a running job.
public struct PoolJob {
    unowned(unsafe) let pool: WorkerPool
    public let worker: Int
    public var workers: Int { pool.threadCount }

    init(pool: WorkerPool, worker: Int) {
        self.pool = pool
        self.worker = worker
    }

    /// Phase `phase` of the job: the items 0..<count in chunks of `grain`, each chunk run by
    /// whichever worker takes it first; returns when all chunks are done. Every worker makes the
    /// same sequence of calls, numbered 0, 1, 2, ... within the job; a phase starts only after
    /// the previous one is complete, and a worker arriving after a phase is over skips it.
    /// `prologue` runs (once the previous phase is complete) in each worker that may still take
    /// a chunk, before it does: work that every such worker repeats for itself.
    public func share(_ phase: Int, count: Int, grain: Int, prologue: () -> Void = {}, _ body: (Range<Int>) -> Void) {
        let p = pool
        let g = max(1, grain)
        let chunks = (count + g - 1) / g
        precondition(chunks < 0xFFFF, "a phase has at most 65534 chunks")
        p.wait { p.completed.load(ordering: .sequentiallyConsistent) >= phase }
        var w = p.progress.load(ordering: .acquiring)
        if w >> 32 < phase || (w >> 32 == phase && (w >> 16) & 0xFFFF < chunks) { prologue() }
        while true {
            let current = w >> 32
            if current > phase { return }   // later phases run only after this one completed
            if current < phase {
                // Open the phase (the previous one is complete).
                let (exchanged, original) = p.progress.compareExchange(expected: w, desired: phase << 32, ordering: .acquiringAndReleasing)
                if exchanged {
                    if chunks == 0 { p.complete(phase); return }
                    w = phase << 32
                } else {
                    w = original
                }
                continue
            }
            let next = (w >> 16) & 0xFFFF
            if next >= chunks {
                // Phase 0 starts open (run() clears `progress`), so no one passes through the
                // opening above to complete it when it is empty.
                if chunks == 0 { p.complete(phase); return }
                break
            }
            let (exchanged, original) = p.progress.compareExchange(expected: w, desired: w + 0x1_0000, ordering: .acquiringAndReleasing)
            guard exchanged else { w = original; continue }
            body(next * g..<min(count, (next + 1) * g))
            let done = p.progress.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue & 0xFFFF
            if done == chunks { p.complete(phase) }
            w = p.progress.load(ordering: .acquiring)
        }
        p.wait { p.completed.load(ordering: .sequentiallyConsistent) > phase }
    }
}
