/// fp16 <-> f32 conversions used by every block format (scales are stored as IEEE half).
/// Swift's Float16 converts with round-to-nearest-even, the same as F16C and ggml.
@inline(__always) func loadHalf(_ p: UnsafeRawPointer, _ offset: Int = 0) -> Float {
    Float(Float16(bitPattern: p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
}

@inline(__always) func storeHalf(_ v: Float, _ p: UnsafeMutableRawPointer, _ offset: Int = 0) {
    p.storeBytes(of: Float16(v).bitPattern, toByteOffset: offset, as: UInt16.self)
}

/// Round half to even, as `_mm256_round_ps(_, _MM_ROUND_NEAREST)` does in ggml's AVX2 quantizers.
@inline(__always) func roundEven(_ x: Float) -> Float { x.rounded(.toNearestOrEven) }
