/// F32: plain floats. Dot with f32 activations, in the two orders llama.cpp's CPU backend uses.
public enum F32 {
    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        dst.update(from: src.assumingMemoryBound(to: Float.self), count: count)
    }

    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        dst.assumingMemoryBound(to: Float.self).update(from: x, count: count)
    }

    /// As ggml_vec_dot_f32 (one token at a time): four 8-lane fused sums over steps of 32,
    /// folded (s0+s2)+(s1+s3) and then by horizontal adds. The tail is as GCC compiled ggml's
    /// `sumf += x[i]*y[i]`: rounded products added in groups of four, the last (n % 4) fused.
    public static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Float {
        var s0 = SIMD8<Float>(), s1 = SIMD8<Float>(), s2 = SIMD8<Float>(), s3 = SIMD8<Float>()
        let steps = n & ~31
        var i = 0
        while i < steps {
            s0.addProduct(a.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self), b.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self))
            s1.addProduct(a.loadUnaligned(fromByteOffset: 4 * i + 32, as: SIMD8<Float>.self), b.loadUnaligned(fromByteOffset: 4 * i + 32, as: SIMD8<Float>.self))
            s2.addProduct(a.loadUnaligned(fromByteOffset: 4 * i + 64, as: SIMD8<Float>.self), b.loadUnaligned(fromByteOffset: 4 * i + 64, as: SIMD8<Float>.self))
            s3.addProduct(a.loadUnaligned(fromByteOffset: 4 * i + 96, as: SIMD8<Float>.self), b.loadUnaligned(fromByteOffset: 4 * i + 96, as: SIMD8<Float>.self))
            i += 32
        }
        var sum = VecMath.haddSum((s0 + s2) + (s1 + s3))
        while i < n {
            let x = a.load(fromByteOffset: 4 * i, as: Float.self), y = b.load(fromByteOffset: 4 * i, as: Float.self)
            if i < n & ~3 { sum += x * y } else { sum.addProduct(x, y) }
            i += 1
        }
        return sum
    }

    /// As llamafile's tinyBLAS (batches of two or more tokens): one 8-lane fused sum over steps
    /// of 8, then hsum. `n` must be a multiple of 8 (tinyBLAS declines other shapes).
    public static func dotTiled(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i < n {
            acc.addProduct(a.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self), b.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self))
            i += 8
        }
        return VecMath.hsum(acc)
    }
}
