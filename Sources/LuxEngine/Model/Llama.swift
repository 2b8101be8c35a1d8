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
public final class LlamaModel: @unchecked Sendable {
    public let config: LlamaConfig
    public let gguf: GGUFFile
    let weights: LlamaWeights
    public let pool: WorkerPool

    public init(gguf: GGUFFile, threads: Int? = nil) throws {
        self.gguf = gguf
        config = try LlamaConfig(gguf: gguf)
        weights = try LlamaWeights(gguf: gguf, config: config)
        pool = WorkerPool(threads: threads ?? WorkerPool.physicalCores)
    }

    /// Bytes of weights one decode step reads (every matrix once, plus one embedding row).
    public var weightBytesPerToken: Int {
        var n = weights.output.tensor.byteCount + weights.embedding.tensor.rowBytes
        for l in weights.layers {
            for w in [l.wq, l.wk, l.wv, l.wo, l.wGate, l.wUp, l.wDown] { n += w.tensor.byteCount }
        }
        return n
    }

    public func makeState(contextLength: Int, batchSize: Int = 64) -> LlamaState {
        LlamaState(config: config, context: min(contextLength, config.contextLength), batch: batchSize)
    }

    /// Runs `tokens` at positions `state.position...`; returns logits for the last token, or for
    /// every token when `allLogits` (vocab × count, row per token).
    public func forward(_ tokens: [Int32], state s: LlamaState, allLogits: Bool = false) throws -> [Float] {
        guard !tokens.isEmpty else { return [] }
        guard s.position + tokens.count <= s.cache.capacity else {
            throw EngineError.contextFull(capacity: s.cache.capacity)
        }
        for t in tokens where t < 0 || Int(t) >= config.vocabSize {
            throw EngineError.badToken(t, vocabSize: config.vocabSize)
        }
        var out: [Float] = []
        var start = 0
        while start < tokens.count {
            var n = min(s.batch, tokens.count - start)
            // llama.cpp multiplies a prompt in one batch, and one-token batches take other kernels
            // (other sum orders): never leave a lone last token.
            if tokens.count - start - n == 1 && n > 2 { n -= 1 }
            let last = start + n == tokens.count
            let outputs = allLogits ? n : (last ? 1 : 0)
            out.append(contentsOf: step(Array(tokens[start..<start + n]), s, outputs: outputs))
            start += n
        }
        return out
    }

    /// One batch of n ≤ state.batch tokens; returns the logits of its last `outputs` rows.
    private func step(_ tokens: [Int32], _ s: LlamaState, outputs: Int) -> [Float] {
        let c = config, n = tokens.count, d = c.dim, pos0 = s.position
        let x = s.x, h = s.h

        // Embedding rows, dequantized.
        for (i, t) in tokens.enumerated() {
            weights.embedding.format.dequantize(weights.embedding.tensor.row(Int(t)), x + i * d, d)
        }
        s.prepareRope(from: pos0, count: n, base: c.ropeBase, dims: c.ropeDims, factors: weights.ropeFactors)

        for (li, layer) in weights.layers.enumerated() {
            // Attention block.
            for i in 0..<n { rmsNorm(x + i * d, layer.attnNorm, h + i * d, d, c.rmsEps) }
            matmul([layer.wq, layer.wk, layer.wv], h, n, [s.q, s.k, s.v], s)
            for i in 0..<n {
                s.applyRope(s.q + i * d, heads: c.heads, headDim: c.headDim, dims: c.ropeDims, row: i)
                s.applyRope(s.k + i * c.kvDim, heads: c.kvHeads, headDim: c.headDim, dims: c.ropeDims, row: i)
                let kc = s.cache.key(li, pos0 + i), vc = s.cache.value(li, pos0 + i)
                for j in 0..<c.kvDim { kc[j] = Float16(s.k[i * c.kvDim + j]); vc[j] = Float16(s.v[i * c.kvDim + j]) }
            }
            attention(layer: li, count: n, s)
            matmul([layer.wo], s.att, n, [s.proj], s)
            for j in 0..<(n * d) { x[j] += s.proj[j] }

            // Feed-forward block (SwiGLU). Like llama.cpp, the last layer runs it only for the rows
            // whose logits are wanted (which also decides the batch size its kernels see).
            let first = li == weights.layers.count - 1 ? n - outputs : 0
            let rows = n - first
            if rows == 0 { break }
            let xr = x + first * d
            for i in 0..<rows { rmsNorm(xr + i * d, layer.ffnNorm, h + i * d, d, c.rmsEps) }
            matmul([layer.wGate, layer.wUp], h, rows, [s.gate, s.up], s)
            for i in 0..<rows { VecMath.swiglu(s.gate + i * c.ffnDim, s.up + i * c.ffnDim, count: c.ffnDim) }
            matmul([layer.wDown], s.gate, rows, [s.proj], s)
            for j in 0..<(rows * d) { xr[j] += s.proj[j] }
        }
        s.position += n
        guard outputs > 0 else { return [] }

        let xr = x + (n - outputs) * d
        for i in 0..<outputs { rmsNorm(xr + i * d, weights.outputNorm, h + i * d, d, c.rmsEps) }
        var logits = [Float](repeating: 0, count: outputs * c.vocabSize)
        logits.withUnsafeMutableBufferPointer { buf in
            matmul([weights.output], h, outputs, [buf.baseAddress!], s)
        }
        return logits
    }

    /// y = x / sqrt(mean(x²) + eps) * weight, as ggml: squares summed in double, (x * scale) * w.
    private func rmsNorm(_ x: UnsafePointer<Float>, _ w: [Float], _ y: UnsafeMutablePointer<Float>, _ n: Int, _ eps: Float) {
        var sum: Double = 0
        for i in 0..<n { sum += Double(x[i] * x[i]) }
        let scale = 1 / sqrtf(Float(sum / Double(n)) + eps)
        for i in 0..<n { y[i] = x[i] * scale * w[i] }
    }

    /// outs[m][i] = ws[m] · x[i] for each of n input rows. The input is quantized once per
    /// activation format; the rows of all matrices are split across the worker pool together.
    /// Each matrix uses the kernel llama.cpp would run for it with n tokens (see KernelChoice).
    private func matmul(_ ws: [WeightMatrix], _ x: UnsafePointer<Float>, _ n: Int,
                        _ outs: [UnsafeMutablePointer<Float>], _ s: LlamaState) {
        let cols = ws[0].cols
        var quantized: [GGMLType: UnsafeMutableRawPointer] = [:]
        var slot = 0
        for w in ws where quantized[w.format.activationType] == nil {
            let buf = s.activations[slot]; slot += 1
            let stride = w.format.activationBytes(cols)
            for i in 0..<n { w.format.quantizeActivation(x + i * cols, buf + i * stride, cols) }
            quantized[w.format.activationType] = buf
        }
        let totalRows = ws.reduce(0) { $0 + $1.rows }
        let acts = ws.map { UnsafeRawPointer(quantized[$0.format.activationType]!) }
        let kernels = ws.map { $0.dotKernel(tokens: n) }
        pool.parallelFor(totalRows) { range in
            var r = range.lowerBound
            var m = 0, base = 0
            while r < range.upperBound {
                while r >= base + ws[m].rows { base += ws[m].rows; m += 1 }
                let w = ws[m], row = r - base, dot = kernels[m]
                let wr = w.tensor.row(row), stride = w.format.activationBytes(cols)
                for i in 0..<n {
                    outs[m][i * w.rows + row] = dot(wr, acts[m] + i * stride, cols)
                }
                r += 1
            }
        }
    }

    /// Causal grouped-query attention for the n newest positions, reading keys and values from
    /// the f16 cache. As llama.cpp without flash attention: q rounded to f16, scores = (k · q) ·
    /// 1/sqrt(head_dim), ggml's softmax, the weights rounded to f16, then their sum over values;
    /// both products in the one-token or the batch order, as llama.cpp picks by batch size.
    private func attention(layer li: Int, count n: Int, _ s: LlamaState) {
        let c = config, hd = c.headDim, group = c.heads / c.kvHeads
        let scale = 1 / sqrtf(Float(hd))
        let pos0 = s.position
        let batched = n >= 2
        let tiledScores = batched && hd % 8 == 0
        pool.parallelFor(n * c.heads) { range in
            let scores = UnsafeMutablePointer<Float>.allocate(capacity: pos0 + n)
            let probs = UnsafeMutablePointer<Float16>.allocate(capacity: pos0 + n)
            let q16 = UnsafeMutablePointer<Float16>.allocate(capacity: hd)
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 32 * hd)
            defer { scores.deallocate(); probs.deallocate(); q16.deallocate(); scratch.deallocate() }
            for job in range {
                let i = job / c.heads, head = job % c.heads, kvh = head / group
                let q = s.q + i * c.dim + head * hd
                for j in 0..<hd { q16[j] = Float16(q[j]) }
                let count = pos0 + i + 1
                var maxScore = -Float.infinity
                for t in 0..<count {
                    let k = UnsafeRawPointer(s.cache.key(li, t) + kvh * hd)
                    let dot = tiledScores ? F16.dotTiled(k, q16, count: hd) : F16.dot(k, q16, count: hd)
                    scores[t] = dot * scale
                    maxScore = max(maxScore, scores[t])
                }
                let inv = Float(1 / VecMath.softmaxExp(scores, count: count, max: maxScore))
                for t in 0..<count { probs[t] = Float16(scores[t] * inv) }
                F16.weightedSum(rows: s.cache.value(li, 0) + kvh * hd, stride: c.kvDim, weights: probs, count: count,
                                dims: hd, tiled: batched, scratch: scratch, out: s.att + i * c.dim + head * hd)
            }
        }
    }
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
