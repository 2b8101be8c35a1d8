#if arch(arm64)
import _Builtin_intrinsics.arm.neon

/// The NEON paths of the Q8_0, Q4_1 and Q4_0 many-row kernels (arm64; NEON is part of the base
/// architecture, so they need no run-time check). Like the AVX2 paths they compute every output
/// with the operations of the reference `dot` in the same order, and only share each block of
/// activations across four rows:
///   - the integer part: per 32-element block, eight Int32 lanes, lane k the sum of elements
///     4k..4k+3 (smull, then two pairwise adds; integer sums are exact in any order);
///   - the float part: those lanes converted and fused-added with d_w·d_a into eight float sums
///     (lane order, `dot`), or the block's whole sum into one float (`dotInterleaved` of Q4_0).
/// They are checked bit for bit against the references under qemu (scripts/test-neon).
enum LegacyQuantNEON {
    /// Computes the rows r + k·spacing (r in `rows`, k < lanes) for every token, four rows at a
    /// time where it can. `interleaved` selects the one-float-per-block sums.
    static func dotRows<F: NEONBlockFormat>(_ format: F.Type, _ p: RowProduct, rows: Range<Int>, spacing: Int,
                                            lanes: Int, interleaved: Bool = false) {
        let nb = p.cols / 32
        for r in rows {
            var k = 0
            while k < lanes {
                let n = min(4, lanes - k)
                let row0 = r + k * spacing
                for t in 0..<p.tokens {
                    let y = p.input + t * p.inputBytes
                    if n == 4 {
                        var s0 = BlockSums(), s1 = BlockSums(), s2 = BlockSums(), s3 = BlockSums()
                        let x0 = p.weights + row0 * p.rowBytes, g = spacing * p.rowBytes
                        for b in 0..<nb {
                            let yb = y + b * F.activationBytes
                            let a = F.activations(yb)
                            let o = b * F.blockBytes
                            s0.add(F.self, x0 + o, yb, a, interleaved)
                            s1.add(F.self, x0 + g + o, yb, a, interleaved)
                            s2.add(F.self, x0 + 2 * g + o, yb, a, interleaved)
                            s3.add(F.self, x0 + 3 * g + o, yb, a, interleaved)
                        }
                        p.store(s0.result(F.self, interleaved), token: t, row: row0)
                        p.store(s1.result(F.self, interleaved), token: t, row: row0 + spacing)
                        p.store(s2.result(F.self, interleaved), token: t, row: row0 + 2 * spacing)
                        p.store(s3.result(F.self, interleaved), token: t, row: row0 + 3 * spacing)
                    } else {
                        for i in 0..<n {
                            let row = row0 + i * spacing, x = p.weights + row * p.rowBytes
                            var s = BlockSums()
                            for b in 0..<nb {
                                let yb = y + b * F.activationBytes
                                s.add(F.self, x + b * F.blockBytes, yb, F.activations(yb), interleaved)
                            }
                            p.store(s.result(F.self, interleaved), token: t, row: row)
                        }
                    }
                }
                k += n
            }
        }
    }

    /// One row's running sums.
    struct BlockSums {
        /// Lane-order float sums, lanes 0-3 and 4-7.
        var lo = SIMD4<Float>(), hi = SIMD4<Float>()
        /// Q4_1's Σ m_w·s_a; or the single float of the interleaved order.
        var extra: Float = 0

        @inline(__always) mutating func add<F: NEONBlockFormat>(_: F.Type, _ x: UnsafeRawPointer, _ y: UnsafeRawPointer,
                                                                _ a: (SIMD16<Int8>, SIMD16<Int8>), _ interleaved: Bool) {
            let (w0, w1) = F.weights(x)
            let q0 = quadSums(w0, a.0), q1 = quadSums(w1, a.1)
            let d = loadHalf(x) * loadHalf(y)
            if interleaved {
                extra = extra.addingProduct(Float(vaddvq_s32(q0 &+ q1)), d)
                return
            }
            if F.hasMinimum { extra = extra.addingProduct(loadHalf(x, 2), loadHalf(y, 2)) }
            let dv = SIMD4<Float>(repeating: d)
            lo = vfmaq_f32(lo, vcvtq_f32_s32(q0), dv)
            hi = vfmaq_f32(hi, vcvtq_f32_s32(q1), dv)
        }

        /// The row's dot product: VecMath.hsum's order, ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7)).
        @inline(__always) func result<F: NEONBlockFormat>(_: F.Type, _ interleaved: Bool) -> Float {
            if interleaved { return extra }
            let a = lo + hi
            let sum = (a[0] + a[2]) + (a[1] + a[3])
            return F.hasMinimum ? sum + extra : sum
        }
    }

    /// Lane k of the result = Σ x[4k+i]·y[4k+i], i < 4, for 16 int8 elements.
    @inline(__always) static func quadSums(_ x: SIMD16<Int8>, _ y: SIMD16<Int8>) -> SIMD4<Int32> {
        let lo = vmull_s8(vget_low_s8(x), vget_low_s8(y))
        let hi = vmull_high_s8(x, y)
        // |x·y| ≤ 128·127, so a sum of two products still fits in Int16.
        return vpaddlq_s16(vpaddq_s16(lo, hi))
    }
}

/// What the NEON kernels need to know of a block format: its blocks' sizes, its 32 weights as
/// signed bytes (elements 0..15, 16..31), and where its activation format keeps the quants.
protocol NEONBlockFormat {
    static var blockBytes: Int { get }
    static var activationBytes: Int { get }
    /// Q4_1's offset m (at byte 2), paired with the activations' s (at byte 2).
    static var hasMinimum: Bool { get }
    static func weights(_ x: UnsafeRawPointer) -> (SIMD16<Int8>, SIMD16<Int8>)
    static func activations(_ y: UnsafeRawPointer) -> (SIMD16<Int8>, SIMD16<Int8>)
}

extension NEONBlockFormat {
    /// Q8_0 activations: f16 d, then 32 int8.
    @inline(__always) static func activations(_ y: UnsafeRawPointer) -> (SIMD16<Int8>, SIMD16<Int8>) {
        (y.loadUnaligned(fromByteOffset: 2, as: SIMD16<Int8>.self), y.loadUnaligned(fromByteOffset: 18, as: SIMD16<Int8>.self))
    }

    /// 16 bytes of nibbles at `offset`: low nibbles are elements 0..15, high nibbles 16..31.
    @inline(__always) static func nibbles(_ x: UnsafeRawPointer, _ offset: Int) -> (SIMD16<UInt8>, SIMD16<UInt8>) {
        let v = x.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
        return (v & 0x0F, v &>> 4)
    }
}

enum Q8_0NEON: NEONBlockFormat {
    static var blockBytes: Int { Q8_0.blockBytes }
    static var activationBytes: Int { Q8_0.blockBytes }
    static var hasMinimum: Bool { false }
    @inline(__always) static func weights(_ x: UnsafeRawPointer) -> (SIMD16<Int8>, SIMD16<Int8>) { activations(x) }
}

enum Q4_0NEON: NEONBlockFormat {
    static var blockBytes: Int { Q4_0.blockBytes }
    static var activationBytes: Int { Q8_0.blockBytes }
    static var hasMinimum: Bool { false }
    @inline(__always) static func weights(_ x: UnsafeRawPointer) -> (SIMD16<Int8>, SIMD16<Int8>) {
        let (lo, hi) = nibbles(x, 2)
        return (SIMD16<Int8>(truncatingIfNeeded: lo) &- 8, SIMD16<Int8>(truncatingIfNeeded: hi) &- 8)
    }
}

enum Q4_1NEON: NEONBlockFormat {
    static var blockBytes: Int { Q4_1.blockBytes }
    static var activationBytes: Int { Q8_1.blockBytes }
    static var hasMinimum: Bool { true }
    @inline(__always) static func weights(_ x: UnsafeRawPointer) -> (SIMD16<Int8>, SIMD16<Int8>) {
        let (lo, hi) = nibbles(x, 4)
        return (SIMD16<Int8>(truncatingIfNeeded: lo), SIMD16<Int8>(truncatingIfNeeded: hi))
    }
    @inline(__always) static func activations(_ y: UnsafeRawPointer) -> (SIMD16<Int8>, SIMD16<Int8>) {
        (y.loadUnaligned(fromByteOffset: 4, as: SIMD16<Int8>.self), y.loadUnaligned(fromByteOffset: 20, as: SIMD16<Int8>.self))
    }
}
#endif
