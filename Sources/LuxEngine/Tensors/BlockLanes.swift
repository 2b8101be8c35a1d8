/// The integer half of the Q4_0/Q4_1/Q8_0 dot products, laid out as ggml's AVX2 kernels lay it
/// out: for a block of 32 products, eight Int32 lanes, lane k holding elements 4k..4k+3 (what
/// maddubs followed by madd leaves in a ymm register). The float half then keeps those eight
/// lanes as eight running float sums, and the order of those float operations is what matters.
///
/// Widening uses explicit lane lists, which LLVM turns into vpmovsx/vpmovzx; products stay in
/// Int16 (|q| ≤ 128 · 127), as do sums of two of them; sums of four need Int32.

@inline(__always) func int8Lanes(_ p: UnsafeRawPointer, _ offset: Int) -> SIMD16<Int16> {
    let v = p.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self)
    return SIMD16(Int16(v[0]), Int16(v[1]), Int16(v[2]), Int16(v[3]), Int16(v[4]), Int16(v[5]), Int16(v[6]), Int16(v[7]),
                  Int16(v[8]), Int16(v[9]), Int16(v[10]), Int16(v[11]), Int16(v[12]), Int16(v[13]), Int16(v[14]), Int16(v[15]))
}

/// The 32 nibbles of a 4-bit block's 16 bytes as (elements 0..15, elements 16..31): low nibbles
/// first, then high nibbles, as ggml's bytes_from_nibbles_32.
@inline(__always) func nibbleLanes(_ p: UnsafeRawPointer, _ offset: Int) -> (SIMD16<Int16>, SIMD16<Int16>) {
    let v = p.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
    let w = SIMD16(Int16(v[0]), Int16(v[1]), Int16(v[2]), Int16(v[3]), Int16(v[4]), Int16(v[5]), Int16(v[6]), Int16(v[7]),
                   Int16(v[8]), Int16(v[9]), Int16(v[10]), Int16(v[11]), Int16(v[12]), Int16(v[13]), Int16(v[14]), Int16(v[15]))
    return (w & 0xF, w &>> 4)
}

/// Sums of four consecutive products of 16 elements: lane k = Σ x[4k+i]·y[4k+i], i < 4.
@inline(__always) func quadSums(_ x: SIMD16<Int16>, _ y: SIMD16<Int16>) -> SIMD4<Int32> {
    let p = x &* y
    let pairs = p.evenHalf &+ p.oddHalf
    let wide = SIMD8(Int32(pairs[0]), Int32(pairs[1]), Int32(pairs[2]), Int32(pairs[3]),
                     Int32(pairs[4]), Int32(pairs[5]), Int32(pairs[6]), Int32(pairs[7]))
    return wide.evenHalf &+ wide.oddHalf
}

/// A whole block's eight lanes as floats: lanes 0-3 from elements 0..15, lanes 4-7 from 16..31.
@inline(__always) func blockLanes(_ x0: SIMD16<Int16>, _ x1: SIMD16<Int16>,
                                  _ y0: SIMD16<Int16>, _ y1: SIMD16<Int16>) -> SIMD8<Float> {
    SIMD8<Float>(SIMD8<Int32>(lowHalf: quadSums(x0, y0), highHalf: quadSums(x1, y1)))
}

/// The block's whole integer sum (for the repacked Q4_0 kernels, which keep one sum per block).
@inline(__always) func blockSum(_ x0: SIMD16<Int16>, _ x1: SIMD16<Int16>,
                                _ y0: SIMD16<Int16>, _ y1: SIMD16<Int16>) -> Int32 {
    (quadSums(x0, y0) &+ quadSums(x1, y1)).wrappedSum()
}
