/// Q5_K: super-blocks of 256 weights in 8 sub-blocks of 32, { f16 d; f16 dmin; u8 scales[12];
/// u8 qh[32]; u8 qs[128] }. As Q4_K, with a fifth bit: bit j of qh[l] is the high bit (+16) of
/// element l of sub-block j. x = (d * s_j) * q - (dmin * m_j), q in 0...31. Activations are Q8_K.
public enum Q5_K {
    static let blockBytes = 176
    static let scalesOffset = 4
    static let qhOffset = 16
    static let qsOffset = 48

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
                    let h = blk.load(fromByteOffset: qhOffset + l, as: UInt8.self)
                    let q1 = (q & 0xF) | ((h >> (2 * p)) & 1) << 4
                    let q2 = (q >> 4) | ((h >> (2 * p + 1)) & 1) << 4
                    y[64 * p + l] = d1 * Float(q1) - dm1
                    y[64 * p + 32 + l] = d2 * Float(q2) - dm2
                }
            }
        }
    }

    /// Scalar reference, the arithmetic of ggml's ggml_vec_dot_q5_K_q8_K (AVX2): the lanes of
    /// Q4_K.dot (s_j * q * q8 in lane (i % 32) / 4, fused into eight float lanes with
    /// d = d_a * d_w), but the min correction is one scalar per super-block,
    /// sum_j m_j * (sum of sub-block j's activations), fused into a single float with
    /// -d_a * dmin_w (GCC contracts ggml's `summs += dmin * sum`). The end: hsum(lanes) + summs.
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>(), summs: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            var lanes = SIMD8<Int32>()
            for i in 0..<256 {
                let j = i / 32, l = i % 32
                let byte = x.load(fromByteOffset: qsOffset + 32 * (j / 2) + l, as: UInt8.self)
                let h = x.load(fromByteOffset: qhOffset + l, as: UInt8.self)
                let q = Int32(j % 2 == 0 ? byte & 0xF : byte >> 4) + ((h >> j) & 1 == 1 ? 16 : 0)
                let q8 = Int32(y.load(fromByteOffset: Q8_K.qsOffset + i, as: Int8.self))
                lanes[kLane(i)] += Int32(KQuantScales.scaleMin(x + scalesOffset, j).scale) * q * q8
            }
            var mins: Int32 = 0
            for j in 0..<16 {
                let bsum = Int32(Int16(littleEndian: y.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset + 2 * j, as: Int16.self)))
                mins += Int32(KQuantScales.scaleMin(x + scalesOffset, j / 2).min) * bsum
            }
            let dy = Q8_K.scale(y)
            for l in 0..<8 { acc[l] = acc[l].addingProduct(dy * loadHalf(x), Float(lanes[l])) }
            summs = summs.addingProduct(-dy * loadHalf(x, 2), Float(mins))
        }
        return VecMath.hsum(acc) + summs
    }

    /// The integers of one super-block: the lanes of s_j * q * q8 (lane (i % 32) / 4) and, per
    /// sub-block j, m_j * (sum of its 32 activations).
    @inline(__always)
    static func blockSums(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer) -> (lanes: SIMD8<Int32>, mins: SIMD8<Int32>) {
        let (scales, mins) = KQuantScales.unpack(x + scalesOffset)
        let sc = widenToInt32(scales)
        let h0 = load16(x, qhOffset), h1 = load16(x, qhOffset + 16)
        var lanes = SIMD8<Int32>()
        for p in 0..<4 {
            let q0 = load16(x, qsOffset + 32 * p), q1 = load16(x, qsOffset + 32 * p + 16)
            let sLo = Int16(2 * p), sHi = Int16(2 * p + 1)
            let lo0 = (q0 & 0xF) | ((h0 &>> sLo) & 1) &<< 4, lo1 = (q1 & 0xF) | ((h1 &>> sLo) & 1) &<< 4
            let hi0 = (q0 &>> 4) | ((h0 &>> sHi) & 1) &<< 4, hi1 = (q1 &>> 4) | ((h1 &>> sHi) & 1) &<< 4
            let yo = Q8_K.qsOffset + 64 * p
            lanes &+= sc[2 * p] &* chunkLanes(lo0, load16Signed(y, yo), lo1, load16Signed(y, yo + 16))
            lanes &+= sc[2 * p + 1] &* chunkLanes(hi0, load16Signed(y, yo + 32), hi1, load16Signed(y, yo + 48))
        }
        return (lanes, widenToInt32(mins) &* subBlockSums(y))
    }

    /// The same sums with 16-lane integer vectors; bit-identical to `dot`.
    public static func dotFast(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>(), summs: Float = 0
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let (lanes, m) = blockSums(x, y)
            let dy = Q8_K.scale(y)
            acc = acc.addingProduct(SIMD8(repeating: dy * loadHalf(x)), SIMD8<Float>(lanes))
            summs = summs.addingProduct(-dy * loadHalf(x, 2), Float(m.wrappedSum()))
        }
        return VecMath.hsum(acc) + summs
    }
}
