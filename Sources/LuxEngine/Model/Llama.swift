import Foundation

/// The Llama forward pass, top to bottom. One call runs a batch of tokens at consecutive
/// positions through every layer and returns the logits of the last one (or of all).
///
///   x = embed(token)
///   for each layer:
///     h = rmsnorm(x) * attn_norm
///     q, k, v = Wq h, Wk h, Wv h;  rope(q, k);  cache k, v (f16)
///     x += Wo · softmax(q·K / sqrt(head_dim), causal) · V      (grouped-query: kv head = head / group)
///     h = rmsnorm(x) * ffn_norm
///     x += Wdown (silu(Wgate h) * (Wup h))
///   logits = Woutput (rmsnorm(x) * output_norm)
///
/// The arithmetic is llama.cpp's CPU backend (AVX2 build), bit for bit, so greedy tokens agree:
/// activations are quantized to the weight type's partner format before each matmul, q and the
/// attention weights are rounded to f16 to meet the f16 cache, every sum runs in ggml's order
/// (Tensors/VecMath, KernelChoice), and exp/silu are ggml's vector approximations.
///
/// Threads: a batch runs as one job on the worker pool. The workers walk the layers together;
/// each phase below hands out its work (rows of the matrices, heads, tokens) in items, and the
/// next phase starts when all are done (see WorkerPool). Steps that need a whole row (norms,
/// quantizing an input) run per token; the residual adds are fused into the Wo and Wdown
/// products.
public final class LlamaModel: @unchecked Sendable {
    public let config: LlamaConfig
    public let gguf: GGUFFile
    let weights: LlamaWeights
    public let pool: WorkerPool
    /// One batch at a time: the pool runs one job, and `plan` describes it.
    private let lock = NSLock()
    private var plan = StepPlan()
    private var stepJob: ((PoolJob) -> Void)?

    public init(gguf: GGUFFile, threads: Int? = nil) throws {
        self.gguf = gguf
        config = try LlamaConfig(gguf: gguf)
        weights = try LlamaWeights(gguf: gguf, config: config)
        pool = WorkerPool(threads: threads ?? WorkerPool.physicalCores)
        stepJob = { [unowned self] job in self.runLayers(job) }
    }

    /// Bytes of weights one decode step reads (every matrix once, plus one embedding row).
    public var weightBytesPerToken: Int {
        var n = weights.output.tensor.byteCount + weights.embedding.tensor.rowBytes
        for l in weights.layers {
            for w in [l.wq, l.wk, l.wv, l.wo, l.wGate, l.wUp, l.wDown] { n += w.tensor.byteCount }
        }
        return n
    }

    /// A session's state. Prompts run in batches of `batchSize` tokens; 512 is llama.cpp's
    /// default batch, and matching it keeps long prompts' sums the same as llama.cpp's (which
    /// kernel runs, tiled or grouped, depends on how many tokens a batch holds).
    public func makeState(contextLength: Int, batchSize: Int = 512) -> LlamaState {
        LlamaState(config: config, context: min(contextLength, config.contextLength), batch: batchSize,
                   workers: pool.threadCount)
    }

    /// Runs `tokens` at positions `state.position...`; returns logits for the last token, or for
    /// every token when `allLogits` (vocab × count, row per token).
    public func forward(_ tokens: [Int32], state s: LlamaState, allLogits: Bool = false) throws -> [Float] {
        guard allLogits else { return Array(try forwardLogits(tokens, state: s)) }
        try check(tokens, s)
        guard !tokens.isEmpty else { return [] }
        var out = [Float](repeating: 0, count: tokens.count * config.vocabSize)
        try out.withUnsafeMutableBufferPointer { buf in
            try run(tokens, s) { start, n in (n, buf.baseAddress! + start * config.vocabSize) }
        }
        return out
    }

    /// Runs `tokens` and returns the last token's logits, which stay valid in `state` until its
    /// next step. Allocates nothing.
    public func forwardLogits(_ tokens: [Int32], state s: LlamaState) throws -> UnsafeBufferPointer<Float> {
        try check(tokens, s)
        guard !tokens.isEmpty else { return UnsafeBufferPointer(start: s.logits, count: 0) }
        try run(tokens, s) { start, n in (start + n == tokens.count ? 1 : 0, s.logits) }
        return UnsafeBufferPointer(start: s.logits, count: config.vocabSize)
    }

    private func check(_ tokens: [Int32], _ s: LlamaState) throws {
        guard s.position + tokens.count <= s.cache.capacity else {
            throw EngineError.contextFull(capacity: s.cache.capacity)
        }
        for t in tokens where t < 0 || Int(t) >= config.vocabSize {
            throw EngineError.badToken(t, vocabSize: config.vocabSize)
        }
    }

    /// Splits the tokens into batches of at most state.batch; `outputs(start, n)` says how many of
    /// a batch's last rows need logits, and where they go.
    private func run(_ tokens: [Int32], _ s: LlamaState,
                     _ outputs: (Int, Int) -> (Int, UnsafeMutablePointer<Float>)) throws {
        lock.lock(); defer { lock.unlock() }
        var start = 0
        while start < tokens.count {
            var n = min(s.batch, tokens.count - start)
            // llama.cpp multiplies a prompt in one batch, and one-token batches take other kernels
            // (other sum orders): never leave a lone last token.
            if tokens.count - start - n == 1 && n > 2 { n -= 1 }
            let (count, logits) = outputs(start, n)
            step(tokens, start, n, s, outputs: count, logits: logits)
            start += n
        }
    }

    /// One batch: tokens[start..<start+n]; writes the logits of its last `outputs` rows.
    private func step(_ tokens: [Int32], _ start: Int, _ n: Int, _ s: LlamaState, outputs: Int,
                      logits: UnsafeMutablePointer<Float>) {
        let c = config
        for i in 0..<n {
            weights.embedding.format.dequantize(weights.embedding.tensor.row(Int(tokens[start + i])), s.x + i * c.dim, c.dim)
        }
        s.prepareRope(from: s.position, count: n, base: c.ropeBase, dims: c.ropeDims, factors: weights.ropeFactors)
        plan = StepPlan(state: s, n: n, pos0: s.position, outputs: outputs, logits: logits)
        pool.run(stepJob!)
        plan = StepPlan()
        s.position += n
    }

    /// The whole batch, run by every worker of the pool (see the type's comment).
    ///
    /// With one token (decode), the small steps between matrix products (norms, quantizing an
    /// input, SwiGLU) are repeated by every worker for itself, into its own buffers, at the start
    /// of the product that needs them, and rope and the cache writes run inside the attention of
    /// each kv head: five phases per layer, so a worker waits for the others five times. With a
    /// batch, those steps are phases of their own, split over the tokens.
    private func runLayers(_ job: PoolJob) {
        guard let s = plan.state else { return }
        let c = config, n = plan.n, d = c.dim, hd = c.headDim, pos0 = plan.pos0
        let x = s.x, h = s.h, eps = c.rmsEps
        let single = n == 1
        let mine = s.workers[job.worker]
        var phase = 0
        /// One phase: items handed out in chunks of `grain`; returns when all are done.
        func share(_ count: Int, grain: Int = 1, prologue: () -> Void = {}, _ body: (Range<Int>) -> Void) {
            job.share(phase, count: count, grain: grain, prologue: prologue, body)
            phase += 1
        }
        func grain(_ count: Int) -> Int { max(1, count / (8 * job.workers)) }
        let items = 8 * job.workers
        let lastLayer = weights.layers.count - 1
        let group = c.heads / c.kvHeads
        let f = c.ffnDim

        /// A product's input: rmsnorm(x_t) * w (or x_t itself, norm nil), quantized for `phase`:
        /// in this worker's buffers for one token, else in the shared ones, split over tokens.
        func prepare(_ mm: MatmulPhase, _ xs: UnsafeMutablePointer<Float>, norm: [Float]?, body: (Range<Int>) -> Void) {
            if single {
                share(mm.items, prologue: {
                    var src = UnsafePointer(xs)
                    if let norm { rmsNorm(xs, norm, mine.input, d, eps); src = UnsafePointer(mine.input) }
                    mm.quantize(src, row: 0, buffers: mine.quantized)
                }, body)
            } else {
                share(mm.n) { ts in
                    for t in ts {
                        var src = UnsafePointer(xs + t * mm.matrices[0].cols)
                        if let norm { rmsNorm(xs + t * d, norm, h + t * d, d, eps); src = UnsafePointer(h + t * d) }
                        mm.quantize(src, row: t, buffers: s.activations)
                    }
                }
                share(mm.items, body)
            }
        }
        var inputs: [UnsafeMutableRawPointer] { single ? mine.quantized : s.activations }

        for li in 0...lastLayer {
            let layer = weights.layers[li]

            // Attention block: q, k, v = W (rmsnorm(x) * attn_norm).
            let qkv = MatmulPhase(layer.qkv, tokens: n, itemsWanted: items)
            prepare(qkv, x, norm: layer.attnNorm) { its in
                for it in its {
                    qkv.run(item: it, buffers: inputs) { m in
                        MatmulTarget(base: m == 0 ? s.q : (m == 1 ? s.k : s.v), stride: qkv.matrices[m].rows, accumulate: false)
                    }
                }
            }
            // Rope on q and k; k and v into the cache as f16; softmax(q·K) · V per (token, head).
            if single {
                share(c.kvHeads) { its in
                    for g in its {
                        let k = s.k + g * hd
                        s.applyRope(k, heads: 1, headDim: hd, dims: c.ropeDims, row: 0)
                        VecMath.toHalf(k, s.cache.key(li, pos0) + g * hd, count: hd)
                        VecMath.toHalf(s.v + g * hd, s.cache.value(li, pos0) + g * hd, count: hd)
                        let q = s.q + g * group * hd
                        s.applyRope(q, heads: group, headDim: hd, dims: c.ropeDims, row: 0)
                        if hd % 32 == 0 {
                            Attention.group(q: q, out: s.att + g * group * hd, heads: group, layer: li, kvHead: g,
                                            position: pos0, headDim: hd, cache: s.cache, scratch: mine)
                        } else {
                            for head in g * group..<(g + 1) * group {
                                Attention.head(q: s.q + head * hd, out: s.att + head * hd, layer: li, kvHead: g,
                                               position: pos0, headDim: hd, cache: s.cache, batched: false, scratch: mine)
                            }
                        }
                    }
                }
            } else {
                share(n) { ts in
                    for t in ts {
                        s.applyRope(s.q + t * d, heads: c.heads, headDim: hd, dims: c.ropeDims, row: t)
                        s.applyRope(s.k + t * c.kvDim, heads: c.kvHeads, headDim: hd, dims: c.ropeDims, row: t)
                        VecMath.toHalf(s.k + t * c.kvDim, s.cache.key(li, pos0 + t), count: c.kvDim)
                        VecMath.toHalf(s.v + t * c.kvDim, s.cache.value(li, pos0 + t), count: c.kvDim)
                    }
                }
                share(n * c.heads, grain: grain(n * c.heads)) { its in
                    for it in its {
                        let t = it / c.heads, head = it % c.heads
                        Attention.head(q: s.q + t * d + head * hd, out: s.att + t * d + head * hd, layer: li, kvHead: head / group,
                                       position: pos0 + t, headDim: hd, cache: s.cache, batched: true, scratch: mine)
                    }
                }
            }
            // x += Wo · attention.
            let wo = MatmulPhase(layer.attnOut, tokens: n, itemsWanted: items)
            prepare(wo, s.att, norm: nil) { its in
                for it in its {
                    wo.run(item: it, buffers: inputs) { _ in MatmulTarget(base: x, stride: d, accumulate: true) }
                }
            }

            // Feed-forward block (SwiGLU). Like llama.cpp, the last layer runs it only for the rows
            // whose logits are wanted (which also decides the batch size its kernels see).
            let first = li == lastLayer ? n - plan.outputs : 0
            let rows = n - first
            if rows == 0 { break }
            let xr = x + first * d
            let gateUp = MatmulPhase(layer.gateUp, tokens: rows, itemsWanted: items)
            let down = MatmulPhase(layer.ffnOut, tokens: rows, itemsWanted: items)
            prepare(gateUp, xr, norm: layer.ffnNorm) { its in
                for it in its {
                    gateUp.run(item: it, buffers: inputs) { m in
                        MatmulTarget(base: m == 0 ? s.gate : s.up, stride: f, accumulate: false)
                    }
                }
            }
            // x += Wdown · (silu(gate) * up), the product quantized for Wdown.
            func downItems(_ its: Range<Int>) {
                for it in its {
                    down.run(item: it, buffers: inputs) { _ in MatmulTarget(base: xr, stride: d, accumulate: true) }
                }
            }
            if single {
                share(down.items, prologue: {
                    mine.input.update(from: s.gate, count: f)
                    VecMath.swiglu(mine.input, s.up, count: f)
                    down.quantize(mine.input, row: 0, buffers: mine.quantized)
                }, downItems)
            } else {
                // In pieces of whole quantization blocks, each token's silu(gate) * up in place.
                let piece = max(lcm(64, layer.wDown.inputBlock), (f / items + 255) / 256 * 256)
                let pieces = (f + piece - 1) / piece
                share(rows * pieces) { its in
                    for it in its {
                        let t = it / pieces, lo = (it % pieces) * piece, hi = min(f, lo + piece)
                        VecMath.swiglu(s.gate + t * f + lo, s.up + t * f + lo, count: hi - lo)
                        layer.wDown.quantizeInput(s.gate + t * f, row: t, elements: lo, hi, kernels: down.kernel(0), into: s.activations[0])
                    }
                }
                share(down.items, downItems)
            }
        }
        guard plan.outputs > 0 else { return }

        // logits = Woutput · (rmsnorm(x) * output_norm) for the wanted rows.
        let outputs = plan.outputs, logits = plan.logits
        let out = MatmulPhase(weights.outputList, tokens: outputs, itemsWanted: 4 * items)
        prepare(out, x + (n - outputs) * d, norm: weights.outputNorm) { its in
            for it in its {
                out.run(item: it, buffers: inputs) { _ in MatmulTarget(base: logits, stride: c.vocabSize, accumulate: false) }
            }
        }
    }

    /// y = x / sqrt(mean(x²) + eps) * weight, as ggml: squares summed in double, (x * scale) * w.
    private func rmsNorm(_ x: UnsafePointer<Float>, _ w: [Float], _ y: UnsafeMutablePointer<Float>, _ n: Int, _ eps: Float) {
        var sum: Double = 0
        for i in 0..<n { sum += Double(x[i] * x[i]) }
        let scale = 1 / sqrtf(Float(sum / Double(n)) + eps)
        w.withUnsafeBufferPointer { wb in
            for i in 0..<n { y[i] = x[i] * scale * wb[i] }
        }
    }
}

/// What the pool's job works on: set by `step` before the job runs.
private struct StepPlan {
    unowned(unsafe) var state: LlamaState?
    var n = 0
    var pos0 = 0
    var outputs = 0
    var logits = UnsafeMutablePointer<Float>(bitPattern: 0x40)!

    init() {}

    init(state: LlamaState, n: Int, pos0: Int, outputs: Int, logits: UnsafeMutablePointer<Float>) {
        self.state = state
        self.n = n
        self.pos0 = pos0
        self.outputs = outputs
        self.logits = logits
    }
}

private func lcm(_ a: Int, _ b: Int) -> Int {
    var x = a, y = b
    while y != 0 { (x, y) = (y, x % y) }
    return a / x * b
}

public enum EngineError: Error, CustomStringConvertible, Equatable {
    case contextFull(capacity: Int)
    case badToken(Int32, vocabSize: Int)

    public var description: String {
        switch self {
        case .contextFull(let n): return "the context of \(n) tokens is full"
        case .badToken(let t, let v): return "token id \(t) is outside the vocabulary of \(v)"
        }
    }
}
