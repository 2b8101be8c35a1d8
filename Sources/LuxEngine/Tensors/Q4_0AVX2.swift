#if arch(x86_64)
import _Builtin_intrinsics.intel

/// The AVX2 paths of Q4_0's many-row kernels.
enum Q4_0AVX2 {
    /// As ggml_gemv_q4_0_8x8_q8_0: eight rows at once, row i in float lane i. Per block: each
    /// row's whole integer sum Σ(q-8)·y (exact, from maddubs lanes folded by horizontal adds),
    /// converted and fused-added with d_w·d_a into the row's single running float:
    /// sum = fma(isum, d_w·d_a, sum).
    static func dotRowsInterleaved(_ p: RowProduct, rows: Range<Int>, spacing: Int) {
        if p.tokens >= 4 { gemm(p, rows: rows, spacing: spacing); return }
        let nb = p.cols / 32, g = spacing * p.rowBytes
        for r in rows {
            let x0 = p.weights + r * p.rowBytes
            var t = 0
            // Four tokens at a time share the unpacked weights (prompts); then one at a time.
            while t + 4 <= p.tokens {
                let y = p.input + t * p.inputBytes, yb = p.inputBytes
                var acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps()
                for b in 0..<nb {
                    let x = x0 + b * Q4_0.blockBytes
                    let w = Unpacked8(x, g)
                    let o = b * Q8_0.blockBytes
                    w.accumulate(y + o, &acc0)
                    w.accumulate(y + yb + o, &acc1)
                    w.accumulate(y + 2 * yb + o, &acc2)
                    w.accumulate(y + 3 * yb + o, &acc3)
                }
                AVX2.storeEightRows(p, acc0, acc1, acc2, acc3, tokens: t, count: 4, row: r, spacing: spacing)
                t += 4
            }
            while t < p.tokens {
                let y = p.input + t * p.inputBytes
                var acc = _mm256_setzero_ps()
                for b in 0..<nb {
                    let x = x0 + b * Q4_0.blockBytes
                    if t == 0 && b & 1 == 0 { for i in 0..<8 { prefetchAhead(x + i * g, bytes: 1) } }
                    Unpacked8(x, g).accumulate(y + b * Q8_0.blockBytes, &acc)
                }
                for i in 0..<8 { p.store(acc[i], token: t, row: r + i * spacing) }
                t += 1
            }
        }
    }

    /// The same sums for prompts, through a table of the eight rows' blocks unpacked once per
    /// group of rows, row i in lane i (the layout llama.cpp repacks to): per four elements, the
    /// rows' |q - 8| and q - 8 (for its sign). Each token then runs down the table with vertical
    /// sums only: per four elements, one broadcast of the activations, vpsignb, maddubs and a
    /// 16-bit add (a block's sum of |(q-8)·y| ≤ 32 · 8 · 127 fits), and per block one madd.
    /// With `packed`, p.weights is a Q4_0Packed copy and `rows` are its groups.
    static func gemm(_ p: RowProduct, rows: Range<Int>, spacing: Int, packed: Bool = false) {
        let nb = p.cols / 32, g = spacing * p.rowBytes
        let blockTable = 8 * 32 + 8 * 32 + 32   // |q - 8|, q - 8, d
        AVX2.tableGemm(p, rows: rows, spacing: spacing, tableBytes: nb * blockTable) { r, table in
            if packed {
                let x0 = p.weights + r * nb * Q4_0Packed.blockBytes
                for b in 0..<nb { tableFromPacked(x0 + b * Q4_0Packed.blockBytes, into: table + b * blockTable) }
            } else {
                let x0 = p.weights + r * p.rowBytes
                for b in 0..<nb { repack(x0 + b * Q4_0.blockBytes, g, into: table + b * blockTable) }
            }
        } four: { table, y0, y1, y2, y3 in
            var acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps()
            for b in 0..<nb {
                let tb = table + b * blockTable, o = b * Q8_0.blockBytes
                var s0 = _mm256_setzero_si256(), s1 = _mm256_setzero_si256(), s2 = _mm256_setzero_si256(), s3 = _mm256_setzero_si256()
                for s in 0..<8 {
                    let magnitudes = tb.load(fromByteOffset: 32 * s, as: __m256i.self)
                    let signs = tb.load(fromByteOffset: 256 + 32 * s, as: __m256i.self)
                    @inline(__always) func term(_ yt: UnsafeRawPointer) -> __m256i {
                        let yq = _mm256_set1_epi32(yt.loadUnaligned(fromByteOffset: o + 2 + 4 * s, as: Int32.self))
                        return _mm256_maddubs_epi16(magnitudes, _mm256_sign_epi8(yq, signs))
                    }
                    s0 = _mm256_add_epi16(s0, term(y0))
                    s1 = _mm256_add_epi16(s1, term(y1))
                    s2 = _mm256_add_epi16(s2, term(y2))
                    s3 = _mm256_add_epi16(s3, term(y3))
                }
                let dw = tb.load(fromByteOffset: 512, as: __m256.self)
                @inline(__always) func add(_ sums: __m256i, _ yt: UnsafeRawPointer, _ acc: inout __m256) {
                    let d = _mm256_mul_ps(dw, _mm256_set1_ps(loadHalf(yt + o)))
                    acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_madd_epi16(sums, AVX2.ones16)), d, acc)
                }
                add(s0, y0, &acc0)
                add(s1, y1, &acc1)
                add(s2, y2, &acc2)
                add(s3, y3, &acc3)
            }
            return (acc0, acc1, acc2, acc3)
        }
    }

    /// Unpacks one Q4_0 block of eight rows (g bytes apart) into the table `gemm` reads.
    @inline(__always) static func repack(_ x: UnsafeRawPointer, _ g: Int, into table: UnsafeMutableRawPointer) {
        let eight = _mm256_set1_epi8(8)
        for i in 0..<8 {
            let xi = x + i * g
            table.storeBytes(of: loadHalf(xi), toByteOffset: 512 + 4 * i, as: Float.self)
            let q = _mm256_sub_epi8(AVX2.nibbles32(xi + 2), eight)
            let words = unsafeBitCast(q, to: SIMD8<UInt32>.self), magnitudes = unsafeBitCast(_mm256_abs_epi8(q), to: SIMD8<UInt32>.self)
            for m in 0..<8 {
                table.storeBytes(of: magnitudes[m], toByteOffset: 32 * m + 4 * i, as: UInt32.self)
                table.storeBytes(of: words[m], toByteOffset: 256 + 32 * m + 4 * i, as: UInt32.self)
            }
        }
    }

    /// One block of eight rows (g bytes apart), unpacked: for each pair of rows, the low nibbles
    /// (elements 0..15) and the high nibbles (16..31), the first row of the pair in the low half;
    /// and the rows' scales.
    struct Unpacked8 {
        let lo01, hi01, lo23, hi23, lo45, hi45, lo67, hi67: __m256i
        let dw: __m256

        @inline(__always) init(_ x: UnsafeRawPointer, _ g: Int) {
            let mask = AVX2.lowNibbles
            @inline(__always) func pair(_ x: UnsafeRawPointer) -> (__m256i, __m256i) {
                let v = _mm256_set_m128i(x.loadUnaligned(fromByteOffset: g + 2, as: __m128i.self),
                                         x.loadUnaligned(fromByteOffset: 2, as: __m128i.self))
                return (_mm256_and_si256(v, mask), _mm256_and_si256(_mm256_srli_epi16(v, 4), mask))
            }
            (lo01, hi01) = pair(x)
            (lo23, hi23) = pair(x + 2 * g)
            (lo45, hi45) = pair(x + 4 * g)
            (lo67, hi67) = pair(x + 6 * g)
            dw = AVX2.halves8(x, stride: g)
        }

        /// acc = fma(isum, d_w·d_a, acc) for the Q8_0 input block at yb, isum per row (lane).
        @inline(__always) func accumulate(_ yb: UnsafeRawPointer, _ acc: inout __m256) {
            // Activations 0..15 (met by low nibbles) and 16..31 (high nibbles), each in both
            // halves, so one vector serves two rows; and 8·(y pairs), to turn the unsigned
            // nibbles' products into those of q - 8.
            let ylo = _mm256_broadcastsi128_si256(yb.loadUnaligned(fromByteOffset: 2, as: __m128i.self))
            let yhi = _mm256_broadcastsi128_si256(yb.loadUnaligned(fromByteOffset: 18, as: __m128i.self))
            let eight = _mm256_set1_epi8(8)
            let offset = _mm256_add_epi16(_mm256_maddubs_epi16(eight, ylo), _mm256_maddubs_epi16(eight, yhi))
            @inline(__always) func pair(_ lo: __m256i, _ hi: __m256i) -> __m256i {
                _mm256_sub_epi16(_mm256_add_epi16(_mm256_maddubs_epi16(lo, ylo), _mm256_maddubs_epi16(hi, yhi)), offset)
            }
            let isum = AVX2.pairRowTotals(pair(lo01, hi01), pair(lo23, hi23), pair(lo45, hi45), pair(lo67, hi67))
            acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(isum), _mm256_mul_ps(dw, _mm256_set1_ps(loadHalf(yb))), acc)
        }
    }

    /// The lane order of ggml_vec_dot_q4_0_q8_0, four rows at a time: per block, eight Int32
    /// lanes of four products (q - 8)·y, converted and fused-added with d_w·d_a into eight float
    /// sums; hsum at the end.
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
                    let qy = yb.loadUnaligned(fromByteOffset: 2, as: __m256i.self)
                    let offset = _mm256_maddubs_epi16(_mm256_set1_epi8(8), qy)
                    let dy = loadHalf(yb)
                    let x = x0 + b * Q4_0.blockBytes
                    if t == 0 && b & 1 == 0 { for i in 0..<4 { prefetchAhead(x + i * g, bytes: 1) } }
                    acc0 = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x) * dy), products(x, qy, offset), acc0)
                    acc1 = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x + g) * dy), products(x + g, qy, offset), acc1)
                    acc2 = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x + 2 * g) * dy), products(x + 2 * g, qy, offset), acc2)
                    acc3 = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x + 3 * g) * dy), products(x + 3 * g, qy, offset), acc3)
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
                    let qy = yb.loadUnaligned(fromByteOffset: 2, as: __m256i.self)
                    let x = x0 + b * Q4_0.blockBytes
                    acc = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x) * loadHalf(yb)),
                                          products(x, qy, _mm256_maddubs_epi16(_mm256_set1_epi8(8), qy)), acc)
                }
                p.store(VecMath.hsum(acc), token: t, row: r)
            }
        }
    }

    @inline(__always) static func products(_ x: UnsafeRawPointer, _ qy: __m256i, _ offset: __m256i) -> __m256 {
        let p = _mm256_sub_epi16(_mm256_maddubs_epi16(AVX2.nibbles32(x + 2), qy), offset)
        return _mm256_cvtepi32_ps(_mm256_madd_epi16(p, AVX2.ones16))
    }
}

extension AVX2 {
    /// The frame of the table GEMMs (Q4_0, Q4_K, Q6_K): for each group r of eight rows, `fill`
    /// unpacks the rows into a table of `tableBytes`, then `four` runs four tokens down it at a
    /// time, given their input rows, and returns one vector per token, row i in lane i. The table
    /// outgrows L1 for long rows, so four tokens share each of its loads. A last group of fewer
    /// tokens repeats its last one in the empty slots, and nothing is stored for those; each
    /// token's operations are the ones it has alone.
    @inline(__always)
    static func tableGemm(_ p: RowProduct, rows: Range<Int>, spacing: Int, tableBytes: Int,
                          fill: (_ group: Int, _ table: UnsafeMutableRawPointer) -> Void,
                          four: (_ table: UnsafeRawPointer, UnsafeRawPointer, UnsafeRawPointer, UnsafeRawPointer,
                                 UnsafeRawPointer) -> (__m256, __m256, __m256, __m256)) {
        withUnsafeTemporaryAllocation(byteCount: tableBytes, alignment: 64) { buffer in
            let table = buffer.baseAddress!
            for r in rows {
                fill(r, table)
                var t = 0
                while t < p.tokens {
                    let last = p.tokens - 1
                    @inline(__always) func row(_ k: Int) -> UnsafeRawPointer { p.input + min(t + k, last) * p.inputBytes }
                    let (a0, a1, a2, a3) = four(UnsafeRawPointer(table), row(0), row(1), row(2), row(3))
                    storeEightRows(p, a0, a1, a2, a3, tokens: t, count: min(4, p.tokens - t), row: r, spacing: spacing)
                    t += 4
                }
            }
        }
    }

    /// Stores the results of tokens t..<t+count (count ≤ 4, one vector each) for the eight rows
    /// r + i·spacing, row i in lane i.
    @inline(__always) static func storeEightRows(_ p: RowProduct, _ a0: __m256, _ a1: __m256, _ a2: __m256, _ a3: __m256,
                                                 tokens t: Int, count: Int, row r: Int, spacing: Int) {
        for i in 0..<8 {
            let row = r + i * spacing
            p.store(a0[i], token: t, row: row)
            if count > 1 { p.store(a1[i], token: t + 1, row: row) }
            if count > 2 { p.store(a2[i], token: t + 2, row: row) }
            if count > 3 { p.store(a3[i], token: t + 3, row: row) }
        }
    }

    /// Row totals of four row-pair vectors (see Q4_0AVX2.pairRows): lane i = the sum of row i's
    /// eight Int16 sums, as Int32. Exact while every partial sum of a row fits an Int16: for
    /// Q4_0 against Q8_0, |Σ (q-8)·y| ≤ 32 · 8 · 127 = 32512.
    @inline(__always) static func pairRowTotals(_ p01: __m256i, _ p23: __m256i, _ p45: __m256i, _ p67: __m256i) -> __m256i {
        // Low halves end as rows 0, 2, 4, 6 in lanes 0-3, high halves as rows 1, 3, 5, 7.
        let h = _mm256_hadd_epi16(_mm256_hadd_epi16(p01, p23), _mm256_hadd_epi16(p45, p67))
        let t = unsafeBitCast(_mm256_hadd_epi16(h, h), to: SIMD16<Int16>.self)
        let rows = SIMD8<Int16>(t[0], t[8], t[1], t[9], t[2], t[10], t[3], t[11])
        return _mm256_cvtepi16_epi32(unsafeBitCast(rows, to: __m128i.self))
    }

    /// The f16 at the start of eight rows `stride` bytes apart, as floats.
    @inline(__always) static func halves8(_ p: UnsafeRawPointer, stride: Int) -> __m256 {
        let h = SIMD8<UInt16>(p.loadUnaligned(as: UInt16.self), p.loadUnaligned(fromByteOffset: stride, as: UInt16.self),
                              p.loadUnaligned(fromByteOffset: 2 * stride, as: UInt16.self), p.loadUnaligned(fromByteOffset: 3 * stride, as: UInt16.self),
                              p.loadUnaligned(fromByteOffset: 4 * stride, as: UInt16.self), p.loadUnaligned(fromByteOffset: 5 * stride, as: UInt16.self),
                              p.loadUnaligned(fromByteOffset: 6 * stride, as: UInt16.self), p.loadUnaligned(fromByteOffset: 7 * stride, as: UInt16.self))
        return _mm256_cvtph_ps(unsafeBitCast(h, to: __m128i.self))
    }
}
#endif
