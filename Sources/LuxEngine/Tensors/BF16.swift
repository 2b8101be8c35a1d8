/// BF16: the top 16 bits of an IEEE f32 (8-bit exponent, 7-bit mantissa). Weights in BF16 are
/// paired with BF16 activations, as in llama.cpp.
public enum BF16 {
    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 16 <= count {
            let h = SIMD16<UInt32>(truncatingIfNeeded: src.loadUnaligned(fromByteOffset: 2 * i, as: SIMD16<UInt16>.self))
            UnsafeMutableRawPointer(dst + i).storeBytes(of: h &<< 16, as: SIMD16<UInt32>.self)
            i += 16
        }
        while i < count { dst[i] = value(src, i); i += 1 }
    }

    /// f32 -> bf16 as ggml_compute_fp32_to_bf16: round to nearest, ties to even; a NaN stays a
    /// NaN, made quiet, instead of rounding into an infinity.
    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for i in 0..<count {
            dst.storeBytes(of: fromFloat(x[i]).littleEndian, toByteOffset: 2 * i, as: UInt16.self)
        }
    }

    @inline(__always) static func fromFloat(_ f: Float) -> UInt16 {
        let u = f.bitPattern
        if u & 0x7FFF_FFFF > 0x7F80_0000 { return UInt16(truncatingIfNeeded: u >> 16) | 64 }
        return UInt16(truncatingIfNeeded: (u &+ (0x7FFF + ((u >> 16) & 1))) >> 16)
    }

    @inline(__always) static func value(_ p: UnsafeRawPointer, _ i: Int) -> Float {
        Float(bitPattern: UInt32(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) << 16)
    }

    /// Scalar reference, as ggml's portable ggml_vec_dot_bf16: f32 products summed in a double.
    public static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Float {
        var sum: Double = 0
        for i in 0..<count { sum += Double(value(a, i) * value(b, i)) }
        return Float(sum)
    }

    /// As ggml's AVX2 ggml_vec_dot_bf16 (the one llama.cpp runs on x86-64): four 8-lane f32
    /// accumulators over chunks of 32 (multiply, then add: no FMA), reduced in ggml's order,
    /// then the tail in double. Equal to `dot` within float rounding, not bit for bit.
    public static func dotFast(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count: Int) -> Float {
        @inline(__always) func load(_ p: UnsafeRawPointer, _ i: Int) -> SIMD8<Float> {
            let h = SIMD8<UInt32>(truncatingIfNeeded: p.loadUnaligned(fromByteOffset: 2 * i, as: SIMD8<UInt16>.self))
            return unsafeBitCast(h &<< 16, to: SIMD8<Float>.self)
        }
        var c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>(), c4 = SIMD8<Float>()
        var i = 0
        while i + 32 <= count {
            c1 = load(a, i) * load(b, i) + c1
            c2 = load(a, i + 8) * load(b, i + 8) + c2
            c3 = load(a, i + 16) * load(b, i + 16) + c3
            c4 = load(a, i + 24) * load(b, i + 24) + c4
            i += 32
        }
        let c = (c1 + c3) + (c2 + c4)
        let g = c.highHalf + c.lowHalf
        let g2 = g + SIMD4(g[2], g[3], g[2], g[3])
        var sum = Double(g2[0] + g2[1])
        while i < count { sum += Double(value(a, i) * value(b, i)); i += 1 }
        return Float(sum)
    }
}
