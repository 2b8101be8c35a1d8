/// F16: IEEE half floats. Like ggml, activations are rounded to f16 before the dot, and the
/// products are summed in f32, in the two orders llama.cpp's CPU backend uses.
public enum F16 {
    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        let s = src.assumingMemoryBound(to: Float16.self)
        var i = 0
        while i + 8 <= count {
            let h = UnsafeRawPointer(s + i).loadUnaligned(as: SIMD8<Float16>.self)
            UnsafeMutableRawPointer(dst + i).storeBytes(of: SIMD8<Float>(h), as: SIMD8<Float>.self)
            i += 8
        }
        while i < count { dst[i] = Float(s[i]); i += 1 }
    }

    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        let d = dst.assumingMemoryBound(to: Float16.self)
        for i in 0..<count { d[i] = Float16(x[i]) }
    }

    @inline(__always) static func load8(_ p: UnsafeRawPointer, _ i: Int) -> SIMD8<Float> {
        SIMD8<Float>(p.loadUnaligned(fromByteOffset: 2 * i, as: SIMD8<Float16>.self))
    }

    /// As ggml_vec_dot_f16 (one token at a time): four 8-lane fused sums over steps of 32, folded
    /// (s0+s2)+(s1+s3) and by horizontal adds; a tail of rounded products is added in double.
    public static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Float {
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
        let steps = n & ~31
        var i = 0
        while i < steps {
            s0.addProduct(load8(a, i), load8(b, i))
            s1.addProduct(load8(a, i + 8), load8(b, i + 8))
            s2.addProduct(load8(a, i + 16), load8(b, i + 16))
            s3.addProduct(load8(a, i + 24), load8(b, i + 24))
            i += 32
        }
        var sum = Double(VecMath.haddSum((s0 + s2) + (s1 + s3)))
        while i < n {
            let x = Float(a.load(fromByteOffset: 2 * i, as: Float16.self)), y = Float(b.load(fromByteOffset: 2 * i, as: Float16.self))
            sum += Double(x * y)
            i += 1
        }
        return Float(sum)
    }

    /// `dot` on values already widened to f32 (exactly representable f16 values): the same four
    /// fused sums and folds, for `n` a multiple of 32. Lets attention widen a key row once for all
    /// the query heads that share it.
    @inline(__always)
    public static func dotWidened(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count n: Int) -> Float {
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        var i = 0
        while i < n {
            s0.addProduct(x.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self), y.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self))
            s1.addProduct(x.loadUnaligned(fromByteOffset: 4 * i + 32, as: SIMD8<Float>.self), y.loadUnaligned(fromByteOffset: 4 * i + 32, as: SIMD8<Float>.self))
            s2.addProduct(x.loadUnaligned(fromByteOffset: 4 * i + 64, as: SIMD8<Float>.self), y.loadUnaligned(fromByteOffset: 4 * i + 64, as: SIMD8<Float>.self))
            s3.addProduct(x.loadUnaligned(fromByteOffset: 4 * i + 96, as: SIMD8<Float>.self), y.loadUnaligned(fromByteOffset: 4 * i + 96, as: SIMD8<Float>.self))
            i += 32
        }
        return VecMath.haddSum((s0 + s2) + (s1 + s3))
    }

    /// As llamafile's tinyBLAS for f16 (batches of two or more tokens): one 8-lane fused sum over
    /// steps of 8, then hsum. `n` must be a multiple of 8.
    public static func dotTiled(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i < n {
            acc.addProduct(load8(a, i), load8(b, i))
            i += 8
        }
        return VecMath.hsum(acc)
    }

    /// out[j] = Σ_t w[t] · rows[t][j] for j < dims: the attention-weighted sum of f16 value rows
    /// (`stride` elements apart), summed over t in the order of ggml's dot along the position
    /// axis (llama.cpp multiplies the transposed value cache by the f16 attention weights):
    /// `tiled` (tinyBLAS, batches) keeps lane t % 8 and ends with hsum; otherwise ggml_vec_dot_f16
    /// keeps slot t % 32, folds the four 8-lane sums (s0+s2)+(s1+s3) and ends with horizontal adds.
    /// Positions past `count` carry zero weights there and add exact zeros, so they are skipped.
    /// `scratch` holds 32 · dims floats.
    public static func weightedSum(rows: UnsafePointer<Float16>, stride: Int, weights w: UnsafePointer<Float16>, count: Int,
                                   dims: Int, tiled: Bool, scratch: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>) {
        let slots = tiled ? 8 : 32
        scratch.update(repeating: 0, count: slots * dims)
        for t in 0..<count {
            let acc = scratch + (t & (slots - 1)) * dims
            let p = Float(w[t]), pv = SIMD8<Float>(repeating: p)
            let row = UnsafeRawPointer(rows + t * stride)
            var j = 0
            while j + 8 <= dims {
                let a = UnsafeRawPointer(acc + j).loadUnaligned(as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(acc + j).storeBytes(of: a.addingProduct(load8(row, j), pv), as: SIMD8<Float>.self)
                j += 8
            }
            while j < dims { acc[j].addProduct(Float(row.load(fromByteOffset: 2 * j, as: Float16.self)), p); j += 1 }
        }
        for j in 0..<dims {
            var lanes = SIMD8<Float>()
            if tiled {
                for l in 0..<8 { lanes[l] = scratch[l * dims + j] }
                out[j] = VecMath.hsum(lanes)
            } else {
                for l in 0..<8 {
                    lanes[l] = (scratch[l * dims + j] + scratch[(16 + l) * dims + j]) + (scratch[(8 + l) * dims + j] + scratch[(24 + l) * dims + j])
                }
                out[j] = VecMath.haddSum(lanes)
            }
        }
    }
}
