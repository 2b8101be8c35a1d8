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

    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sum: Float = 0
        for b in 0..<count / 32 {
            let x = w + b * blockBytes, y = a + b * Q8_0.blockBytes
            let q = x.loadUnaligned(fromByteOffset: 2, as: SIMD16<UInt8>.self)
            let lo = SIMD16<Int16>(truncatingIfNeeded: q & 0xF) &- 8
            let hi = SIMD16<Int16>(truncatingIfNeeded: q &>> 4) &- 8
            let ylo = SIMD16<Int16>(truncatingIfNeeded: y.loadUnaligned(fromByteOffset: 2, as: SIMD16<Int8>.self))
            let yhi = SIMD16<Int16>(truncatingIfNeeded: y.loadUnaligned(fromByteOffset: 18, as: SIMD16<Int8>.self))
            let p = SIMD16<Int32>(truncatingIfNeeded: lo &* ylo) &+ SIMD16<Int32>(truncatingIfNeeded: hi &* yhi)
            sum += Float(p.wrappedSum()) * (loadHalf(x) * loadHalf(y))
        }
        return sum
    }
}
