import Foundation

/// Picks the next token from logits, in llama.cpp's order: repetition penalty, top-k, top-p,
/// min-p, temperature, then a draw from the softmax. Greedy when the temperature is 0 or less.
/// Scratch space is kept between calls, so sampling a token allocates nothing after the first.
public struct Sampler: Sendable {
    public let parameters: SamplingParameters
    private var rng: SeededRandom
    private var candidates: [(id: Int32, logit: Float)] = []

    public init(_ parameters: SamplingParameters) {
        self.parameters = parameters
        rng = SeededRandom(seed: parameters.seed ?? UInt64.random(in: 0...UInt64.max))
    }

    /// `recent` are the tokens seen so far (prompt and output); only the last `repeatLastN` count.
    public mutating func sample(_ logits: [Float], recent: [Int32]) -> Int32 {
        var logits = logits
        let p = parameters
        if p.repeatPenalty != 1, p.repeatLastN > 0 {
            for t in Set(recent.suffix(p.repeatLastN)) where Int(t) < logits.count && t >= 0 {
                let l = logits[Int(t)]
                logits[Int(t)] = l > 0 ? l / p.repeatPenalty : l * p.repeatPenalty
            }
        }
        if p.temperature <= 0 { return Self.argmax(logits) }

        // Keep the top k (all when k <= 0), sorted by logit, best first.
        candidates.removeAll(keepingCapacity: true)
        for (i, l) in logits.enumerated() { candidates.append((Int32(i), l)) }
        let k = p.topK > 0 ? min(p.topK, candidates.count) : candidates.count
        if k < candidates.count {
            candidates = Array(candidates.partialSorted(k))
        } else {
            candidates.sort { $0.logit > $1.logit }
        }

        // Top-p over the softmax of what is left (at temperature 1, as llama.cpp does).
        var probs = Self.softmax(candidates.map(\.logit))
        if p.topP < 1 {
            var cumulative: Float = 0
            var keep = probs.count
            for (i, q) in probs.enumerated() {
                cumulative += q
                if cumulative >= p.topP { keep = i + 1; break }
            }
            candidates.removeLast(candidates.count - keep)
            probs.removeLast(probs.count - keep)
        }
        // Min-p: drop tokens whose probability is under min_p × the best one's.
        if p.minP > 0, let best = candidates.first?.logit {
            let threshold = best + logf(p.minP)
            let keep = max(1, candidates.firstIndex { $0.logit < threshold } ?? candidates.count)
            candidates.removeLast(candidates.count - keep)
        }
        // Temperature, then draw.
        probs = Self.softmax(candidates.map { $0.logit / p.temperature })
        let r = rng.unit()
        var cumulative: Float = 0
        for (i, q) in probs.enumerated() {
            cumulative += q
            if r < cumulative { return candidates[i].id }
        }
        return candidates.last?.id ?? Self.argmax(logits)
    }

    public static func argmax(_ x: [Float]) -> Int32 {
        var best = 0
        for i in 1..<x.count where x[i] > x[best] { best = i }
        return Int32(best)
    }

    static func softmax(_ x: [Float]) -> [Float] {
        guard let m = x.max() else { return [] }
        var e = x.map { expf($0 - m) }
        let s = e.reduce(0, +)
        for i in e.indices { e[i] /= s }
        return e
    }
}

extension Array where Element == (id: Int32, logit: Float) {
    /// The k largest by logit, sorted best first (a heap would be faster for tiny k; k is 40 here
    /// against a vocabulary of 50k-128k, so one pass with a sorted buffer is enough).
    func partialSorted(_ k: Int) -> [Element] {
        var top: [Element] = []
        top.reserveCapacity(k + 1)
        for c in self {
            if top.count == k, let last = top.last, c.logit <= last.logit { continue }
            var lo = 0, hi = top.count
            while lo < hi { let mid = (lo + hi) / 2; if top[mid].logit >= c.logit { lo = mid + 1 } else { hi = mid } }
            top.insert(c, at: lo)
            if top.count > k { top.removeLast() }
        }
        return top
    }
}
