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
                dst[b * 32 + j] = Float(q & 0xF) * d + m
                dst[b * 32 + j + 16] = Float(q >> 4) * d + m
            }
        }
    }

    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sum: Float = 0
        for b in 0..<count / 32 {
            let x = w + b * blockBytes, y = a + b * Q8_1.blockBytes
            let q = x.loadUnaligned(fromByteOffset: 4, as: SIMD16<UInt8>.self)
            let lo = SIMD16<Int16>(truncatingIfNeeded: q & 0xF)
            let hi = SIMD16<Int16>(truncatingIfNeeded: q &>> 4)
            let ylo = SIMD16<Int16>(truncatingIfNeeded: y.loadUnaligned(fromByteOffset: 4, as: SIMD16<Int8>.self))
            let yhi = SIMD16<Int16>(truncatingIfNeeded: y.loadUnaligned(fromByteOffset: 20, as: SIMD16<Int8>.self))
            let p = SIMD16<Int32>(truncatingIfNeeded: lo &* ylo) &+ SIMD16<Int32>(truncatingIfNeeded: hi &* yhi)
            sum += Float(p.wrappedSum()) * (loadHalf(x) * loadHalf(y)) + loadHalf(x, 2) * loadHalf(y, 2)
        }
        return sum
    }
}
