import Foundation

/// Causal grouped-query attention of one query row and head over the f16 cache, as llama.cpp
/// without flash attention: q rounded to f16, scores = (k · q) · 1/sqrt(head_dim), ggml's softmax,
/// the weights rounded to f16, then their sum over the values; both products in the one-token
/// (`batched` false) or the batch order, as llama.cpp picks by batch size.
enum Attention {
    /// out[0..<headDim] for query `q` at absolute position `position` (it sees 0...position).
    static func head(q: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, layer: Int, kvHead: Int,
                     position: Int, headDim hd: Int, cache: KVCache, batched: Bool, scratch s: WorkerScratch) {
        let scale = 1 / sqrtf(Float(hd))
        let tiledScores = batched && hd % 8 == 0
        for j in 0..<hd { s.q16[j] = Float16(q[j]) }
        let count = position + 1
        var maxScore = -Float.infinity
        let kvDim = cache.kvDim
        var k = UnsafeRawPointer(cache.key(layer, 0) + kvHead * hd)
        for t in 0..<count {
            let dot = tiledScores ? F16.dotTiled(k, s.q16, count: hd) : F16.dot(k, s.q16, count: hd)
            let score = dot * scale
            s.scores[t] = score
            maxScore = max(maxScore, score)
            k += 2 * kvDim
        }
        let inv = Float(1 / VecMath.softmaxExp(s.scores, count: count, max: maxScore))
        for t in 0..<count { s.probs[t] = Float16(s.scores[t] * inv) }
        F16.weightedSum(rows: cache.value(layer, 0) + kvHead * hd, stride: kvDim, weights: s.probs, count: count,
                        dims: hd, tiled: batched, scratch: s.sums, out: out)
    }

    /// The one-token case for all query heads of kv head `kvHead` at once (heads h0..<h0+count,
    /// rows `headDim` apart in `q` and `out`): each cached key and value row is widened to f32
    /// once for the whole group, and every head then takes exactly the one-token arithmetic of
    /// `head` (the widened f16 values are exact). Needs headDim % 32 == 0.
    static func group(q: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, heads count: Int, layer: Int, kvHead: Int,
                      position: Int, headDim hd: Int, cache: KVCache, scratch s: WorkerScratch) {
        let scale = 1 / sqrtf(Float(hd))
        let positions = position + 1, kvDim = cache.kvDim
        // f16-rounded queries (widened), then one widened key or value row.
        let queries = s.input, row = s.input + count * hd
        for j in 0..<count * hd { queries[j] = Float(Float16(q[j])) }
        var k = cache.key(layer, 0) + kvHead * hd
        for t in 0..<positions {
            F16.dequantize(UnsafeRawPointer(k), row, count: hd)
            for h in 0..<count {
                s.scores[h * positions + t] = F16.dotWidened(row, queries + h * hd, count: hd) * scale
            }
            k += kvDim
        }
        for h in 0..<count {
            let scores = s.scores + h * positions, probs = s.probs + h * positions
            var maxScore = -Float.infinity
            for t in 0..<positions { maxScore = max(maxScore, scores[t]) }
            let inv = Float(1 / VecMath.softmaxExp(scores, count: positions, max: maxScore))
            for t in 0..<positions { probs[t] = Float16(scores[t] * inv) }
        }
        // Σ_t p_t · v_t per dimension, in 32 slots (t % 32) per head, as ggml_vec_dot_f16 along t.
        s.sums.update(repeating: 0, count: count * 32 * hd)
        var v = cache.value(layer, 0) + kvHead * hd
        for t in 0..<positions {
            F16.dequantize(UnsafeRawPointer(v), row, count: hd)
            for h in 0..<count {
                let acc = s.sums + (h * 32 + (t & 31)) * hd
                let pv = SIMD8<Float>(repeating: Float(s.probs[h * positions + t]))
                var j = 0
                while j < hd {
                    let a = UnsafeRawPointer(acc + j).loadUnaligned(as: SIMD8<Float>.self)
                    let r = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<Float>.self)
                    UnsafeMutableRawPointer(acc + j).storeBytes(of: a.addingProduct(r, pv), as: SIMD8<Float>.self)
                    j += 8
                }
            }
            v += kvDim
        }
        for h in 0..<count {
            let base = s.sums + h * 32 * hd
            for j in 0..<hd {
                var lanes = SIMD8<Float>()
                for l in 0..<8 {
                    lanes[l] = (base[l * hd + j] + base[(16 + l) * hd + j]) + (base[(8 + l) * hd + j] + base[(24 + l) * hd + j])
                }
                out[h * hd + j] = VecMath.haddSum(lanes)
            }
        }
    }
}
