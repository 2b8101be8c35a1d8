import Foundation

/// A persistent pool of worker threads that split a range of rows. Workers park on a condition
/// variable between jobs, so a token costs no thread creation and no allocation.
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int
    private let cond = NSCondition()
    private var job: ((Int, Int) -> Void)?   // (worker index, worker count)
    private var generation = 0
    private var pending = 0
    private var workers: [Thread] = []
    private var stopping = false

    public init(threads: Int) {
        threadCount = max(1, threads)
        for w in 1..<threadCount {
            let t = Thread { [unowned self] in self.workerLoop(index: w) }
            t.stackSize = 1 << 20
            t.start()
            workers.append(t)
        }
    }

    deinit {
        cond.lock(); stopping = true; generation += 1; cond.broadcast(); cond.unlock()
    }

    private func workerLoop(index: Int) {
        var seen = 0
        while true {
            cond.lock()
            while generation == seen && !stopping { cond.wait() }
            if stopping { cond.unlock(); return }
            seen = generation
            let work = job
            cond.unlock()
            work?(index, threadCount)
            cond.lock()
            pending -= 1
            if pending == 0 { cond.broadcast() }
            cond.unlock()
        }
    }

    /// Runs `body(worker, workers)` on every worker (the caller is worker 0) and waits for all.
    public func run(_ body: @escaping (Int, Int) -> Void) {
        if threadCount == 1 { body(0, 1); return }
        cond.lock()
        job = body
        pending = threadCount - 1
        generation += 1
        cond.broadcast()
        cond.unlock()
        body(0, threadCount)
        cond.lock()
        while pending > 0 { cond.wait() }
        job = nil
        cond.unlock()
    }

    /// Splits 0..<count into one contiguous chunk per worker.
    public func parallelFor(_ count: Int, _ body: @escaping (Range<Int>) -> Void) {
        run { w, n in
            let chunk = (count + n - 1) / n
            let lo = min(count, w * chunk), hi = min(count, lo + chunk)
            if lo < hi { body(lo..<hi) }
        }
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
