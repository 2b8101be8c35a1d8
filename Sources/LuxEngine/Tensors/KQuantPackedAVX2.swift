#if arch(x86_64)
import _Builtin_intrinsics.intel

/// The AVX2 kernels over packed Q4_K matrices (Q4_KPacked): the same numbers as
/// Q4_K.dotInterleaved (GEMV) and dotInterleavedGroup (GEMM), with every sum running down the
/// lanes, one row per lane. `p.weights` is the packed copy; the rows computed are o + k·spacing
/// for o in `groups`, k < 8. A work item's groups are one sequential stream, which the hardware
/// prefetchers follow well alone: software prefetching here measured slower.
extension KQuantAVX2 {
    /// The GEMV: per super-block, one exact integer sum of s_j · (q · q8)_j and one of
    /// m_j · (sub-block j's activation sum) per row, fused as dotInterleaved fuses them.
    static func q4KPackedGemv(_ p: RowProduct, groups: Range<Int>, spacing: Int) {
        let nb = p.cols / 256, groupBytes = nb * Q4_KPacked.blockBytes
        let mask = AVX2.lowNibbles
        for o in groups {
            let g = p.weights + o * groupBytes
            for t in 0..<p.tokens {
                let y = p.input + t * p.inputBytes
                var acc = _mm256_setzero_ps(), accMin = _mm256_setzero_ps()
                for b in 0..<nb {
                    let x = g + b * Q4_KPacked.blockBytes, yb = y + b * Q8_K.blockBytes
                    let dy = _mm256_set1_ps(Q8_K.scale(yb))
                    let d = _mm256_mul_ps(_mm256_cvtph_ps(x.loadUnaligned(fromByteOffset: Q4_KPacked.dOffset, as: __m128i.self)), dy)
                    let dmin = _mm256_mul_ps(_mm256_cvtph_ps(x.loadUnaligned(fromByteOffset: Q4_KPacked.dminOffset, as: __m128i.self)), dy)
                    var isum = _mm256_setzero_si256()
                    let quants = x + Q4_KPacked.quantsOffset, ya = yb + Q8_K.qsOffset
                    for pr in 0..<4 {
                        // Eight steps of one sub-block pair, summed as Int16 before scaling:
                        // |each maddubs lane| <= 2 · 15 · 128, so eight fit (30720 < 32768).
                        var lo = _mm256_setzero_si256(), hi = _mm256_setzero_si256()
                        for m in 0..<8 {
                            let v = quants.load(fromByteOffset: 32 * (8 * pr + m), as: __m256i.self)
                            let a0 = _mm256_set1_epi32(ya.loadUnaligned(fromByteOffset: 64 * pr + 4 * m, as: Int32.self))
                            let a1 = _mm256_set1_epi32(ya.loadUnaligned(fromByteOffset: 64 * pr + 32 + 4 * m, as: Int32.self))
                            lo = _mm256_add_epi16(lo, _mm256_maddubs_epi16(_mm256_and_si256(v, mask), a0))
                            hi = _mm256_add_epi16(hi, _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(v, 4), mask), a1))
                        }
                        isum = _mm256_add_epi32(isum, _mm256_add_epi32(_mm256_madd_epi16(lo, packedScales(x, 2 * pr)),
                                                                       _mm256_madd_epi16(hi, packedScales(x, 2 * pr + 1))))
                    }
                    let imin = packedMinSums(x, yb)
                    acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(isum), d, acc)
                    accMin = _mm256_fmadd_ps(_mm256_cvtepi32_ps(imin), dmin, accMin)
                }
                let result = _mm256_sub_ps(acc, accMin)
                for i in 0..<8 { p.store(result[i], token: t, row: o + i * spacing) }
            }
        }
    }

    /// Sub-block j's scale of the eight rows, in both Int16 halves of each row's Int32 lane.
    @inline(__always) static func packedScales(_ x: UnsafeRawPointer, _ j: Int) -> __m256i {
        let s = _mm256_cvtepu8_epi32(_mm_loadl_epi64(x + Q4_KPacked.scalesOffset + 8 * j))
        return _mm256_or_si256(s, _mm256_slli_epi32(s, 16))
    }

    /// Per row, sum_j m_j · (sub-block j's activation sum), as exact Int32 lanes.
    @inline(__always) static func packedMinSums(_ x: UnsafeRawPointer, _ yb: UnsafeRawPointer) -> __m256i {
        let sums = unsafeBitCast(blockSums(yb), to: SIMD8<Int16>.self)
        var total = _mm256_setzero_si256()
        for pr in 0..<4 {
            let m0 = _mm_loadl_epi64(x + Q4_KPacked.minsOffset + 16 * pr)
            let m1 = _mm_loadl_epi64(x + Q4_KPacked.minsOffset + 16 * pr + 8)
            let pairs = _mm256_cvtepu8_epi16(_mm_unpacklo_epi8(m0, m1))   // per row: m_2pr, m_2pr+1
            let s = Int32(UInt16(bitPattern: sums[2 * pr])) | Int32(sums[2 * pr + 1]) << 16
            total = _mm256_add_epi32(total, _mm256_madd_epi16(pairs, _mm256_set1_epi32(s)))
        }
        return total
    }

    /// Fills q4KGemm's table for one super-block from the packed layout (what q4KRepack makes
    /// from the file's layout).
    @inline(__always) static func q4KTableFromPacked(_ x: UnsafeRawPointer, into table: UnsafeMutableRawPointer) {
        let quants = table, scales = table + 64 * 32, mins = scales + 8 * 32, dd = mins + 8 * 32
        let mask = AVX2.lowNibbles
        for pr in 0..<4 {
            for m in 0..<8 {
                let v = x.load(fromByteOffset: Q4_KPacked.quantsOffset + 32 * (8 * pr + m), as: __m256i.self)
                quants.storeBytes(of: _mm256_and_si256(v, mask), toByteOffset: 32 * (8 * (2 * pr) + m), as: __m256i.self)
                quants.storeBytes(of: _mm256_and_si256(_mm256_srli_epi16(v, 4), mask), toByteOffset: 32 * (8 * (2 * pr + 1) + m), as: __m256i.self)
            }
        }
        for j in 0..<8 {
            scales.storeBytes(of: packedScales(x, j), toByteOffset: 32 * j, as: __m256i.self)
            mins.storeBytes(of: _mm256_cvtepu8_epi32(_mm_loadl_epi64(x + Q4_KPacked.minsOffset + 8 * j)), toByteOffset: 32 * j, as: __m256i.self)
        }
        dd.storeBytes(of: _mm256_cvtph_ps(x.loadUnaligned(fromByteOffset: Q4_KPacked.dOffset, as: __m128i.self)), as: __m256.self)
        dd.storeBytes(of: _mm256_cvtph_ps(x.loadUnaligned(fromByteOffset: Q4_KPacked.dminOffset, as: __m128i.self)), toByteOffset: 32, as: __m256.self)
    }

    @inline(__always) static func _mm_loadl_epi64(_ p: UnsafeRawPointer) -> __m128i {
        _mm_set_epi64x(0, p.loadUnaligned(as: Int64.self))
    }
}
#endif
