#if arch(x86_64)
import _Builtin_intrinsics.intel

/// The AVX2 path of `Q4_1.dotRows`, four rows at a time sharing each input block. Per block and
/// (row, token), as ggml_vec_dot_q4_1_q8_1: nibbles times int8 by maddubs and madd (exact
/// integers in lanes of four products), converted and fused-added with d_w·d_a into eight float
/// sums; the offsets fused into a scalar, summs = fma(m_w, s_a, summs); at the end
/// hsum(sums) + summs.
enum Q4_1AVX2 {
    static func dotRows(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        guard lanes == 4 else {
            for k in 0..<lanes { one(p, rows.lowerBound + k * spacing..<rows.upperBound + k * spacing) }
            return
        }
        let nb = p.cols / 32, g = spacing * p.rowBytes
        let tiled = p.tokens / 4 * 4
        for r in rows {
            let x0 = p.weights + r * p.rowBytes
            // Prompts: two rows and four tokens at a time share the unpacked weights and inputs.
            for t in stride(from: 0, to: tiled, by: 4) {
                tile(p, x0, r, t)
                tile(p, x0 + g, r + spacing, t)
                tile(p, x0 + 2 * g, r + 2 * spacing, t)
                tile(p, x0 + 3 * g, r + 3 * spacing, t)
            }
            for t in tiled..<p.tokens {
                let y = p.input + t * p.inputBytes
                var acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps()
                // Odd lane 2i + 1 holds row i's running fma(m_w, s_a, summs); even lanes are unused.
                var summs = _mm256_setzero_ps()
                for b in 0..<nb {
                    let yb = y + b * Q8_1.blockBytes
                    let qy = yb.loadUnaligned(fromByteOffset: 4, as: __m256i.self)
                    let x = x0 + b * Q4_1.blockBytes
                    if t == tiled && b & 1 == 0 { for i in 0..<4 { prefetchAhead(x + i * g, bytes: 1) } }
                    // (d, m) of the four rows as floats [d0, m0, d1, m1, ...].
                    let dm = _mm256_cvtph_ps(unsafeBitCast(SIMD4<UInt32>(
                        x.loadUnaligned(as: UInt32.self), x.loadUnaligned(fromByteOffset: g, as: UInt32.self),
                        x.loadUnaligned(fromByteOffset: 2 * g, as: UInt32.self), x.loadUnaligned(fromByteOffset: 3 * g, as: UInt32.self)),
                        to: __m128i.self))
                    summs = _mm256_fmadd_ps(dm, _mm256_set1_ps(loadHalf(yb, 2)), summs)
                    let dd = _mm256_mul_ps(dm, _mm256_set1_ps(loadHalf(yb)))
                    acc0 = _mm256_fmadd_ps(lane(dd, 0), products(x, qy), acc0)
                    acc1 = _mm256_fmadd_ps(lane(dd, 2), products(x + g, qy), acc1)
                    acc2 = _mm256_fmadd_ps(lane(dd, 4), products(x + 2 * g, qy), acc2)
                    acc3 = _mm256_fmadd_ps(lane(dd, 6), products(x + 3 * g, qy), acc3)
                }
                p.store(VecMath.hsum(acc0) + summs[1], token: t, row: r)
                p.store(VecMath.hsum(acc1) + summs[3], token: t, row: r + spacing)
                p.store(VecMath.hsum(acc2) + summs[5], token: t, row: r + 2 * spacing)
                p.store(VecMath.hsum(acc3) + summs[7], token: t, row: r + 3 * spacing)
            }
        }
    }

    /// One row (at x0) and tokens t..<t+4.
    @inline(__always) static func tile(_ p: RowProduct, _ x0: UnsafeRawPointer, _ r: Int, _ t: Int) {
        let nb = p.cols / 32, yb = p.inputBytes
        let y = p.input + t * yb
        var acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps()
        var m0: Float = 0, m1: Float = 0, m2: Float = 0, m3: Float = 0
        for b in 0..<nb {
            let x = x0 + b * Q4_1.blockBytes
            let nib = AVX2.nibbles32(x + 4)
            let d = loadHalf(x), m = loadHalf(x, 2)
            let o = b * Q8_1.blockBytes
            @inline(__always) func step(_ yb: UnsafeRawPointer, _ acc: inout __m256, _ summs: inout Float) {
                summs = summs.addingProduct(m, loadHalf(yb, 2))
                let q = _mm256_madd_epi16(_mm256_maddubs_epi16(nib, yb.loadUnaligned(fromByteOffset: 4, as: __m256i.self)), AVX2.ones16)
                acc = _mm256_fmadd_ps(_mm256_set1_ps(d * loadHalf(yb)), _mm256_cvtepi32_ps(q), acc)
            }
            step(y + o, &acc0, &m0)
            step(y + yb + o, &acc1, &m1)
            step(y + 2 * yb + o, &acc2, &m2)
            step(y + 3 * yb + o, &acc3, &m3)
        }
        p.store(VecMath.hsum(acc0) + m0, token: t, row: r)
        p.store(VecMath.hsum(acc1) + m1, token: t + 1, row: r)
        p.store(VecMath.hsum(acc2) + m2, token: t + 2, row: r)
        p.store(VecMath.hsum(acc3) + m3, token: t + 3, row: r)
    }

    /// Consecutive rows, one at a time.
    static func one(_ p: RowProduct, _ rows: Range<Int>) {
        let nb = p.cols / 32
        for r in rows {
            let x0 = p.weights + r * p.rowBytes
            for t in 0..<p.tokens {
                let y = p.input + t * p.inputBytes
                var acc = _mm256_setzero_ps()
                var summs: Float = 0
                for b in 0..<nb {
                    let yb = y + b * Q8_1.blockBytes, x = x0 + b * Q4_1.blockBytes
                    summs = summs.addingProduct(loadHalf(x, 2), loadHalf(yb, 2))
                    acc = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x) * loadHalf(yb)),
                                          products(x, yb.loadUnaligned(fromByteOffset: 4, as: __m256i.self)), acc)
                }
                p.store(VecMath.hsum(acc) + summs, token: t, row: r)
            }
        }
    }

    /// The block's eight integer lanes (four products each) as floats.
    @inline(__always) static func products(_ x: UnsafeRawPointer, _ qy: __m256i) -> __m256 {
        _mm256_cvtepi32_ps(_mm256_madd_epi16(_mm256_maddubs_epi16(AVX2.nibbles32(x + 4), qy), AVX2.ones16))
    }

    /// Lane i of v in all eight lanes.
    @inline(__always) static func lane(_ v: __m256, _ i: Int32) -> __m256 {
        _mm256_permutevar8x32_ps(v, _mm256_set1_epi32(i))
    }
}

/// Small AVX2 building blocks shared by the format kernels.
enum AVX2 {
    @inline(__always) static var ones16: __m256i { _mm256_set1_epi16(1) }
    @inline(__always) static var lowNibbles: __m256i { _mm256_set1_epi8(0x0F) }

    /// 16 bytes of packed nibbles as 32 bytes: low nibbles (elements 0..15), then high nibbles
    /// (elements 16..31), as ggml's bytes_from_nibbles_32.
    @inline(__always) static func nibbles32(_ p: UnsafeRawPointer) -> __m256i {
        let v = p.loadUnaligned(as: __m128i.self)
        return _mm256_and_si256(_mm256_set_m128i(_mm_srli_epi16(v, 4), v), lowNibbles)
    }
}
#endif
