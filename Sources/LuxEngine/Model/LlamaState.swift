import Foundation

/// Everything that changes while a model runs: the KV cache, the current position, and the
/// scratch buffers of one batch. Allocated once per session; a token allocates nothing here.
public final class LlamaState: @unchecked Sendable {
    public let cache: KVCache
    public internal(set) var position = 0
    let batch: Int
    let x, h, q, k, v, att, proj, gate, up: UnsafeMutablePointer<Float>
    /// Quantized activations: up to three formats at once (a Q4_K_M layer mixes Q8_K and others).
    let activations: [UnsafeMutableRawPointer]
    private let ropeCos, ropeSin: UnsafeMutablePointer<Float>
    private let ropeHalf: Int

    init(config c: LlamaConfig, context: Int, batch: Int) {
        cache = KVCache(layers: c.layers, capacity: max(1, context), kvDim: c.kvDim)
        self.batch = max(1, batch)
        let nb = self.batch
        func buf(_ n: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: n)
            p.initialize(repeating: 0, count: n)
            return p
        }
        x = buf(nb * c.dim); h = buf(nb * c.dim); q = buf(nb * c.dim)
        k = buf(nb * c.kvDim); v = buf(nb * c.kvDim); att = buf(nb * c.dim); proj = buf(nb * c.dim)
        gate = buf(nb * c.ffnDim); up = buf(nb * c.ffnDim)
        let widest = max(c.dim, c.ffnDim)
        activations = (0..<3).map { _ in UnsafeMutableRawPointer.allocate(byteCount: nb * widest * 4 + 64, alignment: 64) }
        ropeHalf = c.ropeDims / 2
        ropeCos = buf(nb * ropeHalf); ropeSin = buf(nb * ropeHalf)
    }

    deinit {
        for p in [x, h, q, k, v, att, proj, gate, up, ropeCos, ropeSin] { p.deallocate() }
        for a in activations { a.deallocate() }
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
        for hh in 0..<heads {
            let base = vec + hh * headDim
            for p in 0..<ropeHalf {
                let c = ropeCos[row * ropeHalf + p], s = ropeSin[row * ropeHalf + p]
                let a = base[2 * p], b = base[2 * p + 1]
                base[2 * p] = (-(b * s)).addingProduct(a, c)
                base[2 * p + 1] = (b * c).addingProduct(a, s)
            }
        }
    }
}
