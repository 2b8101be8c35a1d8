/// F16: IEEE half floats. Like ggml, activations are rounded to f16 before the dot, and the
/// products are summed in f32.
public enum F16 {
    public static func dequantize(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        let s = src.assumingMemoryBound(to: Float16.self)
        var i = 0
        while i + 8 <= count {
            let h = UnsafeRawPointer(s + i).loadUnaligned(as: SIMD8<Float16>.self)
            UnsafeMutableRawPointer(dst + i).storeBytes(of: SIMD8<Float>(h), as: SIMD8<Float>.self)
            i += 8
        }
        while i < count { dst[i] = Float(s[i]); i += 1 }
    }

    public static func quantize(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        let d = dst.assumingMemoryBound(to: Float16.self)
        for i in 0..<count { d[i] = Float16(x[i]) }
    }

    public static func dot(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            let x = SIMD8<Float>(a.loadUnaligned(fromByteOffset: i * 2, as: SIMD8<Float16>.self))
            let y = SIMD8<Float>(b.loadUnaligned(fromByteOffset: i * 2, as: SIMD8<Float16>.self))
            acc.addProduct(x, y)
            i += 8
        }
        var s = acc.sum()
        while i < n {
            s += Float(a.load(fromByteOffset: i * 2, as: Float16.self)) * Float(b.load(fromByteOffset: i * 2, as: Float16.self))
            i += 1
        }
        return s
    }
}
