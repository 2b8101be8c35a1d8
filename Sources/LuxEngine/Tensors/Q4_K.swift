/// Q4_K: super-blocks of 256 weights in 8 sub-blocks of 32, { f16 d; f16 dmin; u8 scales[12];
/// u8 qs[128] }. Sub-block j has a 6-bit scale s_j and min m_j (see KQuantScales), and
/// x = (d * s_j) * q - (dmin * m_j) with q a 4-bit quant. Bytes qs[32p..<32p+32] hold sub-block 2p
/// in their low nibbles and sub-block 2p+1 in their high nibbles. Activations are Q8_K.
public enum Q4_K {
    static let blockBytes = 144
    static let scalesOffset = 4
    static let qsOffset = 16

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 256 {
            let blk = src + b * blockBytes
            let d = loadHalf(blk), dmin = loadHalf(blk, 2)
            let y = dst + b * 256
            for p in 0..<4 {
                let (s1, m1) = KQuantScales.scaleMin(blk + scalesOffset, 2 * p)
                let (s2, m2) = KQuantScales.scaleMin(blk + scalesOffset, 2 * p + 1)
                let d1 = d * Float(s1), dm1 = dmin * Float(m1)
                let d2 = d * Float(s2), dm2 = dmin * Float(m2)
                for l in 0..<32 {
                    let q = blk.load(fromByteOffset: qsOffset + 32 * p + l, as: UInt8.self)
                    y[64 * p + l] = d1 * Float(q & 0xF) - dm1
                    y[64 * p + 32 + l] = d2 * Float(q >> 4) - dm2
                }
            }
        }
    }

    /// Scalar reference, the arithmetic of ggml's ggml_vec_dot_q4_K_q8_K_generic: per super-block,
    /// integer sums s_j * q * q8 in eight lanes (element index mod 8) and the min correction
    /// sum(bsums * m), then float lane sums across blocks, added to the total at the end.
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sums = SIMD8<Float>()
        var sumf: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            var aux = SIMD8<Int32>()
            for j in 0..<8 {
                let scale = Int32(KQuantScales.scaleMin(x + scalesOffset, j).scale)
                for k in 0..<32 {
                    let byte = x.load(fromByteOffset: qsOffset + 32 * (j / 2) + k, as: UInt8.self)
                    let q = Int32(j % 2 == 0 ? byte & 0xF : byte >> 4)
                    let q8 = Int32(y.load(fromByteOffset: Q8_K.qsOffset + 32 * j + k, as: Int8.self))
                    aux[k % 8] += scale * (q * q8)
                }
            }
            var sumi: Int32 = 0
            for j in 0..<16 {
                let bsum = Int32(Int16(littleEndian: y.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset + 2 * j, as: Int16.self)))
                sumi += bsum * Int32(KQuantScales.scaleMin(x + scalesOffset, j / 2).min)
            }
            let dy = Q8_K.scale(y)
            let d = loadHalf(x) * dy
            for l in 0..<8 { sums[l] += d * Float(aux[l]) }
            let dmin = loadHalf(x, 2) * dy
            sumf -= dmin * Float(sumi)
        }
        return finishKDot(sumf, sums)
    }

    /// The same sums with 16-lane integer vectors; bit-identical to `dot`.
    public static func dotFast(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sums = SIMD8<Float>()
        var sumf: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let (scales, mins) = KQuantScales.unpack(x + scalesOffset)
            let sc = widenToInt32(scales)
            var aux = SIMD8<Int32>()
            for p in 0..<4 {
                let q0 = load16(x, qsOffset + 32 * p), q1 = load16(x, qsOffset + 32 * p + 16)
                let yo = Q8_K.qsOffset + 64 * p
                // Two products per lane before the fold and four after: |q * q8| <= 15 * 128 fits.
                let lo = (q0 & 0xF) &* load16Signed(y, yo) &+ (q1 & 0xF) &* load16Signed(y, yo + 16)
                let hi = (q0 &>> 4) &* load16Signed(y, yo + 32) &+ (q1 &>> 4) &* load16Signed(y, yo + 48)
                aux &+= SIMD8(repeating: sc[2 * p]) &* foldLanes(lo)
                aux &+= SIMD8(repeating: sc[2 * p + 1]) &* foldLanes(hi)
            }
            let sumi = weightedBlockSums(y, mins)
            let dy = Q8_K.scale(y)
            sums += (loadHalf(x) * dy) * SIMD8<Float>(aux)
            sumf -= (loadHalf(x, 2) * dy) * Float(sumi)
        }
        return finishKDot(sumf, sums)
    }
}
