/// The K-quant dots of llama.cpp's tiled prompt path (ggml-cpu/tiled, AVX2 microkernel), which
/// it runs instead of the vec_dot kernels for Q4_K (when not repacked), Q5_K and Q6_K matrices
/// once a batch has 8 tokens or more. Per super-block it forms two exact integers, the scaled
/// quant sum s1 = sum_j s_j * (q · q8)_j and (Q4_K/Q5_K) the min sum s2 = sum_j m_j * (sum of
/// sub-block j's activations), then one float: r = d_w * s1, r = r - dmin_w * s2 (fused), and
/// acc = fma(r, d_a, acc), super-blocks in order. Unlike vec_dot, the weight scale is applied
/// before the activation scale, and no lanes are kept.
extension Q4_K {
    public static func dotTiled(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        KQuantTiled.withMins(w, a, count: count, blockBytes: blockBytes, sums: blockSums)
    }
}

extension Q5_K {
    public static func dotTiled(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        KQuantTiled.withMins(w, a, count: count, blockBytes: blockBytes, sums: blockSums)
    }
}

/// The tiled float part shared by the formats with mins (Q4_K, Q5_K), given their integer sums.
enum KQuantTiled {
    @inline(__always)
    static func withMins(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int, blockBytes: Int,
                         sums: (UnsafeRawPointer, UnsafeRawPointer) -> (lanes: SIMD8<Int32>, mins: SIMD8<Int32>)) -> Float {
        var acc: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let (lanes, mins) = sums(x, y)
            let r = (loadHalf(x) * Float(lanes.wrappedSum())).addingProduct(-loadHalf(x, 2), Float(mins.wrappedSum()))
            acc = acc.addingProduct(r, Q8_K.scale(y))
        }
        return acc
    }
}

extension Q6_K {
    public static func dotTiled(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let r = loadHalf(x, dOffset) * Float(blockSums(x, y).wrappedSum())
            acc = acc.addingProduct(r, Q8_K.scale(y))
        }
        return acc
    }
}
