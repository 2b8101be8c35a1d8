/// Q4_0: blocks of 32 weights, { f16 d; u8 qs[16] }. Element j is the low nibble of qs[j],
/// element j+16 the high nibble; x = d * (nibble - 8). Activations are Q8_0.
public enum Q4_0 {
    static let blockBytes = 18

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 32 {
            let blk = src + b * blockBytes
            let d = loadHalf(blk)
            for j in 0..<16 {
                let q = blk.load(fromByteOffset: 2 + j, as: UInt8.self)
                dst[b * 32 + j] = d * Float(Int(q & 0xF) - 8)
                dst[b * 32 + j + 16] = d * Float(Int(q >> 4) - 8)
            }
        }
    }

    /// As ggml_vec_dot_q4_0_q8_0 (AVX2): eight lane sums per block, fused-added with d_w·d_a
    /// into eight float sums, hsum at the end.
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<count / 32 {
            let x = w + b * blockBytes, y = a + b * Q8_0.blockBytes
            let (lo, hi) = nibbleLanes(x, 2)
            let lanes = blockLanes(lo &- 8, hi &- 8, int8Lanes(y, 2), int8Lanes(y, 18))
            acc = acc.addingProduct(SIMD8(repeating: loadHalf(x) * loadHalf(y)), lanes)
        }
        return VecMath.hsum(acc)
    }

    /// As ggml_gemv/gemm_q4_0_8x8_q8_0 (AVX2), which llama.cpp runs for every Q4_0 matrix whose
    /// row count is a multiple of 8 (it repacks those rows eight at a time when loading): one
    /// integer sum per block, and a single running float sum, sum = fma(isum, d_w·d_a, sum).
    public static func dotInterleaved(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sum: Float = 0
        for b in 0..<count / 32 {
            let x = w + b * blockBytes, y = a + b * Q8_0.blockBytes
            let (lo, hi) = nibbleLanes(x, 2)
            let isum = blockSum(lo &- 8, hi &- 8, int8Lanes(y, 2), int8Lanes(y, 18))
            sum = sum.addingProduct(Float(isum), loadHalf(x) * loadHalf(y))
        }
        return sum
    }
}

extension Q4_0 {
    /// `dot` (the lane order, for matrices llama.cpp does not repack) for many rows and tokens
    /// (see RowKernels and RowProduct); bit-identical to `dot`.
    public static func dotRows(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd { Q4_0AVX2.dotRows(p, rows: rows, spacing: spacing, lanes: lanes); return }
        #elseif arch(arm64)
        if RowKernels.neon { LegacyQuantNEON.dotRows(Q4_0NEON.self, p, rows: rows, spacing: spacing, lanes: lanes); return }
        #endif
        RowKernels.portable(dot, p, rows: rows, spacing: spacing, lanes: lanes)
    }

    /// `dotInterleaved` over a packed copy (Q4_0Packed, made only where the AVX2 path runs): the rows
    /// o + k·spacing of each group o in `groups`, k < 8.
    public static func dotRowsPacked(_ p: RowProduct, groups: Range<Int>, spacing: Int) {
        #if arch(x86_64)
        Q4_0AVX2.packedGemv(p, groups: groups, spacing: spacing)
        #else
        preconditionFailure("packed Q4_0 matrices exist only for the AVX2 kernels")
        #endif
    }

    /// `dotInterleaved` for many rows and tokens; bit-identical to it. The AVX2 path takes eight
    /// rows at once (lanes == 8), one row per float lane, as ggml's 8x8 gemv does.
    public static func dotRowsInterleaved(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        #if arch(x86_64)
        if RowKernels.simd && lanes == 8 { Q4_0AVX2.dotRowsInterleaved(p, rows: rows, spacing: spacing); return }
        #elseif arch(arm64)
        if RowKernels.neon {
            LegacyQuantNEON.dotRows(Q4_0NEON.self, p, rows: rows, spacing: spacing, lanes: lanes, interleaved: true)
            return
        }
        #endif
        RowKernels.portable(dotInterleaved, p, rows: rows, spacing: spacing, lanes: lanes)
    }
}
