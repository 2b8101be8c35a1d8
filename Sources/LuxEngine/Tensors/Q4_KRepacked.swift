/// The Q4_K dots of llama.cpp's repacked path. On AVX2, llama.cpp repacks every Q4_K matrix whose
/// row count is a multiple of 8 into block_q4_Kx8 (eight rows interleaved) when it loads a model,
/// and multiplies it with ggml_gemv_q4_K_8x8_q8_K (a lone token) or ggml_gemm_q4_K_8x8_q8_K
/// (tokens four at a time, activations quantized by ggml_quantize_mat_q8_K_4x8). Neither keeps
/// lanes: both sum whole integers and fuse them into one running float for the scaled quants and
/// one for the min corrections, subtracted at the end. They differ in how often they fuse: the
/// GEMV once per super-block, the GEMM once per pair of sub-blocks. We compute the same numbers
/// from the original layout (the interleaving only moves bytes).
extension Q4_K {
    /// As ggml_gemv_q4_K_8x8_q8_K (AVX2): per super-block, isum = sum_j s_j * (q · q8)_j and
    /// imin = sum_j m_j * (sum of sub-block j's activations); acc = fma(isum, d_w * d_a, acc),
    /// accMin = fma(imin, dmin_w * d_a, accMin); the result is acc - accMin.
    public static func dotInterleaved(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc: Float = 0, accMin: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let (scales, mins) = KQuantScales.unpack(x + scalesOffset)
            let sc = widenToInt32(scales)
            var sums = SIMD8<Int32>()
            for p in 0..<4 {
                let q0 = load16(x, qsOffset + 32 * p), q1 = load16(x, qsOffset + 32 * p + 16)
                let yo = Q8_K.qsOffset + 64 * p
                // Two products per Int16 lane before the fold: |q * q8| <= 15 * 128.
                let lo = (q0 & 0xF) &* load16Signed(y, yo) &+ (q1 & 0xF) &* load16Signed(y, yo + 16)
                let hi = (q0 &>> 4) &* load16Signed(y, yo + 32) &+ (q1 &>> 4) &* load16Signed(y, yo + 48)
                sums &+= sc[2 * p] &* foldLanes(lo) &+ sc[2 * p + 1] &* foldLanes(hi)
            }
            let imin = (widenToInt32(mins) &* subBlockSums(y)).wrappedSum()
            let dy = Q8_K.scale(y)
            acc = acc.addingProduct(Float(sums.wrappedSum()), loadHalf(x) * dy)
            accMin = accMin.addingProduct(Float(imin), loadHalf(x, 2) * dy)
        }
        return acc - accMin
    }

    /// As ggml_gemm_q4_K_8x8_q8_K (AVX2): the same sums, fused once per pair of sub-blocks
    /// (2p, 2p+1): acc = fma(s_2p * (q · q8)_2p + s_2p+1 * (q · q8)_2p+1, d_w * d_a, acc), and
    /// accMin likewise with m_2p, m_2p+1 and the two sub-blocks' activation sums.
    public static func dotInterleavedGroup(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc: Float = 0, accMin: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let (scales, mins) = KQuantScales.unpack(x + scalesOffset)
            let sc = widenToInt32(scales)
            let m = widenToInt32(mins) &* subBlockSums(y)
            let dy = Q8_K.scale(y)
            let d = loadHalf(x) * dy, dmin = loadHalf(x, 2) * dy
            for p in 0..<4 {
                let q0 = load16(x, qsOffset + 32 * p), q1 = load16(x, qsOffset + 32 * p + 16)
                let yo = Q8_K.qsOffset + 64 * p
                let lo = (q0 & 0xF) &* load16Signed(y, yo) &+ (q1 & 0xF) &* load16Signed(y, yo + 16)
                let hi = (q0 &>> 4) &* load16Signed(y, yo + 32) &+ (q1 &>> 4) &* load16Signed(y, yo + 48)
                let isum = (sc[2 * p] &* foldLanes(lo) &+ sc[2 * p + 1] &* foldLanes(hi)).wrappedSum()
                acc = acc.addingProduct(Float(isum), d)
                accMin = accMin.addingProduct(Float(m[2 * p] &+ m[2 * p + 1]), dmin)
            }
        }
        return acc - accMin
    }
}
