#if arch(x86_64)
import _Builtin_intrinsics.intel

/// AVX2 paths of the K-quant many-row kernels. The integer sums are exact, so only their
/// grouping into float operations matters, and that follows the reference dots exactly.
enum KQuantAVX2 {
    // MARK: Q4_K, repacked order

    /// Q4_K.dotInterleaved (grouped: false) or dotInterleavedGroup (true), eight rows g bytes
    /// apart in the float lanes. Per super-block and row: the scaled sums s_j · (q · q8)_j and the
    /// min sums m_j · (sub-block j's activation sum), as exact integers, folded to one integer per
    /// row (GEMV) or per row and sub-block pair (GEMM), then fused into the running floats.
    static func q4KInterleaved(_ p: RowProduct, rows: Range<Int>, spacing: Int, grouped: Bool) {
        if grouped { q4KGemm(p, rows: rows, spacing: spacing); return }
        let nb = p.cols / 256, g = spacing * p.rowBytes
        for r in rows {
            let x0 = p.weights + r * p.rowBytes
            for t in 0..<p.tokens {
                let y = p.input + t * p.inputBytes
                var acc = _mm256_setzero_ps(), accMin = _mm256_setzero_ps()
                for b in 0..<nb {
                    let x = x0 + b * Q4_K.blockBytes, yb = y + b * Q8_K.blockBytes
                    let dy = _mm256_set1_ps(Q8_K.scale(yb))
                    let d = _mm256_mul_ps(AVX2.halves8(x, stride: g), dy)
                    let dmin = _mm256_mul_ps(AVX2.halves8(x + 2, stride: g), dy)
                    let sums2 = _mm256_broadcastsi128_si256(blockSums(yb))
                    if t == 0 { for i in 0..<8 { prefetchAhead(x + i * g, bytes: Q4_K.blockBytes) } }
                    // Two rows at a time: their scaled sums folded pairwise at once, and their
                    // min sums m_j · (sub-block j's activation sum) as four Int32 each.
                    @inline(__always) func pair(_ i: Int) -> (__m256i, __m256i) {
                        let xa = x + i * g, xb = xa + g
                        let sa = scalesAndMins(xa), sb = scalesAndMins(xb)
                        let ia = q4KRow(xa, _mm256_broadcastq_epi64(sa), yb), ib = q4KRow(xb, _mm256_broadcastq_epi64(sb), yb)
                        let mins = _mm256_cvtepu8_epi16(_mm_unpackhi_epi64(sa, sb))
                        return (_mm256_hadd_epi32(ia, ib), _mm256_madd_epi16(mins, sums2))
                    }
                    let (i01, m01) = pair(0), (i23, m23) = pair(2), (i45, m45) = pair(4), (i67, m67) = pair(6)
                    let isum = AVX2.foldTotals(_mm256_hadd_epi32(i01, i23), _mm256_hadd_epi32(i45, i67))
                    // Lanes r0 r2 r4 r6 | r1 r3 r5 r7, put back in row order.
                    let mins = _mm256_hadd_epi32(_mm256_hadd_epi32(m01, m23), _mm256_hadd_epi32(m45, m67))
                    let imin = _mm256_permutevar8x32_epi32(mins, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7))
                    acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(isum), d, acc)
                    accMin = _mm256_fmadd_ps(_mm256_cvtepi32_ps(imin), dmin, accMin)
                }
                let result = _mm256_sub_ps(acc, accMin)
                for i in 0..<8 { p.store(result[i], token: t, row: r + i * spacing) }
            }
        }
    }

    /// The GEMM order for prompts. The eight rows' blocks are first unpacked into a small table
    /// laid out as llama.cpp repacks them, row i in lane i: for each four elements, one byte per
    /// quant of every row; each sub-block's scale and min per row; d and dmin per row. Then every
    /// token runs down the table with vertical sums only (no horizontal adds): per four elements,
    /// one broadcast of the activations, maddubs, madd with the rows' scales. The table is built
    /// once per group of rows and serves all the tokens (from L1/L2).
    /// With `packed`, p.weights is a Q4_KPacked copy and `rows` are its groups.
    static func q4KGemm(_ p: RowProduct, rows: Range<Int>, spacing: Int, packed: Bool = false) {
        let nb = p.cols / 256, g = spacing * p.rowBytes
        let blockTable = 64 * 32 + 8 * 32 + 8 * 32 + 2 * 32   // quants, scales, mins, d and dmin
        AVX2.tableGemm(p, rows: rows, spacing: spacing, tableBytes: nb * blockTable) { r, table in
            if packed {
                let x0 = p.weights + r * nb * Q4_KPacked.blockBytes
                for b in 0..<nb { q4KTableFromPacked(x0 + b * Q4_KPacked.blockBytes, into: table + b * blockTable) }
            } else {
                let x0 = p.weights + r * p.rowBytes
                for b in 0..<nb { q4KRepack(x0 + b * Q4_K.blockBytes, g, into: table + b * blockTable) }
            }
        } four: { table, y0, y1, y2, y3 in
            let t0 = GemmToken(y: y0), t1 = GemmToken(y: y1), t2 = GemmToken(y: y2), t3 = GemmToken(y: y3)
            var acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps()
            var min0 = _mm256_setzero_ps(), min1 = _mm256_setzero_ps(), min2 = _mm256_setzero_ps(), min3 = _mm256_setzero_ps()
            for b in 0..<nb {
                let tb = table + b * blockTable
                let quants = tb, scales = tb + 64 * 32, mins = scales + 8 * 32, dd = mins + 8 * 32
                let dw = dd.load(as: __m256.self), dminw = dd.load(fromByteOffset: 32, as: __m256.self)
                let b0 = t0.block(b, dw, dminw), b1 = t1.block(b, dw, dminw)
                let b2 = t2.block(b, dw, dminw), b3 = t3.block(b, dw, dminw)
                for pr in 0..<4 {
                    var u0 = _mm256_setzero_si256(), u1 = _mm256_setzero_si256()
                    var u2 = _mm256_setzero_si256(), u3 = _mm256_setzero_si256()
                    for j in 2 * pr...2 * pr + 1 {
                        let sc = scales.load(fromByteOffset: 32 * j, as: __m256i.self)
                        for s in 8 * j..<8 * j + 8 {
                            let q = quants.load(fromByteOffset: 32 * s, as: __m256i.self)
                            u0 = _mm256_add_epi32(u0, b0.product(q, sc, s))
                            u1 = _mm256_add_epi32(u1, b1.product(q, sc, s))
                            u2 = _mm256_add_epi32(u2, b2.product(q, sc, s))
                            u3 = _mm256_add_epi32(u3, b3.product(q, sc, s))
                        }
                    }
                    let m0 = mins.load(fromByteOffset: 32 * (2 * pr), as: __m256i.self)
                    let m1 = mins.load(fromByteOffset: 32 * (2 * pr + 1), as: __m256i.self)
                    b0.accumulate(u0, m0, m1, pair: pr, &acc0, &min0)
                    b1.accumulate(u1, m0, m1, pair: pr, &acc1, &min1)
                    b2.accumulate(u2, m0, m1, pair: pr, &acc2, &min2)
                    b3.accumulate(u3, m0, m1, pair: pr, &acc3, &min3)
                }
            }
            return (_mm256_sub_ps(acc0, min0), _mm256_sub_ps(acc1, min1), _mm256_sub_ps(acc2, min2), _mm256_sub_ps(acc3, min3))
        }
    }

    /// One token's side of q4KGemm: its activations, and per block its scales and sums.
    struct GemmToken {
        let y: UnsafeRawPointer

        @inline(__always) func block(_ b: Int, _ dw: __m256, _ dminw: __m256) -> GemmBlock {
            let yb = y + b * Q8_K.blockBytes
            let dy = _mm256_set1_ps(Q8_K.scale(yb))
            return GemmBlock(yb: yb, d: _mm256_mul_ps(dw, dy), dmin: _mm256_mul_ps(dminw, dy),
                             sums: unsafeBitCast(_mm256_cvtepi16_epi32(blockSums(yb)), to: SIMD8<Int32>.self))
        }
    }

    /// One token's view of one block of q4KGemm's table.
    struct GemmBlock {
        let yb: UnsafeRawPointer
        let d, dmin: __m256
        let sums: SIMD8<Int32>

        /// s_j · (q · q8) for the four elements `s` of every row.
        @inline(__always) func product(_ q: __m256i, _ sc: __m256i, _ s: Int) -> __m256i {
            let yq = _mm256_set1_epi32(yb.loadUnaligned(fromByteOffset: Q8_K.qsOffset + 4 * s, as: Int32.self))
            return _mm256_madd_epi16(_mm256_maddubs_epi16(q, yq), sc)
        }

        /// Fuses sub-block pair `pair`'s sums into the token's two accumulators.
        @inline(__always) func accumulate(_ u: __m256i, _ m0: __m256i, _ m1: __m256i, pair pr: Int,
                                          _ acc: inout __m256, _ accMin: inout __m256) {
            acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(u), d, acc)
            let imin = _mm256_add_epi32(_mm256_mullo_epi32(m0, _mm256_set1_epi32(sums[2 * pr])),
                                        _mm256_mullo_epi32(m1, _mm256_set1_epi32(sums[2 * pr + 1])))
            accMin = _mm256_fmadd_ps(_mm256_cvtepi32_ps(imin), dmin, accMin)
        }
    }

    /// Unpacks one Q4_K block of eight rows (g bytes apart) into the table q4KGemm reads.
    @inline(__always) static func q4KRepack(_ x: UnsafeRawPointer, _ g: Int, into table: UnsafeMutableRawPointer) {
        let quants = table, scales = table + 64 * 32, mins = scales + 8 * 32, dd = mins + 8 * 32
        for i in 0..<8 {
            let xi = x + i * g
            let (sc, mn) = KQuantScales.unpack(xi + Q4_K.scalesOffset)
            for j in 0..<8 {
                // Scale j of row i in both Int16 lanes of its pair; min j of row i as an Int32.
                scales.storeBytes(of: UInt32(sc[j]) | UInt32(sc[j]) << 16, toByteOffset: 32 * j + 4 * i, as: UInt32.self)
                mins.storeBytes(of: Int32(mn[j]), toByteOffset: 32 * j + 4 * i, as: Int32.self)
            }
            dd.storeBytes(of: loadHalf(xi), toByteOffset: 4 * i, as: Float.self)
            dd.storeBytes(of: loadHalf(xi, 2), toByteOffset: 32 + 4 * i, as: Float.self)
            // Quant bytes: 32-byte group pr holds sub-block 2pr (low nibbles) and 2pr + 1 (high);
            // elements 4m..4m+3 of a sub-block (one 32-bit word) go to the table's 32-byte step
            // 8·(sub-block) + m, at 4i.
            for pr in 0..<4 {
                let v = xi.loadUnaligned(fromByteOffset: Q4_K.qsOffset + 32 * pr, as: __m256i.self)
                let lo = unsafeBitCast(_mm256_and_si256(v, AVX2.lowNibbles), to: SIMD8<UInt32>.self)
                let hi = unsafeBitCast(_mm256_and_si256(_mm256_srli_epi16(v, 4), AVX2.lowNibbles), to: SIMD8<UInt32>.self)
                for m in 0..<8 {
                    quants.storeBytes(of: lo[m], toByteOffset: 32 * (16 * pr + m) + 4 * i, as: UInt32.self)
                    quants.storeBytes(of: hi[m], toByteOffset: 32 * (16 * pr + 8 + m) + 4 * i, as: UInt32.self)
                }
            }
        }
    }

    /// Sub-block activation sums of a Q8_K block as Int16 lanes 0-7 (|sum| ≤ 32 · 128).
    @inline(__always) static func blockSums(_ yb: UnsafeRawPointer) -> __m128i {
        let bs = yb.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset, as: SIMD16<Int16>.self)
        return unsafeBitCast(bs.evenHalf &+ bs.oddHalf, to: __m128i.self)
    }

    /// All eight sub-blocks of one row's block, s_j · (q · q8)_j in eight Int32 lanes; `scales`
    /// holds the row's eight scales in every 64-bit lane.
    @inline(__always) static func q4KRow(_ x: UnsafeRawPointer, _ scales: __m256i, _ yb: UnsafeRawPointer) -> __m256i {
        _mm256_add_epi32(_mm256_add_epi32(q4KPairLanes(x, scales, 0, yb), q4KPairLanes(x, scales, 1, yb)),
                         _mm256_add_epi32(q4KPairLanes(x, scales, 2, yb), q4KPairLanes(x, scales, 3, yb)))
    }

    /// A Q4_K block's eight 6-bit scales (bytes 0-7) and mins (bytes 8-15), unpacked with vector
    /// operations from the 12 packed bytes (see KQuantScales; the 4 bytes read past them are the
    /// first quants, masked away).
    @inline(__always) static func scalesAndMins(_ x: UnsafeRawPointer) -> __m128i {
        let v = x.loadUnaligned(fromByteOffset: Q4_K.scalesOffset, as: __m128i.self)
        let low6 = _mm_and_si128(v, _mm_set1_epi8(0x3F))                                  // bytes 0-3 scales, 4-7 mins
        let top2 = _mm_slli_epi16(_mm_and_si128(_mm_srli_epi16(v, 6), _mm_set1_epi8(3)), 4)  // (b >> 6) << 4
        let low4 = _mm_and_si128(v, _mm_set1_epi8(0x0F))                                  // bytes 8-11: scales 4-7 low
        let high4 = _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F))              // bytes 8-11: mins 4-7 low
        let z: Int8 = -128
        let a = _mm_shuffle_epi8(low6, _mm_setr_epi8(0, 1, 2, 3, z, z, z, z, 4, 5, 6, 7, z, z, z, z))
        let b = _mm_shuffle_epi8(low4, _mm_setr_epi8(z, z, z, z, 8, 9, 10, 11, z, z, z, z, z, z, z, z))
        let c = _mm_shuffle_epi8(high4, _mm_setr_epi8(z, z, z, z, z, z, z, z, z, z, z, z, 8, 9, 10, 11))
        let d = _mm_shuffle_epi8(top2, _mm_setr_epi8(z, z, z, z, 0, 1, 2, 3, z, z, z, z, 4, 5, 6, 7))
        return _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d))
    }

    /// Scale j of `scales` (eight scale bytes in every 64-bit lane) in every Int16 lane.
    @inline(__always) static func scale16(_ scales: __m256i, _ j: Int16) -> __m256i {
        _mm256_shuffle_epi8(scales, _mm256_set1_epi16(Int16(bitPattern: 0x8000) | j))
    }

    /// s_j · (q · q8) of sub-blocks 2pr and 2pr + 1 (their 32 quant bytes: low and high nibbles),
    /// in eight Int32 lanes.
    @inline(__always) static func q4KPairLanes(_ x: UnsafeRawPointer, _ scales: __m256i, _ pr: Int, _ yb: UnsafeRawPointer) -> __m256i {
        let v = x.loadUnaligned(fromByteOffset: Q4_K.qsOffset + 32 * pr, as: __m256i.self)
        let mask = AVX2.lowNibbles
        let lo = _mm256_maddubs_epi16(_mm256_and_si256(v, mask), yb.loadUnaligned(fromByteOffset: Q8_K.qsOffset + 64 * pr, as: __m256i.self))
        let hi = _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(v, 4), mask),
                                      yb.loadUnaligned(fromByteOffset: Q8_K.qsOffset + 64 * pr + 32, as: __m256i.self))
        return _mm256_add_epi32(_mm256_madd_epi16(lo, scale16(scales, Int16(2 * pr))),
                                _mm256_madd_epi16(hi, scale16(scales, Int16(2 * pr + 1))))
    }

    // MARK: Q6_K

    /// Q6_K.dotFast (tiled: false: eight float lanes fused with d_w·d_a, hsum at the end) or
    /// dotTiled (true: per super-block r = d_w · (sum of the lanes), acc = fma(r, d_a, acc)).
    /// With `regrouped`, p.weights holds the rows in the order this walks them (row o + k·spacing
    /// at 8o + k: see PackedMatrix) and `rows` are the groups o.
    static func q6K(_ p: RowProduct, rows: Range<Int>, spacing: Int, lanes: Int, tiled: Bool, regrouped: Bool = false) {
        if tiled && lanes == 8 { q6KTiledGemm(p, rows: rows, spacing: spacing, regrouped: regrouped); return }
        let nb = p.cols / 256
        for r in rows {
            for k in 0..<lanes {
                let row = r + k * spacing
                let x0 = p.weights + (regrouped ? 8 * r + k : row) * p.rowBytes
                for t in 0..<p.tokens {
                    let y = p.input + t * p.inputBytes
                    if tiled {
                        var acc: Float = 0
                        for b in 0..<nb {
                            let x = x0 + b * Q6_K.blockBytes, yb = y + b * Q8_K.blockBytes
                            let total = unsafeBitCast(q6KLanes(x, yb), to: SIMD8<Int32>.self).wrappedSum()
                            acc = acc.addingProduct(loadHalf(x, Q6_K.dOffset) * Float(total), Q8_K.scale(yb))
                        }
                        p.store(acc, token: t, row: row)
                    } else {
                        var acc = _mm256_setzero_ps()
                        for b in 0..<nb {
                            let x = x0 + b * Q6_K.blockBytes, yb = y + b * Q8_K.blockBytes
                            if t == 0 { prefetchAhead(x, bytes: Q6_K.blockBytes) }
                            acc = _mm256_fmadd_ps(_mm256_set1_ps(loadHalf(x, Q6_K.dOffset) * Q8_K.scale(yb)),
                                                  _mm256_cvtepi32_ps(q6KLanes(x, yb)), acc)
                        }
                        p.store(VecMath.hsum(acc), token: t, row: row)
                    }
                }
            }
        }
    }

    /// Q6_K.dotTiled for eight rows (g bytes apart) at a time, through a table unpacked once per
    /// group of rows as in q4KGemm: per four elements, the rows' 6-bit quants; per sub-block, the
    /// rows' scales; per pair of sub-blocks, the scale pairs that weigh the activation sums.
    static func q6KTiledGemm(_ p: RowProduct, rows: Range<Int>, spacing: Int, regrouped: Bool) {
        let nb = p.cols / 256, g = regrouped ? p.rowBytes : spacing * p.rowBytes
        let blockTable = 64 * 32 + 16 * 32 + 8 * 32 + 32   // quants, scales, scale pairs, d
        AVX2.tableGemm(p, rows: rows, spacing: spacing, tableBytes: nb * blockTable) { r, table in
            let x0 = p.weights + (regrouped ? 8 * r : r) * p.rowBytes
            for b in 0..<nb { q6KRepack(x0 + b * Q6_K.blockBytes, g, into: table + b * blockTable) }
        } four: { table, y0, y1, y2, y3 in
            var acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), acc2 = _mm256_setzero_ps(), acc3 = _mm256_setzero_ps()
            for b in 0..<nb {
                let tb = table + b * blockTable, o = b * Q8_K.blockBytes
                let quants = tb, scales = tb + 64 * 32, pairs = scales + 16 * 32, d = pairs + 8 * 32
                @inline(__always) func product(_ q: __m256i, _ sc: __m256i, _ y: UnsafeRawPointer, _ s: Int) -> __m256i {
                    let yq = _mm256_set1_epi32(y.loadUnaligned(fromByteOffset: o + Q8_K.qsOffset + 4 * s, as: Int32.self))
                    return _mm256_madd_epi16(_mm256_maddubs_epi16(q, yq), sc)
                }
                var u0 = _mm256_setzero_si256(), u1 = _mm256_setzero_si256(), u2 = _mm256_setzero_si256(), u3 = _mm256_setzero_si256()
                for j in 0..<16 {
                    let sc = scales.load(fromByteOffset: 32 * j, as: __m256i.self)
                    for s in 4 * j..<4 * j + 4 {
                        let q = quants.load(fromByteOffset: 32 * s, as: __m256i.self)
                        u0 = _mm256_add_epi32(u0, product(q, sc, y0, s))
                        u1 = _mm256_add_epi32(u1, product(q, sc, y1, s))
                        u2 = _mm256_add_epi32(u2, product(q, sc, y2, s))
                        u3 = _mm256_add_epi32(u3, product(q, sc, y3, s))
                    }
                }
                @inline(__always) func add(_ u: __m256i, _ y: UnsafeRawPointer, _ acc: inout __m256) {
                    var offsets = _mm256_setzero_si256()
                    for k in 0..<8 {
                        let bs = _mm256_set1_epi32(y.loadUnaligned(fromByteOffset: o + Q8_K.bsumsOffset + 4 * k, as: Int32.self))
                        offsets = _mm256_add_epi32(offsets, _mm256_madd_epi16(pairs.load(fromByteOffset: 32 * k, as: __m256i.self), bs))
                    }
                    let total = _mm256_sub_epi32(u, _mm256_slli_epi32(offsets, 5))
                    let rr = _mm256_mul_ps(d.load(as: __m256.self), _mm256_cvtepi32_ps(total))
                    acc = _mm256_fmadd_ps(rr, _mm256_set1_ps(Q8_K.scale(y + o)), acc)
                }
                add(u0, y0, &acc0)
                add(u1, y1, &acc1)
                add(u2, y2, &acc2)
                add(u3, y3, &acc3)
            }
            return (acc0, acc1, acc2, acc3)
        }
    }

    /// Unpacks one Q6_K block of eight rows (g bytes apart) into the table q6KTiledGemm reads.
    @inline(__always) static func q6KRepack(_ x: UnsafeRawPointer, _ g: Int, into table: UnsafeMutableRawPointer) {
        let quants = table, scales = table + 64 * 32, pairs = scales + 16 * 32, d = pairs + 8 * 32
        let low4 = AVX2.lowNibbles, low2 = _mm256_set1_epi8(3)
        for i in 0..<8 {
            let xi = x + i * g
            d.storeBytes(of: loadHalf(xi, Q6_K.dOffset), toByteOffset: 4 * i, as: Float.self)
            for j in 0..<16 {
                let sc = UInt16(bitPattern: Int16(xi.load(fromByteOffset: Q6_K.scalesOffset + j, as: Int8.self)))
                scales.storeBytes(of: UInt32(sc) | UInt32(sc) << 16, toByteOffset: 32 * j + 4 * i, as: UInt32.self)
            }
            // Scales 2k and 2k + 1 as an Int16 pair, to meet bsums 2k and 2k + 1 in one madd.
            for k in 0..<8 {
                pairs.storeBytes(of: xi.loadUnaligned(fromByteOffset: Q6_K.scalesOffset + 2 * k, as: SIMD2<Int8>.self).toInt16Pair,
                                 toByteOffset: 32 * k + 4 * i, as: UInt32.self)
            }
            for half in 0..<2 {
                let l1 = xi.loadUnaligned(fromByteOffset: 64 * half, as: __m256i.self)
                let l2 = xi.loadUnaligned(fromByteOffset: 64 * half + 32, as: __m256i.self)
                let h = xi.loadUnaligned(fromByteOffset: Q6_K.qhOffset + 32 * half, as: __m256i.self)
                let q0 = _mm256_or_si256(_mm256_and_si256(l1, low4), _mm256_slli_epi16(_mm256_and_si256(h, low2), 4))
                let q1 = _mm256_or_si256(_mm256_and_si256(l2, low4), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), low2), 4))
                let q2 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), low4), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), low2), 4))
                let q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l2, 4), low4), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), low2), 4))
                // Chunk c (32 elements) = quarter of a half; its word m goes to step 8c + m.
                @inline(__always) func scatter(_ q: __m256i, _ c: Int) {
                    let words = unsafeBitCast(q, to: SIMD8<UInt32>.self)
                    for m in 0..<8 { quants.storeBytes(of: words[m], toByteOffset: 32 * (8 * c + m) + 4 * i, as: UInt32.self) }
                }
                scatter(q0, 4 * half); scatter(q1, 4 * half + 1); scatter(q2, 4 * half + 2); scatter(q3, 4 * half + 3)
            }
        }
    }

    /// One Q6_K block's eight lanes as ggml's AVX2 dot forms them: lane k sums scale · q · q8 over
    /// elements with (i % 32) / 4 == k (q unsigned, 0...63), less 32 · (sc_2k · bsum_2k +
    /// sc_2k+1 · bsum_2k+1).
    @inline(__always) static func q6KLanes(_ x: UnsafeRawPointer, _ yb: UnsafeRawPointer) -> __m256i {
        let scales = _mm256_broadcastsi128_si256(x.loadUnaligned(fromByteOffset: Q6_K.scalesOffset, as: __m128i.self))
        let low4 = AVX2.lowNibbles, low2 = _mm256_set1_epi8(3)
        var lanes = _mm256_setzero_si256()
        for half in 0..<2 {
            let l1 = x.loadUnaligned(fromByteOffset: 64 * half, as: __m256i.self)
            let l2 = x.loadUnaligned(fromByteOffset: 64 * half + 32, as: __m256i.self)
            let h = x.loadUnaligned(fromByteOffset: Q6_K.qhOffset + 32 * half, as: __m256i.self)
            // Quarters 0-3: low 4 bits from l1 low, l2 low, l1 high, l2 high; high 2 bits from
            // h bits 0-1, 2-3, 4-5, 6-7 (shifted into bits 4-5).
            let q0 = _mm256_or_si256(_mm256_and_si256(l1, low4), _mm256_slli_epi16(_mm256_and_si256(h, low2), 4))
            let q1 = _mm256_or_si256(_mm256_and_si256(l2, low4), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 2), low2), 4))
            let q2 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), low4), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 4), low2), 4))
            let q3 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l2, 4), low4), _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(h, 6), low2), 4))
            // 32-element chunk c: sub-blocks 2c (elements 0..15) and 2c + 1.
            @inline(__always) func chunk(_ q: __m256i, _ c: Int) -> __m256i {
                let prod = _mm256_maddubs_epi16(q, yb.loadUnaligned(fromByteOffset: Q8_K.qsOffset + 32 * c, as: __m256i.self))
                return _mm256_madd_epi16(prod, chunkScales(scales, c))
            }
            lanes = _mm256_add_epi32(lanes, _mm256_add_epi32(_mm256_add_epi32(chunk(q0, 4 * half), chunk(q1, 4 * half + 1)),
                                                             _mm256_add_epi32(chunk(q2, 4 * half + 2), chunk(q3, 4 * half + 3))))
        }
        let sc16 = _mm256_cvtepi8_epi16(x.loadUnaligned(fromByteOffset: Q6_K.scalesOffset, as: __m128i.self))
        let offsets = _mm256_madd_epi16(yb.loadUnaligned(fromByteOffset: Q8_K.bsumsOffset, as: __m256i.self), sc16)
        return _mm256_sub_epi32(lanes, _mm256_slli_epi32(offsets, 5))
    }

    /// Int16 lanes 0-7 = scale 2c, lanes 8-15 = scale 2c + 1 (signed), from the 16 scale bytes
    /// broadcast to both halves.
    @inline(__always) static func chunkScales(_ scales: __m256i, _ c: Int) -> __m256i {
        let i0 = Int8(2 * c), i1 = Int8(2 * c + 1)
        let idx = _mm256_setr_epi8(i0, i0, i0, i0, i0, i0, i0, i0, i0, i0, i0, i0, i0, i0, i0, i0,
                                   i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1)
        return _mm256_srai_epi16(_mm256_shuffle_epi8(scales, idx), 8)
    }
}

extension SIMD2 where Scalar == Int8 {
    /// The two values sign-extended to Int16, packed little-endian into 32 bits.
    var toInt16Pair: UInt32 {
        UInt32(UInt16(bitPattern: Int16(self[0]))) | UInt32(UInt16(bitPattern: Int16(self[1]))) << 16
    }
}

extension AVX2 {
    /// The last step of rowTotals: lanes 0-3 from a's halves, 4-7 from b's.
    @inline(__always) static func foldTotals(_ a: __m256i, _ b: __m256i) -> __m256i {
        let x = unsafeBitCast(a, to: SIMD8<Int32>.self), y = unsafeBitCast(b, to: SIMD8<Int32>.self)
        return unsafeBitCast(SIMD8<Int32>(lowHalf: x.lowHalf &+ x.highHalf, highHalf: y.lowHalf &+ y.highHalf), to: __m256i.self)
    }

    /// Lane i = the sum of v_i's eight Int32 lanes (exact).
    @inline(__always) static func rowTotals(_ v0: __m256i, _ v1: __m256i, _ v2: __m256i, _ v3: __m256i,
                                            _ v4: __m256i, _ v5: __m256i, _ v6: __m256i, _ v7: __m256i) -> __m256i {
        let a = unsafeBitCast(_mm256_hadd_epi32(_mm256_hadd_epi32(v0, v1), _mm256_hadd_epi32(v2, v3)), to: SIMD8<Int32>.self)
        let b = unsafeBitCast(_mm256_hadd_epi32(_mm256_hadd_epi32(v4, v5), _mm256_hadd_epi32(v6, v7)), to: SIMD8<Int32>.self)
        return unsafeBitCast(SIMD8<Int32>(lowHalf: a.lowHalf &+ a.highHalf, highHalf: b.lowHalf &+ b.highHalf), to: __m256i.self)
    }
}
#endif
