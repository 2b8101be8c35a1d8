/// Vector building blocks of the K-quant dot products.
///
/// Two rules keep Swift's SIMD types on real AVX2 instructions (checked in the generated code):
/// stay at 16 lanes of Int16 (one register) or fewer, and widen with explicit lane lists, which
/// LLVM turns into vpmovzx/vpmovsx; the generic `init(truncatingIfNeeded:)` conversions and
/// 32-lane byte vectors compile to calls and per-lane loops.
///
/// The integer sums are folded the way ggml's generic dot folds them: lane l holds the sum over
/// the elements whose index is l mod 8. Integer sums are exact in any order, so with that grouping
/// the float part, and the result, is bit-identical between the scalar references and these paths.

@inline(__always) func widenToInt16(_ v: SIMD16<UInt8>) -> SIMD16<Int16> {
    SIMD16(Int16(v[0]), Int16(v[1]), Int16(v[2]), Int16(v[3]), Int16(v[4]), Int16(v[5]), Int16(v[6]), Int16(v[7]),
           Int16(v[8]), Int16(v[9]), Int16(v[10]), Int16(v[11]), Int16(v[12]), Int16(v[13]), Int16(v[14]), Int16(v[15]))
}

@inline(__always) func widenToInt16(_ v: SIMD16<Int8>) -> SIMD16<Int16> {
    SIMD16(Int16(v[0]), Int16(v[1]), Int16(v[2]), Int16(v[3]), Int16(v[4]), Int16(v[5]), Int16(v[6]), Int16(v[7]),
           Int16(v[8]), Int16(v[9]), Int16(v[10]), Int16(v[11]), Int16(v[12]), Int16(v[13]), Int16(v[14]), Int16(v[15]))
}

@inline(__always) func widenToInt32(_ v: SIMD8<Int16>) -> SIMD8<Int32> {
    SIMD8(Int32(v[0]), Int32(v[1]), Int32(v[2]), Int32(v[3]), Int32(v[4]), Int32(v[5]), Int32(v[6]), Int32(v[7]))
}

@inline(__always) func widenToInt32(_ v: SIMD8<UInt8>) -> SIMD8<Int32> {
    SIMD8(Int32(v[0]), Int32(v[1]), Int32(v[2]), Int32(v[3]), Int32(v[4]), Int32(v[5]), Int32(v[6]), Int32(v[7]))
}

/// 16 bytes at `offset` as Int16 lanes (zero- or sign-extended by the element type).
@inline(__always) func load16(_ p: UnsafeRawPointer, _ offset: Int) -> SIMD16<Int16> {
    widenToInt16(p.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self))
}

@inline(__always) func load16Signed(_ p: UnsafeRawPointer, _ offset: Int) -> SIMD16<Int16> {
    widenToInt16(p.loadUnaligned(fromByteOffset: offset, as: SIMD16<Int8>.self))
}

/// Products of 16 consecutive elements (starting at a multiple of 8) folded into the eight
/// index-mod-8 lanes. The caller keeps each Int16 lane sum in range.
@inline(__always) func foldLanes(_ p: SIMD16<Int16>) -> SIMD8<Int32> {
    widenToInt32(p.lowHalf &+ p.highHalf)
}

/// The Q8_K block sums weighted by the Q4_K/Q5_K sub-block mins: sum over j of bsums[j] * mins[j/2].
@inline(__always) func weightedBlockSums(_ q8k: UnsafeRawPointer, _ mins: SIMD8<UInt8>) -> Int32 {
    let b = q8k.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset, as: SIMD16<Int16>.self)
    let m = widenToInt32(mins)
    let m0 = SIMD8(m[0], m[0], m[1], m[1], m[2], m[2], m[3], m[3])
    let m1 = SIMD8(m[4], m[4], m[5], m[5], m[6], m[6], m[7], m[7])
    return (widenToInt32(b.lowHalf) &* m0 &+ widenToInt32(b.highHalf) &* m1).wrappedSum()
}

/// The float tail shared by the K-quant dots: ggml keeps eight float lane sums across blocks
/// and adds them to the running total (which holds the min corrections) only at the end.
@inline(__always) func finishKDot(_ sumf: Float, _ sums: SIMD8<Float>) -> Float {
    var s = sumf
    for l in 0..<8 { s += sums[l] }
    return s
}
