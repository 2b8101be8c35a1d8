/// Q6_K: super-blocks of 256 weights in 16 sub-blocks of 16, { u8 ql[128]; u8 qh[64];
/// i8 scales[16]; f16 d }, x = (d * scales[j]) * (q - 32) with q a 6-bit quant. Each half of 128
/// elements uses 64 ql bytes and 32 qh bytes: element l (0..<32) of its four 32-element quarters
/// takes its low 4 bits from ql[l] low, ql[l+32] low, ql[l] high, ql[l+32] high nibbles and its
/// high 2 bits from qh[l] bits 0-1, 2-3, 4-5, 6-7. Activations are Q8_K.
public enum Q6_K {
    static let blockBytes = 210
    static let qhOffset = 128
    static let scalesOffset = 192
    static let dOffset = 208

    /// The 6-bit quant (0...63) of element `i` (0..<256) of the block at `blk`.
    @inline(__always)
    static func quant(_ blk: UnsafeRawPointer, _ i: Int) -> UInt8 {
        let half = i / 128, quarter = (i % 128) / 32, l = i % 32
        let ql = blk.load(fromByteOffset: 64 * half + l + (quarter % 2) * 32, as: UInt8.self)
        let qh = blk.load(fromByteOffset: qhOffset + 32 * half + l, as: UInt8.self)
        let low = quarter < 2 ? ql & 0xF : ql >> 4
        return low | ((qh >> (2 * quarter)) & 3) << 4
    }

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 256 {
            let blk = src + b * blockBytes
            let d = loadHalf(blk, dOffset)
            for i in 0..<256 {
                let sc = Float(blk.load(fromByteOffset: scalesOffset + i / 16, as: Int8.self))
                dst[b * 256 + i] = d * sc * Float(Int32(quant(blk, i)) - 32)
            }
        }
    }

    /// Scalar reference, the arithmetic of ggml's ggml_vec_dot_q6_K_q8_K_generic: integer sums
    /// scale * (q - 32) * q8 in eight lanes (element index mod 8), float lane sums across blocks.
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sums = SIMD8<Float>()
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            var aux = SIMD8<Int32>()
            for i in 0..<256 {
                let scale = Int32(x.load(fromByteOffset: scalesOffset + i / 16, as: Int8.self))
                let q = Int32(quant(x, i)) - 32
                let q8 = Int32(y.load(fromByteOffset: Q8_K.qsOffset + i, as: Int8.self))
                aux[i % 8] += scale * (q * q8)
            }
            let d = loadHalf(x, dOffset) * Q8_K.scale(y)
            for l in 0..<8 { sums[l] += d * Float(aux[l]) }
        }
        return finishKDot(0, sums)
    }

    /// The same sums with 16-lane integer vectors; bit-identical to `dot`.
    public static func dotFast(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sums = SIMD8<Float>()
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let scales = x.loadUnaligned(fromByteOffset: scalesOffset, as: SIMD16<Int8>.self)
            var aux = SIMD8<Int32>()
            // Sub-block j (16 elements, one scale): half j / 8, quarter (j % 8) / 2, and the
            // first or second 16 of the quarter's 32 ql/qh columns.
            for j in 0..<16 {
                let half = j / 8, quarter = (j % 8) / 2, col = 16 * (j % 2)
                let ql = load16(x, 64 * half + 32 * (quarter % 2) + col)
                let qh = load16(x, qhOffset + 32 * half + col)
                let low = quarter < 2 ? ql & 0xF : ql &>> 4
                let q = (low | ((qh &>> Int16(2 * quarter)) & 3) &<< 4) &- 32
                // |(q - 32) * q8| <= 32 * 128, so the two products per lane fit an Int16.
                let p = q &* load16Signed(y, Q8_K.qsOffset + 16 * j)
                aux &+= SIMD8(repeating: Int32(scales[j])) &* foldLanes(p)
            }
            sums += (loadHalf(x, dOffset) * Q8_K.scale(y)) * SIMD8<Float>(aux)
        }
        return finishKDot(0, sums)
    }
}
