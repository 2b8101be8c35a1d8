/// Vector building blocks of the K-quant dot products.
///
/// Two rules keep Swift's SIMD types on real AVX2 instructions (checked in the generated code):
/// stay at 16 lanes of Int16 (one register) or fewer, and widen with explicit lane lists, which
/// LLVM turns into vpmovzx/vpmovsx; the generic `init(truncatingIfNeeded:)` conversions and
/// 32-lane byte vectors compile to calls and per-lane loops.
///
/// The integer sums are grouped the way ggml's AVX2 kernels group them (maddubs then madd): in
/// every 32-element chunk, lane k holds elements 4k..4k+3. Integer sums are exact in any order,
/// so with that grouping the float part, and the result, is bit-identical between the scalar
/// references and these paths, and to ggml.

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

/// Products of 16 consecutive elements (starting at a multiple of 8) folded into eight lanes, for
/// sums that only need their total (the repacked Q4_K kernels). The caller keeps each Int16 lane
/// sum in range.
@inline(__always) func foldLanes(_ p: SIMD16<Int16>) -> SIMD8<Int32> {
    widenToInt32(p.lowHalf &+ p.highHalf)
}

/// Lanes of one 32-element chunk: lane k = sum of q[i] * y[i] over i in 4k..<4k+4, where q0/y0
/// hold elements 0..<16 and q1/y1 elements 16..<32 (|q| <= 63, so each Int16 product and pair fits).
@inline(__always) func chunkLanes(_ q0: SIMD16<Int16>, _ y0: SIMD16<Int16>, _ q1: SIMD16<Int16>, _ y1: SIMD16<Int16>) -> SIMD8<Int32> {
    SIMD8(lowHalf: quadSums(q0, y0), highHalf: quadSums(q1, y1))
}

/// The lane (0..<8) that ggml's AVX2 K-quant dots give element `i` of a super-block.
@inline(__always) func kLane(_ i: Int) -> Int { (i % 32) / 4 }

/// Q8_K block sums of sub-block pairs: element j = bsums[2j] + bsums[2j+1], the sum of the 32
/// activations of sub-block j (what _mm_hadd_epi16 of the 16 sums leaves).
@inline(__always) func subBlockSums(_ q8k: UnsafeRawPointer) -> SIMD8<Int32> {
    let b = q8k.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset, as: SIMD16<Int16>.self)
    return widenToInt32(b.evenHalf &+ b.oddHalf)
}
