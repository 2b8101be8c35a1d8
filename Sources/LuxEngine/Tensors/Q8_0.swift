/// Q8_0: blocks of 32 weights, { f16 d; int8 q[32] }, x = d * q.
/// Also the activation format for Q4_0 and Q8_0 weights.
public enum Q8_0 {
    static let blockBytes = 34

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 32 {
            let blk = src + b * blockBytes
            let d = loadHalf(blk)
            for j in 0..<32 { dst[b * 32 + j] = d * Float(blk.load(fromByteOffset: 2 + j, as: Int8.self)) }
        }
    }

    /// As ggml's AVX2 quantize_row_q8_0: d = max|x|/127, q = round-half-even(x * 127/max|x|).
    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<count / 32 {
            let v = x + b * 32
            let blk = dst + b * blockBytes
            var amax: Float = 0
            for j in 0..<32 { amax = max(amax, abs(v[j])) }
            let d = amax / 127
            storeHalf(d, blk)
            let id: Float = amax != 0 ? 127 / amax : 0
            for j in 0..<32 { blk.storeBytes(of: Int8(roundEven(v[j] * id)), toByteOffset: 2 + j, as: Int8.self) }
        }
    }

    public static func dot(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, count: Int) -> Float {
        var sum: Float = 0
        for b in 0..<count / 32 {
            let x = w + b * blockBytes, y = a + b * blockBytes
            let qx = x.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self)
            let qy = y.loadUnaligned(fromByteOffset: 2, as: SIMD32<Int8>.self)
            let p = SIMD32<Int16>(truncatingIfNeeded: qx) &* SIMD32<Int16>(truncatingIfNeeded: qy)
            let sumi = SIMD32<Int32>(truncatingIfNeeded: p).wrappedSum()
            sum += Float(sumi) * (loadHalf(x) * loadHalf(y))
        }
        return sum
    }
}
