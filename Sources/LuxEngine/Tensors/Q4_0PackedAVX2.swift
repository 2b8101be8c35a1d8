#if arch(x86_64)
import _Builtin_intrinsics.intel

/// The AVX2 kernels over packed Q4_0 matrices (Q4_0Packed): the same numbers as
/// Q4_0.dotInterleaved, with every sum running down the lanes, one row per lane. `p.weights` is
/// the packed copy; the rows computed are o + k·spacing for o in `groups`, k < 8.
extension Q4_0AVX2 {
    /// Per block, each row's exact integer sum Σ(q − 8)·y, computed as Σ q·y − 8·Σ y, then
    /// sum = fma(isum, d_w·d_a, sum) as dotInterleaved does.
    static func packedGemv(_ p: RowProduct, groups: Range<Int>, spacing: Int) {
        if p.tokens >= 4 { gemm(p, rows: groups, spacing: spacing, packed: true); return }
        let nb = p.cols / 32, groupBytes = nb * Q4_0Packed.blockBytes
        let mask = AVX2.lowNibbles, ones8 = _mm256_set1_epi8(1)
        for o in groups {
            let g = p.weights + o * groupBytes
            for t in 0..<p.tokens {
                let y = p.input + t * p.inputBytes
                var acc = _mm256_setzero_ps()
                for b in 0..<nb {
                    let x = g + b * Q4_0Packed.blockBytes, yb = y + b * Q8_0.blockBytes
                    // |each maddubs lane| <= 2 · 15 · 128: the block's eight fit in Int16.
                    var sums = _mm256_setzero_si256()
                    for m in 0..<4 {
                        let v = x.loadUnaligned(fromByteOffset: Q4_0Packed.quantsOffset + 32 * m, as: __m256i.self)
                        let a0 = _mm256_set1_epi32(yb.loadUnaligned(fromByteOffset: 2 + 4 * m, as: Int32.self))
                        let a1 = _mm256_set1_epi32(yb.loadUnaligned(fromByteOffset: 18 + 4 * m, as: Int32.self))
                        sums = _mm256_add_epi16(sums, _mm256_maddubs_epi16(_mm256_and_si256(v, mask), a0))
                        sums = _mm256_add_epi16(sums, _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(v, 4), mask), a1))
                    }
                    // 8 · Σ y over the block, in every lane.
                    let ys = _mm256_madd_epi16(_mm256_maddubs_epi16(ones8, yb.loadUnaligned(fromByteOffset: 2, as: __m256i.self)), AVX2.ones16)
                    let halves = _mm256_hadd_epi32(_mm256_hadd_epi32(ys, ys), ys)   // lanes 0 and 4: the halves' sums
                    let total = _mm256_add_epi32(_mm256_permutevar8x32_epi32(halves, _mm256_setzero_si256()),
                                                 _mm256_permutevar8x32_epi32(halves, _mm256_set1_epi32(4)))
                    let isum = _mm256_sub_epi32(_mm256_madd_epi16(sums, AVX2.ones16), _mm256_slli_epi32(total, 3))
                    let d = _mm256_mul_ps(_mm256_cvtph_ps(x.loadUnaligned(fromByteOffset: Q4_0Packed.dOffset, as: __m128i.self)),
                                          _mm256_set1_ps(loadHalf(yb)))
                    acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(isum), d, acc)
                }
                for i in 0..<8 { p.store(acc[i], token: t, row: o + i * spacing) }
            }
        }
    }

    /// Fills gemm's table for one block from the packed layout (what `repack` makes from the
    /// file's layout): |q − 8| and q − 8 per four elements, then d as floats.
    @inline(__always) static func tableFromPacked(_ x: UnsafeRawPointer, into table: UnsafeMutableRawPointer) {
        let mask = AVX2.lowNibbles, eight = _mm256_set1_epi8(8)
        for m in 0..<4 {
            let v = x.loadUnaligned(fromByteOffset: Q4_0Packed.quantsOffset + 32 * m, as: __m256i.self)
            let lo = _mm256_sub_epi8(_mm256_and_si256(v, mask), eight)
            let hi = _mm256_sub_epi8(_mm256_and_si256(_mm256_srli_epi16(v, 4), mask), eight)
            table.storeBytes(of: _mm256_abs_epi8(lo), toByteOffset: 32 * m, as: __m256i.self)
            table.storeBytes(of: _mm256_abs_epi8(hi), toByteOffset: 32 * (m + 4), as: __m256i.self)
            table.storeBytes(of: lo, toByteOffset: 256 + 32 * m, as: __m256i.self)
            table.storeBytes(of: hi, toByteOffset: 256 + 32 * (m + 4), as: __m256i.self)
        }
        table.storeBytes(of: _mm256_cvtph_ps(x.loadUnaligned(fromByteOffset: Q4_0Packed.dOffset, as: __m128i.self)),
                         toByteOffset: 512, as: __m256.self)
    }
}
#endif
