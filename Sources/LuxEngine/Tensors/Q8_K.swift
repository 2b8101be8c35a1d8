/// Q8_K: the activation format of the K-quants. Blocks of 256, { f32 d; int8 qs[256];
/// int16 bsums[16] } where bsums[j] is the sum of qs[16j..<16j+16] (it lets Q4_K/Q5_K apply
/// their per-sub-block minimums without touching the quants), x = d * q.
public enum Q8_K {
    static let blockBytes = 292
    static let qsOffset = 4
    static let bsumsOffset = 260

    /// As ggml's quantize_row_q8_K_ref: the element of largest magnitude (the first, on ties) maps
    /// to -127, so d = -max/127 carries its sign; an all-zero block stores d = 0 and zero sums.
    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        quantize(x, dst, count: count, positiveOnTies: false)
    }

    /// As ggml_quantize_mat_q8_K_4x8 (AVX2), which quantizes the activations of llama.cpp's
    /// repacked Q4_K GEMM four tokens at a time. Its numbers are those of `quantize` except on a
    /// tie for the largest magnitude: when +max and -max both occur, the positive one maps to -127.
    public static func quantizeForGroups(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        quantize(x, dst, count: count, positiveOnTies: true)
    }

    private static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int, positiveOnTies: Bool) {
        for b in 0..<count / 256 {
            let v = x + b * 256
            let blk = dst + b * blockBytes
            var amax: Float = 0, vmax: Float = 0
            for j in 0..<256 {
                let ax = abs(v[j])
                if ax > amax || (positiveOnTies && ax == amax && v[j] > 0) { amax = ax; vmax = v[j] }
            }
            guard amax != 0 else {
                blk.initializeMemory(as: UInt8.self, repeating: 0, count: blockBytes)
                continue
            }
            let iscale = -127 / vmax
            for j in 0..<16 {
                var sum: Int32 = 0
                for k in 0..<16 {
                    let q = Int8(truncatingIfNeeded: min(127, nearestInt(iscale * v[j * 16 + k])))
                    blk.storeBytes(of: q, toByteOffset: qsOffset + j * 16 + k, as: Int8.self)
                    sum += Int32(q)
                }
                blk.storeBytes(of: Int16(truncatingIfNeeded: sum).littleEndian, toByteOffset: bsumsOffset + j * 2, as: Int16.self)
            }
            blk.storeBytes(of: (1 / iscale).bitPattern.littleEndian, as: UInt32.self)
        }
    }

    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<count / 256 {
            let blk = src + b * blockBytes
            let d = scale(blk)
            for j in 0..<256 { dst[b * 256 + j] = d * Float(blk.load(fromByteOffset: qsOffset + j, as: Int8.self)) }
        }
    }

    @inline(__always) static func scale(_ blk: UnsafeRawPointer) -> Float {
        Float(bitPattern: UInt32(littleEndian: blk.loadUnaligned(as: UInt32.self)))
    }
}

/// ggml's nearest_int: adding 1.5 * 2^23 makes the FPU round to an integer (half to even) in the
/// low mantissa bits. Unlike `Int32(x.rounded())` it cannot trap on NaN or infinity.
@inline(__always) func nearestInt(_ f: Float) -> Int32 {
    let v = f + 12_582_912
    return Int32(bitPattern: v.bitPattern & 0x007F_FFFF) - 0x0040_0000
}
