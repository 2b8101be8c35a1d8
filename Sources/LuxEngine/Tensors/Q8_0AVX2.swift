#if arch(x86_64)
import _Builtin_intrinsics.intel

/// The AVX2 path of `Q8_0.dotRows`, four rows at a time sharing each input block. Per block and
/// (row, token), as ggml_vec_dot_q8_0_q8_0: |x| times y·sign(x) by maddubs and madd (exact
/// integers in lanes of four products), converted and fused-added with d_w·d_a into eight float
/// sums; hsum at the end.
enum Q8_0AVX2 {
    static func dotRows(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int) {
        guard lanes == 4 else {
            for k in 0..<lanes { one(p, rows.lowerBound + k * spacing..<rows.upperBound + k * spacing) }
            return
        }
        let nb = p.cols / 32, g = spacing * p.rowBytes
        for r in rows {
            let x0 = p.weights + r * p.rowBytes
            for t in 0..<p.tokens {
                let y = p.input + t * p.inputBytes
                var acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps()
                for b in 0..<nb {
                    let yb = y + b * Q8_0.blockBytes
                    let dy = loadHalf(yb)
                    let qy = yb.loadUnaligned(fromByteOffset: 2, as: __m256i.self)
                    let x = x0 + b * Q8_0.blockBytes
                    if t == 0 { for i in 0..<4 { prefetchAhead(x + i * g, bytes: 1) } }
                    step(x, qy, dy, &acc0)
                    step(x + g, qy, dy, &acc1)
                    step(x + 2 * g, qy, dy, &acc2)
                    step(x + 3 * g, qy, dy, &acc3)
                }
                p.store(VecMath.hsum(acc0), token: t, row: r)
                p.store(VecMath.hsum(acc1), token: t, row: r + spacing)
                p.store(VecMath.hsum(acc2), token: t, row: r + 2 * spacing)
                p.store(VecMath.hsum(acc3), token: t, row: r + 3 * spacing)
            }
        }
    }

    static func one(_ p: RowProduct, _ rows: Range<Int>) {
        let nb = p.cols / 32
        for r in rows {
            let x0 = p.weights + r * p.rowBytes
            for t in 0..<p.tokens {
                let y = p.input + t * p.inputBytes
                var acc = _mm256_setzero_ps()
                for b in 0..<nb {
                    let yb = y + b * Q8_0.blockBytes
                    step(x0 + b * Q8_0.blockBytes, yb.loadUnaligned(fromByteOffset: 2, as: __m256i.self), loadHalf(yb), &acc)
                }
                p.store(VecMath.hsum(acc), token: t, row: r)
            }
        }
    }

    @inline(__always)
    static func step(_ x: UnsafeRawPointer, _ qy: __m256i, _ dy: Float, _ acc: inout __m256) {
        let qx = x.loadUnaligned(fromByteOffset: 2, as: __m256i.self)
        let p = _mm256_madd_epi16(_mm256_maddubs_epi16(_mm256_sign_epi8(qx, qx), _mm256_sign_epi8(qy, qx)), AVX2.ones16)
        acc = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x) * dy), _mm256_cvtepi32_ps(p), acc)
    }
}
#endif
