import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Everything that changes while a model runs: the KV cache, the current position, and the
/// scratch buffers of one batch. Allocated once per session; a token allocates nothing here.
/// The batch buffers are zeroed pages from the system, so memory is used only as far as a batch
/// fills them: a session sized for llama.cpp's 512-token batches costs a short prompt nothing.
public final class LlamaState: @unchecked Sendable {
    public let cache: KVCache
    public internal(set) var position = 0
    let batch: Int
    /// Per batch row: the residual stream, the normed input of a block, q, k, v, the attention
    /// output, and the feed-forward gate (which then holds silu(gate)·up) and up projections.
    let x, h, q, k, v, att, gate, up: UnsafeMutablePointer<Float>
    /// Quantized inputs of a phase, one buffer per matrix of the phase (a Q4_K_M layer mixes
    /// formats; matrices whose input format is the same share the first buffer).
    let activations: [UnsafeMutableRawPointer]
    /// The logits of the last row of the last batch.
    let logits: UnsafeMutablePointer<Float>
    let vocabSize: Int
    /// Each worker thread's own buffers.
    let workers: [WorkerScratch]
    private let ropeCos, ropeSin: UnsafeMutablePointer<Float>
    private let ropeHalf: Int

    init(config c: LlamaConfig, context: Int, batch: Int, workers: Int) {
        cache = KVCache(layers: c.layers, capacity: max(1, context), kvDim: c.kvDim)
        self.batch = max(1, batch)
        let nb = self.batch
        var mapped: [ZeroedPages] = []
        func zeroed(_ bytes: Int) -> UnsafeMutableRawPointer {
            let region = ZeroedPages(bytes: bytes)
            mapped.append(region)
            return region.base
        }
        func buf(_ n: Int) -> UnsafeMutablePointer<Float> {
            zeroed(max(1, n) * 4).bindMemory(to: Float.self, capacity: max(1, n))
        }
        x = buf(nb * c.dim); h = buf(nb * c.dim); q = buf(nb * c.dim)
        k = buf(nb * c.kvDim); v = buf(nb * c.kvDim); att = buf(nb * c.dim)
        gate = buf(nb * c.ffnDim); up = buf(nb * c.ffnDim)
        let widest = max(c.dim, c.ffnDim)
        activations = (0..<3).map { _ in zeroed(nb * widest * 4 + 64) }
        vocabSize = c.vocabSize
        logits = buf(c.vocabSize)
        self.workers = (0..<max(1, workers)).map { _ in WorkerScratch(config: c, context: max(1, context)) }
        ropeHalf = c.ropeDims / 2
        ropeCos = buf(nb * ropeHalf); ropeSin = buf(nb * ropeHalf)
        regions = mapped
    }

    private let regions: [ZeroedPages]

    deinit {
        for region in regions { region.release() }
    }

    /// Forget everything from `position` on (the next turn of a chat keeps the shared prefix).
    public func truncate(to newPosition: Int) {
        position = max(0, min(position, newPosition))
    }

    /// cos/sin for each batch row and rotated pair. As ggml: theta starts at the position and is
    /// multiplied by base^(-2/dims) per pair, then divided by the pair's frequency factor.
    func prepareRope(from pos0: Int, count n: Int, base: Float, dims: Int, factors: [Float]?) {
        let thetaScale = powf(base, -2 / Float(dims))
        for i in 0..<n {
            var theta = Float(pos0 + i)
            for p in 0..<ropeHalf {
                let t = theta / (factors?[p] ?? 1)
                ropeCos[i * ropeHalf + p] = cosf(t)
                ropeSin[i * ropeHalf + p] = sinf(t)
                theta *= thetaScale
            }
        }
    }

    /// Rotates adjacent pairs (x[2p], x[2p+1]) of each head (GGUF llama weights are permuted for this).
    /// The multiply-adds are fused as GCC fused them in ggml's rotate_pairs: a·c - b·s becomes
    /// fma(a, c, -(b·s)) and a·s + b·c becomes fma(a, s, b·c).
    func applyRope(_ vec: UnsafeMutablePointer<Float>, heads: Int, headDim: Int, dims: Int, row: Int) {
        let cs = ropeCos + row * ropeHalf, sn = ropeSin + row * ropeHalf
        for hh in 0..<heads {
            let base = vec + hh * headDim
            for p in 0..<ropeHalf {
                let c = cs[p], s = sn[p]
                let a = base[2 * p], b = base[2 * p + 1]
                base[2 * p] = (-(b * s)).addingProduct(a, c)
                base[2 * p + 1] = (b * c).addingProduct(a, s)
            }
        }
    }
}

/// One worker's buffers: for attention, the scores and weights over the context, q as f16 and
/// the 32 partial sums of the weighted values (for every query head of a kv head); for one-token steps, its own copy of a block's
/// normed (or SwiGLU) input and of that input quantized (three formats), which every worker
/// computes for itself rather than waiting while one worker does it.
final class WorkerScratch: @unchecked Sendable {
    let scores: UnsafeMutablePointer<Float>
    let probs: UnsafeMutablePointer<Float16>
    let q16: UnsafeMutablePointer<Float16>
    let sums: UnsafeMutablePointer<Float>
    let input: UnsafeMutablePointer<Float>
    let quantized: [UnsafeMutableRawPointer]

    init(config c: LlamaConfig, context: Int) {
        // Room for a whole group of query heads (Attention.group) or one head (Attention.head).
        let group = c.heads / c.kvHeads
        scores = .allocate(capacity: group * (context + 8))
        probs = .allocate(capacity: group * (context + 8))
        q16 = .allocate(capacity: c.headDim)
        sums = .allocate(capacity: group * 32 * c.headDim)
        let widest = max(c.dim, c.ffnDim) + c.headDim
        input = .allocate(capacity: widest)
        input.initialize(repeating: 0, count: widest)
        quantized = (0..<3).map { _ in
            let p = UnsafeMutableRawPointer.allocate(byteCount: widest * 4 + 64, alignment: 64)
            p.initializeMemory(as: UInt8.self, repeating: 0, count: widest * 4 + 64)
            return p
        }
    }

    deinit {
        scores.deallocate(); probs.deallocate(); q16.deallocate(); sums.deallocate(); input.deallocate()
        for q in quantized { q.deallocate() }
    }
}

/// Memory straight from the system (anonymous pages): zero until written, and resident only once
/// touched. Falls back to the allocator (zero-filled) if mmap is refused.
struct ZeroedPages {
    let base: UnsafeMutableRawPointer
    let bytes: Int
    private let mapped: Bool

    init(bytes: Int) {
        self.bytes = max(1, bytes)
        if let p = mmap(nil, self.bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), p != MAP_FAILED {
            base = p
            mapped = true
        } else {
            base = UnsafeMutableRawPointer.allocate(byteCount: self.bytes, alignment: 64)
            base.initializeMemory(as: UInt8.self, repeating: 0, count: self.bytes)
            mapped = false
        }
    }

    func release() {
        if mapped { munmap(base, bytes) } else { base.deallocate() }
    }
}
