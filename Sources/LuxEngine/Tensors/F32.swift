/// F32: plain floats. Dot with f32 activations.
public enum F32 {
    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        dst.update(from: src.assumingMemoryBound(to: Float.self), count: count)
    }

    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        dst.assumingMemoryBound(to: Float.self).update(from: x, count: count)
    }

    /// Eight running sums, then a tree, which the compiler keeps in one AVX register.
    public static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let x = a.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            let y = b.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            acc.addProduct(x, y)
            i += 8
        }
        var s = acc.sum()
        while i < n {
            s += a.load(fromByteOffset: i * 4, as: Float.self) * b.load(fromByteOffset: i * 4, as: Float.self)
            i += 1
        }
        return s
    }
}
