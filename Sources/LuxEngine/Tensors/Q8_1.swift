/// Q8_1: blocks of 32 activations, { f16 d; f16 s; int8 q[32] } with s = d * sum(q).
/// The activation format for Q4_1 weights: s carries the block sum that the weights' offset m needs.
public enum Q8_1 {
    static let blockBytes = 36

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 32 {
            let blk = src + b * blockBytes
            let d = loadHalf(blk)
            for j in 0..<32 { dst[b * 32 + j] = d * Float(blk.load(fromByteOffset: 4 + j, as: Int8.self)) }
        }
    }

    /// As ggml's AVX2 quantize_row_q8_1.
    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<count / 32 {
            let v = x + b * 32
            let blk = dst + b * blockBytes
            var amax: Float = 0
            for j in 0..<32 { amax = max(amax, abs(v[j])) }
            let d = amax / 127
            let id: Float = amax != 0 ? 127 / amax : 0
            var sum: Int32 = 0
            for j in 0..<32 {
                let q = Int8(roundEven(v[j] * id))
                sum += Int32(q)
                blk.storeBytes(of: q, toByteOffset: 4 + j, as: Int8.self)
            }
            storeHalf(d, blk)
            storeHalf(d * Float(sum), blk, 2)
        }
    }
}
