#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Float arithmetic of llama.cpp's CPU backend (its AVX2/FMA build), reproduced operation for
/// operation so that our activations are bit-identical to its activations.
///
/// Why it matters: activations are rounded to 8-bit integers before every quantized matmul, so a
/// one-ulp difference anywhere can move an int8 across a rounding edge, and such flips grow
/// through the layers until a greedy token changes. Each function names the ggml routine it
/// follows; the order of additions and which multiply-adds are fused are part of the contract.
public enum VecMath {
    /// ggml's hsum_float_8 (and tinyBLAS's hsum): ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7)).
    @inline(__always) public static func hsum(_ v: SIMD8<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        let b = a.lowHalf + a.highHalf
        return b[0] + b[1]
    }

    /// The last step of GGML_F32x8_REDUCE (two horizontal adds): ((l0+l4)+(l1+l5)) + ((l2+l6)+(l3+l7)).
    @inline(__always) public static func haddSum(_ v: SIMD8<Float>) -> Float {
        let a = v.lowHalf + v.highHalf
        return (a[0] + a[1]) + (a[2] + a[3])
    }

    /// ggml_v_expf: an exp with at most ~1.5 ulp error, exact to ggml's bits (it is not libm's expf).
    @inline(__always) public static func exp(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let r = SIMD8<Float>(repeating: 0x1.8p23)
        let z = r.addingProduct(x, SIMD8(repeating: 0x1.715476p+0))
        let n = z - r
        let b = x.addingProduct(-n, SIMD8(repeating: 0x1.62e4p-1)).addingProduct(-n, SIMD8(repeating: 0x1.7f7d1cp-20))
        let e = bits(z) &<< 23
        let k = float(e &+ Float(1).bitPattern)
        let absN = float(bits(n) & 0x7FFF_FFFF)
        let c = absN .> 126
        let u = b * b
        let p1 = SIMD8<Float>(repeating: 0x1.573e2ep-5).addingProduct(SIMD8(repeating: 0x1.0e4020p-7), b)
        let p2 = SIMD8<Float>(repeating: 0x1.fffdb6p-2).addingProduct(SIMD8(repeating: 0x1.555e66p-3), b)
        let j = (SIMD8<Float>(repeating: 0x1.ffffecp-1) * b).addingProduct(p2.addingProduct(p1, u), u)
        let normal = k.addingProduct(j, k)
        if !any(c) { return normal }
        // Large |x|: scale in two steps to reach subnormals and infinity without overflow.
        let g = SIMD8<UInt32>(repeating: 0).replacing(with: 0x8200_0000, where: n .<= 0)
        let s1 = float(g &+ 0x7F00_0000)
        let s2 = float(e &- g)
        let huge = s1 * s1
        let scaled = s2.addingProduct(s2, j) * s1
        return normal.replacing(with: scaled, where: c).replacing(with: huge, where: absN .> 192)
    }

    @inline(__always) static func bits(_ v: SIMD8<Float>) -> SIMD8<UInt32> { unsafeBitCast(v, to: SIMD8<UInt32>.self) }
    @inline(__always) static func float(_ v: SIMD8<UInt32>) -> SIMD8<Float> { unsafeBitCast(v, to: SIMD8<Float>.self) }

    /// ggml_v_silu: x / (1 + exp(-x)) with the vector exp.
    @inline(__always) public static func silu(_ x: SIMD8<Float>) -> SIMD8<Float> {
        x / (1 + exp(0 - x))
    }

    /// ggml_vec_swiglu_f32 on one row: gate[i] = silu(gate[i]) * up[i]; eight at a time, the
    /// tail with libm's expf, as ggml does.
    public static func swiglu(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, count n: Int) {
        var i = 0
        while i + 8 <= n {
            let g = UnsafeRawPointer(gate + i).loadUnaligned(as: SIMD8<Float>.self)
            let u = UnsafeRawPointer(up + i).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(gate + i).storeBytes(of: silu(g) * u, as: SIMD8<Float>.self)
            i += 8
        }
        while i < n {
            let g = gate[i]
            gate[i] = g / (1 + expf(-g)) * up[i]
            i += 1
        }
    }

    /// ggml_vec_soft_max_f32: x[i] = exp(x[i] - max) in place; returns the sum, added in double one
    /// group of eight at a time (each group through hsum). llama.cpp pads the attention row to a
    /// multiple of 256 with masked (-inf) entries whose exp is exactly 0, so the last partial group
    /// is completed with zeros and no element takes ggml's scalar tail.
    public static func softmaxExp(_ x: UnsafeMutablePointer<Float>, count n: Int, max m: Float) -> Double {
        var sum: Double = 0
        let mv = SIMD8<Float>(repeating: m)
        var i = 0
        while i + 8 <= n {
            let v = exp(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) - mv)
            UnsafeMutableRawPointer(x + i).storeBytes(of: v, as: SIMD8<Float>.self)
            sum += Double(hsum(v))
            i += 8
        }
        if i < n {
            var v = SIMD8<Float>(repeating: -.infinity)
            for l in 0..<(n - i) { v[l] = x[i + l] }
            var e = exp(v - mv)
            for l in (n - i)..<8 { e[l] = 0 }
            for l in 0..<(n - i) { x[i + l] = e[l] }
            sum += Double(hsum(e))
        }
        return sum
    }

    /// f32 -> f16, round to nearest even (as F16C and ggml_cpu_fp32_to_fp16), eight at a time.
    public static func toHalf(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float16>, count n: Int) {
        var i = 0
        while i + 8 <= n {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: SIMD8<Float16>(v), as: SIMD8<Float16>.self)
            i += 8
        }
        while i < n { y[i] = Float16(x[i]); i += 1 }
    }
}
