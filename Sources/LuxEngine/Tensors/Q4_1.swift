/// Q4_1: blocks of 32 weights, { f16 d; f16 m; u8 qs[16] }, x = d * nibble + m (nibbles as in Q4_0).
/// Activations are Q8_1, whose s = d_y * sum(q_y) turns the offset m into one multiply per block.
public enum Q4_1 {
    static let blockBytes = 20

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 32 {
            let blk = src + b * blockBytes
            let d = loadHalf(blk), m = loadHalf(blk, 2)
            for j in 0..<16 {
                let q = blk.load(fromByteOffset: 4 + j, as: UInt8.self)
                // Two roundings (no fused multiply-add), as ggml-base's dequantize_row_q4_1.
                dst[b * 32 + j] = Float(q & 0xF) * d + m
                dst[b * 32 + j + 16] = Float(q >> 4) * d + m
            }
        }
    }

    /// As ggml_vec_dot_q4_1_q8_1 (AVX2): eight lane sums per block fused-added with d_w·d_a into
    /// eight float sums; the offsets in one scalar chain, summs = fma(m, s, summs); the result is
    /// hsum(lanes) + summs.
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>()
        var summs: Float = 0
        for b in 0..<count / 32 {
            let x = w + b * blockBytes, y = a + b * Q8_1.blockBytes
            summs = summs.addingProduct(loadHalf(x, 2), loadHalf(y, 2))
            let (lo, hi) = nibbleLanes(x, 4)
            let lanes = blockLanes(lo, hi, int8Lanes(y, 4), int8Lanes(y, 20))
            acc = acc.addingProduct(SIMD8(repeating: loadHalf(x) * loadHalf(y)), lanes)
        }
        return VecMath.hsum(acc) + summs
    }
}

extension Q4_1 {
    /// `dot` for many rows and tokens (see RowKernels and RowProduct); bit-identical to `dot`.
    public static func dotRows(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd { Q4_1AVX2.dotRows(p, rows: rows, spacing: spacing, lanes: lanes); return }
        #elseif arch(arm64)
        if RowKernels.neon { LegacyQuantNEON.dotRows(Q4_1NEON.self, p, rows: rows, spacing: spacing, lanes: lanes); return }
        #endif
        RowKernels.portable(dot, p, rows: rows, spacing: spacing, lanes: lanes)
    }
}
