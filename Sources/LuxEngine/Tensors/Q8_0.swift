/// Q8_0: blocks of 32 weights, { f16 d; int8 q[32] }, x = d * q.
/// Also the activation format for Q4_0 and Q8_0 weights.
public enum Q8_0 {
    static let blockBytes = 34

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 32 {
            let blk = src + b * blockBytes
            let d = loadHalf(blk)
            for j in 0..<32 { dst[b * 32 + j] = d * Float(blk.load(fromByteOffset: 2 + j, as: Int8.self)) }
        }
    }

    /// As ggml's AVX2 quantize_row_q8_0: d = max|x|/127, q = round-half-even(x * 127/max|x|).
    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<count / 32 {
            let v = x + b * 32
            let blk = dst + b * blockBytes
            var amax: Float = 0
            for j in 0..<32 { amax = max(amax, abs(v[j])) }
            let d = amax / 127
            storeHalf(d, blk)
            let id: Float = amax != 0 ? 127 / amax : 0
            for j in 0..<32 { blk.storeBytes(of: Int8(roundEven(v[j] * id)), toByteOffset: 2 + j, as: Int8.self) }
        }
    }

    /// As ggml_vec_dot_q8_0_q8_0 (AVX2), also tinyBLAS's Q8_0 path for batches: per block, eight
    /// lane sums scaled by d_w·d_a and fused-added into eight float sums; hsum at the end.
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<count / 32 {
            let x = w + b * blockBytes, y = a + b * blockBytes
            let lanes = blockLanes(int8Lanes(x, 2), int8Lanes(x, 18), int8Lanes(y, 2), int8Lanes(y, 18))
            acc = acc.addingProduct(SIMD8(repeating: loadHalf(x) * loadHalf(y)), lanes)
        }
        return VecMath.hsum(acc)
    }
}

extension Q8_0 {
    /// `dot` for many rows and tokens (see RowKernels and RowProduct); bit-identical to `dot`.
    public static func dotRows(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd { Q8_0AVX2.dotRows(p, rows: rows, spacing: spacing, lanes: lanes); return }
        #elseif arch(arm64)
        if RowKernels.neon { LegacyQuantNEON.dotRows(Q8_0NEON.self, p, rows: rows, spacing: spacing, lanes: lanes); return }
        #endif
        RowKernels.portable(dot, p, rows: rows, spacing: spacing, lanes: lanes)
    }
}
