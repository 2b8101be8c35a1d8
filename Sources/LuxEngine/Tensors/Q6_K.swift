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

    /// Scalar reference, the arithmetic of ggml's ggml_vec_dot_q6_K_q8_K (AVX2) in this build: the
    /// unsigned quants first, lane (i % 32) / 4 summing scale * q * q8, then the offset of 32 taken
    /// off per lane from the Q8_K block sums, lane k losing 32 * (sc_2k * bsum_2k + sc_2k+1 * bsum_2k+1).
    /// The lanes are fused into eight floats with d = d_w * d_a; the end is their hsum.
    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            var lanes = SIMD8<Int32>()
            for i in 0..<256 {
                let scale = Int32(x.load(fromByteOffset: scalesOffset + i / 16, as: Int8.self))
                let q8 = Int32(y.load(fromByteOffset: Q8_K.qsOffset + i, as: Int8.self))
                lanes[kLane(i)] += scale * Int32(quant(x, i)) * q8
            }
            for k in 0..<8 {
                for j in [2 * k, 2 * k + 1] {
                    let scale = Int32(x.load(fromByteOffset: scalesOffset + j, as: Int8.self))
                    let bsum = Int32(Int16(littleEndian: y.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset + 2 * j, as: Int16.self)))
                    lanes[k] -= 32 * scale * bsum
                }
            }
            let d = loadHalf(x, dOffset) * Q8_K.scale(y)
            for l in 0..<8 { acc[l] = acc[l].addingProduct(d, Float(lanes[l])) }
        }
        return VecMath.hsum(acc)
    }

    /// The lanes of one super-block: scale * (q - 32) * q8 summed in lane (i % 32) / 4, the offset
    /// taken off per lane from the block sums as ggml's AVX2 dot does.
    @inline(__always)
    static func blockSums(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer) -> SIMD8<Int32> {
        let scales = x.loadUnaligned(fromByteOffset: scalesOffset, as: SIMD16<Int8>.self)
        var lanes = SIMD8<Int32>()
        // Chunk c (32 elements, sub-blocks 2c and 2c+1): half c / 4, quarter c % 4.
        for c in 0..<8 {
            let half = c / 4, quarter = c % 4, shift = Int16(2 * quarter)
            let qlo = 64 * half + 32 * (quarter % 2), qho = qhOffset + 32 * half
            let l0 = load16(x, qlo), l1 = load16(x, qlo + 16)
            let h0 = load16(x, qho), h1 = load16(x, qho + 16)
            let q0 = (quarter < 2 ? l0 & 0xF : l0 &>> 4) | ((h0 &>> shift) & 3) &<< 4
            let q1 = (quarter < 2 ? l1 & 0xF : l1 &>> 4) | ((h1 &>> shift) & 3) &<< 4
            let yo = Q8_K.qsOffset + 32 * c
            // |q * q8| <= 63 * 128 and pairs of them fit an Int16.
            let lo = quadSums(q0, load16Signed(y, yo)) &* Int32(scales[2 * c])
            let hi = quadSums(q1, load16Signed(y, yo + 16)) &* Int32(scales[2 * c + 1])
            lanes &+= SIMD8(lowHalf: lo, highHalf: hi)
        }
        let bs = y.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset, as: SIMD16<Int16>.self)
        let sc16 = widenToInt16(scales)
        let offsets = widenToInt32(sc16.evenHalf) &* widenToInt32(bs.evenHalf) &+ widenToInt32(sc16.oddHalf) &* widenToInt32(bs.oddHalf)
        return lanes &- 32 &* offsets
    }

    /// The same sums with 16-lane integer vectors; bit-identical to `dot`.
    public static func dotFast(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var acc = SIMD8<Float>()
        for b in 0..<count / 256 {
            let x = w + b * blockBytes, y = a + b * Q8_K.blockBytes
            acc = acc.addingProduct(SIMD8(repeating: loadHalf(x, dOffset) * Q8_K.scale(y)), SIMD8<Float>(blockSums(x, y)))
        }
        return VecMath.hsum(acc)
    }
}
