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

    /// Scalar reference, the arithmetic of ggml's ggml_vec_dot_q4_K_q8_K (AVX2), which llama.cpp
    /// runs for Q4_K matrices it does not repack: per super-block, integer lane sums
    /// s_j * q * q8 (lane (i % 32) / 4) fused into eight float lanes with d = d_a * d_w, and the min
    /// correction m_j * (sum of sub-block j's activations), paired into four lanes fused with
    /// -d_a * dmin_w. The end: hsum of the eight lanes plus ((m0 + m2) + (m1 + m3)).
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>(), accMin = SIMD4<Float>()
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            var lanes = SIMD8<Int32>()
            for i in 0..<256 {
                let j = i / 32
                let byte = x.load(fromByteOffset: qsOffset + 32 * (j / 2) + i % 32, as: UInt8.self)
                let q = Int32(j % 2 == 0 ? byte & 0xF : byte >> 4)
                let q8 = Int32(y.load(fromByteOffset: Q8_K.qsOffset + i, as: Int8.self))
                lanes[kLane(i)] += Int32(KQuantScales.scaleMin(x + scalesOffset, j).scale) * q * q8
            }
            var mins = SIMD4<Int32>()
            for j in 0..<8 {
                let bsum = (0..<2).reduce(Int32(0)) { s, h in
                    s + Int32(Int16(littleEndian: y.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset + 4 * j + 2 * h, as: Int16.self)))
                }
                mins[j / 2] += Int32(KQuantScales.scaleMin(x + scalesOffset, j).min) * bsum
            }
            let dy = Q8_K.scale(y)
            for l in 0..<8 { acc[l] = acc[l].addingProduct(dy * loadHalf(x), Float(lanes[l])) }
            for l in 0..<4 { accMin[l] = accMin[l].addingProduct(-dy * loadHalf(x, 2), Float(mins[l])) }
        }
        return VecMath.hsum(acc) + ((accMin[0] + accMin[2]) + (accMin[1] + accMin[3]))
    }

    /// The integers of one super-block: the lanes of s_j * q * q8 (lane (i % 32) / 4) and, per
    /// sub-block j, m_j * (sum of its 32 activations).
    @inline(__always)
    static func blockSums(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer) -> (lanes: SIMD8<Int32>, mins: SIMD8<Int32>) {
        let (scales, mins) = KQuantScales.unpack(x + scalesOffset)
        let sc = widenToInt32(scales)
        var lanes = SIMD8<Int32>()
        for p in 0..<4 {
            let q0 = load16(x, qsOffset + 32 * p), q1 = load16(x, qsOffset + 32 * p + 16)
            let yo = Q8_K.qsOffset + 64 * p
            lanes &+= sc[2 * p] &* chunkLanes(q0 & 0xF, load16Signed(y, yo), q1 & 0xF, load16Signed(y, yo + 16))
            lanes &+= sc[2 * p + 1] &* chunkLanes(q0 &>> 4, load16Signed(y, yo + 32), q1 &>> 4, load16Signed(y, yo + 48))
        }
        return (lanes, widenToInt32(mins) &* subBlockSums(y))
    }

    /// The same sums with 16-lane integer vectors; bit-identical to `dot`.
    public static func dotFast(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>(), accMin = SIMD4<Float>()
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            let (lanes, m) = blockSums(x, y)
            let dy = Q8_K.scale(y)
            acc = acc.addingProduct(SIMD8(repeating: dy * loadHalf(x)), SIMD8<Float>(lanes))
            accMin = accMin.addingProduct(SIMD4(repeating: -dy * loadHalf(x, 2)), SIMD4<Float>(m.evenHalf &+ m.oddHalf))
        }
        return VecMath.hsum(acc) + ((accMin[0] + accMin[2]) + (accMin[1] + accMin[3]))
    }
}
